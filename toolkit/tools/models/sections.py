"""The tools room's section pages: the way in (Aloita) and the toolkit (Työkalut) with its tool finder."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from toolkit.tools.filters import ToolFilter
from toolkit.tools.models.tool import SectionPage, ToolPage
from valoa.models import Phase, Theme, phases_and_themes
from valoa.pages.fragments import kept
from valoa.pages.paginator import kept_page, requested_page
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

    def facet_rows(self) -> tuple[list[Phase], list[Theme]]:
        return phases_and_themes(
            Phase.objects.filter(locale_id=self.locale_id), Theme.objects.filter(locale_id=self.locale_id)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The facets' phases and themes, the count and each page's tool ids change only with a publish: read once
        # per publish (valoa.pages.fragments), for each set of valid filter values. A free-text search is not kept:
        # its words are the reader's own, and would fill the cache with entries no one else asks for.
        phases, themes = kept(request, "finder-rows", (self.locale_id,), self.facet_rows)
        finder = ToolFilter(
            request.GET or None,
            queryset=ToolPage.objects.child_of(self).live().filter(public_q()),
            search_scope=ToolPage.objects.child_of(self).live(),
            phases=phases,
            themes=themes,
        )
        # Ids only: each card is kept per publish, and the cards not kept read their tools (toolkit_tags.tool_cards).
        tools = finder.qs.order_by("title").values_list("pk", flat=True)
        raw = request.GET.get("page")
        if "q" in finder.values:
            results = requested_page(Paginator(tools, self.page_size), raw)
        else:
            listing = (self.pk, *sorted(finder.values.items()))
            results = kept_page(request, "tools", listing, tools, self.page_size, raw)
        params = request.GET.copy()
        params.pop("page", None)
        context.update(
            finder=finder.form,
            finder_active=finder.active,
            results=results,
            result_count=results.paginator.count,
            query_string=params.urlencode(),
        )
        return context
