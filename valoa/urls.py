from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from valoa import views
from valoa.caching.http_cache import public
from valoa.operations import health
from valoa.pages.sitemap import LanguageSitemap
from valoa.search import views as search_views
from valoa.security import admin_login

handler404 = "valoa.views.page_not_found"
handler500 = "valoa.views.server_error"

urlpatterns = [
    # Wagtail's password-reset form, rate-limited (valoa/security/admin_login.py); it shadows the same path below.
    path("admin/password_reset/", admin_login.password_reset),
    path("admin/", include(wagtailadmin_urls)),
    # No /django-admin/: Django's own admin would be a second surface for managing users (all it has are
    # the user and group models, which Wagtail's admin manages) outside the admin login's throttling and
    # two-factor step (docs/security.md).
    path("dokumentit/", include(wagtaildocs_urls)),
    path("sitemap.xml", public(sitemap), {"sitemaps": {"wagtail": LanguageSitemap}}, name="sitemap"),
    path("robots.txt", public(views.robots_txt), name="robots_txt"),
    path("health/live", health.live, name="health_live"),
    path("health/ready", health.ready, name="health_ready"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    # The usage beacon of pages served from the front cache (docs/usage-figures.md): not in any language.
    path("kaytto/", include("toolkit.tools.urls")),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    # A path no file can have (too long, NUL, ../) answers 404, not 500 (views.serve_media).
    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$", views.serve_media, {"document_root": settings.MEDIA_ROOT}, name="media"
        )
    ]

# In the visitor's language: Finnish unprefixed at /, Swedish under /sv/, English under /en/ (docs/languages.md).
# The paths of search, team spaces and forms stay the same in every language (/sv/tiimi/…): a team link is
# one link, and the front cache's pass rules name each path once. Wagtail's page serving catches everything
# else, so it comes last; its pages have slugs of their own language (/sv/verktyg/…).
urlpatterns += i18n_patterns(
    # The public scripts' strings (static/js/autosave.js): Django's JavaScript catalogue in the URL's language
    # (/jsi18n/, /sv/jsi18n/), cached like a page.
    path("jsi18n/", public(JavaScriptCatalog.as_view()), name="javascript-catalog"),
    path("haku/", search_views.search, name="search"),
    # A team's ended experiment offered to Innostu (feedback, above toolkit): before toolkit's <token>/ paths.
    path("tiimi/", include("feedback.sharing.urls")),
    path("tiimi/", include("toolkit.urls")),
    path("palaute/lomake/", include("feedback.urls")),
    # Wagtail's own URLs: the password form of a restricted page, then its pages, served by Wagtail's own view
    # from the home page of the URL's language (docs/decisions/005-wagtail-serve-view.md).
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
