"""The sitemap: every language's pages, each with its translations as `xhtml:link rel="alternate" hreflang`.

Wagtail's Sitemap lists the site's root page and its descendants: the Finnish tree alone, since the Swedish
and English home pages are the root page's translations, siblings of it. Here the items are all three trees,
and each URL names its translations (itself included) and `x-default` (the Finnish page), as the pages' own
`<link rel="alternate">` do (templates/components/hreflang.html). Two queries whatever the size of the site:
the pages, and the translation keys' live, public pages.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from valoa.pages.queries import public_q


class LanguageSitemap(Sitemap):
    def home_pages(self):
        root = self.get_wagtail_site().root_page
        return Page.objects.filter(translation_key=root.translation_key, depth=root.depth)

    def items(self):
        in_trees = Q()
        for home in self.home_pages():
            in_trees |= Q(path__startswith=home.path)
        return Page.objects.filter(in_trees).live().public().order_by("path").defer_streamfields().specific()

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        alternates = self.alternates()
        for url in urls:
            url["alternates"] = alternates.get(url["location"], [])
        return urls

    def alternates(self) -> dict[str, list[dict]]:
        """Full URL → its alternates, for pages that have at least one live, public translation."""
        rows = (
            Page.objects.live()
            .filter(public_q())
            .exclude(depth__lte=1)
            .only("url_path", "translation_key", "locale__language_code")
            .select_related("locale")
            .order_by("path")
        )
        by_key: dict = defaultdict(list)
        for row in rows:
            url = row.get_full_url(self.request)
            if url:
                by_key[row.translation_key].append((row.locale.language_code, url))
        found: dict[str, list[dict]] = {}
        for translations in by_key.values():
            if len(translations) < 2:
                continue
            links = [{"lang_code": code, "location": url} for code, url in translations]
            default = dict(translations).get(settings.LANGUAGE_CODE)
            if default:
                links.append({"lang_code": "x-default", "location": default})
            for _code, url in translations:
                found[url] = links
        return found
