"""Privacy headers for every team-space path, in every language (/tiimi/, /sv/tiimi/, /en/tiimi/): the team's
secret link must not leak or be cached."""

from django.utils.cache import add_never_cache_headers

from valoa.private_paths import is_team_path

REFERRER_POLICY = "same-origin"


class TeamPrivacyMiddleware:
    """No Referer to other sites, no indexing and no caching for team-space responses, errors included.

    `same-origin` rather than `no-referrer`: under `no-referrer` browsers send `Origin: null` with every
    form POST (Fetch standard), and Django's CSRF origin check then refuses all of the team's forms.
    `same-origin` still never lets the link (the Referer) reach another site.
    It sits after SecurityMiddleware, which only sets Referrer-Policy when a response has none.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_team_path(request.path):
            response.headers["Referrer-Policy"] = REFERRER_POLICY
            response.headers["X-Robots-Tag"] = "noindex, nofollow, noarchive"
            add_never_cache_headers(response)
        return response
