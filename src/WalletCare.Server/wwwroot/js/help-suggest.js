// Deflection while a complaint is drafted (issue #12): as the customer types the subject or description,
// ask /api/v1/help/suggestions and list matching articles and troubleshooters. Text only (no innerHTML).
(function () {
  const box = document.getElementById('complaint-suggestions');
  const list = document.getElementById('complaint-suggestions-list');
  const subject = document.getElementById('complaint-subject');
  const description = document.getElementById('complaint-description');
  if (!box || !list || !subject || !description) return;
  let timer = null, last = '';
  function link(href, text, target) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = href; a.textContent = text; a.dataset.target = target;
    li.appendChild(a);
    return li;
  }
  async function refresh() {
    const text = (subject.value + ' ' + description.value).trim();
    if (text.length < 2 || text === last) return;
    last = text;
    const res = await fetch('/api/v1/help/suggestions?text=' + encodeURIComponent(text.slice(0, 300)), { credentials: 'same-origin' });
    if (!res.ok) return;
    const s = await res.json();
    list.replaceChildren(...s.troubleshooters.map(t => link(t.href, t.title, t.key)), ...s.articles.map(a => link(a.href, a.title, a.key)));
    box.hidden = list.children.length === 0;
  }
  function later() { clearTimeout(timer); timer = setTimeout(refresh, 400); }
  subject.addEventListener('input', later);
  description.addEventListener('input', later);
})();
