// After a full page load, take keyboard and screen-reader users to what the server just answered, one
// behaviour for every page (WCAG 3.3.1, 4.1.3):
// - a form that came back with errors: focus its error summary (first in the form, listing the problems
//   with links to the fields) and prefix the page title with "Virhe: ", so the title says it too;
// - a list that was just filtered (its results heading carries data-focus-results): focus that heading,
//   whose description is the result count; the count is in the title as well.
// Without JavaScript the summary is still the first thing in its form and the server writes the count.
(function () {
    "use strict";
    var script = document.currentScript;
    var summary = document.querySelector("[data-error-summary], .error-summary");
    var target = summary || document.querySelector("[data-focus-results]");
    if (!target) { return; }
    if (summary) {
        var prefix = (script && script.dataset.errorPrefix) || "Virhe";
        if (document.title.indexOf(prefix + ":") !== 0) {
            document.title = prefix + ": " + document.title;
        }
    }
    if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    target.focus();
})();
