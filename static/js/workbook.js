/* VALOA team space: autosave of workbook answers, the others' answers by polling, conflict choice, copy link,
   print, presentation keys. Everything here enhances plain forms and links that work without JavaScript. */
(function () {
    "use strict";

    var AUTOSAVE_DELAY = 1200;
    var POLL_INTERVAL = 4000;

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
                onSaved: function (data) { updateProgress(data.progress.done, data.progress.total); }
            });
        });

        setupPolling(root, function (data) {
            Object.keys(data.answers).forEach(function (key) {
                var answer = data.answers[key];
                if (controllers[key]) { controllers[key].remote(answer.text, answer.version, answer.saved_at); }
            });
            updateProgress(data.answered, data.total);
        });
    }

    /* Ask every few seconds whether anyone saved an answer, with If-None-Match: the server answers 304
       (no body) while nothing changed. Paused while the tab is hidden; asks at once when it shows again. */
    function setupPolling(root, onChange) {
        var url = root.dataset.pollUrl;
        var revision = root.dataset.revision;
        var timer = null;
        var inFlight = false;
        if (!url || !window.fetch) { return; }

        function later() {
            if (!timer && !inFlight && !document.hidden) { timer = setTimeout(poll, POLL_INTERVAL); }
        }

        function poll() {
            timer = null;
            if (inFlight || document.hidden) { return; }
            inFlight = true;
            fetch(url, {
                credentials: "same-origin",
                cache: "no-store",
                headers: {"Accept": "application/json", "If-None-Match": "\"" + revision + "\""}
            }).then(function (response) {
                return response.status === 200 ? response.json() : null;
            }).then(function (data) {
                if (data) {
                    revision = String(data.revision);
                    onChange(data);
                }
            }).catch(function () {
                // Offline for a moment: the next poll tries again; saving shows its own errors.
            }).then(function () {
                inFlight = false;
                later();
            });
        }

        document.addEventListener("visibilitychange", function () {
            if (document.hidden) {
                if (timer) { clearTimeout(timer); timer = null; }
            } else if (!timer) {
                poll();
            }
        });
        later();
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
    document.querySelectorAll(".js-copy-button").forEach(setupCopy);
    document.querySelectorAll(".js-print").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
    setupPresentation();
}());
