/* Consensus mode: save each statement as soon as the team picks a rating, through the shared autosave
   (static/js/autosave.js, loaded before this file). The forms work without this (full-page POST). */
(function () {
    "use strict";
    var autosave = window.valoaAutosave;
    var forms = document.querySelectorAll("form[data-autosave]");
    if (!autosave || !forms.length || !window.fetch) { return; }
    var progress = document.getElementById("progress");

    function showProgress(done, total) {
        // The server counts the statements rated so far; the line would otherwise stay as the page loaded it.
        if (progress) {
            progress.textContent = autosave.interpolate(
                window.ngettext ? window.ngettext("Arvioitu %(done)s / %(total)s väittämä.", "Arvioitu %(done)s / %(total)s väittämää.", total)
                    : "%(done)s / %(total)s",
                {done: done, total: total},
                true
            );
        }
    }

    forms.forEach(function (form) {
        autosave.attach(form, {
            field: "value",
            status: form.querySelector(".js-status"),
            conflictBox: form.querySelector(".js-conflict"),
            delay: 0,
            conflictText: autosave.gettext(
                "Joku muu tallensi tälle väittämälle arvion sillä välin. Mitään ei ole korvattu. Valitkaa, kumpi arvio jää."
            ),
            getValue: function () {
                var checked = form.querySelector("input[name=value]:checked");
                return checked ? checked.value : "";
            },
            getLoadedValue: function () {
                var loaded = Array.prototype.filter.call(form.querySelectorAll("input[name=value]"), function (radio) {
                    return radio.defaultChecked;
                });
                return loaded.length ? loaded[0].value : "";
            },
            setValue: function (value) {
                form.querySelectorAll("input[name=value]").forEach(function (radio) {
                    radio.checked = radio.value === String(value);
                });
            },
            describe: function (value) {
                var radio = form.querySelector("input[name=value][value='" + String(value).replace(/[^0-9]/g, "") + "']");
                var label = radio ? radio.closest("label").querySelector(".scale__label") : null;
                return label ? label.textContent.trim() : autosave.gettext("Ei arviota");
            },
            onSaved: function (data) { showProgress(data.progress.done, data.progress.total); }
        });
    });
}());

/* The respondent link's copy button (facilitator page): shown only where the clipboard can be written; the link
   itself stays visible and selectable without JavaScript. */
(function () {
    "use strict";
    document.querySelectorAll("[data-copy-value]").forEach(function (button) {
        var status = document.getElementById(button.dataset.copyStatus);
        if (!navigator.clipboard) { return; }
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(button.dataset.copyValue).then(function () {
                if (status) { status.textContent = button.dataset.copiedText; }
            });
        });
    });
}());
