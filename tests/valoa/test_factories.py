import importlib
import inspect
import pkgutil

import pytest
from django.apps import apps
from wagtail.models import get_page_models
from wagtail.snippets.models import get_snippet_models

from tests import factories

PROJECT_APPS = {"valoa", "toolkit", "inspire", "feedback"}


def _factory_models():
    modules = [factories] + [
        importlib.import_module(f"tests.factories.{info.name}")
        for info in pkgutil.iter_modules(factories.__path__)
    ]
    return {
        obj._meta.model
        for module in modules
        for _name, obj in inspect.getmembers(module, inspect.isclass)
        if hasattr(obj, "_meta") and getattr(obj._meta, "model", None) is not None
    }


def test_every_page_type_has_a_factory():
    missing = [
        m.__name__
        for m in get_page_models()
        if m._meta.app_label in PROJECT_APPS and m not in _factory_models()
    ]
    assert missing == []


def test_every_project_model_has_a_factory():
    models = [m for m in apps.get_models() if m._meta.app_label in PROJECT_APPS and not m._meta.auto_created]
    missing = [m.__name__ for m in models if m not in _factory_models()]
    assert missing == []


def test_snippets_are_registered_for_the_taxonomy():
    names = {m.__name__ for m in get_snippet_models()}
    assert {"Phase", "Theme", "Organisation"} <= names


@pytest.mark.django_db
def test_factories_build_renderable_pages(client, demo_site):
    from inspire.models import InspireIndexPage
    from toolkit.models import StartPage, ToolIndexPage

    pages = [
        factories.ToolPageFactory(parent=ToolIndexPage.objects.get(), title="Tehtaan työkalu"),
        factories.AssessmentPageFactory(parent=StartPage.objects.get(), title="Tehtaan arviointi"),
        factories.ContentPageFactory(parent=demo_site, title="Tehtaan sisältösivu"),
        factories.CaseStudyPageFactory(parent=InspireIndexPage.objects.get()),
        factories.ExperimentPageFactory(parent=InspireIndexPage.objects.get()),
        factories.InsightPageFactory(parent=InspireIndexPage.objects.get()),
    ]
    for page in pages:
        assert client.get(page.url).status_code == 200, page.title
