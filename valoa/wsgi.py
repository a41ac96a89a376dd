import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valoa.settings.production")
application = get_wsgi_application()

# Before the first request, not during it (valoa/operations/warmup.py).
from valoa.operations.warmup import warm_up  # noqa: E402 - needs the settings and apps set up above

warm_up()
