// Meeting plans (docs/meetings.md). Everything works without this file; it only
// - keeps focus on a block after "Siirrä ylös/alas" (a full page load) and announces its new place;
// - after "Poista", puts focus on "Peru poisto" (the notice names the removed block);
// - remembers the team's link in this browser when, and only when, a member chooses so (localStorage),
//   and then points "Lisää palaveriin" on tool cards and finder results straight at the team's plans;
//   "Unohda tiimin linkki" removes it. The link is a same-site path and is never sent to another site;
// - shows a print button on the agenda.
(function () {
    "use strict";
    var KEY = "valoa.tiimin-linkki";
    var TEAM_PATH = /^\/tiimi\/[A-Za-z0-9_-]{43}\/$/;

    function stored() {
        try {
            var value = window.localStorage.getItem(KEY);
            return value && TEAM_PATH.test(value) ? value : null;
        } catch (e) { return null; }
    }
    function remember(path) {
        if (!TEAM_PATH.test(path)) { return false; }
        try { window.localStorage.setItem(KEY, path); return true; } catch (e) { return false; }
    }
    function forget() {
        try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
    }
    function teamPath(link) {
        var match = /\/tiimi\/([A-Za-z0-9_-]{43})(?:[\/?#]|$)/.exec(link || "");
        if (!match && /^[A-Za-z0-9_-]{43}$/.test((link || "").trim())) { match = [null, link.trim()]; }
        return match ? "/tiimi/" + match[1] + "/" : null;
    }

    // Focus and announcement after a move. After the load event: the browser's own jump to #osio-N comes
    // first and would otherwise take the focus away again.
    var status = document.querySelector("[data-meeting-status][data-focus-block]");
    if (status) {
        var message = status.dataset.announce;
        status.textContent = "";
        var settle = function () {
            window.setTimeout(function () {
                var block = document.getElementById("osio-" + status.dataset.focusBlock);
                if (block) {
                    var direction = status.dataset.focusDirection;
                    var button = block.querySelector('[data-move="' + direction + '"]') || block.querySelector("[data-move]");
                    if (button) { button.focus(); }
                }
                // A live region's text present at load is not read out: set it once focus has moved.
                window.setTimeout(function () { status.textContent = message; }, 150);
            }, 0);
        };
        if (document.readyState === "complete") { settle(); } else { window.addEventListener("load", settle); }
    }

    // "Osio poistettu. Peru poisto": focus on the undo button once the page has settled (as after a move). The
    // forms send the versions themselves (hidden fields: the plan's order version for moves and removals, the
    // block's own version for its edit), so nothing here sends one.
    var undo = document.querySelector("[data-meeting-undo] button");
    if (undo) {
        var focusUndo = function () { window.setTimeout(function () { undo.focus(); }, 0); };
        if (document.readyState === "complete") { focusUndo(); } else { window.addEventListener("load", focusUndo); }
    }

    // "Muista / Unohda" in the team space.
    var rememberBox = document.querySelector("[data-meeting-remember]");
    if (rememberBox) {
        var rememberStatus = rememberBox.querySelector("[data-meeting-remember-status]");
        var path = rememberBox.dataset.teamUrl;
        var forgetButton = rememberBox.querySelector("[data-meeting-remember-forget]");
        var show = function () {
            var isThis = stored() === path;
            forgetButton.hidden = !stored();
            rememberStatus.textContent = isThis ? rememberStatus.dataset.savedText : "";
        };
        rememberBox.hidden = false;
        rememberBox.querySelector("[data-meeting-remember-save]").addEventListener("click", function () {
            if (remember(path)) { show(); }
        });
        forgetButton.addEventListener("click", function () {
            forget();
            show();
            rememberStatus.textContent = rememberStatus.dataset.forgottenText;
        });
        show();
    }

    // Consent on the "paste your team link" page.
    var linkForm = document.querySelector("[data-meeting-link-form]");
    if (linkForm) {
        var consent = linkForm.querySelector("[data-meeting-consent]");
        consent.hidden = false;
        linkForm.addEventListener("submit", function () {
            var box = linkForm.querySelector("[data-meeting-consent-box]");
            var input = linkForm.querySelector("input[name=link]");
            var found = teamPath(input && input.value);
            if (box.checked && found) { remember(found); }
        });
    }

    // "Lisää palaveriin" links, straight to the team's plans when the link is remembered.
    var links = document.querySelectorAll("[data-meeting-add]");
    var team = stored();
    if (links.length && team) {
        Array.prototype.forEach.call(links, function (link) {
            link.href = team + "palaverit/lisaa/" + link.dataset.toolId + "/";
            var holder = link.closest("[data-meeting-needs-team]");
            if (holder) { holder.hidden = false; }
        });
        var first = links[0];
        var bar = document.createElement("p");
        bar.className = "add-to-plan__remembered";
        bar.textContent = first.dataset.rememberedText + " ";
        var forgetLink = document.createElement("button");
        forgetLink.type = "button";
        forgetLink.className = "button button--secondary";
        forgetLink.textContent = first.dataset.forgetText;
        forgetLink.addEventListener("click", function () {
            forget();
            Array.prototype.forEach.call(links, function (link) {
                link.href = link.dataset.pasteUrl;
                var holder = link.closest("[data-meeting-needs-team]");
                if (holder) { holder.hidden = true; }
            });
            bar.textContent = first.dataset.forgottenText;
            bar.setAttribute("role", "status");
        });
        bar.appendChild(forgetLink);
        var anchor = first.closest("ul, ol") || first.closest("p");
        anchor.parentNode.insertBefore(bar, anchor);
    }

    var printButton = document.querySelector("[data-print]");
    if (printButton) {
        printButton.hidden = false;
        printButton.addEventListener("click", function () { window.print(); });
    }
})();
