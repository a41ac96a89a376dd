"""Under ASGI no database connection outlives its request (valoa/asgi.py): each request runs in a thread of its own."""

import os
import subprocess
import sys

import pytest
from django.conf import settings


@pytest.mark.parametrize(
    ("application", "conn_max_age"),
    [
        ("valoa.asgi", "0"),  # forced, whatever the environment says
        ("valoa.wsgi", "60"),  # the WSGI app servers keep their connections
    ],
)
def test_only_the_asgi_application_gives_up_persistent_connections(application, conn_max_age):
    env = {**os.environ, "DATABASE_CONN_MAX_AGE": "60", "DJANGO_SETTINGS_MODULE": "valoa.settings.dev"}
    code = (
        f"import {application}\n"
        "from django.conf import settings\n"
        "print(settings.DATABASES['default']['CONN_MAX_AGE'])\n"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == conn_max_age
