/* VALOA autosave: the one client of the progressive-saving convention in docs/team-space.md
   ("Progressive saving"). A form that works without JavaScript (full-page POST) is saved here field by
   field: POST of the form with Accept: application/json, answered by
     200 {status: "saved", version, value, saved_at, progress: {done, total}}
     400 {status: "invalid", errors: {field: [message, ...]}}
     409 {status: "conflict", version, value, mine}   (value: what the server holds now; nothing overwritten)
     404/410 {status: "gone", message}                (the space, session or round is no longer there)
   The status line never claims more than is true: "saved" only after the server said so; after a network
   error it says the change is not saved yet and tries again (at once when the browser is back online).
   Strings come from Django's JavaScript catalogue (valoa/urls.py: jsi18n/). */
(function () {
    "use strict";

    var gettext = window.gettext || function (text) { return text; };
    var interpolate = window.interpolate || function (format, obj) {
        return format.replace(/%\(\w+\)s/g, function (match) { return String(obj[match.slice(2, -2)]); });
    };
    var RETRY_DELAYS = [2000, 5000, 10000, 30000];

    function csrfToken(form) {
        var input = form.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    /* Attach autosave to `form`. Options:
         getValue(), setValue(value)  the field's value as the convention's "value" (a string)
         getLoadedValue()             the value as the server rendered it (defaultValue/defaultChecked):
                                      a change made before this script ran is then saved, not lost
         field                        the form field's name (for "invalid" errors and the sent body)
         status                       the element with role=status for the status line
         conflictBox                  an element (hidden) where the conflict choice is shown
         delay                        ms after the last input before saving (0: at once)
         canMerge                     offer "merge both versions" (texts)
         describe(value)              how a value is shown in the conflict choice (default: as is)
         onSaved(data)                after a save (e.g. progress)
         onRemote(savedAt)            after a value saved elsewhere was put in the field: the page announces
                                      such updates grouped (the status line then stays silent)
         orderedVersions              false when a version is not a counter (a consensus rating is its own
                                      version): any other version is newer
       Returns {save, remote(value, version, savedAt)}: remote() is for values learnt by the live channel or
       by polling. A field with focus is never replaced: the newer value waits behind a notice until focus
       leaves the form, or the person asks to see it. */
    function attach(form, options) {
        var status = options.status;
        var conflictBox = options.conflictBox;
        var version = form.querySelector("input[name=version]");
        var describe = options.describe || function (value) { return value; };
        var timer = null;
        var retryTimer = null;
        var retries = 0;
        var saving = false;
        var again = false;
        var inConflict = false;
        var gone = false;

        // The value the server holds as far as this page knows (loaded, saved or polled). Only a field
        // that differs from it is this person's change: anything else is never sent, so a stale value
        // cannot come back as a conflict (or overwrite a newer one).
        var acknowledged = options.getLoadedValue ? options.getLoadedValue() : options.getValue();

        function changedHere() {
            return options.getValue() !== acknowledged;
        }

        function show(state, text) {
            form.dataset.autosaveState = state;
            if (note) { note.textContent = ""; }
            status.textContent = text || "";
            status.classList.toggle("is-error", state === "invalid" || state === "offline" || state === "gone");
        }

        function savedText(data) {
            return data.saved_at ? interpolate(gettext("Tallennettu klo %(time)s"), {time: data.saved_at}, true)
                : gettext("Tallennettu");
        }

        function showConflict(data) {
            inConflict = true;
            conflictBox.textContent = "";
            var intro = document.createElement("p");
            intro.className = "autosave-conflict__intro";
            intro.textContent = options.conflictText || gettext(
                "Joku muu tallensi tähän sillä välin. Mitään ei ole korvattu. Valitkaa, kumpi versio jää."
            );
            conflictBox.appendChild(intro);
            [[gettext("Tallennettu versio"), data.value], [gettext("Teidän versionne"), data.mine]].forEach(
                function (pair) {
                    var heading = document.createElement("p");
                    heading.className = "autosave-conflict__heading";
                    heading.textContent = pair[0];
                    var body = document.createElement("blockquote");
                    body.className = "autosave-conflict__text";
                    body.textContent = describe(pair[1]);
                    conflictBox.appendChild(heading);
                    conflictBox.appendChild(body);
                }
            );
            var actions = document.createElement("div");
            actions.className = "button-row";
            function action(label, handler) {
                var button = document.createElement("button");
                button.type = "button";
                button.className = "button button--secondary";
                button.textContent = label;
                button.addEventListener("click", handler);
                actions.appendChild(button);
                return button;
            }
            function resolve() {
                version.value = String(data.version);
                acknowledged = data.value;  // what the server holds now
                inConflict = false;
                conflictBox.hidden = true;
                conflictBox.textContent = "";
            }
            var first = action(gettext("Käytä tallennettua versiota"), function () {
                resolve();
                options.setValue(data.value);
                acknowledged = options.getValue();  // as the field shows it (radios)
                show("saved", gettext("Tallennettu"));
                focusField();
            });
            action(gettext("Käytä omaa versiota"), function () {
                resolve();
                options.setValue(data.mine);
                save();
                focusField();
            });
            if (options.canMerge) {
                action(gettext("Yhdistä versiot"), function () {
                    resolve();
                    options.setValue([data.mine, data.value].filter(Boolean).join("\n\n"));
                    show("pending", gettext("Versiot yhdistetty kenttään. Voitte muokata tekstiä: se tallentuu automaattisesti."));
                    focusField();
                    schedule();
                });
            }
            conflictBox.appendChild(actions);
            conflictBox.hidden = false;
            show("conflict", gettext("Ei tallennettu: valitkaa versio alta."));
            first.focus();
        }

        function focusField() {
            var field = form.querySelector("textarea, input[type=radio]:checked, input[type=radio]");
            if (field) { field.focus(); }
        }

        function retryLater() {
            if (retryTimer) { return; }
            var delay = RETRY_DELAYS[Math.min(retries, RETRY_DELAYS.length - 1)];
            retries += 1;
            retryTimer = setTimeout(function () { retryTimer = null; save(); }, delay);
        }

        function failed() {
            if (navigator.onLine === false) {
                show("offline", gettext("Ei verkkoyhteyttä. Muutosta ei ole vielä tallennettu: se tallennetaan, kun yhteys palaa."));
            } else {
                show("offline", gettext("Tallennus ei onnistunut. Muutosta ei ole vielä tallennettu: yritetään uudelleen."));
            }
            retryLater();
        }

        function handle(response, data, sent) {
            if (data && data.status === "saved") {
                retries = 0;
                acknowledged = sent;
                version.value = String(data.version);
                show("saved", savedText(data));
                if (options.onSaved) { options.onSaved(data); }
            } else if (data && data.status === "conflict") {
                retries = 0;
                showConflict(data);
            } else if (data && data.status === "invalid") {
                retries = 0;
                var errors = data.errors || {};
                var messages = errors[options.field] || [].concat.apply([], Object.keys(errors).map(function (k) {
                    return errors[k];
                }));
                show("invalid", messages.join(" ") || gettext("Tarkistakaa vastaus."));
            } else if (data && data.status === "gone") {
                gone = true;
                show("gone", data.message || gettext("Tätä ei voi enää tallentaa."));
            } else {
                failed();  // 5xx or a proxy's page: not saved, try again
            }
        }

        function save() {
            if (timer) { clearTimeout(timer); timer = null; }
            if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; }
            if (inConflict || gone) { return; }
            if (saving) { again = true; return; }
            if (!changedHere()) { return; }  // e.g. a blur after the autosave: nothing new to send
            saving = true;
            show("saving", gettext("Tallennetaan…"));
            var sent = options.getValue();
            var body = new FormData(form);
            body.set(options.field, sent);
            fetch(form.action, {
                method: "POST",
                body: body,
                credentials: "same-origin",
                headers: {"X-CSRFToken": csrfToken(form), "Accept": "application/json"}
            }).then(function (response) {
                return response.json().then(function (data) { return data; }, function () { return null; })
                    .then(function (data) { handle(response, data, sent); });
            }).catch(failed).then(function () {
                saving = false;
                if (again) { again = false; save(); }
            });
        }

        function schedule() {
            if (inConflict || gone) { return; }
            if (timer) { clearTimeout(timer); }
            if (changedHere()) { show("pending", ""); }
            timer = setTimeout(save, options.delay || 0);
        }

        var held = null;  // a newer value that waits while the field has focus: {value, version, savedAt}
        var heldBox = null;

        function isNewer(newVersion) {
            if (options.orderedVersions === false) { return String(newVersion) !== version.value; }
            return Number(newVersion) > Number(version.value);
        }

        function hasFocus() {
            var active = document.activeElement;
            return !!active && form.contains(active) && /^(textarea|input|select)$/i.test(active.tagName) &&
                active.type !== "hidden";
        }

        function hideHeld() {
            held = null;
            if (heldBox) { heldBox.hidden = true; }
        }

        function showHeld() {
            if (!heldBox) {
                heldBox = document.createElement("div");
                heldBox.className = "autosave-held";
                var text = document.createElement("p");
                text.textContent = gettext("Toinen tiimin jäsen tallensi tähän uudemman version. Se tulee näkyviin, kun siirrytte pois kentästä.");
                var button = document.createElement("button");
                button.type = "button";
                button.className = "button button--secondary";
                button.textContent = gettext("Näytä uusi versio");
                button.addEventListener("click", function () {
                    var waiting = held;
                    hideHeld();
                    if (waiting) { apply(waiting.value, waiting.version, waiting.savedAt); }
                    focusField();
                });
                heldBox.appendChild(text);
                heldBox.appendChild(button);
                status.parentNode.insertBefore(heldBox, status.nextSibling);
            }
            heldBox.hidden = false;
        }

        function apply(value, newVersion, savedAt) {
            if (!isNewer(newVersion) || inConflict || saving) { return; }
            if (changedHere() && options.getValue() !== value) {
                return;  // this person is writing: keep their text; their save will show both versions
            }
            var same = options.getValue() === value;
            options.setValue(value);
            acknowledged = options.getValue();
            version.value = String(newVersion);
            if (same) { return; }
            var text = savedAt ? interpolate(gettext("Päivitetty toisaalla klo %(time)s"), {time: savedAt}, true)
                : gettext("Päivitetty toisaalla");
            if (options.onRemote) {
                // Shown beside the field, announced by the page in one message for many updates.
                form.dataset.autosaveState = "saved";
                status.textContent = "";  // its earlier "saved at" would contradict the note; clearing says nothing
                status.classList.remove("is-error");
                remoteNote().textContent = text;
                options.onRemote(savedAt);
            } else {
                show("saved", text);
            }
        }

        var note = null;
        function remoteNote() {
            if (!note) {
                note = document.createElement("p");
                note.className = "autosave-remote";
                status.parentNode.insertBefore(note, status.nextSibling);
            }
            return note;
        }

        function remote(value, newVersion, savedAt) {
            if (!isNewer(newVersion) || inConflict || saving) { return; }
            if (options.getValue() !== value && hasFocus() && !changedHere()) {
                held = {value: value, version: newVersion, savedAt: savedAt};
                showHeld();
                return;
            }
            hideHeld();
            apply(value, newVersion, savedAt);
        }

        form.addEventListener("focusout", function (event) {
            // Focus left the form (not to the notice's own button): the waiting value can be shown now.
            if (!held || (event.relatedTarget && form.contains(event.relatedTarget))) { return; }
            var waiting = held;
            hideHeld();
            apply(waiting.value, waiting.version, waiting.savedAt);
        });

        form.addEventListener("input", function () {
            if (held) { hideHeld(); }
            schedule();
        });
        form.addEventListener("change", schedule);
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            save();
        });
        window.addEventListener("online", function () {
            if (changedHere() && !saving) { retries = 0; save(); }
        });
        // On a slow connection someone may pick a rating before the deferred scripts run: save it now.
        if (changedHere()) { schedule(); }
        return {save: save, remote: remote};
    }

    window.valoaAutosave = {attach: attach, gettext: gettext, interpolate: interpolate};
}());
