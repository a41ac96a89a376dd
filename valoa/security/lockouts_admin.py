"""The admin's list of current login lockouts, where an administrator releases one (Asetukset → Kirjautumisen
lukitukset, /admin/lukitukset/). Superusers only: a release lets the account try its password again."""

from __future__ import annotations

import math

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.auth import user_passes_test
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from valoa.security.lockouts import current_lockouts, lockout_release


def is_administrator(user) -> bool:
    return user.is_active and user.is_superuser


class ReleaseForm(forms.Form):
    address = forms.GenericIPAddressField()
    username = forms.CharField(required=False, max_length=255)


@method_decorator([user_passes_test(is_administrator), never_cache], name="dispatch")
class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "valoa/admin/lockouts.html"
    page_title = gettext_lazy("Kirjautumisen lukitukset")
    header_icon = "lock"

    def get_breadcrumbs_items(self):
        # The page's own name as the last item: the admin's header shows it (otherwise only "Koti").
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "lockouts": current_lockouts(),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "address_failure_limit": settings.LOGIN_ADDRESS_FAILURE_LIMIT,
            "minutes": math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60),
        }

    def post(self, request, *args, **kwargs):
        form = ReleaseForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Lukitusta ei voitu vapauttaa: osoite puuttuu tai on virheellinen."))
            return redirect("valoa_login_lockouts")
        address, username = form.cleaned_data["address"], form.cleaned_data["username"]
        lockout_release(address=address, username=username or None)
        if username:
            message = _("Lukitus vapautettu: %(username)s osoitteesta %(address)s.") % {
                "username": username,
                "address": address,
            }
        else:
            message = _("Lukitus vapautettu: kaikki tunnukset osoitteesta %(address)s.") % {
                "address": address
            }
        messages.success(request, message)
        return redirect("valoa_login_lockouts")


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_administrator(request.user)


def menu_item() -> MenuItem:
    return AdministratorMenuItem(
        gettext_lazy("Kirjautumisen lukitukset"),
        reverse("valoa_login_lockouts"),
        name="login-lockouts",
        icon_name="lock",
        order=900,
    )


def urlpatterns():
    return [path("lukitukset/", LockoutsView.as_view(), name="valoa_login_lockouts")]
