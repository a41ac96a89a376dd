"""Palaute's part of the demo site."""

from __future__ import annotations

from feedback.models import FeedbackPage
from valoa.demo.context import DemoContext
from valoa.demo.tree import ensure_page, paragraph


def build(demo: DemoContext) -> None:
    demo.pages["feedback"] = ensure_page(
        demo.home,
        FeedbackPage,
        slug="palaute",
        title="Palaute",
        show_in_menus=True,
        intro="Kertokaa kokemuksistanne, vinkatkaa hyvistä käytännöistä ja antakaa palautetta sivustosta.",
        search_description="Palaute sivustosta, kokemukset työkaluista ja vinkit hyvistä käytännöistä.",
        body=[
            paragraph(
                "<p>Luemme jokaisen viestin. Kokemukset julkaistaan luvallanne työkalun tai tarinan sivulla, "
                "kun moderaattori on tarkistanut ne. Vinkkien pohjalta kirjoitamme uusia tarinoita "
                "Innostu-osioon.</p>"
            ),
        ],
    )
