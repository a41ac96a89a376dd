"""Innostu's part of the demo site. The organisations and their stories are fictional."""

from __future__ import annotations

import datetime

from inspire.models import CaseStudyPage, ExperimentPage, InsightPage, InspireIndexPage, Organisation
from valoa.demo.context import DemoContext
from valoa.demo.tree import ensure_page, heading, paragraph, quote

ORGANISATIONS = [
    ("Rannikon lupa- ja neuvontakeskus", "RLNK", "https://example.org/rlnk"),
    ("Valtion tietopalveluvirasto", "VTPV", "https://example.org/vtpv"),
    ("Järvialueen ympäristökeskus", "JYK", "https://example.org/jyk"),
]


def build(demo: DemoContext) -> None:
    orgs = {}
    for name, short, website in ORGANISATIONS:
        orgs[short], _created = Organisation.objects.get_or_create(
            name=name, defaults={"short_name": short, "website": website}
        )
    index = ensure_page(
        demo.home,
        InspireIndexPage,
        slug="innostu",
        title="Innostu",
        show_in_menus=True,
        intro="Tapausesimerkkejä, kokeiluja ja oivalluksia valtion työyhteisöistä. Lukekaa, lainatkaa ja kokeilkaa.",
        search_description="Esimerkkejä ja kokeiluja valmentavasta ja oppivasta työkulttuurista valtiolla.",
    )
    demo.pages["inspire_index"] = index
    ensure_page(
        index,
        CaseStudyPage,
        slug="asiakaspalvelutiimin-tilannekuva",
        title="Asiakaspalvelutiimi teki tilannekuvan ja löysi yhteisen suunnan",
        intro="Kiireinen neuvontatiimi pysähtyi kahdeksi palaveriksi. Tuloksena oli uusi tapa jakaa vaikeat tapaukset.",
        story_date=datetime.date(2026, 9, 15),
        organisation=orgs["RLNK"],
        period="Syksy 2026",
        m2m={
            "phases": [demo.phases["pysahtyminen"]],
            "themes": [demo.themes["dialogi"], demo.themes["oppiminen"]],
        },
        body=[
            heading("Haaste"),
            paragraph(
                "<p>Neuvontatiimin työ oli pirstaloitunut. Jokainen ratkoi vaikeita tapauksia yksin, "
                "ja samat kysymykset toistuivat viikosta toiseen.</p>"
            ),
            heading("Mitä teimme"),
            paragraph(
                "<p>Tiimi teki tilannekuvan kahdessa tavallisessa viikkopalaverissa. Ensimmäisellä "
                "kerralla kerättiin havainnot, toisella valittiin kaksi teemaa jatkoon.</p>"
            ),
            heading("Tulokset"),
            paragraph(
                "<p>Tiimi sopi viikoittaisesta 20 minuutin tapauskierroksesta, jossa vaikein tapaus "
                "ratkotaan yhdessä.</p>"
            ),
            heading("Opit"),
            quote("Huomasimme, ettemme olleet ainoita, joita samat asiat askarruttivat.", "Neuvoja"),
        ],
    )
    ensure_page(
        index,
        ExperimentPage,
        slug="oppimistuokio-perjantaisin",
        title="Kokeilu: puolen tunnin oppimistuokio joka toinen perjantai",
        intro="Tietopalvelutiimi kokeili kahden kuukauden ajan lyhyttä tuokiota, jossa yksi jäsen opettaa muille jotakin.",
        story_date=datetime.date(2026, 10, 2),
        organisation=orgs["VTPV"],
        period="Elo–syyskuu 2026",
        m2m={"phases": [demo.phases["kokeileminen"]], "themes": [demo.themes["oppiminen"]]},
        body=[
            heading("Haaste"),
            paragraph(
                "<p>Osaaminen oli keskittynyt muutamalle, ja uusien työntekijöiden perehdytys kuormitti heitä.</p>"
            ),
            heading("Mitä teimme"),
            paragraph(
                "<p>Joka toinen perjantai yksi tiimiläinen piti 30 minuutin tuokion omasta osaamisestaan.</p>"
            ),
            heading("Tulokset"),
            paragraph(
                "<p>Neljästä tuokiosta kolme koettiin hyödyllisiksi. Kokeilu jatkuu kuukausittaisena.</p>"
            ),
        ],
    )
    ensure_page(
        index,
        InsightPage,
        slug="palaveri-ei-ole-vain-tiedonjakoa",
        title="Oivallus: palaveri ei ole vain tiedonjakoa",
        intro="Kun tiedotusasiat siirtyivät kirjalliseksi, palaveriin jäi aikaa yhteiselle ajattelulle.",
        story_date=datetime.date(2026, 10, 20),
        organisation=orgs["JYK"],
        m2m={"phases": [demo.phases["suunta"]], "themes": [demo.themes["dialogi"]]},
        body=[
            paragraph(
                "<p>Tiimi huomasi, että viikkopalaverin tunnista 45 minuuttia kului asioihin, jotka olisi "
                "voinut lukea. Nyt tiedotteet kirjoitetaan etukäteen, ja palaverissa keskustellaan.</p>"
            ),
        ],
    )
    ensure_page(
        index,
        ExperimentPage,
        slug="paripalaute-etatiimissa",
        title="Kokeilu: paripalaute etätiimissä",
        intro="Hajautettu tiimi kokeili kuukauden ajan viikoittaista, kymmenen minuutin palautekeskustelua pareittain.",
        story_date=datetime.date(2026, 11, 5),
        organisation=orgs["VTPV"],
        period="Lokakuu 2026",
        m2m={"phases": [demo.phases["kokeileminen"]], "themes": [demo.themes["palaute"]]},
        body=[
            heading("Haaste"),
            paragraph("<p>Etätyössä palautetta sai lähinnä silloin, kun jokin oli mennyt pieleen.</p>"),
            heading("Mitä teimme"),
            paragraph(
                "<p>Parit vaihtuivat viikoittain. Keskustelussa kerrottiin yksi asia, joka toimi, ja "
                "yksi asia, jota voisi kokeilla toisin.</p>"
            ),
            heading("Opit"),
            paragraph("<p>Lyhyt ja säännöllinen toimi paremmin kuin pitkä ja harvinainen.</p>"),
        ],
    )
