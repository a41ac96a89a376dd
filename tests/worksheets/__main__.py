"""`make worksheets` (`python -m tests.worksheets`): write the demo tools' work templates anew."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valoa.settings.dev")
django.setup()  # the tools' texts go through slugify and Django's settings

from tests.worksheets.build import build_all  # noqa: E402

for path, pdf in build_all().items():
    path.write_bytes(pdf)
    print(f"{path.name}: {len(pdf)} tavua")
