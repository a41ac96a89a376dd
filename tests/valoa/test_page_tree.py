"""The page tree can only take the shape DESIGN.md §1 gives it."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from feedback.models import FeedbackPage
from inspire.models import InspireIndexPage, StoryPage
from toolkit.models import AssessmentPage, StartPage, ToolIndexPage, ToolPage, WorkbookPage
from valoa.models import ContentPage, HomePage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_lives_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_children(self):
        self.assertAllowedSubpageTypes(
            HomePage, {StartPage, ToolIndexPage, InspireIndexPage, FeedbackPage, ContentPage}
        )

    def test_start_page(self):
        self.assertAllowedParentPageTypes(StartPage, {HomePage})
        self.assertAllowedSubpageTypes(StartPage, {WorkbookPage, AssessmentPage, ContentPage})
        self.assertCanNotCreateAt(ToolIndexPage, StartPage)

    def test_toolkit(self):
        self.assertAllowedParentPageTypes(ToolPage, {ToolIndexPage})
        self.assertAllowedSubpageTypes(ToolIndexPage, {ToolPage})
        self.assertAllowedSubpageTypes(ToolPage, set())
        self.assertCanNotCreateAt(HomePage, ToolPage)
        self.assertCanNotCreateAt(StartPage, ToolPage)

    def test_workbook_and_assessments_live_under_start(self):
        for model in (WorkbookPage, AssessmentPage):
            self.assertAllowedParentPageTypes(model, {StartPage})
            self.assertCanNotCreateAt(HomePage, model)
            self.assertCanNotCreateAt(ToolIndexPage, model)

    def test_stories_live_under_inspire(self):
        self.assertAllowedSubpageTypes(InspireIndexPage, {StoryPage})
        self.assertAllowedParentPageTypes(StoryPage, {InspireIndexPage})
        self.assertCanNotCreateAt(HomePage, StoryPage)
        self.assertCanNotCreateAt(ToolIndexPage, StoryPage)

    def test_content_pages(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, StartPage})
        self.assertAllowedSubpageTypes(ContentPage, set())
        self.assertCanNotCreateAt(InspireIndexPage, ContentPage)

    def test_singletons(self):
        for model in (HomePage, StartPage, ToolIndexPage, InspireIndexPage, FeedbackPage, WorkbookPage):
            self.assertEqual(model.max_count, 1, model.__name__)
