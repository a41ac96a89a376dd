from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from valoa import health, routing, views
from valoa.http_cache import public

handler404 = "valoa.views.page_not_found"
handler500 = "valoa.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("dokumentit/", include(wagtaildocs_urls)),
    path("haku/", views.search, name="search"),
    path("sitemap.xml", public(sitemap), name="sitemap"),
    path("robots.txt", public(views.robots_txt), name="robots_txt"),
    path("health/live", health.live, name="health_live"),
    path("health/ready", health.ready, name="health_ready"),
    path("tiimi/", include("toolkit.urls")),
    path("palaute/lomake/", include("feedback.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}, name="media")
    ]

# Wagtail's page serving catches everything else, so it comes last (routed in fewer queries: valoa/routing.py).
urlpatterns += [path("", include(routing.urlpatterns()))]
