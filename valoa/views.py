"""Site-wide views: search, robots.txt and the error pages."""

import sys

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit

from valoa import outage
from valoa.search import search_page

SEARCH_MAX_QUERY_LENGTH = 200


def search_rate(group, request):
    return settings.SEARCH_RATE_LIMIT


@require_GET
@ratelimit(key="ip", rate=search_rate, method="GET", block=True)
def search(request):
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_QUERY_LENGTH].replace("\x00", "")
    results_page = None
    if query:
        # get_page() turns a missing, non-numeric or out-of-range ?page= into a valid page.
        results_page = search_page(request, query, request.GET.get("page"))
    return TemplateResponse(
        request,
        "valoa/search.html",
        {"search_query": query, "results_page": results_page},
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /tiimi/",
        "Disallow: /haku/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


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
