"""Under ASGI no database connection outlives its request (valoa/asgi.py): each request runs in a thread of its own."""

import pytest

from tests.valoa.process_support import python_in_new_process


@pytest.mark.parametrize(
    ("application", "conn_max_age"),
    [
        ("valoa.asgi", "0"),  # forced, whatever the environment says
        ("valoa.wsgi", "60"),  # the WSGI app servers keep their connections
    ],
)
def test_only_the_asgi_application_gives_up_persistent_connections(application, conn_max_age):
    code = (
        f"import {application}\n"
        "from django.conf import settings\n"
        "print(settings.DATABASES['default']['CONN_MAX_AGE'])\n"
    )
    result = python_in_new_process(
        code, DATABASE_CONN_MAX_AGE="60", DJANGO_SETTINGS_MODULE="valoa.settings.dev"
    )
    assert result.stdout.strip().splitlines()[-1] == conn_max_age
