"""One factory per model, here or in a module of this package per area (e.g. tests/factories/team.py).

tests/valoa/test_factories.py fails when a model has none.
"""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from feedback.models import FeedbackPage
from inspire.models import InspireIndexPage, Organisation, StoryKind, StoryPage
from toolkit.models import AssessmentPage, StartPage, TeamSpace, ToolIndexPage, ToolPage, WorkbookPage
from valoa.models import ContactSettings, ContentPage, HomePage, Phase, SiteTexts, Theme


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"kayttaja{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("salasana-testiin-123")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.set(Group.objects.filter(name__in=names))


class PhaseFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Vaihe {n}")
    slug = factory.Sequence(lambda n: f"vaihe-{n}")
    summary = "Tiimi katsoo omaa työtään."
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Phase


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Teema {n}")
    slug = factory.Sequence(lambda n: f"teema-{n}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Theme


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Virasto {n}")
    short_name = factory.Sequence(lambda n: f"V{n}")

    class Meta:
        model = Organisation


class BasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sivu {n}")
    slug = factory.LazyAttribute(lambda page: f"sivu-{page.title.lower().replace(' ', '-')}")
    intro = "Lyhyt johdanto sivun sisältöön."

    class Meta:
        abstract = True


class HomePageFactory(BasePageFactory):
    title = "Etusivu"
    slug = "etusivu"

    class Meta:
        model = HomePage


class ContentPageFactory(BasePageFactory):
    class Meta:
        model = ContentPage


class StartPageFactory(BasePageFactory):
    title = "Aloita"
    slug = "aloita"
    show_in_menus = True

    class Meta:
        model = StartPage


class WorkbookPageFactory(BasePageFactory):
    title = "Työkirja"
    slug = "tyokirja"

    class Meta:
        model = WorkbookPage


class AssessmentPageFactory(BasePageFactory):
    class Meta:
        model = AssessmentPage


class ToolIndexPageFactory(BasePageFactory):
    title = "Työkalut"
    slug = "tyokalut"
    show_in_menus = True

    class Meta:
        model = ToolIndexPage


class ToolPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Työkalu {n}")
    duration_minutes = 30
    what = "<p>Menetelmä tiimin palaveriin.</p>"
    when = "<p>Kun tiimi haluaa oppia yhdessä.</p>"

    class Meta:
        model = ToolPage


class InspireIndexPageFactory(BasePageFactory):
    title = "Innostu"
    slug = "innostu"
    show_in_menus = True

    class Meta:
        model = InspireIndexPage


class StoryPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Tarina {n}")
    kind = StoryKind.CASE_STUDY
    organisation = factory.SubFactory(OrganisationFactory)

    class Meta:
        model = StoryPage


# One story page type; these name its kinds, as the tests read better with them.
class CaseStudyPageFactory(StoryPageFactory):
    kind = StoryKind.CASE_STUDY


class ExperimentPageFactory(StoryPageFactory):
    kind = StoryKind.EXPERIMENT


class InsightPageFactory(StoryPageFactory):
    kind = StoryKind.INSIGHT


class FeedbackPageFactory(BasePageFactory):
    title = "Palaute"
    slug = "palaute"
    show_in_menus = True

    class Meta:
        model = FeedbackPage


class SiteTextsFactory(factory.django.DjangoModelFactory):
    """The settings' text in one language (Finnish, the default locale, unless `locale` is given)."""

    organisation = "Esimerkkivirasto"
    address = "PL 1, 00001 Esimerkkilä"

    class Meta:
        model = SiteTexts


class ContactSettingsFactory(factory.django.DjangoModelFactory):
    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    email = "valoa@example.org"

    class Meta:
        model = ContactSettings
        django_get_or_create = ("site",)


class TeamSpaceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tiimi {n}")

    class Meta:
        model = TeamSpace


def site_published() -> None:
    """What any publish does to the app's own caches (valoa/pages/chrome.py): the site chrome forgotten, and with
    its generation every page's language switcher and every fragment (valoa/pages/fragments.py). For tests that
    make pages live without Wagtail's publish, or measure a page as its first view after a publish renders it."""
    from valoa.pages import chrome

    chrome.forget()
