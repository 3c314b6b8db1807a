// Parts of a page marked data-live (with an id) refresh in place: queue counts, a case's timeline. The script
// fetches the same address, as the person's browser would, and swaps only those parts, so a typed reply,
// a note or the scroll position stay as they are (issue #17; docs/decisions.md). No script, no refresh: the
// page still works, it just needs a reload.
(function () {
    var interval = 10000;
    var busy = false;

    function refresh() {
        if (busy || document.hidden) return Promise.resolve(false);
        var parts = document.querySelectorAll('[data-live][id]');
        if (parts.length === 0) return Promise.resolve(false);
        busy = true;
        return fetch(location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
            .then(function (r) {
                // Signed out or the case is gone: leave the page alone rather than show a half-updated one.
                if (!r.ok || r.redirected) return false;
                return r.text().then(function (html) {
                    var fresh = new DOMParser().parseFromString(html, 'text/html');
                    var changed = false;
                    parts.forEach(function (el) {
                        var next = fresh.getElementById(el.id);
                        if (next && next.innerHTML !== el.innerHTML) {
                            el.innerHTML = next.innerHTML;
                            changed = true;
                        }
                    });
                    return changed;
                });
            })
            .catch(function () { return false; })
            .then(function (changed) { busy = false; return changed; });
    }

    window.walletCareLive = { refresh: refresh };
    document.addEventListener('DOMContentLoaded', function () {
        if (document.querySelector('[data-live][id]')) setInterval(refresh, interval);
    });
    document.addEventListener('visibilitychange', function () { if (!document.hidden) refresh(); });
})();
