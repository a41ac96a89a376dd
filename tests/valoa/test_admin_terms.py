"""Issue 29: one name for each thing in the admin (docs/writing.md, "Glossary of admin terms"), and the smaller
edges: capitalised block labels, the minutes rule before saving, counts and questions in the right number, the
site texts' add button, the Työpohjat button and the advice on accessible PDFs."""

import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.utils import translation
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from tests import factories
from valoa.editing.counts import CountLabelPaginator

BASE = Path(settings.BASE_DIR)

# (pattern, what to write instead): the glossary's forbidden variants. A pattern searches a whole Finnish
# string (case-insensitive); `^…$` patterns forbid a string that is only that word, a label or heading.
FORBIDDEN = [
    (r"\bnosto", "Näkyvyys (tab) or Lainaus (block)"),
    (r"kuvapank|kuvakirjasto", "Kuvat"),
    (r"tarkastettavaksi", "Lähetä työnkulkuun / lähetetty työnkulkuun"),
    (r"^palautteet$", "Lähetetyt viestit"),
    (r"^vaiheet$", "Matkan vaiheet or Työvaiheet"),
    (r"^lisää sivuston tekstit$", "Lisää sivuston tekstien kieliversio"),
]


def _forbidden_in(text: str) -> list[str]:
    return [f"{pattern} → {instead}" for pattern, instead in FORBIDDEN
            if re.search(pattern, text.strip(), re.IGNORECASE)]  # fmt: skip


def _finnish_strings():
    """(where, Finnish text): locale/fi's translations, the msgids of the sv/en catalogues, templates' text."""
    for domain in ("django", "djangojs"):
        for entry in polib.pofile(str(BASE / "locale" / "fi" / "LC_MESSAGES" / f"{domain}.po")):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                yield f"locale/fi {domain}: {entry.msgid!r}", text
        for language in ("sv", "en"):
            for entry in polib.pofile(str(BASE / "locale" / language / "LC_MESSAGES" / f"{domain}.po")):
                for text in (entry.msgid, entry.msgid_plural):
                    if text:
                        yield f"locale/{language} {domain}", text
    for template in sorted((BASE / "templates").rglob("*.html")):
        source = template.read_text(encoding="utf-8")
        for match in re.finditer(r'\{%\s*(?:translate|trans)\s+"([^"]*)"', source):
            yield str(template.relative_to(BASE)), match.group(1)
        for line in source.splitlines():  # blocktranslate bodies and plain text
            if "{%" not in line:
                yield str(template.relative_to(BASE)), re.sub(r"<[^>]+>", " ", line)


def test_no_forbidden_variant_of_an_admin_term():
    found = [(where, text, hits) for where, text in _finnish_strings() if (hits := _forbidden_in(text))]
    assert found == []


@pytest.mark.parametrize(
    "text", ["Nosto", "Kuvan kuvaus kuvapankissa", "Lähetä tarkastettavaksi", "Palautteet", "vaiheet"]
)
def test_the_check_catches_each_variant(text):
    assert _forbidden_in(text)


def test_the_check_leaves_the_right_terms_alone():
    for text in ["Näkyvyys", "Matkan vaiheet", "Työvaiheet", "Kuvat", "Lähetetyt viestit", "Palaute",
                 "Käännös on jo tarkastettavana."]:  # fmt: skip
        assert not _forbidden_in(text), text


def test_the_glossary_names_every_forbidden_variant():
    writing = (BASE / "docs" / "writing.md").read_text(encoding="utf-8")
    assert "## Glossary of admin terms" in writing
    for term in ["*Näkyvyys*", "*Kuvat*", "*Lähetetyt viestit*", "*Kokeilun tila*", "*Lähetä työnkulkuun*",
                 "*Nosto*", "*kuvapankki*", "*Palautteet*", "*Lähetä tarkastettavaksi*"]:  # fmt: skip
        assert term in writing


def test_the_admin_says_nakyvyys_not_nosto():
    with translation.override("fi"):
        assert translation.gettext("Promote") == "Näkyvyys"


def test_the_fields_use_the_glossary_terms():
    from inspire.models import StoryPage
    from toolkit.models import ToolPage
    from valoa.models import Phase, SiteTexts

    with translation.override("fi"):
        assert str(StoryPage._meta.get_field("status").verbose_name) == "kokeilun tila"
        assert str(StoryPage._meta.get_field("phases").verbose_name) == "matkan vaiheet"
        assert str(ToolPage._meta.get_field("phases").verbose_name) == "matkan vaiheet"
        assert str(ToolPage._meta.get_field("steps").verbose_name) == "työvaiheet"
        assert str(Phase._meta.verbose_name_plural) == "matkan vaiheet"
        assert str(SiteTexts._meta.verbose_name) == "sivuston tekstien kieliversio"


# --- Block labels ----------------------------------------------------------------------------------------


def _labelled_blocks(block, path):
    """(path, label) of every block under `block`: stream children, struct children, list items."""
    if isinstance(block, blocks.StreamBlock | blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield f"{path}.{name}", child.label
            yield from _labelled_blocks(child, f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        yield from _labelled_blocks(block.child_block, f"{path}[]")


def _page_stream_blocks():
    for model in apps.get_models():
        if issubclass(model, Page):
            for field in model._meta.get_fields():
                if isinstance(field, StreamField) and field.model is model:
                    yield f"{model.__name__}.{field.name}", field.stream_block


def test_every_block_label_of_the_page_models_starts_with_a_capital():
    streams = list(_page_stream_blocks())
    assert {"ToolPage.steps", "AssessmentPage.statements", "WorkbookPage.sections", "StoryPage.body"} <= {
        name for name, _ in streams
    }
    with translation.override("fi"):
        lower = [(path, str(label)) for name, stream in streams for path, label in _labelled_blocks(stream, name)
                 if label and not str(label)[0].isupper()]  # fmt: skip
    assert lower == []


# --- The minutes rule before saving ------------------------------------------------------------------------


def test_the_minutes_rule_is_help_on_the_duration_the_steps_and_each_steps_minutes():
    from toolkit.models import ToolPage

    with translation.override("fi"):
        assert "Työvaiheiden minuuttien summan pitää olla sama kuin kesto" in str(
            ToolPage._meta.get_field("duration_minutes").help_text
        )
        steps = ToolPage._meta.get_field("steps")
        assert "muuten sivua ei voi tallentaa" in str(steps.help_text)
        minutes = steps.stream_block.child_blocks["step"].child_blocks["minutes"]
        assert "työkalun kesto" in str(minutes.field.help_text)


# --- Counts in every listing -------------------------------------------------------------------------------


def test_every_snippet_listing_counts_with_its_own_noun():
    for model in get_snippet_models():
        paginator = model.snippet_viewset.index_view_class.paginator_class
        assert issubclass(paginator, CountLabelPaginator) and paginator.count_label, model
        with translation.override("fi"):
            one, two = paginator([None], 20).items_count_label, paginator([None, None], 20).items_count_label
        assert one.startswith("1 ") and two.startswith("2 ") and one[2:] != two[2:], (model, one, two)


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("fi", "1 kieliversio", "2 kieliversiota"),
        ("sv", "1 språkversion", "2 språkversioner"),
        ("en", "1 language version", "2 language versions"),
    ],
)
def test_site_texts_count_language_versions(language, one, two):
    from valoa.wagtail_hooks import SiteTextsViewSet

    paginator = SiteTextsViewSet.index_view_class.paginator_class
    with translation.override(language):
        assert paginator([None], 20).items_count_label == one
        assert paginator([None, None], 20).items_count_label == two


@pytest.fixture
def superuser_client(demo_site):
    client = Client()
    client.force_login(factories.UserFactory(username="pääkäyttäjä", is_superuser=True, is_staff=True))
    return client


@pytest.mark.django_db
def test_the_site_texts_add_button_names_one_language_version(superuser_client):
    html = superuser_client.get("/admin/snippets/valoa/sitetexts/").content.decode()
    assert "Lisää sivuston tekstien kieliversio" in html
    assert "Lisää sivuston tekstit" not in html


# --- Singular and plural questions -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "one", "many"),
    [
        ("approve", "Hyväksytäänkö tämä viesti?", "Hyväksytäänkö nämä 2 viestiä?"),
        ("reject", "Hylätäänkö tämä viesti?", "Hylätäänkö nämä 2 viestiä?"),
        ("spam", "Merkitäänkö tämä viesti roskapostiksi?", "Merkitäänkö nämä 2 viestiä roskapostiksi?"),
    ],
)
def test_a_bulk_question_about_one_message_is_in_the_singular(superuser_client, action, one, many):
    from tests.factories.feedback import SubmissionFactory

    first, second = SubmissionFactory.create_batch(2)
    url = f"/admin/bulk/feedback/submission/{action}/"
    single = superuser_client.get(f"{url}?id={first.pk}").content.decode()
    assert one in single and "nämä" not in single
    both = superuser_client.get(f"{url}?id={first.pk}&id={second.pk}").content.decode()
    assert many in both


# --- The Työpohjat button and the PDF advice -----------------------------------------------------------------


@pytest.mark.django_db
def test_the_templates_button_shows_only_when_the_tool_has_a_template(demo_site, client):
    from toolkit.models import ToolPage

    tools = list(ToolPage.objects.live())
    with_template = next(tool for tool in tools if tool.work_templates.exists())
    without = next((tool for tool in tools if not tool.work_templates.exists()), None)
    if without is None:
        without = with_template
        without.work_templates.all().delete()
        with_template = None
    link = 'href="#tool-templates-title"'
    assert link not in client.get(without.url).content.decode()
    if with_template is not None:
        assert link in client.get(with_template.url).content.decode()


@pytest.mark.django_db
def test_the_document_upload_form_advises_on_accessible_pdfs(superuser_client):
    for url in ("/admin/documents/multiple/add/", "/admin/documents/add/"):
        html = superuser_client.get(url).content.decode()
        assert "tallenna se tagitettuna PDF:nä" in html, url
        assert "merkitse sen kieli" in html, url


@pytest.mark.django_db
def test_the_page_editor_speaks_the_glossary(superuser_client):
    from inspire.models import StoryPage
    from toolkit.models import ToolPage

    tool = ToolPage.objects.first()
    html = superuser_client.get(f"/admin/pages/{tool.pk}/edit/").content.decode()
    assert "Näkyvyys" in html and "Nosto" not in html
    assert "Työvaiheet" in html and "Kuvat-osiossa" in html
    story = StoryPage.objects.first()
    html = superuser_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "Kokeilun tila" in html and "Matkan vaiheet" in html


@pytest.mark.django_db
def test_the_minutes_error_names_both_numbers(demo_site):
    from django.core.exceptions import ValidationError

    from toolkit.models import ToolPage

    tool = ToolPage.objects.first()
    total = sum(block.value.get("minutes") or 0 for block in tool.steps if block.block_type == "step")
    assert total
    tool.duration_minutes = total + 10
    with pytest.raises(ValidationError) as error:
        tool.clean()
    assert error.value.message_dict["duration_minutes"] == [
        f"Työvaiheiden minuutit ovat yhteensä {total}, mutta kestoksi on merkitty {total + 10} min. "
        "Korjaa kesto tai työvaiheiden minuutit."
    ]
