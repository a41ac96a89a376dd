from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from valoa import two_factor
from valoa.admin_counts import index_view_counting
from valoa.http_cache import mark_public
from valoa.models import Phase, Theme


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
def mark_page_public(page, request, serve_args, serve_kwargs):
    # A page Wagtail serves may be public to the front cache, under the rules of valoa/http_cache.py.
    mark_public(request)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    # The two-factor step, enrolment and recovery codes under /admin/2fa/ (valoa/two_factor.py).
    return two_factor.urlpatterns()


@hooks.register("register_account_menu_item")
def register_recovery_codes_menu_item(request):
    return {
        "url": reverse("valoa_recovery_codes"),
        "label": _("Kaksivaiheisen tunnistautumisen varakoodit"),
        "help_text": _("Kertakäyttöiset koodit, joilla kirjaudut, jos puhelin katoaa."),
    }
