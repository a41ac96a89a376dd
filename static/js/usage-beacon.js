/* Counts one view of a tool page or one run of its facilitation mode for the site's usage figures
   (docs/usage-figures.md). Pages served from the front cache never reach the app, so the page asks once.
   No cookies (credentials: "omit"), no identifier, nothing stored in the browser; a failure is ignored.
   Browsers that say "do not track" (Do Not Track or Global Privacy Control) are not counted. */
(function () {
    "use strict";
    var script = document.currentScript;
    if (!script || !window.fetch || !window.FormData) {
        return;
    }
    if (navigator.doNotTrack === "1" || navigator.globalPrivacyControl === true) {
        return;
    }
    var body = new FormData();
    body.append("tool", script.dataset.tool);
    body.append("event", script.dataset.event);
    window.fetch(script.dataset.url, {
        method: "POST",
        body: body,
        credentials: "omit",
        keepalive: true,
        cache: "no-store"
    }).catch(function () {});
}());
