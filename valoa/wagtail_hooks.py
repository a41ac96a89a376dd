from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from valoa.models import Phase, Theme


class PhaseViewSet(SnippetViewSet):
    model = Phase
    icon = "list-ol"
    menu_label = _("Vaiheet")
    list_display = ["name", "slug", "summary"]
    search_fields = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Teemat")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (PhaseViewSet, ThemeViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Luokittelu")
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)
