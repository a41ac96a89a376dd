"""The site search page (/haku/, /sv/haku/, /en/haku/), limited per client address."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit

from valoa.search.pages import search_page

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
        results_page = search_page(query, request.GET.get("page"))
    return TemplateResponse(
        request,
        "valoa/search.html",
        {"search_query": query, "results_page": results_page},
    )
