"""Demo content of the assessment tools: the plant scale, four phase bands and the statements of the
team assessment and of the employee's and the supervisor's self-assessments (Finnish, written for VALOA).
"""

from __future__ import annotations

from decimal import Decimal

from wagtail.models import Locale

from toolkit.models import AssessmentPage, AssessmentPhaseBand, AssessmentScale, AssessmentScaleLevel
from valoa.demo.context import DemoContext

PLANT_SCALE = "Kasvava kasvi (1–3)"
PLANT_LEVELS = [
    (1, "ei vielä", "Siemen on maassa: asia ei vielä näy arjessamme."),
    (2, "osittain", "Taimi kasvaa: asia onnistuu joskus tai joillakin meistä."),
    (3, "hyvin", "Kasvi kukkii: asia on tavallinen tapamme toimia."),
]
# (phase slug, lower bound, upper bound) on the mean of the statements' means.
BANDS = [
    ("pysahtyminen", "1.00", "1.50"),
    ("suunta", "1.50", "2.00"),
    ("kokeileminen", "2.00", "2.50"),
    ("vakiinnuttaminen", "2.50", "3.00"),
]

# (heading, theme slug, [(key, statement, help text, [tool slugs])])
TEAM = [
    (
        "Dialogi ja vuorovaikutus",
        "dialogi",
        [
            (
                "kuuntelemme",
                "Kuuntelemme toisiamme loppuun asti, ennen kuin vastaamme.",
                "Muistelkaa viimeisintä palaveria: ehtikö jokainen sanoa asiansa keskeytyksettä?",
                ["dialogin-pelisaannot", "check-in-ja-check-out"],
            ),
            (
                "eriavat-nakemykset",
                "Eriävä näkemys sanotaan ääneen, ja siihen suhtaudutaan uteliaasti.",
                "Uskaltaako tiimissä sanoa olevansa eri mieltä kuin esihenkilö tai enemmistö?",
                ["dialogin-pelisaannot"],
            ),
            (
                "yhteinen-kuva",
                "Meillä on yhteinen kuva siitä, mitä työssämme tapahtuu juuri nyt.",
                "Kertoisiko jokainen tiimin jäsen samansuuntaisen tarinan työn tilanteesta?",
                ["tilannekuva"],
            ),
        ],
    ),
    (
        "Palaute ja oppiminen",
        "oppiminen",
        [
            (
                "palaute-arkea",
                "Annamme ja pyydämme palautetta osana tavallista työpäivää.",
                "Palaute ei odota kehityskeskustelua, vaan kuuluu viikon kulkuun.",
                ["oppimispalaveri"],
            ),
            (
                "opimme-virheista",
                "Kun jokin menee pieleen, etsimme opittavaa emmekä syyllistä.",
                "Mitä tapahtui viimeksi, kun jokin ei mennyt suunnitellusti?",
                ["oppimispalaveri"],
            ),
            (
                "osaaminen-jaetaan",
                "Jaamme osaamistamme ja opimme toisiltamme.",
                "Tietääkö tiimi, kuka osaa mitäkin, ja pyydetäänkö apua matalalla kynnyksellä?",
                [],
            ),
        ],
    ),
    (
        "Suunta ja kokeilut",
        "itseohjautuvuus",
        [
            (
                "miksi-muutos",
                "Tiedämme, miksi haluamme kehittää työtapojamme.",
                "Osaisiko jokainen kertoa omin sanoin, mitä kehittämisellä tavoitellaan?",
                ["miksi-nyt"],
            ),
            (
                "kokeilemme",
                "Kokeilemme uusia työtapoja pieninä, rajattuina kokeiluina.",
                "Kokeilulla on sovittu kesto ja tapa seurata, mitä siitä opitaan.",
                ["kokeilukortti"],
            ),
            (
                "arvioimme-kokeilut",
                "Arvioimme kokeilujen tuloksia yhdessä ja päätämme, mitä jatkamme.",
                "",
                ["kokeilukortti", "oppimispalaveri"],
            ),
        ],
    ),
    (
        "Vastuu ja johtaminen",
        "valmentava-johtaminen",
        [
            (
                "paatamme-itse",
                "Tiimi päättää itse asioista, jotka koskevat sen omaa työtä.",
                "Esimerkiksi työnjaosta, palaverikäytännöistä ja kokeiluista.",
                [],
            ),
            (
                "esihenkilo-tukee",
                "Esihenkilö kysyy ja tukee enemmän kuin antaa valmiita vastauksia.",
                "",
                [],
            ),
            (
                "aikaa-kehittamiselle",
                "Varaamme säännöllisesti aikaa oman työmme kehittämiseen.",
                "Kehittäminen mahtuu tavallisiin tiimipalavereihin, ei vain kehittämispäiviin.",
                ["tilannekuva", "check-in-ja-check-out"],
            ),
        ],
    ),
]

EMPLOYEE = [
    (
        "Oma työ ja oppiminen",
        "oppiminen",
        [
            (
                "pyydan-palautetta",
                "Pyydän palautetta työstäni myös silloin, kun sitä ei tarjota.",
                "",
                ["oppimispalaveri"],
            ),
            ("kokeilen-itse", "Kokeilen rohkeasti uusia tapoja tehdä työtäni.", "", ["kokeilukortti"]),
            (
                "opin-virheista",
                "Kun epäonnistun, pohdin, mitä opin, ja kerron siitä myös muille.",
                "",
                ["oppimispalaveri"],
            ),
            ("tunnen-suunnan", "Tiedän, mihin suuntaan tiimimme on menossa ja miksi.", "", ["miksi-nyt"]),
        ],
    ),
    (
        "Minä tiimissä",
        "dialogi",
        [
            (
                "kuuntelen",
                "Kuuntelen työtovereitani miettimättä samalla omaa vastaustani.",
                "",
                ["dialogin-pelisaannot"],
            ),
            ("sanon-aaneen", "Sanon eriävän näkemykseni ääneen palaverissa.", "", ["dialogin-pelisaannot"]),
            ("autan-muita", "Jaan osaamistani ja autan työtovereitani oppimaan.", "", []),
            ("otan-vastuuta", "Otan vastuuta siitä, että yhteiset sopimukset pitävät.", "", []),
        ],
    ),
]

SUPERVISOR = [
    (
        "Valmentava ote",
        "valmentava-johtaminen",
        [
            (
                "kysyn-ennen-kuin-neuvon",
                "Kysyn, ennen kuin neuvon, ja annan tiimin löytää omat ratkaisunsa.",
                "",
                ["miksi-nyt"],
            ),
            ("annan-tilaa", "Annan tiimille tilaa päättää omaa työtä koskevista asioista.", "", []),
            (
                "palaute-molempiin-suuntiin",
                "Annan palautetta säännöllisesti ja pyydän sitä myös itselleni.",
                "",
                ["oppimispalaveri"],
            ),
            (
                "sanoitan-suunnan",
                "Kerron, miksi muutosta tarvitaan, ja sanoitan suuntaa yhdessä tiimin kanssa.",
                "",
                ["miksi-nyt", "tilannekuva"],
            ),
        ],
    ),
    (
        "Oppimisen edellytykset",
        "psykologinen-turvallisuus",
        [
            (
                "turvallista-erehtya",
                "Tiimissäni on turvallista erehtyä, kysyä ja olla eri mieltä.",
                "Miten itse reagoit, kun joku kertoo virheestään?",
                ["dialogin-pelisaannot"],
            ),
            (
                "aikaa-oppimiselle",
                "Järjestän tiimille aikaa kehittää työtään ja oppia.",
                "",
                ["check-in-ja-check-out"],
            ),
            (
                "kokeilut-nakyviin",
                "Nostan onnistuneet ja epäonnistuneet kokeilut yhtä lailla näkyviin.",
                "",
                ["kokeilukortti"],
            ),
            ("oma-oppiminen", "Kehitän omaa johtamistani ja kerron siitä tiimille avoimesti.", "", []),
        ],
    ),
]

PAGES = [
    ("tiimin-arviointi", AssessmentPage.Kind.TEAM, TEAM),
    ("tyontekijan-itsearviointi", AssessmentPage.Kind.EMPLOYEE, EMPLOYEE),
    ("esihenkilon-itsearviointi", AssessmentPage.Kind.SUPERVISOR, SUPERVISOR),
]


def ensure_plant_scale() -> AssessmentScale:
    locale = Locale.get_default()
    scale = AssessmentScale.objects.filter(name=PLANT_SCALE, locale=locale).first()
    if scale is None:
        scale = AssessmentScale.objects.create(
            name=PLANT_SCALE, style=AssessmentScale.Style.PLANT, locale=locale
        )
        # bulk_create skips the signal that gives a translatable row its locale: the scale's, given here.
        AssessmentScaleLevel.objects.bulk_create(
            AssessmentScaleLevel(
                scale=scale, value=value, label=label, description=description, sort_order=i, locale=locale
            )
            for i, (value, label, description) in enumerate(PLANT_LEVELS)
        )
    return scale


def _statements(groups: list, demo: DemoContext) -> list:
    return [
        (
            "group",
            {
                "heading": heading,
                "theme": demo.themes.get(theme),
                "statements": [
                    {
                        "key": key,
                        "text": text,
                        "help_text": help_text,
                        "tools": [
                            demo.pages[f"tool:{slug}"] for slug in tools if f"tool:{slug}" in demo.pages
                        ],
                    }
                    for key, text, help_text, tools in statements
                ],
            },
        )
        for heading, theme, statements in groups
    ]


def build(demo: DemoContext) -> None:
    """Fill the three assessment pages once: pages an editor has already given statements are left alone."""
    start = demo.pages["start"]
    scale = ensure_plant_scale()
    for slug, kind, groups in PAGES:
        page = AssessmentPage.objects.child_of(start).filter(slug=slug).first()
        if page is None or page.statements:
            continue
        page.kind = kind
        page.scale = scale
        page.statements = _statements(groups, demo)
        page.phase_bands = [
            AssessmentPhaseBand(phase=demo.phases[phase], min_score=Decimal(low), max_score=Decimal(high))
            for phase, low, high in BANDS
            if phase in demo.phases
        ]
        page.save_revision().publish()
        demo.pages[f"assessment:{slug}"] = page
