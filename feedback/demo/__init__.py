"""Palaute's part of the demo site: the page, and a few moderated experiences and a pending tip."""

from __future__ import annotations

from wagtail.models import Page

from feedback.models import FeedbackPage, Submission
from valoa.demo.context import DemoContext
from valoa.demo.tree import ensure_page, paragraph

# Fixed reference codes (with 0 and O, which real codes never contain) keep the build idempotent.
DEMO_SUBMISSIONS = [
    {
        "reference": "DEMO-0001",
        "page_slug": "kokeilukortti",
        "kind": Submission.Kind.EXPERIENCE,
        "state": Submission.State.APPROVED,
        "text": "Täytimme kokeilukortin kuukausipalaverissa vartissa. Kortin ansiosta sovimme ensimmäistä "
        "kertaa etukäteen, mistä tiedämme kokeilun onnistuneen. Kuukauden päästä arvio oli helppo tehdä.",
        "name": "Tiimi Revontuli",
        "organisation": "Esimerkkivirasto",
    },
    {
        "reference": "DEMO-0002",
        "page_slug": "kokeilukortti",
        "kind": Submission.Kind.EXPERIENCE,
        "state": Submission.State.APPROVED,
        "text": "Meillä kortti toimi parhaiten, kun sen täytti pari eikä koko tiimi. Koko tiimi kommentoi "
        "valmista luonnosta seuraavassa palaverissa.",
        "name": "",
        "organisation": "",
    },
    {
        "reference": "DEMO-0003",
        "page_slug": "",
        "kind": Submission.Kind.TIP,
        "state": Submission.State.PENDING,
        "title": "Oppimistunti perjantaisin",
        "text": "Yksikössämme varataan perjantaisin tunti, jolloin joku kertoo viikon aikana oppimastaan. "
        "Aiheet ovat vaihdelleet uusista työkaluista epäonnistuneisiin kokeiluihin.",
        "name": "",
        "organisation": "Esimerkkiviraston kehittämisyksikkö",
    },
]


def build(demo: DemoContext) -> None:
    demo.pages["feedback"] = ensure_page(
        demo.home,
        FeedbackPage,
        slug="palaute",
        title="Palaute",
        show_in_menus=True,
        intro="Kerro kokemuksistasi, vinkkaa hyvistä käytännöistä ja anna palautetta sivustosta.",
        search_description="Palaute sivustosta, kokemukset työkaluista ja vinkit hyvistä käytännöistä.",
        body=[
            paragraph(
                "<p>Luemme jokaisen viestin. Kokemukset julkaistaan lähettäjän luvalla työkalun tai tarinan sivulla, "
                "kun moderaattori on tarkistanut ne. Vinkkien pohjalta kirjoitamme uusia tarinoita "
                "Innostu-osioon.</p>"
            ),
        ],
    )
    build_submissions()


def build_submissions() -> None:
    existing = set(
        Submission.objects.filter(reference__startswith="DEMO-").values_list("reference", flat=True)
    )
    for item in DEMO_SUBMISSIONS:
        if item["reference"] in existing:
            continue
        fields = {k: v for k, v in item.items() if k != "page_slug"}
        page = Page.objects.filter(slug=item["page_slug"]).first() if item["page_slug"] else None
        Submission.objects.create(
            page=page,
            publish_permission=item["kind"] == Submission.Kind.EXPERIENCE,
            **fields,
        )
