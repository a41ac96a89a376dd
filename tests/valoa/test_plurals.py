"""Every count the site and the admin show agrees with its number: "1 vastaus", "2 vastausta", and in the
Swedish and English catalogues "1 fråga", "2 frågor", "1 question", "2 questions".

Each `{% blocktranslate count %}` in the templates is rendered on its own with 1 and 2 and checked against
the Finnish it must give; a count block without an entry here fails, and so does a number written straight
before a partitive noun without `count` (the old "Keskiarvo 1,88 (1 vastausta)").
"""

import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2] / "templates"
BLOCK = re.compile(
    r"{%\s*blocktranslate\b(?P<tag>[^%]*)%}(?P<body>.*?){%\s*endblocktranslate\s*%}", re.DOTALL
)
LOAD = re.compile(r"{%\s*load\s[^%]*%}")
# Partitive nouns after a number: a number > 1 wants them, 1 does not, so they need `count`.
PARTITIVE = r"(vastausta|kysymystä|väittämää|viestiä|työkalua|tarinaa|kertaa|tulosta|henkeä|työtilaa)"
BARE_NUMBER_BEFORE_PARTITIVE = re.compile(r"{{\s*\w+\s*}}\s*\)?\s*(\S+\s+)?" + PARTITIVE + r"\b")


def nest(path: str, value) -> dict:
    """{"a": {"b": value}} for "a.b", as the template looks it up."""
    head, *rest = path.split(".")
    return {head: nest(".".join(rest), value) if rest else value}


# (template, a text that picks the block, context for n, what 1 gives, what 2 gives)
CASES = [
    ("feedback/admin/pending_panel.html", "moderointia", lambda n: {"pending_count": n},
     "1 viesti odottaa moderointia.", "2 viestiä odottaa moderointia."),
    ("inspire/inspire_index_page.html", "tarina", lambda n: nest("paginator.count", n), "1 tarina", "2 tarinaa"),
    ("toolkit/workbook/admin_statistics.html", "työtila", lambda n: nest("totals.spaces", n), "1 työtila", "2 työtilaa"),
    ("toolkit/workbook/admin_statistics.html", "kerta{%", lambda n: nest("totals.sessions", n),
     "1 työkirjan kerta", "2 työkirjan kertaa"),
    ("toolkit/workbook/admin_statistics.html", "vastaus{%", lambda n: nest("totals.answers", n),
     "1 vastaus", "2 vastausta"),
    ("toolkit/team/space.html", "kuukauden", lambda n: {"retention_months": n},
     "automaattisesti 1 kuukauden kuluttua.", "automaattisesti 2 kuukauden kuluttua."),
    ("toolkit/team/delete.html", "Työtilassa", lambda n: nest("space.workbook_sessions.count", n),
     "Työtilassa on 1 työkirjakierros.", "Työtilassa on 2 työkirjakierrosta."),
    ("valoa/admin/recovery_codes.html", "codes_left", lambda n: {"codes_left": n},
     "Jäljellä on 1 käyttämätön varakoodi.", "Jäljellä on 2 käyttämätöntä varakoodia."),
    ("toolkit/workbook/session.html", "kysymys", lambda n: {"answered": 0, "total": n},
     "0 / 1 kysymys", "0 / 2 kysymystä"),
    ("toolkit/assessment/facilitator.html", "done=saved", lambda n: {"saved": [], "statement_count": n},
     "Arvioitu 0 / 1 väittämä.", "Arvioitu 0 / 2 väittämää."),
    ("toolkit/assessment/facilitator.html", "vastaus{%", lambda n: {"response_count": n}, "1 vastaus", "2 vastausta"),
    ("toolkit/assessment/space_rounds.html", "vastaus{%", lambda n: nest("round.response_count", n),
     "1 vastaus", "2 vastausta"),
    ("toolkit/assessment/_results.html", "Keskiarvo", lambda n: {"results": {"score": 1.875, "response_count": n}},
     "Keskiarvo 1,88 (1 vastaus).", "Keskiarvo 1,88 (2 vastausta)."),
    ("toolkit/tools/tool_index_page.html", "työkalu", lambda n: {"result_count": n}, "1 työkalu", "2 työkalua"),
    ("toolkit/assessment/present.html", "erosivat", lambda n: nest("slide.discuss_count", n),
     "1 väittämässä arviot erosivat eniten: keskustelkaa siitä ensin.",
     "2 väittämässä arviot erosivat eniten: keskustelkaa niistä ensin."),
    ("toolkit/assessment/present.html", "arvio{%", lambda n: {"result": {"stats": {"mean": 1.875, "n": n}}},
     "keskiarvo 1,88, 1 arvio", "keskiarvo 1,88, 2 arviota"),
    ("toolkit/assessment/present.html", "Keskiarvo {{ score", lambda n: {"results": {"score": 1.875, "response_count": n}},
     "Keskiarvo 1,88 (1 vastaus).", "Keskiarvo 1,88 (2 vastausta)."),
    ("toolkit/assessment/present.html", "keskusteltava", lambda n: nest("theme.discuss_count", n),
     "1 keskusteltava", "2 keskusteltavaa"),
    ("toolkit/workbook/workbook_page.html", "kysymys", lambda n: nest("block.value.questions", [None] * n),
     "1 kysymys", "2 kysymystä"),
    ("valoa/search.html", "haulle", lambda n: {**nest("results_page.paginator.count", n), "search_query": "tiimi"},
     "1 tulos haulle ”tiimi”", "2 tulosta haulle ”tiimi”"),
]  # fmt: skip


# The same blocks in Swedish and English (locale/sv, locale/en): (template, picks) -> {language: (1, 2)}.
TRANSLATED = {
    ("feedback/admin/pending_panel.html", "moderointia"): {
        "sv": ("1 meddelande väntar på moderering.", "2 meddelanden väntar på moderering."),
        "en": ("1 message is waiting for moderation.", "2 messages are waiting for moderation.")},
    ("inspire/inspire_index_page.html", "tarina"): {
        "sv": ("1 berättelse", "2 berättelser"), "en": ("1 story", "2 stories")},
    ("toolkit/workbook/admin_statistics.html", "työtila"): {
        "sv": ("1 arbetsutrymme", "2 arbetsutrymmen"), "en": ("1 team space", "2 team spaces")},
    ("toolkit/workbook/admin_statistics.html", "kerta{%"): {
        "sv": ("1 arbetsboksomgång", "2 arbetsboksomgångar"), "en": ("1 workbook round", "2 workbook rounds")},
    ("toolkit/workbook/admin_statistics.html", "vastaus{%"): {
        "sv": ("1 svar", "2 svar"), "en": ("1 answer", "2 answers")},
    ("toolkit/team/space.html", "kuukauden"): {
        "sv": ("automatiskt efter 1 månad.", "automatiskt efter 2 månader."),
        "en": ("automatically after 1 month.", "automatically after 2 months.")},
    ("toolkit/team/delete.html", "Työtilassa"): {
        "sv": ("Arbetsutrymmet har 1 arbetsboksomgång.", "Arbetsutrymmet har 2 arbetsboksomgångar."),
        "en": ("The team space has 1 workbook round.", "The team space has 2 workbook rounds.")},
    ("valoa/admin/recovery_codes.html", "codes_left"): {
        "sv": ("Du har 1 oanvänd reservkod kvar.", "Du har 2 oanvända reservkoder kvar."),
        "en": ("You have 1 unused backup code left.", "You have 2 unused backup codes left.")},
    ("toolkit/workbook/session.html", "kysymys"): {
        "sv": ("0 av 1 fråga", "0 av 2 frågor"), "en": ("0 of 1 question", "0 of 2 questions")},
    ("toolkit/assessment/facilitator.html", "done=saved"): {
        "sv": ("Bedömt 0 av 1 påstående.", "Bedömt 0 av 2 påståenden."),
        "en": ("Rated 0 of 1 statement.", "Rated 0 of 2 statements.")},
    ("toolkit/assessment/facilitator.html", "vastaus{%"): {
        "sv": ("1 svar", "2 svar"), "en": ("1 answer", "2 answers")},
    ("toolkit/assessment/space_rounds.html", "vastaus{%"): {
        "sv": ("1 svar", "2 svar"), "en": ("1 answer", "2 answers")},
    ("toolkit/assessment/_results.html", "Keskiarvo"): {
        "sv": ("Medelvärde 1,88 (1 svar).", "Medelvärde 1,88 (2 svar)."),
        # The mean in the reader's number format: a decimal comma in Swedish, a point in English.
        "en": ("Average 1.88 (1 response).", "Average 1.88 (2 responses).")},
    ("toolkit/assessment/present.html", "erosivat"): {
        "sv": ("I 1 påstående skilde sig bedömningarna mest: diskutera det först.",
               "I 2 påståenden skilde sig bedömningarna mest: diskutera dem först."),
        "en": ("Ratings differed most in 1 statement: discuss it first.",
               "Ratings differed most in 2 statements: discuss them first.")},
    ("toolkit/assessment/present.html", "arvio{%"): {
        "sv": ("1 bedömning", "2 bedömningar"), "en": ("1 rating", "2 ratings")},
    ("toolkit/assessment/present.html", "Keskiarvo {{ score"): {
        "sv": ("Medelvärde 1,88 (1 svar).", "Medelvärde 1,88 (2 svar)."), "en": ("(1 response).", "(2 responses).")},
    ("toolkit/assessment/present.html", "keskusteltava"): {
        "sv": ("1 att diskutera", "2 att diskutera"), "en": ("1 to discuss", "2 to discuss")},
    ("toolkit/tools/tool_index_page.html", "työkalu"): {
        "sv": ("1 verktyg", "2 verktyg"), "en": ("1 tool", "2 tools")},
    ("toolkit/workbook/workbook_page.html", "kysymys"): {
        "sv": ("1 fråga", "2 frågor"), "en": ("1 question", "2 questions")},
    ("valoa/search.html", "haulle"): {
        "sv": ("1 resultat för ”tiimi”", "2 resultat för ”tiimi”"),
        "en": ("1 result for “tiimi”", "2 results for “tiimi”")},
}  # fmt: skip


def count_blocks(source: str) -> list[str]:
    return [m.group(0) for m in BLOCK.finditer(source) if re.search(r"\bcount\b", m.group("tag"))]


def render_blocks(template: str, picks: str, context: dict) -> list[str]:
    """Each count block of `template` containing `picks`, rendered alone (a template may repeat one)."""
    source = (ROOT / template).read_text()
    blocks = [block for block in count_blocks(source) if picks in block]
    assert blocks, f"{template}: no count block with {picks!r}"
    loads = "".join(LOAD.findall(source))
    rendered = []
    for block in blocks:
        if asvar := re.search(r"\basvar\s+(\w+)", block):  # stored for later use: show it here
            block += "{{ " + asvar.group(1) + " }}"
        rendered.append(" ".join(Template(loads + block).render(Context(context)).split()))
    return rendered


@pytest.mark.parametrize(
    ("template", "picks", "context", "one", "two"), CASES, ids=[c[0] + ":" + c[1] for c in CASES]
)
def test_count_reads_right_with_one_and_two(template, picks, context, one, two):
    for text in render_blocks(template, picks, context(1)):
        assert one in text
    for text in render_blocks(template, picks, context(2)):
        assert two in text


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    ("template", "picks", "context"), [c[:3] for c in CASES], ids=[c[0] + ":" + c[1] for c in CASES]
)
def test_count_reads_right_in_swedish_and_english(template, picks, context, language):
    assert (template, picks) in TRANSLATED, "add the Swedish and English forms of this block to TRANSLATED"
    one, two = TRANSLATED[(template, picks)][language]
    with translation.override(language):
        for text in render_blocks(template, picks, context(1)):
            assert one in text
        for text in render_blocks(template, picks, context(2)):
            assert two in text


def test_every_count_block_is_checked_here():
    checked = {(template, picks) for template, picks, *_ in CASES}
    for path in ROOT.rglob("*.html"):
        template = str(path.relative_to(ROOT))
        for block in count_blocks(path.read_text()):
            assert any(t == template and picks in block for t, picks in checked), f"{template}: {block[:120]}"


def test_no_number_before_a_partitive_without_count():
    for path in ROOT.rglob("*.html"):
        for match in BLOCK.finditer(path.read_text()):
            if re.search(r"\bcount\b", match.group("tag")):
                continue
            body = match.group("body")
            assert not BARE_NUMBER_BEFORE_PARTITIVE.search(body), f"{path.relative_to(ROOT)}: {body[:120]}"


@pytest.mark.parametrize(("minimum", "maximum", "expected"), [(1, 1, "1 henki"), (2, 2, "2 henkeä"),
                                                               (1, None, "vähintään 1 henki"),
                                                               (2, None, "vähintään 2 henkeä")])  # fmt: skip
def test_tool_group_size(minimum, maximum, expected):
    from toolkit.models import ToolPage

    assert ToolPage(group_size_min=minimum, group_size_max=maximum).group_size_label == expected


@pytest.mark.parametrize(("language", "expected"), [("sv", ["1 person", "2 personer", "minst 1 person",
                                                            "minst 2 personer"]),
                                                    ("en", ["1 person", "2 people", "at least 1 person",
                                                            "at least 2 people"])])  # fmt: skip
def test_tool_group_size_in_swedish_and_english(language, expected):
    from toolkit.models import ToolPage

    with translation.override(language):
        labels = [ToolPage(group_size_min=low, group_size_max=high).group_size_label
                  for low, high in [(1, 1), (2, 2), (1, None), (2, None)]]  # fmt: skip
    assert labels == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("viewset_path", "one", "two"),
    [
        ("feedback.wagtail_hooks.SubmissionViewSet", "1 lähetetty viesti", "2 lähetettyä viestiä"),
        ("valoa.wagtail_hooks.PhaseViewSet", "1 vaihe", "2 vaihetta"),
        ("valoa.wagtail_hooks.ThemeViewSet", "1 teema", "2 teemaa"),
        ("toolkit.assessment.admin.AssessmentScaleViewSet", "1 arviointiasteikko", "2 arviointiasteikkoa"),
        ("inspire.wagtail_hooks.OrganisationViewSet", "1 organisaatio", "2 organisaatiota"),
    ],
)
def test_admin_listing_counts(viewset_path, one, two):
    from django.utils.module_loading import import_string

    viewset = import_string(viewset_path)
    paginator_class = viewset.index_view_class.paginator_class
    assert paginator_class([None], 20).items_count_label == one
    assert paginator_class([None, None], 20).items_count_label == two


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("viewset_path", "language", "one", "two"),
    [
        ("feedback.wagtail_hooks.SubmissionViewSet", "sv", "1 skickat meddelande", "2 skickade meddelanden"),
        ("feedback.wagtail_hooks.SubmissionViewSet", "en", "1 submitted message", "2 submitted messages"),
        ("valoa.wagtail_hooks.PhaseViewSet", "sv", "1 fas", "2 faser"),
        ("valoa.wagtail_hooks.PhaseViewSet", "en", "1 phase", "2 phases"),
        ("valoa.wagtail_hooks.ThemeViewSet", "sv", "1 tema", "2 teman"),
        ("valoa.wagtail_hooks.ThemeViewSet", "en", "1 theme", "2 themes"),
        ("toolkit.assessment.admin.AssessmentScaleViewSet", "sv", "1 bedömningsskala", "2 bedömningsskalor"),
        ("toolkit.assessment.admin.AssessmentScaleViewSet", "en", "1 rating scale", "2 rating scales"),
        ("inspire.wagtail_hooks.OrganisationViewSet", "sv", "1 organisation", "2 organisationer"),
        ("inspire.wagtail_hooks.OrganisationViewSet", "en", "1 organisation", "2 organisations"),
    ],
)
def test_admin_listing_counts_in_swedish_and_english(viewset_path, language, one, two):
    from django.utils.module_loading import import_string

    paginator_class = import_string(viewset_path).index_view_class.paginator_class
    with translation.override(language):
        assert paginator_class([None], 20).items_count_label == one
        assert paginator_class([None, None], 20).items_count_label == two


def test_admin_queue_says_how_many_messages(admin_client):
    from feedback.models import Submission
    from tests.factories.feedback import SubmissionFactory

    SubmissionFactory.create_batch(21)
    html = admin_client.get("/admin/snippets/feedback/submission/").content.decode()
    total = Submission.objects.count()  # the demo site's and these
    assert f"{total} lähetettyä viestiä" in html  # under the paginated listing, not "21 lähetetyt viestit"
    assert "<th" in html and ">Viesti<" in html.replace("\n", "").replace(" ", "")  # not "Excerpt"


def test_admin_organisations_listing_counts_in_finnish(admin_client):
    from wagtail.models import Locale

    from inspire.models import Organisation

    locale = Locale.get_default()  # bulk_create skips the signal that sets it on a translatable model
    Organisation.objects.bulk_create(
        Organisation(name=f"Testivirasto {i:02}", locale=locale) for i in range(21)
    )
    html = admin_client.get("/admin/snippets/inspire/organisation/").content.decode()
    assert "Testivirasto 00" in html
    assert f"{Organisation.objects.count()} organisaatiota" in html  # not "21 organisaatiot"
