"""The Wagtail admin's login, throttled: django-axes locks an account out from an address after repeated
failures (lockouts.py), and the password-reset form is rate-limited per address and per email.

Axes keeps its counts in the database, so a lockout holds on every app server. An administrator releases one
in the admin (Asetukset → Kirjautumisen lukitukset) or with axes' management commands (docs/security.md).
"""

from __future__ import annotations

import math

from django.conf import settings
from django.forms.utils import ErrorList
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit
from wagtail.admin.views.account import PasswordResetView

NON_FIELD_ERRORS = "__all__"


def lockout_message() -> str:
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    # "N minuutin kuluttua" is right for every N in Finnish; other languages get their own plural forms.
    return _(
        "Kirjautuminen on estetty liian monen epäonnistuneen yrityksen vuoksi. Yritä uudelleen %(minutes)d "
        "minuutin kuluttua tai pyydä ylläpitäjää avaamaan tunnus."
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: Wagtail's own login page (its look, the username kept), status 429, with the
    lockout in place of "wrong username or password" (which would send the user to try again)."""
    context = getattr(original_response, "context_data", None)
    form = context.get("form") if context else None
    if form is None:
        return render(request, "429.html", status=429)
    form.errors[NON_FIELD_ERRORS] = ErrorList([lockout_message()])
    # Rendered here: it replaces the view's response inside the middleware chain, after Django's render step.
    return TemplateResponse(request, original_response.template_name, context, status=429).render()


def _reset_rate(group, request):
    return settings.PASSWORD_RESET_RATE


# Per address and per email: neither a flood of reset mails to one editor nor a sweep over many addresses.
password_reset = ratelimit(key="ip", rate=_reset_rate, method="POST", block=True)(
    ratelimit(key="post:email", rate=_reset_rate, method="POST", block=True)(PasswordResetView.as_view())
)
