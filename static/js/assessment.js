// Consensus mode: save each statement as soon as the team picks a rating. The forms work without this.
(function () {
    "use strict";
    var forms = document.querySelectorAll("form[data-autosave]");
    if (!forms.length || !window.fetch) { return; }
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
                });
            }).catch(function () {
                show(form.dataset.failed, true);
            });
        });
    });
})();
