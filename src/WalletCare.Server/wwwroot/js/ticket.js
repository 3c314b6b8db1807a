// Inserting a macro appends its text to the reply draft in place, so the reply and the internal note the
// agent typed survive (issue #17). Without this script the form still works as a plain GET that reloads.
document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('macro-form');
    var select = document.getElementById('macro-select');
    var reply = document.getElementById('reply-body');
    if (!form || !select || !reply) return;
    form.addEventListener('submit', function (e) {
        var option = select.options[select.selectedIndex];
        var text = option ? option.getAttribute('data-body') : null;
        if (!text) return;
        e.preventDefault();
        var draft = reply.value.replace(/\s+$/, '');
        reply.value = draft ? draft + '\n' + text : text;
        reply.focus();
    });
});
