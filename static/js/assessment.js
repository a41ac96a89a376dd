/* The assessment's pages in the browser. Everything here enhances forms and links that work without it.
   - Consensus mode: save each statement as soon as the team picks a rating, through the shared autosave
     (static/js/autosave.js, loaded before this file), and show the ratings set on other screens.
   - Live parts (static/js/live.js): the response count and the reveal on the facilitator's page, the results
     on the results and respondent pages, and the presenter's slide on follower screens. A message only says
     what changed; the page then fetches its own parts under its own access rules (valoaLive.refresh). */
(function () {
    "use strict";
    var live = window.valoaLive;
    var canFetch = !!(window.fetch && window.DOMParser);

    function setupConsensus(forms) {
        var autosave = window.valoaAutosave;
        var progress = document.getElementById("progress");
        var controllers = {};  // statement key -> the form's autosave (remote() takes ratings set elsewhere)
        if (!autosave || !forms.length || !window.fetch) { return; }

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
            controllers[form.querySelector("input[name=statement]").value] = autosave.attach(form, {
                field: "value",
                status: form.querySelector(".js-status"),
                conflictBox: form.querySelector(".js-conflict"),
                delay: 0,
                orderedVersions: false,  // a rating is its own version
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

        // Ratings set on another screen: the page reads them from itself (each form's saved "version").
        var root = forms[0].closest("[data-live-url]");
        if (!live || !root || !canFetch) { return; }
        function catchUp() {
            live.refresh(window.location.href, ["progress"]).then(function (fetched) {
                if (!fetched) { return; }
                fetched.querySelectorAll("form[data-autosave]").forEach(function (there) {
                    var key = there.querySelector("input[name=statement]").value;
                    var rating = there.querySelector("input[name=version]").value;
                    if (controllers[key]) { controllers[key].remote(rating, rating, ""); }
                });
            });
        }
        live.open(root.dataset.liveUrl, {
            message: function (message) {
                if (message.topic === root.dataset.liveTopic) { catchUp(); }
            },
            up: catchUp
        });
    }

    /* A page region whose parts (data-live-parts: element ids) are fetched again from the page when its topic
       has news (data-live-events: only these events), and on each (re)connect. */
    function setupParts(root) {
        if (!live || !canFetch) { return; }
        var parts = root.dataset.liveParts.split(" ");
        var events = root.dataset.liveEvents ? root.dataset.liveEvents.split(" ") : null;
        var announce = root.querySelector(".js-live-announce");
        var timer = null;
        function refresh(done) {
            // Messages that come together (a burst of answers) cost one fetch.
            clearTimeout(timer);
            timer = setTimeout(function () {
                live.refresh(window.location.href, parts).then(function (fetched) {
                    if (fetched && done && announce && root.dataset.liveDone) { announce.textContent = root.dataset.liveDone; }
                });
            }, 100);
        }
        live.open(root.dataset.liveUrl, {
            message: function (message) {
                if (message.topic !== root.dataset.liveTopic) { return; }
                if (events && events.indexOf(message.event) < 0) { return; }
                refresh(true);
            },
            up: function () { refresh(false); }
        });
    }

    /* The results presentation: the presenter's screen tells the server each slide it opens; a follower's
       screen goes to the presenter's slide when told, and on each (re)connect checks where the presenter is. */
    function setupPresentation(root) {
        var start = root.querySelector(".js-present-start");
        if (start) { start.hidden = false; }
        if (!live || !window.fetch) { return; }
        if (root.dataset.presenting) {
            var form = root.querySelector("form.js-presented");
            if (form) {
                fetch(form.action, {
                    method: "POST",
                    body: new FormData(form),
                    credentials: "same-origin",
                    headers: {"X-CSRFToken": form.querySelector("input[name=csrfmiddlewaretoken]").value}
                }).catch(function () { /* the followers stay where they are: nothing to show here */ });
            }
            return;
        }
        if (!root.dataset.following) { return; }
        var here = root.dataset.position;
        function go() {
            // The follow link answers with the presenter's slide (a redirect): go there unless already there.
            fetch(root.dataset.followUrl, {credentials: "same-origin", cache: "no-store"}).then(function (response) {
                if (response.ok && response.url && response.url !== window.location.href) {
                    window.location.href = response.url;
                }
            }).catch(function () {});
        }
        live.open(root.dataset.liveUrl, {
            message: function (message) {
                if (message.topic === root.dataset.liveTopic && message.event === "slide" &&
                        String(message.data.position) !== here) {
                    go();
                }
            },
            up: go
        });
    }

    setupConsensus(Array.prototype.slice.call(document.querySelectorAll("form[data-autosave]")));
    document.querySelectorAll(".js-live-parts").forEach(setupParts);
    document.querySelectorAll(".js-present-live").forEach(setupPresentation);
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
