from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from valoa.admin_counts import index_view_counting
from valoa.http_cache import mark_public
from valoa.models import Phase, Theme
from valoa.page_cache import mark_cacheable


class PhaseViewSet(SnippetViewSet):
    model = Phase
    icon = "list-ol"
    menu_label = _("Vaiheet")
    index_view_class = index_view_counting(lambda n: ngettext("%(n)s vaihe", "%(n)s vaihetta", n) % {"n": n})
    list_display = ["name", "slug", "summary"]
    search_fields = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Teemat")
    index_view_class = index_view_counting(lambda n: ngettext("%(n)s teema", "%(n)s teemaa", n) % {"n": n})
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (PhaseViewSet, ThemeViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Luokittelu")
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)


@hooks.register("before_serve_page")
def mark_page_cacheable(page, request, serve_args, serve_kwargs):
    # Only what Wagtail's page serving renders may enter the page cache (valoa/page_cache.py).
    mark_cacheable(request)


@hooks.register("before_serve_page")
def mark_page_public(page, request, serve_args, serve_kwargs):
    # A page Wagtail serves may be public to the front cache, under the rules of valoa/http_cache.py.
    mark_public(request)
