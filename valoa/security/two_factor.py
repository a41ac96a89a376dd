"""Two-factor sign-in for the Wagtail admin: a TOTP code after the password, with single-use recovery codes.

Built on django-otp (devices, TOTP, static tokens, throttling of wrong codes) with a small verification step
in the admin's own look. wagtail-2fa 1.8.0 was the first choice but does not import on Wagtail 8.0.1 (its
hooks import `wagtail.users.widgets`, which Wagtail 8 removed).

When settings.TWO_FACTOR_REQUIRED is on, every signed-in user who can open the admin (superusers, and the
Editors and Moderators groups through `wagtailadmin.access_admin`) is sent, for any /admin/ URL, to
enrol an authenticator app (first time) or to give its code (each new session). django-otp's
OTPMiddleware (before this one) marks the session verified once a code was accepted.
"""

from __future__ import annotations

import base64

import segno
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials
from django import forms
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.forms.utils import ErrorList
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from valoa.security.admin_login import NON_FIELD_ERRORS, lockout_message
from valoa.security.lockouts import login_failure_record, sign_in_completed

ADMIN_PREFIX = "/admin/"
RECOVERY_DEVICE_NAME = "Varakoodit"
RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Todennussovellus"


# --- Services --------------------------------------------------------------------------------------------
def recovery_codes_create(*, user) -> list[str]:
    """A fresh set of single-use codes for `user`; any earlier codes stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(*, user) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY_DEVICE_NAME).count()


def two_factor_reset(*, user) -> int:
    """Remove every device of `user` (a lost phone and no codes): the next sign-in enrols anew."""
    deleted = 0
    for model in (TOTPDevice, StaticDevice):
        deleted += model.objects.filter(user=user).delete()[0]
    return deleted


def requires_two_factor(user) -> bool:
    return bool(
        settings.TWO_FACTOR_REQUIRED
        and user.is_authenticated
        and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def locked_out(request, user) -> bool:
    """Whether axes has locked `user` out from this request's address (wrong passwords and codes together)."""
    return AxesProxyHandler.is_locked(request, get_credentials(user.get_username()))


def password_accepted(sender, request=None, user=None, **kwargs):
    """user_logged_in: without a second step the sign-in is complete at the password, so the account's failures
    from this address are cleared here; with one, only once the code is right (VerifyView, EnrolView)."""
    if request is not None and user is not None and not requires_two_factor(user):
        sign_in_completed(request, username=user.get_username())


def connect() -> None:
    user_logged_in.connect(password_accepted, dispatch_uid="valoa.security.two_factor.password_accepted")


# --- Middleware -------------------------------------------------------------------------------------------
class AdminTwoFactorMiddleware:
    """Sends an admin user whose session has no verified second factor to enrol or to give a code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIX) and not self._allowed(request.path):
            user = request.user
            if requires_two_factor(user) and not user.is_verified():
                if user_has_device(user, confirmed=True):
                    return redirect_to_login(request.get_full_path(), login_url=reverse("valoa_2fa_verify"))
                return redirect_to_login(request.get_full_path(), login_url=reverse("valoa_2fa_enrol"))
        return self.get_response(request)

    @staticmethod
    def _allowed(path: str) -> bool:
        # What an unverified user may still reach: signing in and out, the two-factor step and enrolment, and
        # the admin's translation catalogue and icons those pages load. Exact paths: a prefix such as
        # /admin/2fa/ would also let an unverified session make itself recovery codes.
        exact = {
            reverse("wagtailadmin_login"),
            reverse("wagtailadmin_logout"),
            reverse("valoa_2fa_verify"),
            reverse("valoa_2fa_enrol"),
            reverse("wagtailadmin_javascript_catalog"),
            reverse("wagtailadmin_sprite"),
        }
        return path in exact or path.startswith(reverse("wagtailadmin_password_reset"))


# --- Views ------------------------------------------------------------------------------------------------
class CodeForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Kuusinumeroinen koodi tai varakoodi"),
        max_length=16,
        help_text=_(
            "Koodi näkyy todennussovelluksessa (esim. Microsoft Authenticator). Jos puhelin on kadonnut, anna "
            "yksi varakoodeistasi."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, user, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.device = user, device

    def clean_otp_token(self):
        token = "".join(self.cleaned_data["otp_token"].split())
        if self.device is not None:  # enrolment: only the new app's code
            matched = self.device if self.device.verify_token(token) else None
        else:
            matched = match_token(self.user, token)  # every confirmed device: app or recovery code
        if matched is None:
            raise forms.ValidationError(
                _(
                    "Koodi ei kelpaa. Odota hetki, tarkista, että puhelimen kello on oikeassa ajassa, ja anna "
                    "uusin koodi."
                )
            )
        self.device = matched
        return token


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class VerifyView(FormView):
    """The second step of signing in, on a page like Wagtail's login page."""

    template_name = "valoa/admin/two_factor_verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url=reverse("wagtailadmin_login"))
        if not user_has_device(request.user, confirmed=True):
            return redirect("valoa_2fa_enrol")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": _safe_next(self.request)}

    def post(self, request, *args, **kwargs):
        if locked_out(request, request.user):  # the code is not even tried
            return self.locked(self.form_class(user=request.user))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        otp_login(self.request, form.device)
        sign_in_completed(self.request, username=self.request.user.get_username())
        return redirect(_safe_next(self.request))

    def form_invalid(self, form):
        # A wrong code counts like a wrong password (for this account from this address), so guessing codes
        # ends in the same lockout as guessing passwords.
        user = self.request.user
        login_failure_record(self.request, username=user.get_username())
        if locked_out(self.request, user):
            return self.locked(form)
        return super().form_invalid(form)

    def locked(self, form):
        """Signed out (the password step again, which the lockout refuses) with the lockout message, status
        429 like the login page's. Axes' middleware may render this again through AXES_LOCKOUT_CALLABLE with the
        same message."""
        logout(self.request)
        form.errors[NON_FIELD_ERRORS] = ErrorList([lockout_message()])
        return self.render_to_response(self.get_context_data(form=form, locked=True), status=429)


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class EnrolView(FormView):
    """First sign-in: scan the QR code, give the app's code; then the recovery codes are shown once."""

    template_name = "valoa/admin/two_factor_enrol.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url=reverse("wagtailadmin_login"))
        if user_has_device(request.user, confirmed=True) and not request.user.is_verified():
            return redirect("valoa_2fa_verify")  # adding a device needs the existing one first
        return super().dispatch(request, *args, **kwargs)

    def device(self) -> TOTPDevice:
        # One pending device per user, kept until confirmed, so a reload shows the same QR code.
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        return device or TOTPDevice.objects.create(
            user=self.request.user, name=TOTP_DEVICE_NAME, confirmed=False
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "device": self.device()}

    def get_context_data(self, **kwargs):
        device = self.device()
        return {
            **super().get_context_data(**kwargs),
            "secret": " ".join(_chunks(base64.b32encode(device.bin_key).decode(), 4)),
            "qr_code": _qr_svg(device.config_url),
            "next": _safe_next(self.request),
        }

    def form_valid(self, form):
        device = form.device
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(self.request, device)
        sign_in_completed(self.request, username=self.request.user.get_username())
        # Straight on to the first set of recovery codes (the POST makes them), shown this once.
        return RecoveryCodesView.as_view(extra_context={"just_enrolled": True})(self.request)


class RecoveryCodesView(WagtailAdminTemplateMixin, TemplateView):
    """Shows how many codes are left; a POST makes a new set and shows it once."""

    template_name = "valoa/admin/recovery_codes.html"
    page_title = _("Varakoodit")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        # Codes back up an authenticator app: without one, enrol first.
        if not user_has_device(request.user, confirmed=True):
            return redirect("valoa_2fa_enrol")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["codes_left"] = recovery_codes_left(user=self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(codes=recovery_codes_create(user=request.user)))

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response["Cache-Control"] = "no-store"  # the codes are secrets
        return response


def _chunks(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def _qr_svg(url: str) -> str:
    svg = segno.make(url, micro=False).svg_inline(
        scale=4, omitsize=True, title=str(_("QR-koodi todennussovellukselle"))
    )
    return mark_safe(svg)  # noqa: S308 - segno's own SVG; the title is escaped by segno


def urlpatterns():
    return [
        path("2fa/", VerifyView.as_view(), name="valoa_2fa_verify"),
        path("2fa/kayttoonotto/", EnrolView.as_view(), name="valoa_2fa_enrol"),
        path("2fa/varakoodit/", RecoveryCodesView.as_view(), name="valoa_recovery_codes"),
    ]
