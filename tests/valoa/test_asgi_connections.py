"""Under ASGI no database connection outlives its request (valoa/asgi.py): each request runs in a thread of its own."""

import os
import subprocess
import sys

from django.conf import settings


def test_the_asgi_application_keeps_no_persistent_connection_whatever_the_environment_says():
    env = {**os.environ, "DATABASE_CONN_MAX_AGE": "60", "DJANGO_SETTINGS_MODULE": "valoa.settings.dev"}
    code = (
        "import valoa.asgi\n"
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
    assert result.stdout.strip().splitlines()[-1] == "0"


def test_the_wsgi_application_keeps_its_connections():
    env = {**os.environ, "DATABASE_CONN_MAX_AGE": "60", "DJANGO_SETTINGS_MODULE": "valoa.settings.dev"}
    code = "import valoa.wsgi\nfrom django.conf import settings\nprint(settings.DATABASES['default']['CONN_MAX_AGE'])\n"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "60"
