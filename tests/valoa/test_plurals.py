"""Every count the site and the admin show agrees with its number: "1 vastaus", "2 vastausta".

Each `{% blocktranslate count %}` in the templates is rendered on its own with 1 and 2 and checked against
the Finnish it must give; a count block without an entry here fails, and so does a number written straight
before a partitive noun without `count` (the old "Keskiarvo 1,88 (1 vastausta)").
"""

import re
from pathlib import Path

import pytest
from django.template import Context, Template

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
