/* VALOA team space: autosave of workbook answers, the others' answers through the live channel (polling when
   it cannot connect), conflict choice, copy link, print, presentation keys. Everything here enhances plain forms and links that work without JavaScript. */
(function () {
    "use strict";

    var AUTOSAVE_DELAY = 1200;
    var POLL_INTERVAL = 4000;       // only when the live channel cannot connect
    var ANNOUNCE_QUIET = 1500;      // others' updates are announced together after this quiet time…
    var ANNOUNCE_MAX = 10000;       // …or at the latest this long after the first one

    // Saving goes through the shared autosave module (static/js/autosave.js), loaded before this file.
    function setupWorkbook(root) {
        var autosave = window.valoaAutosave;
        var progressBar = document.querySelector(".js-progress-bar");
        var progressCount = document.querySelector(".js-progress-count");
        var controllers = {};  // question key -> the form's autosave (remote() takes polled answers)
        if (!autosave || !window.fetch) { return; }

        function updateProgress(answered, total) {
            if (progressBar) {
                progressBar.max = total;
                progressBar.value = answered;
            }
            if (progressCount) {
                progressCount.textContent = autosave.interpolate(
                    window.ngettext ? window.ngettext("%(answered)s / %(total)s kysymys", "%(answered)s / %(total)s kysymystä", total)
                        : "%(answered)s / %(total)s",
                    {answered: answered, total: total},
                    true
                );
            }
        }

        var announcer = document.querySelector(".js-live-announcer");
        var pause = setupPause(document.querySelector(".js-live-pause"));
        var updated = 0;
        var announceTimer = null;

        // Updates from others are announced together: after a quiet moment, "3 answers were updated",
        // never one message per update (a screen reader user keeps their place).
        var firstAt = 0;
        function announceLater() {
            if (!updated) { firstAt = Date.now(); }
            updated += 1;
            clearTimeout(announceTimer);
            // At most one message every ANNOUNCE_MAX ms while someone keeps typing (each autosave an update).
            announceTimer = setTimeout(function () {
                if (announcer) {
                    announcer.textContent = autosave.interpolate(
                        window.ngettext ? window.ngettext("%(count)s vastaus päivittyi toisaalla.", "%(count)s vastausta päivittyi toisaalla.", updated)
                            : "%(count)s", {count: updated}, true
                    );
                }
                updated = 0;
            }, Date.now() - firstAt > ANNOUNCE_MAX ? 0 : ANNOUNCE_QUIET);
        }

        root.querySelectorAll(".js-answer-form").forEach(function (form) {
            var key = form.querySelector("input[name=key]").value;
            var textarea = form.querySelector("textarea[name=answer]");
            controllers[key] = autosave.attach(form, {
                field: "answer",
                status: form.querySelector(".js-status"),
                conflictBox: form.querySelector(".js-conflict"),
                delay: AUTOSAVE_DELAY,
                canMerge: form.dataset.kind === "text" || form.dataset.kind === "list",
                conflictText: autosave.gettext(
                    "Toinen tiimin jäsen tallensi tähän kysymykseen vastauksen sillä välin. Mitään ei ole korvattu. Valitkaa, kumpi versio jää, tai yhdistäkää ne."
                ),
                getValue: function () {
                    if (textarea) { return textarea.value; }
                    var checked = form.querySelector("input[name=answer]:checked");
                    return checked ? checked.value : "";
                },
                getLoadedValue: function () {
                    if (textarea) { return textarea.defaultValue; }
                    var loaded = Array.prototype.filter.call(form.querySelectorAll("input[name=answer]"), function (radio) {
                        return radio.defaultChecked;
                    });
                    return loaded.length ? loaded[0].value : "";
                },
                setValue: function (value) {
                    if (textarea) { textarea.value = value; return; }
                    form.querySelectorAll("input[name=answer]").forEach(function (radio) {
                        radio.checked = radio.value === value;
                    });
                },
                onSaved: function (data) { updateProgress(data.progress.done, data.progress.total); },
                onRemote: announceLater
            });
        });


        var sync = setupSync(root, pause, function (data) {
            Object.keys(data.answers).forEach(function (key) {
                var answer = data.answers[key];
                if (controllers[key]) { controllers[key].remote(answer.text, answer.version, answer.saved_at); }
            });
            updateProgress(data.answered, data.total);
        });
        pause.onResume(sync.now);
    }

    /* A "pause live updates" button (WCAG 2.2.2): while it is pressed, what others save is not put on this
       screen; on release the screen catches up at once. Hidden without JavaScript (nothing updates then). */
    function setupPause(button) {
        var paused = false;
        var resumed = [];
        var note = document.querySelector(".js-live-paused");
        if (button) {
            button.hidden = false;
            button.addEventListener("click", function () {
                paused = !paused;
                button.setAttribute("aria-pressed", paused ? "true" : "false");
                if (note) { note.hidden = !paused; }
                if (!paused) { resumed.forEach(function (callback) { callback(); }); }
            });
        }
        return {
            paused: function () { return paused; },
            onResume: function (callback) { resumed.push(callback); }
        };
    }

    /* The others' answers: the live channel tells at once that an answer was saved (static/js/live.js), and
       the page fetches the session's answers then; when the channel cannot be reached the page asks every
       few seconds instead, with If-None-Match: the server answers 304 (no body) while nothing changed.
       Polling pauses while the tab is hidden and asks at once when it shows again. */
    function setupSync(root, pause, onChange) {
        var url = root.dataset.pollUrl;
        var revision = root.dataset.revision;
        var topic = root.dataset.liveTopic;
        var timer = null;
        var inFlight = false;
        var again = false;
        var polling = false;
        if (!url || !window.fetch) { return {now: function () {}}; }

        function later() {
            if (polling && !timer && !inFlight && !document.hidden) { timer = setTimeout(fetchNow, POLL_INTERVAL); }
        }

        function fetchNow() {
            if (timer) { clearTimeout(timer); timer = null; }
            if (pause.paused() || document.hidden) { return; }
            if (inFlight) { again = true; return; }
            inFlight = true;
            fetch(url, {
                credentials: "same-origin",
                cache: "no-store",
                headers: {"Accept": "application/json", "If-None-Match": "\"" + revision + "\""}
            }).then(function (response) {
                return response.status === 200 ? response.json() : null;
            }).then(function (data) {
                if (data && !pause.paused()) {
                    revision = String(data.revision);
                    onChange(data);
                }
            }).catch(function () {
                // Offline for a moment: the next message or poll tries again; saving shows its own errors.
            }).then(function () {
                inFlight = false;
                if (again) { again = false; fetchNow(); } else { later(); }
            });
        }

        document.addEventListener("visibilitychange", function () {
            if (document.hidden) {
                if (timer) { clearTimeout(timer); timer = null; }
            } else {
                fetchNow();
            }
        });

        if (window.valoaLive && root.dataset.liveUrl) {
            window.valoaLive.open(root.dataset.liveUrl, {
                message: function (message) {
                    if (message.topic === topic) { fetchNow(); }
                },
                up: function () { polling = false; fetchNow(); },  // caught up from the server on each (re)connect
                down: function () { polling = true; later(); }
            });
        } else {
            polling = true;
            later();
        }
        return {now: fetchNow};
    }

    /* The workbook's presentation view: the answer on the screen changes as it is saved elsewhere (each
       autosave while someone types), fetched from the page itself. No polling: a reload shows it too. */
    function setupLivePresent(root) {
        var pause = setupPause(document.querySelector(".js-live-pause"));
        var parts = (root.dataset.liveParts || "").split(" ");
        if (!window.valoaLive || !window.fetch || !window.DOMParser) { return; }
        function refresh() {
            if (!pause.paused()) { window.valoaLive.refresh(window.location.href, parts); }
        }
        pause.onResume(refresh);
        window.valoaLive.open(root.dataset.liveUrl, {
            message: function (message) {
                if (message.topic === root.dataset.liveTopic && message.data && message.data.key === root.dataset.liveKey) {
                    refresh();
                }
            },
            up: refresh
        });
    }

    function setupCopy(button) {
        var target = document.getElementById(button.dataset.copyTarget);
        var status = document.querySelector(".team-link__status");
        if (!target || !navigator.clipboard) { return; }
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(target.value).then(function () {
                if (status) { status.textContent = button.dataset.copiedText; }
            }, function () {
                target.select();
            });
        });
    }

    function setupPresentation() {
        var previous = document.querySelector(".js-present-prev");
        var next = document.querySelector(".js-present-next");
        var back = document.querySelector(".js-present-back");
        if (!previous && !next && !back) { return; }
        document.addEventListener("keydown", function (event) {
            var tag = (event.target.tagName || "").toLowerCase();
            if (tag === "input" || tag === "textarea" || event.altKey || event.ctrlKey || event.metaKey) { return; }
            if (event.key === "ArrowLeft" && previous) { window.location.href = previous.href; }
            if (event.key === "ArrowRight" && next) { window.location.href = next.href; }
            if (event.key === "Escape" && back) { window.location.href = back.href; }
        });
    }

    document.querySelectorAll(".js-workbook").forEach(setupWorkbook);
    document.querySelectorAll(".js-live-present").forEach(setupLivePresent);
    document.querySelectorAll(".js-copy-button").forEach(setupCopy);
    document.querySelectorAll(".js-print").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
    setupPresentation();
}());
