"""Admin for assessment scales. Rounds and responses have no admin screen: no one may browse answers."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from toolkit.models import AssessmentScale


class AssessmentScaleViewSet(SnippetViewSet):
    model = AssessmentScale
    icon = "list-ol"
    menu_label = _("Arviointiasteikot")
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["name", "style"]


register_snippet(AssessmentScaleViewSet)
