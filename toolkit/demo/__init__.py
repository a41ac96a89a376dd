"""The toolkit's part of the demo site: Aloita with the workbook and assessments, and the toolkit."""

from __future__ import annotations

from toolkit.demo import assessment as demo_assessment
from toolkit.demo.tools_build import build_tools, translation_overrides
from toolkit.demo.workbook import workbook_sections
from toolkit.models import AssessmentPage, StartPage, ToolIndexPage, WorkbookPage
from toolkit.tools.moderation import ensure_toolkit_workflow
from valoa.demo.context import DemoContext
from valoa.demo.site import build_faq
from valoa.demo.tree import callout, ensure_page, heading, paragraph

__all__ = ["build", "translation_overrides"]  # translation_overrides: read by valoa/demo/translations.py


def build(demo: DemoContext) -> None:
    start = ensure_page(
        demo.home,
        StartPage,
        slug="aloita",
        title="Aloita",
        show_in_menus=True,
        intro="Hyvä alku on yhteinen tilannekuva. Valitkaa työkirja tai arviointi ja tehkää se seuraavassa palaverissa.",
        search_description="VALOA-työkirja ja arviointityökalut: tiimin tilannekuva ja oma vaihe matkalla.",
        body=[
            heading("Matka alkaa siitä, missä olette nyt"),
            paragraph(
                "<p>Jokainen tiimi on jo jossakin kohdassa matkaa kohti valmentavaa ja oppivaa työkulttuuria. "
                "Työkirja auttaa hahmottamaan, mitä työssänne tapahtuu ja mihin se on menossa. Arviointi "
                "auttaa tunnistamaan vaiheenne ja valitsemaan työkalut, joista on juuri nyt eniten apua.</p>"
            ),
            callout(
                "Ei tunnuksia, ei henkilötietoja",
                "<p>Tiimin vastaukset säilyvät tiimin omassa työtilassa, johon pääsee vain tiimin salaisella "
                "linkillä. Sen avulla pääsette palaamaan vastauksiin myöhemmin.</p>",
            ),
        ],
    )
    ensure_page(
        start,
        WorkbookPage,
        slug="tyokirja",
        title="VALOA-työkirja",
        search_description="Kolmiosainen työkirja tiimi- ja kuukausipalavereihin.",
        intro="Työkirjassa on kolme osaa: ilmiöhahmotus, muutoshahmotus ja kokeilujen suunnittelu.",
        sections=workbook_sections(),
        body=[
            paragraph(
                "<p>Työkirja on tehty tiimin tai työyhteisön omiin palavereihin. Kukin osa vie noin tunnin, ja "
                "osat voi tehdä eri palavereissa. Vastaukset säilyvät tiimin työtilassa, ja seuraavassa "
                "palaverissa näette, mitä edellisellä kerralla sovittiin.</p>"
            ),
        ],
    )
    for slug, title, description in [
        (
            "tiimin-arviointi",
            "Tiimin yhteinen arviointi",
            "Tiimi arvioi yhdessä, missä vaiheessa matkaa se on.",
        ),
        (
            "tyontekijan-itsearviointi",
            "Työntekijän itsearviointi",
            "Pohdi omaa työtäsi ja osuuttasi tiimin työkulttuurissa.",
        ),
        (
            "esihenkilon-itsearviointi",
            "Esihenkilön itsearviointi",
            "Tarkastele omaa johtamistasi valmentavan työkulttuurin näkökulmasta.",
        ),
    ]:
        ensure_page(
            start, AssessmentPage, slug=slug, title=title, search_description=description, intro=description
        )
    build_faq(start)
    demo.pages["start"] = start

    index = ensure_page(
        demo.home,
        ToolIndexPage,
        slug="tyokalut",
        title="Työkalut",
        show_in_menus=True,
        intro="Menetelmiä, jotka mahtuvat tiimin tai työyhteisön tavalliseen palaveriin. Valitkaa matkan vaiheen, teeman tai käytettävissä olevan ajan mukaan.",
        search_description="Työkaluja tiimipalavereihin ja kehittämispäiviin, kesto 10 minuutista neljään tuntiin.",
    )
    demo.pages["tool_index"] = index
    build_tools(demo, index)
    ensure_toolkit_workflow(pages=[start, index])
    # After the tools: the assessments recommend tools by slug.
    demo_assessment.build(demo)
