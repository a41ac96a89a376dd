"""Admin for assessment scales. Rounds and responses have no admin screen: no one may browse answers."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.views.snippets import SnippetViewSet

from toolkit.assessment.models import AssessmentScale
from valoa.editing.counts import index_view_counting


class AssessmentScaleViewSet(SnippetViewSet):
    model = AssessmentScale
    icon = "list-ol"
    menu_label = _("Arviointiasteikot")
    index_view_class = index_view_counting(
        lambda n: ngettext("%(n)s arviointiasteikko", "%(n)s arviointiasteikkoa", n) % {"n": n}
    )
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["name", "style"]
