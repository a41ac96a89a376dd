"""Site-wide views: robots.txt, security.txt, media and the error pages (search: valoa/search/views.py)."""

import datetime
import sys

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site

from valoa import private_paths
from valoa.models import ContactSettings
from valoa.operations import outage


@require_GET
def robots_txt(request):
    # Every private path, the team spaces, forms' handlers and search in every language (valoa/private_paths.py).
    lines = [
        "User-agent: *",
        *(f"Disallow: {prefix}" for prefix in private_paths.PRIVATE_PREFIXES),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(public=True, max_age=60 * 60)
def security_txt(request):
    """RFC 9116: where to report a vulnerability. The contact is the site's own, from its ContactSettings."""
    site = Site.find_for_request(request)
    contact = ContactSettings.for_site(site) if site else None
    if not contact or not contact.email:
        raise Http404  # Contact is required: no file rather than one without it
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    expires = today + datetime.timedelta(days=settings.SECURITY_TXT_EXPIRES_DAYS)
    lines = [
        f"Contact: mailto:{contact.email}",
        f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: fi, sv, en",
        f"Canonical: {request.build_absolute_uri(reverse('security_txt'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def serve_media(request, path, document_root=None):
    """Django's static file view, with 404 for paths no file can have: a name longer than the file system
    allows (OSError), a NUL byte (ValueError) or a way out of MEDIA_ROOT (SuspiciousFileOperation, else 400)."""
    try:
        return static.serve(request, path, document_root=document_root)
    except (OSError, ValueError, SuspiciousFileOperation) as exc:
        raise Http404 from exc


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Django calls this inside its `except` block: a database outage in a middleware (session, user,
    # redirects) is answered 503 here, as the outage middleware answers one raised by a view.
    if outage.is_database_outage(sys.exception()):
        return outage.outage_response()
    # Rendered without the request context: whatever broke must not break the error page too.
    return render(None, "500.html", status=500)


def rate_limited(request, exception=None):
    return render(request, "429.html", status=429)
