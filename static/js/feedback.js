// Move focus to the error summary of a form that came back with errors, so that screen-reader and
// keyboard users hear and reach the list of problems first. Without JavaScript the summary is still
// the first thing in the main content.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
