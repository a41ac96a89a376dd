"""The tools room's section pages: the way in (Aloita) and the toolkit (Työkalut) with its tool finder."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from toolkit.tools.filters import ToolFilter
from toolkit.tools.models.tool import SectionPage, ToolPage
from valoa.models import Phase, Theme, phases_and_themes
from valoa.pages.paginator import requested_page
from valoa.pages.queries import public_q


class StartPage(SectionPage):
    """Aloita: the journey overview and the way into the workbook and the assessments."""

    template = "toolkit/tools/start_page.html"
    parent_page_types = ["valoa.HomePage"]
    subpage_types = ["toolkit.WorkbookPage", "toolkit.AssessmentPage", "valoa.ContentPage"]
    max_count = 1

    class Meta:
        verbose_name = _("aloitussivu")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().filter(public_q())
        return context


class ToolIndexPage(SectionPage):
    """Työkalut: the toolkit and its tool finder."""

    template = "toolkit/tools/tool_index_page.html"
    parent_page_types = ["valoa.HomePage"]
    subpage_types = ["toolkit.ToolPage"]
    max_count = 1

    class Meta:
        verbose_name = _("työkalujen hakemisto")

    page_size = 12

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        phases, themes = phases_and_themes(
            Phase.objects.filter(locale_id=self.locale_id), Theme.objects.filter(locale_id=self.locale_id)
        )
        finder = ToolFilter(
            request.GET or None,
            queryset=ToolPage.objects.child_of(self).live().filter(public_q()),
            search_scope=ToolPage.objects.child_of(self).live(),
            phases=phases,
            themes=themes,
        )
        # Ids only: each card is kept per publish, and the cards not kept read their tools (toolkit_tags.tool_cards).
        tools = finder.qs.order_by("title").values_list("pk", flat=True)
        paginator = Paginator(tools, self.page_size)
        results = requested_page(paginator, request.GET.get("page"))
        params = request.GET.copy()
        params.pop("page", None)
        context.update(
            finder=finder.form,
            finder_active=finder.active,
            results=results,
            result_count=paginator.count,
            query_string=params.urlencode(),
        )
        return context
