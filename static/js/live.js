/* VALOA's live channel in the browser (valoa/live/, docs/decisions/008-live-channel.md).

   window.valoaLive.open(path, handlers) opens a WebSocket at a live path (/live/tiimi/<token>/) and keeps it open:
   - handlers.message(msg) for each message ({topic, event, data});
   - handlers.up() each time the channel (re)opens, and every 30 s while it is open: the page fetches its state
     then, so a screen that was away catches up from the server (the stream is never the record), and a channel
     that went quiet behind a live server (its Redis lost) costs a screen at most 30 s;
   - handlers.down() when the channel cannot be reached (no WebSocket, Redis down, the server restarting):
     the page polls as it did before the channel existed, until up() again.
   Screens only listen here; changes go as ordinary requests. Returns {close()}. */
(function () {
    "use strict";

    var OPEN_TIMEOUT = 4000;      // a handshake that takes longer counts as down (the page starts polling)
    var RETRY_MAX = 5000;         // reconnect backoff: 0.5 s, 1 s, 2 s, … up to 5 s, with jitter: a restarted
                                  // server has every screen back within 5 s of answering again
    var RATE_LIMITED_RETRY = 600000;
    var RESYNC_INTERVAL = 30000;
    var CLOSE_NOT_FOUND = 4404;
    var CLOSE_RATE_LIMITED = 4429;
    var FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";

    function open(path, handlers) {
        var socket = null;
        var attempt = 0;
        var closed = false;
        var state = "connecting";  // "up" or "down" once known: handlers hear of each change once
        var timer = null;
        var openTimer = null;
        var resyncTimer = null;

        function down() {
            clearInterval(resyncTimer);
            if (state !== "down") {
                state = "down";
                if (handlers.down) { handlers.down(); }
            }
        }

        function schedule(delay) {
            if (closed) { return; }
            clearTimeout(timer);
            timer = setTimeout(connect, delay);
        }

        function connect() {
            if (closed) { return; }
            attempt += 1;
            var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
            try {
                socket = new window.WebSocket(scheme + window.location.host + path);
            } catch (error) {
                down();
                return;
            }
            openTimer = setTimeout(function () { down(); }, OPEN_TIMEOUT);
            socket.onopen = function () {
                clearTimeout(openTimer);
                attempt = 0;
                state = "up";
                if (handlers.up) {
                    handlers.up();
                    clearInterval(resyncTimer);
                    resyncTimer = setInterval(function () { if (state === "up") { handlers.up(); } }, RESYNC_INTERVAL);
                }
            };
            socket.onmessage = function (event) {
                var message;
                try { message = JSON.parse(event.data); } catch (error) { return; }
                if (handlers.message) { handlers.message(message); }
            };
            socket.onclose = function (event) {
                clearTimeout(openTimer);
                if (attempt === 0) { attempt = 1; }  // it had been open: the first retry comes quickly
                down();
                if (event.code === CLOSE_NOT_FOUND) { return; }  // the link is gone: the page says so on reload
                if (event.code === CLOSE_RATE_LIMITED) { schedule(RATE_LIMITED_RETRY); return; }
                var backoff = Math.min(RETRY_MAX, 500 * Math.pow(2, Math.max(0, attempt - 1)));
                schedule(backoff / 2 + Math.random() * backoff / 2);
            };
        }

        if (!window.WebSocket) {
            down();
            return {close: function () {}, isUp: function () { return false; }};
        }
        connect();
        // A laptop that wakes from sleep reconnects at once rather than after its backoff.
        window.addEventListener("online", function () { if (state !== "up") { schedule(0); } });
        return {
            close: function () {
                closed = true;
                clearTimeout(timer);
                clearInterval(resyncTimer);
                if (socket) { socket.close(); }
            },
            isUp: function () { return state === "up"; }
        };
    }

    /* Catching up the way a screen without the channel would: fetch the page itself (`url`, under its own
       access rules: a 403 or 404 changes nothing) and put its elements with these ids in place of this page's.
       A live region (role=status) keeps its node and takes the new content, so that it is announced; when
       focus was inside a replaced element, its replacement takes it (never <body>). Resolves to the fetched
       document, or null when the page could not be read. */
    function refresh(url, ids) {
        return window.fetch(url, {credentials: "same-origin", cache: "no-store", headers: {"Accept": "text/html"}})
            .then(function (response) {
                return response.ok ? response.text() : null;
            }).then(function (html) {
                if (html === null) { return null; }
                var fetched = new window.DOMParser().parseFromString(html, "text/html");
                ids.forEach(function (id) {
                    var here = document.getElementById(id);
                    var there = fetched.getElementById(id);
                    if (!here || !there || here.innerHTML === there.innerHTML) { return; }
                    if (here.getAttribute("role") === "status") {
                        here.innerHTML = there.innerHTML;
                        return;
                    }
                    var hadFocus = here.contains(document.activeElement);
                    var index = hadFocus ? Array.prototype.indexOf.call(here.querySelectorAll(FOCUSABLE), document.activeElement) : -1;
                    var label = hadFocus ? document.activeElement.textContent : "";
                    var fresh = document.importNode(there, true);
                    here.parentNode.replaceChild(fresh, here);
                    if (hadFocus) {
                        // The same control again (a button re-rendered with a new CSRF token), else the part.
                        var same = index >= 0 ? fresh.querySelectorAll(FOCUSABLE)[index] : null;
                        if (!same || same.textContent !== label) {
                            same = fresh;
                            if (!fresh.hasAttribute("tabindex")) { fresh.setAttribute("tabindex", "-1"); }
                        }
                        same.focus();
                    }
                });
                return fetched;
            }).catch(function () { return null; });
    }

    window.valoaLive = {open: open, refresh: refresh};
}());
