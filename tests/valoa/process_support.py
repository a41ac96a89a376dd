"""Running Python in a new process of the project, as an app server starts: what importing a module does there."""

from __future__ import annotations

import os
import subprocess
import sys

from django.conf import settings


def python_in_new_process(code: str, **env: str) -> subprocess.CompletedProcess:
    """Run `code` with this interpreter in the project's directory, the environment plus `env`; fails on an error."""
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
