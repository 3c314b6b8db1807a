// Instant results under the help search box (issue #12): the form still works without script (it goes to
// /help/search?q=); with script, typing lists the first matches. Titles only, set as text (no innerHTML).
(function () {
  const input = document.getElementById('help-q');
  const list = document.getElementById('help-instant');
  if (!input || !list) return;
  let timer = null, last = '';
  async function refresh() {
    const q = input.value.trim();
    if (q === last) return;
    last = q;
    if (q.length === 0) { list.replaceChildren(); list.hidden = true; return; }
    const res = await fetch('/api/v1/help/search?limit=5&q=' + encodeURIComponent(q.slice(0, 200)), { credentials: 'same-origin' });
    if (!res.ok || q !== last) return;
    const body = await res.json();
    list.replaceChildren(...body.items.map(i => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '/help/articles/' + i.id; a.textContent = i.title;
      li.appendChild(a);
      return li;
    }));
    list.hidden = list.children.length === 0;
  }
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(refresh, 250); });
})();
