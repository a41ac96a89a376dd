"""A new app server process loads the URLconf, the catalogues and the frame's templates before its first request
(valoa/operations/warmup.py), not while a team waits for it."""

import logging

import pytest

from tests.valoa.process_support import python_in_new_process
from valoa.operations import warmup

# What the first request of a process used to import: the URLconfs of every room.
URLCONFS = ["valoa.urls", "toolkit.urls", "toolkit.meetings.urls", "wagtail.admin.urls"]


@pytest.mark.parametrize("application", ["valoa.wsgi", "valoa.asgi"])
def test_creating_the_application_loads_what_the_first_request_would(application):
    code = f"import sys\nimport {application}\nprint(all(name in sys.modules for name in {URLCONFS!r}))\n"
    result = python_in_new_process(code, DJANGO_SETTINGS_MODULE="valoa.settings.dev")
    assert result.stdout.strip().splitlines()[-1] == "True"
    assert "Warm-up could not" not in result.stderr


def test_a_template_that_cannot_load_is_logged_not_raised(monkeypatch, caplog):
    monkeypatch.setattr(warmup, "FRAME_TEMPLATES", ("base.html", "components/no-such-template.html"))
    with caplog.at_level(logging.WARNING, logger="valoa.operations.warmup"):
        seconds = warmup.warm_up()
    assert seconds >= 0
    assert "components/no-such-template.html" in caplog.text


def test_the_frame_templates_exist():
    # A renamed frame template would otherwise only be logged at every start.
    from django.template.loader import get_template

    for name in warmup.FRAME_TEMPLATES:
        get_template(name)
