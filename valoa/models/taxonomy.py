"""The journey taxonomy: phases of the VALOA journey and themes, as ordered, translatable snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index


class Phase(TranslatableMixin, Orderable, index.Indexed):
    """A phase of the team's journey. Order matters: it is the order of the journey."""

    name = models.CharField(_("nimi"), max_length=80)
    slug = models.SlugField(_("tunniste"), max_length=80, help_text=_("Osoitteissa ja rajauksissa."))
    summary = models.CharField(_("tiivistelmä"), max_length=255, blank=True)
    description = models.TextField(_("kuvaus"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("summary"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("matkan vaihe")
        verbose_name_plural = _("matkan vaiheet")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name

    @property
    def number(self) -> int:
        """1-based position on the journey, as shown to users."""
        return (self.sort_order or 0) + 1


class Theme(TranslatableMixin, Orderable, index.Indexed):
    """A theme of the coaching and learning work culture, e.g. dialogue or feedback."""

    name = models.CharField(_("nimi"), max_length=80)
    slug = models.SlugField(_("tunniste"), max_length=80, help_text=_("Osoitteissa ja rajauksissa."))
    description = models.TextField(_("kuvaus"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("teema")
        verbose_name_plural = _("teemat")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name


def phases_and_themes(phases: models.QuerySet, themes: models.QuerySet) -> tuple[list[Phase], list[Theme]]:
    """Two lists of phases and themes (e.g. a page's own) in one query: a UNION of the two tables' common columns.

    Pages show both lists side by side, and the per-page query budget (docs/performance.md) has no room for a
    query each. The rows become Phase and Theme objects with the fields pages show (name, slug, order).
    """
    fields = ("pk", "name", "slug", "sort_order")
    rows = (
        phases.order_by()
        .annotate(taxonomy=models.Value("phase"))
        .values_list(*fields, "taxonomy")
        .union(
            themes.order_by().annotate(taxonomy=models.Value("theme")).values_list(*fields, "taxonomy"),
            all=True,
        )
    )
    found: dict[str, list] = {"phase": [], "theme": []}
    for pk, name, slug, sort_order, taxonomy in rows:
        model = Phase if taxonomy == "phase" else Theme
        found[taxonomy].append(model(pk=pk, name=name, slug=slug, sort_order=sort_order))
    for items in found.values():
        items.sort(key=lambda item: (item.sort_order or 0, item.name))
    return found["phase"], found["theme"]


def page_phases_and_themes(page, *, related_name: str) -> tuple[list[Phase], list[Theme]]:
    """A page's own phases and themes (its `phases` and `themes` fields), in the order of phases_and_themes.

    A page not saved yet (the editor's preview of a new page) cannot be a filter's value: its choices are the
    ones the form holds on the page in memory.
    """
    if page.pk is None:

        def order(item):
            return (item.sort_order or 0, item.name)

        return sorted(page.phases.all(), key=order), sorted(page.themes.all(), key=order)
    return phases_and_themes(
        Phase.objects.filter(**{related_name: page}), Theme.objects.filter(**{related_name: page})
    )
