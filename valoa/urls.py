from django.conf import settings
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from valoa import admin_login, health, views
from valoa.http_cache import public

handler404 = "valoa.views.page_not_found"
handler500 = "valoa.views.server_error"

urlpatterns = [
    # Wagtail's password-reset form, rate-limited (valoa/admin_login.py); it shadows the same path below.
    path("admin/password_reset/", admin_login.password_reset),
    path("admin/", include(wagtailadmin_urls)),
    # No /django-admin/: Django's own admin would be a second surface for managing users (all it has are
    # the user and group models, which Wagtail's admin manages) outside the admin login's throttling and
    # two-factor step (docs/security.md).
    path("dokumentit/", include(wagtaildocs_urls)),
    path("haku/", views.search, name="search"),
    path("sitemap.xml", public(sitemap), name="sitemap"),
    path("robots.txt", public(views.robots_txt), name="robots_txt"),
    path("health/live", health.live, name="health_live"),
    path("health/ready", health.ready, name="health_ready"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    # The public scripts' strings (static/js/autosave.js): Django's JavaScript catalogue, cached like a page.
    path("jsi18n/", public(JavaScriptCatalog.as_view()), name="javascript-catalog"),
    path("tiimi/", include("toolkit.urls")),
    path("palaute/lomake/", include("feedback.urls")),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    from django.urls import re_path

    # A path no file can have (too long, NUL, ../) answers 404, not 500 (views.serve_media).
    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$", views.serve_media, {"document_root": settings.MEDIA_ROOT}, name="media"
        )
    ]

# Wagtail's page serving catches everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]
