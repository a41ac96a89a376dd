/* VALOA team space: autosave of workbook answers, the others' answers by polling, conflict choice, copy link,
   print, presentation keys. Everything here enhances plain forms and links that work without JavaScript. */
(function () {
    "use strict";

    var AUTOSAVE_DELAY = 1200;
    var POLL_INTERVAL = 4000;

    function csrfToken(form) {
        var input = form.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    function formatProgress(template, answered, total) {
        return template.replace("%(answered)s", answered).replace("%(total)s", total);
    }

    function setupWorkbook(root) {
        var texts = root.dataset;
        var progressBar = document.querySelector(".js-progress-bar");
        var progressCount = document.querySelector(".js-progress-count");
        var remoteHandlers = {};  // question key -> function taking that answer as the server has it now

        function updateProgress(answered, total) {
            if (progressBar) {
                progressBar.max = total;
                progressBar.value = answered;
            }
            if (progressCount) {
                var template = total === 1 && texts.textProgressOne ? texts.textProgressOne : texts.textProgress;
                progressCount.textContent = formatProgress(template, answered, total);
            }
        }

        root.querySelectorAll(".js-answer-form").forEach(function (form) {
            var status = form.querySelector(".js-status");
            var version = form.querySelector(".js-version");
            var conflictBox = form.querySelector(".js-conflict");
            var timer = null;
            var saving = false;
            var again = false;
            var inConflict = false;
            var key = form.querySelector("input[name=key]").value;

            function currentValue() {
                var textarea = form.querySelector("textarea[name=answer]");
                if (textarea) { return textarea.value; }
                var checked = form.querySelector("input[name=answer]:checked");
                return checked ? checked.value : "";
            }

            function setValue(value) {
                var textarea = form.querySelector("textarea[name=answer]");
                if (textarea) { textarea.value = value; return; }
                form.querySelectorAll("input[name=answer]").forEach(function (radio) {
                    radio.checked = radio.value === value;
                });
            }

            // The text the server holds as far as this page knows (loaded, saved or polled). Only a field
            // that differs from it is this member's change: anything else is never sent, so a stale
            // text cannot come back as a conflict (or overwrite a newer answer).
            var acknowledged = currentValue();

            function changedHere() {
                return currentValue() !== acknowledged;
            }

            remoteHandlers[key] = function (answer) {
                if (answer.version <= Number(version.value) || inConflict || saving) { return; }
                if (changedHere() && currentValue() !== answer.text) {
                    return;  // this member is writing: keep their text; their save will show both versions
                }
                var same = currentValue() === answer.text;
                setValue(answer.text);
                acknowledged = currentValue();
                version.value = String(answer.version);
                if (!same) { status.textContent = texts.textUpdated + " " + answer.saved_at; }
            };

            function showConflict(data) {
                inConflict = true;
                conflictBox.textContent = "";
                var intro = document.createElement("p");
                intro.className = "answer-conflict__intro";
                intro.textContent = texts.textConflict;
                conflictBox.appendChild(intro);
                [[texts.textTheirs, data.theirs], [texts.textMine, data.mine]].forEach(function (pair) {
                    var heading = document.createElement("p");
                    heading.className = "answer-conflict__heading";
                    heading.textContent = pair[0];
                    var body = document.createElement("blockquote");
                    body.className = "answer-conflict__text";
                    body.textContent = pair[1];
                    conflictBox.appendChild(heading);
                    conflictBox.appendChild(body);
                });
                var actions = document.createElement("div");
                actions.className = "button-row";
                function action(label, handler) {
                    var button = document.createElement("button");
                    button.type = "button";
                    button.className = "button button--secondary";
                    button.textContent = label;
                    button.addEventListener("click", handler);
                    actions.appendChild(button);
                }
                function resolve() {
                    version.value = String(data.version);
                    acknowledged = data.theirs;  // what the server holds now
                    inConflict = false;
                    conflictBox.hidden = true;
                    conflictBox.textContent = "";
                }
                action(texts.textUseTheirs, function () {
                    resolve();
                    setValue(data.theirs);
                    acknowledged = currentValue();  // as the field shows it (radios)
                    status.textContent = texts.textSaved;
                });
                action(texts.textKeepMine, function () {
                    resolve();
                    setValue(data.mine);
                    save();
                });
                if (form.dataset.kind === "text" || form.dataset.kind === "list") {
                    action(texts.textMerge, function () {
                        resolve();
                        setValue([data.mine, data.theirs].filter(Boolean).join("\n\n"));
                        status.textContent = texts.textMerged;
                        var textarea = form.querySelector("textarea[name=answer]");
                        if (textarea) { textarea.focus(); }
                        schedule();
                    });
                }
                conflictBox.appendChild(actions);
                conflictBox.hidden = false;
                status.textContent = "";
            }

            function save() {
                if (timer) { clearTimeout(timer); timer = null; }
                if (inConflict) { return; }
                if (saving) { again = true; return; }
                if (!changedHere()) { return; }  // e.g. a blur after the autosave: nothing new to send
                saving = true;
                status.textContent = texts.textSaving;
                var sent = currentValue();
                var body = new FormData(form);
                body.set("answer", sent);
                fetch(form.action, {
                    method: "POST",
                    body: body,
                    credentials: "same-origin",
                    headers: {"X-CSRFToken": csrfToken(form), "Accept": "application/json"}
                }).then(function (response) {
                    return response.json().then(function (data) { return {status: response.status, data: data}; });
                }).then(function (result) {
                    var data = result.data;
                    if (data.status === "saved") {
                        acknowledged = sent;
                        version.value = String(data.version);
                        status.textContent = texts.textSaved + " " + data.saved_at;
                        updateProgress(data.answered, data.total);
                    } else if (data.status === "conflict") {
                        showConflict(data);
                    } else if (data.status === "invalid") {
                        status.textContent = data.errors.join(" ");
                    } else {
                        status.textContent = texts.textError;
                    }
                }).catch(function () {
                    status.textContent = texts.textError;
                }).then(function () {
                    saving = false;
                    if (again) { again = false; save(); }
                });
            }

            function schedule() {
                if (inConflict) { return; }
                if (timer) { clearTimeout(timer); }
                timer = setTimeout(save, AUTOSAVE_DELAY);
            }

            form.addEventListener("input", schedule);
            form.addEventListener("change", schedule);
            form.addEventListener("submit", function (event) {
                event.preventDefault();
                save();
            });
        });

        setupPolling(root, function (data) {
            Object.keys(data.answers).forEach(function (key) {
                if (remoteHandlers[key]) { remoteHandlers[key](data.answers[key]); }
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
