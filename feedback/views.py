"""The reader's side: the form for each kind, and the confirmation with the reference code."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited
from wagtail.models import Page

from feedback import services
from feedback.forms import SubmissionForm, experience_page_queryset
from feedback.models import FeedbackPage, Submission
from valoa.security.client_address import client_address

KIND_SLUGS = {
    "palaute": Submission.Kind.FEEDBACK,
    "kokemus": Submission.Kind.EXPERIENCE,
    "vinkki": Submission.Kind.TIP,
}
SLUG_FOR_KIND = {kind: slug for slug, kind in KIND_SLUGS.items()}
THANKS_SALT = "feedback.thanks"
PRIVACY_PAGE_SLUG = "tietosuojaseloste"
# Stored (or bot-caught) submissions per client; every POST, valid or not, has a looser ceiling.
POST_RATE = "30/10m"


def submit_rate(group=None, request=None) -> str:
    return getattr(settings, "FEEDBACK_SUBMIT_RATE", "5/10m")


def form_url(kind: str, page: Page | None = None) -> str:
    url = reverse("feedback:form", args=[SLUG_FOR_KIND[kind]])
    return f"{url}?sivu={page.pk}" if page is not None else url


def count_submission(request) -> None:
    """Count one submission against the client's limit; raise Ratelimited (→ 429) once it is spent."""
    if is_ratelimited(
        request, group="feedback.submit", key="ip", rate=submit_rate(), method=ALL, increment=True
    ):
        raise Ratelimited


def _initial_page(request):
    try:
        page_id = int(request.GET.get("sivu", ""))
    except ValueError:
        return None
    return experience_page_queryset().filter(pk=page_id).first()


@never_cache
@ratelimit(key="ip", rate=POST_RATE, method="POST", block=True, group="feedback.post")
@require_http_methods(["GET", "POST"])
def submission_form(request, kind_slug: str):
    kind = KIND_SLUGS.get(kind_slug)
    if kind is None:
        raise Http404
    status = 200
    if request.method == "POST":
        form = SubmissionForm(request.POST, kind=kind)
        if form.honeypot_caught():
            # A bot: nothing is stored, and it gets the same neutral thanks as anyone (without a code).
            count_submission(request)
            return redirect("feedback:thanks")
        if form.is_valid():
            count_submission(request)
            data = form.cleaned_data
            submission = services.submission_create(
                kind=kind,
                text=data["text"],
                title=data.get("title", ""),
                name=data["name"],
                organisation=data["organisation"],
                email=data["email"],
                publish_permission=data.get("publish_permission", False),
                page=data.get("page"),
                client_address=client_address(request),
                language=get_language(),
            )
            # "e": whether an address was given, so the thanks promises a reply only then.
            token = signing.dumps(
                {"r": submission.reference, "k": kind, "e": bool(data["email"])}, salt=THANKS_SALT
            )
            return redirect(f"{reverse('feedback:thanks')}?v={token}")
        status = 400
    else:
        initial = {}
        if kind == Submission.Kind.EXPERIENCE and (page := _initial_page(request)) is not None:
            initial["page"] = page
        form = SubmissionForm(kind=kind, initial=initial)
    return TemplateResponse(
        request,
        "feedback/submission_form.html",
        {
            "form": form,
            "kind": kind,
            "kind_label": Submission.Kind(kind).label,
            "feedback_page": FeedbackPage.objects.live().filter(locale__language_code=get_language()).first(),
            "privacy_page": Page.objects.live().public().filter(slug=PRIVACY_PAGE_SLUG).first(),
        },
        status=status,
    )


@never_cache
@require_GET
def thanks(request):
    reference = kind = None
    has_email = False
    try:
        data = signing.loads(request.GET.get("v", ""), salt=THANKS_SALT, max_age=3600)
        reference, kind = str(data["r"]), str(data["k"])
        has_email = bool(data.get("e"))
    except (signing.BadSignature, KeyError, TypeError):
        pass
    return TemplateResponse(
        request,
        "feedback/thanks.html",
        {
            "reference": reference,
            "kind": kind,
            "has_email": has_email,
            "feedback_page": FeedbackPage.objects.live().filter(locale__language_code=get_language()).first(),
            "privacy_page": Page.objects.live().public().filter(slug=PRIVACY_PAGE_SLUG).first(),
        },
    )
