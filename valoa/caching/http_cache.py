"""Who may keep a response: the `Cache-Control` policy that the front cache (Varnish, docs/deploy.md) follows.

Public pages for anonymous visitors are cached by the front cache for `HTTP_CACHE_S_MAXAGE` seconds and purged
when they change (valoa/caching/frontend_cache.py); browsers keep them only `HTTP_CACHE_MAX_AGE` seconds, because a
purge cannot reach a browser. Everything else is `private, no-store`.

A response is public only when all of these hold:
- Wagtail's page serving (the `before_serve_page` hook) or a view decorated with `@public` produced it,
- the request is a GET or HEAD without a session cookie, for no logged-in user,
- the answer is a 200 that sets no cookie (a page that used the CSRF token, i.e. shows a form, always sets the
  `csrftoken` cookie: Django's CsrfViewMiddleware does so whenever `get_token()` was called),
- the path is not private (valoa/private_paths.py: team spaces, forms' handlers, search, admin, health checks;
  the first three in every language),
- the view did not say otherwise itself (a public response's own `Cache-Control` is kept; any other
  response is made `private, no-store`, whatever it said).
The language of a response is its URL's (valoa/languages/locales.py): responses never vary on `Accept-Language`,
so the front cache keeps one copy per URL and never mixes languages.
Previews never pass `before_serve_page` (Wagtail renders them through `serve_preview` in the admin, whose
views are all `never_cache`), so they are never public.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

from valoa import private_paths

# Set on the request by the page-serving hook and by @public: this response may be shared.
PUBLIC_MARK = "valoa_public_response"


def mark_public(request) -> None:
    setattr(request, PUBLIC_MARK, True)


def public(view):
    """Let a non-page view's answers be public under the same rules as pages (e.g. the sitemap)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        mark_public(request)
        return view(request, *args, **kwargs)

    return wrapper


def make_private(response) -> None:
    # Whatever the view said (a `public, s-maxage` included) gives way: Django's never-cache headers are
    # `max-age=0, no-cache, no-store, must-revalidate, private`, so no browser, proxy or front cache keeps it.
    if "Cache-Control" in response:
        del response.headers["Cache-Control"]
    add_never_cache_headers(response)


def is_public(request, response) -> bool:
    if not getattr(request, PUBLIC_MARK, False):
        return False
    if request.method not in ("GET", "HEAD") or response.status_code != 200 or response.cookies:
        return False
    if private_paths.is_private(request.path):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # an editor (preview links, the user bar) or a visitor of a password-protected page
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class CacheControlMiddleware:
    """Below whitenoise (static files keep their own headers), above the session, CSRF, auth and message
    middleware: it sees the cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_public(request, response):
            if "Cache-Control" not in response:
                patch_cache_control(
                    response,
                    public=True,
                    max_age=settings.HTTP_CACHE_MAX_AGE,
                    s_maxage=settings.HTTP_CACHE_S_MAXAGE,
                    stale_while_revalidate=settings.HTTP_CACHE_STALE_WHILE_REVALIDATE,
                )
        else:
            # Anything not explicitly public is private: a front cache must never guess. Whitenoise's static
            # files answer above this middleware and keep their own headers.
            make_private(response)
        return response
