// Consensus mode: save each statement as soon as the team picks a rating. The forms work without this.
(function () {
    "use strict";
    var forms = document.querySelectorAll("form[data-autosave]");
    if (!forms.length || !window.fetch) { return; }
    var progress = document.getElementById("progress");
    function showProgress(rated) {
        // The server counts the statements rated so far; the line would otherwise stay as the page loaded it.
        if (progress && progress.dataset.progress && typeof rated === "number") {
            progress.textContent = progress.dataset.progress.replace("__done__", String(rated));
        }
    }
    forms.forEach(function (form) {
        var status = form.querySelector(".save-status");
        function show(text, isError) {
            if (!status) { return; }
            status.textContent = text || "";
            status.classList.toggle("is-error", Boolean(isError));
        }
        form.addEventListener("change", function () {
            show(form.dataset.saving);
            fetch(form.action, {
                method: "POST",
                body: new FormData(form),
                headers: { "X-Requested-With": "fetch" },
                credentials: "same-origin"
            }).then(function (response) {
                return response.json().then(function (data) {
                    show(response.ok ? data.message : data.error, !response.ok);
                    if (response.ok) { showProgress(data.rated); }
                });
            }).catch(function () {
                show(form.dataset.failed, true);
            });
        });
    });
})();
