"""The home page, the journey taxonomy, the content pages and the footer settings of the demo site."""

from __future__ import annotations

import datetime
import os

from django.conf import settings
from wagtail.models import Locale, Page, Site

from valoa.demo.tree import ensure_page, faq, heading, paragraph
from valoa.models import ContactSettings, ContentPage, HomePage, Phase, SiteTexts, Theme

PHASES = [
    (
        "pysahtyminen",
        "Pysähtyminen",
        "Katsomme yhdessä, mitä työssämme tapahtuu juuri nyt.",
        "Tiimi tekee tilannekuvan: mikä työssä sujuu, mikä kuormittaa ja mitkä kysymykset toistuvat. "
        "Tässä vaiheessa ei vielä ratkaista, vaan kuunnellaan ja sanoitetaan havaintoja yhdessä.",
    ),
    (
        "suunta",
        "Suunnan valinta",
        "Sovimme, miksi ja mihin suuntaan haluamme muuttaa työtapojamme.",
        "Tiimi tunnistaa, mihin muutos työssä on menossa ja mitä valmentava ja oppiva työkulttuuri "
        "tarkoittaisi juuri sen arjessa. Tuloksena on yhteinen, arkikielinen suunta ja muutama "
        "kehittämisen painopiste.",
    ),
    (
        "kokeileminen",
        "Kokeileminen",
        "Kokeilemme pieniä muutoksia ja opimme niistä.",
        "Tiimi suunnittelee rajattuja kokeiluja, sopii niiden keston ja seurannan ja arvioi tuloksia "
        "avoimesti. Epäonnistunutkin kokeilu on onnistunut, jos siitä opitaan jotakin.",
    ),
    (
        "vakiinnuttaminen",
        "Vakiinnuttaminen ja jakaminen",
        "Toimivista kokeiluista tulee arkea, ja kerromme opitusta muillekin.",
        "Tiimi tekee toimivista käytännöistä pysyviä, luopuu turhasta ja kertoo kokemuksistaan muille "
        "työyhteisöille. Matka jatkuu: uusi tilannekuva näyttää seuraavat askeleet.",
    ),
]

THEMES = [
    ("dialogi", "Dialogi ja vuorovaikutus", "Kuunteleminen, ajatusten rinnastaminen ja yhteinen ymmärrys."),
    ("palaute", "Palaute", "Palautteen antaminen ja pyytäminen osana tavallista työpäivää."),
    ("oppiminen", "Yhteinen oppiminen", "Työssä oppiminen, osaamisen jakaminen ja kokemuksista oppiminen."),
    (
        "itseohjautuvuus",
        "Itseohjautuvuus ja vastuu",
        "Tiimin oma päätösvalta, yhteiset sopimukset ja vastuu.",
    ),
    (
        "valmentava-johtaminen",
        "Valmentava johtaminen",
        "Esihenkilö tukena ja mahdollistajana, ei vastausten antajana.",
    ),
    (
        "psykologinen-turvallisuus",
        "Psykologinen turvallisuus",
        "Uskallus kysyä, erehtyä ja sanoa ääneen eriävä näkemys.",
    ),
]


def build_taxonomy() -> tuple[dict[str, Phase], dict[str, Theme]]:
    phases, themes = {}, {}
    for order, (slug, name, summary, description) in enumerate(PHASES):
        phases[slug], _created = Phase.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "summary": summary, "description": description, "sort_order": order},
        )
    for order, (slug, name, description) in enumerate(THEMES):
        themes[slug], _created = Theme.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )
    return phases, themes


def build_home() -> HomePage:
    home = HomePage.objects.first()
    if home is not None:
        site_set_address(home)
        return home
    root = Page.get_first_root_node()
    # Wagtail's migrations leave a "Welcome to Wagtail" page as the site's root: replace it.
    for leftover in root.get_children().filter(
        content_type__model="page", content_type__app_label="wagtailcore"
    ):
        leftover.delete()
    home = ensure_page(
        root,
        HomePage,
        slug="etusivu",
        title="Valmentava ja oppiva työkulttuuri valtiolla",
        seo_title="VALOA – valmentava ja oppiva työkulttuuri",
        intro=(
            "VALOA on työkalupakki ja ideapankki valtion työyhteisöille. Katsokaa omaa työtänne, valitkaa "
            "työkalu ja kokeilkaa sitä jo seuraavassa tiimipalaverissa. Lupaa tai asiantuntijaa ei tarvita."
        ),
        search_description="Työkaluja, esimerkkejä ja oivalluksia valmentavan ja oppivan työkulttuurin kehittämiseen.",
        body=[
            heading("Miten pääsemme alkuun?"),
            paragraph(
                "<p>Hyvä alku on pysähtyä yhteisen työn äärelle: mitä työssämme tapahtuu nyt, mikä meitä "
                "haastaa ja mihin suuntaan työ on muuttumassa. <b>Aloita</b>-osion työkirja ja "
                "arviointityökalut auttavat tekemään tilannekuvan ja löytämään työyhteisön oman vaiheen.</p>"
                "<p>Voitte myös edetä omaa reittiänne: <b>Työkalut</b>-osiosta löydätte menetelmiä, jotka "
                "mahtuvat tavalliseen palaveriin, ja <b>Innostu</b>-osiosta muiden työyhteisöjen kokemuksia.</p>"
            ),
        ],
    )
    site_set_address(home)
    return home


def site_set_address(home: HomePage) -> None:
    """The default Site serves `home` at the address the site is served from (SITE_HOSTNAME, SITE_PORT),
    set on every run: Wagtail builds canonical URLs, og:url and the sitemap's <loc> from it, and a front
    cache purges by its hostname."""
    address = {"hostname": settings.SITE_HOSTNAME, "port": settings.SITE_PORT}
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(root_page=home, is_default_site=True, site_name="VALOA", **address)
        return
    # The name is left as it is: an editor may have renamed the site (and the benchmark keeps its marker there).
    changed = (site.root_page_id, site.hostname, site.port) != (home.pk, address["hostname"], address["port"])
    if changed:
        site.root_page = home
        site.hostname, site.port = address["hostname"], address["port"]
        site.save()


def build_content_pages(home: HomePage) -> dict[str, ContentPage]:
    pages = {}
    pages["welcome"] = ensure_page(
        home,
        ContentPage,
        slug="tervetuloa",
        title="Tervetuloa VALOA-matkalle",
        intro=(
            "VALOA-sivusto on avattu. Se kokoaa yhteen työkaluja, esimerkkejä ja oivalluksia, joiden avulla "
            "valtion työyhteisöt voivat kehittää valmentavaa ja oppivaa työkulttuuria omassa arjessaan."
        ),
        search_description="Sivuston julkaisutiedote: mikä VALOA on ja miten sitä käytetään.",
        body=[
            paragraph(
                "<p>Valmentava ja oppiva työkulttuuri ei ole uusi organisaatiomalli eikä koulutusohjelma. "
                "Se on tapa ajatella, puhua ja toimia: ongelmia ratkotaan yhdessä, kokemuksista opitaan ja "
                "jokaisen osaaminen pääsee käyttöön. Se näkyy siinä, miten palaverit pidetään, miten palautetta "
                "annetaan ja miten asiakkaan kysymyksiin tartutaan.</p>"
            ),
            heading("Kenelle sivusto on tehty?"),
            paragraph(
                "<p>Sivusto on tehty valtion työyhteisöille, tiimeille, esihenkilöille ja kehittäjille. "
                "Tiimi tai työyhteisö ei tarvitse lupaa eikä erityisosaamista: riittää, että halutaan kehittää "
                "omaa työtä yhdessä. Johdon tuki auttaa, mutta ensimmäisen askeleen voi ottaa jo huomisessa palaverissa.</p>"
            ),
            heading("Mistä kannattaa aloittaa?"),
            paragraph(
                "<p>Suosittelemme aloittamaan VALOA-työkirjasta tai arviointityökaluista. Niiden avulla tiimi "
                "tekee tilannekuvan ja tunnistaa, missä vaiheessa matkaa se on. Vastaukset säilyvät tiimin "
                "omassa työtilassa, johon pääsee tiimin salaisella linkillä. Niihin voi palata viikkojen päästä "
                "ja nähdä, mikä on muuttunut.</p>"
            ),
            heading("Kertokaa meille"),
            paragraph(
                "<p>Sivusto kehittyy käyttäjiensä kokemuksista. Kertokaa Palaute-sivulla, miten työkalut "
                "toimivat teillä, ja vinkatkaa hyvistä käytännöistä ja kokeiluista omassa työyhteisössänne.</p>"
            ),
        ],
    )
    pages["about"] = ensure_page(
        home,
        ContentPage,
        slug="tietoa",
        title="Tietoa VALOA-sivustosta",
        intro="VALOA on valtion työyhteisöille tehty sivusto valmentavan ja oppivan työkulttuurin kehittämiseen.",
        body=[
            paragraph(
                "<p>Sivusto on syntynyt Valtiokonttorin työelämäpalveluiden sekä valtion organisaatioiden "
                "kehittäjien ja konsulttien yhteistyönä. Sisältöä päivitetään käyttäjiltä saadun palautteen ja "
                "uusien kokemusten perusteella. Sivuston ylläpitäjän yhteystiedot ovat sivun alareunassa.</p>"
            ),
            heading("Mitä sivustolla voi tehdä?"),
            paragraph(
                "<ul><li>tehdä tiimin tilannekuvan VALOA-työkirjalla</li>"
                "<li>arvioida, missä vaiheessa matkaa tiimi on</li>"
                "<li>valita työkalun seuraavaan palaveriin tai kehittämispäivään</li>"
                "<li>lukea muiden työyhteisöjen esimerkkejä, kokeiluja ja oivalluksia</li>"
                "<li>kertoa omista kokemuksista ja vinkata hyvistä käytännöistä</li></ul>"
            ),
            paragraph(
                "<p>Tämä on esittelysivusto. Sen tarinat, organisaatiot ja yhteystiedot ovat kuvitteellisia "
                "esimerkkejä, jotka näyttävät, millaista sisältöä sivustolla julkaistaan.</p>"
            ),
        ],
        show_in_menus=False,
    )
    pages["accessibility"] = ensure_page(
        home,
        ContentPage,
        slug="saavutettavuusseloste",
        title="Saavutettavuusseloste",
        intro="Tämä seloste kertoo, miten VALOA-sivusto täyttää digipalvelulain saavutettavuusvaatimukset.",
        last_reviewed=datetime.date(2026, 12, 7),
        # The status, the known issues, the feedback channel and the supervising authority come from the
        # site settings (ContactSettings), which the organisation running the site fills in.
        body=[
            heading("Miten sivusto on tehty"),
            paragraph(
                "<p>Sivut on tehty semanttisella HTML:llä, niitä voi käyttää pelkällä näppäimistöllä, ja ne on "
                "tarkoitettu toimimaan ruudunlukijoilla. Sivujen saavutettavuus tarkistetaan automaattisilla "
                "testeillä aina, kun sivustoa muutetaan.</p>"
            ),
        ],
        show_in_menus=False,
    )
    pages["privacy"] = ensure_page(
        home,
        ContentPage,
        slug="tietosuojaseloste",
        title="Tietosuojaseloste",
        intro="Tässä selosteessa kerrotaan, mitä tietoja VALOA-sivusto käsittelee, miksi ja kuinka kauan.",
        last_reviewed=datetime.date(2026, 11, 28),
        body=[
            heading("Tiimien työtilat"),
            paragraph(
                "<p>Tiimin työtila ei vaadi kirjautumista eikä henkilötietoja. Työtila on tiimin salaisen "
                "linkin takana, eikä sivuston ylläpito lue tiimien vastauksia. Älä kirjoita vastauksiin "
                "työtovereiden henkilötietoja. Tiimi voi poistaa työtilansa itse milloin tahansa. "
                "Työtila poistetaan automaattisesti, kun sitä ei ole käytetty 24 kuukauteen.</p>"
            ),
            heading("Käyttötilastot"),
            paragraph(
                "<p>Sivuston ylläpitäjä kehittää sivustoa ja työkaluja sen perusteella, miten niitä käytetään. "
                "Siksi sivusto laskee päivittäin, kuinka monta kertaa kutakin työkalua on katseltu, ohjattu "
                "palaverissa ja lisätty palaverin suunnitelmaan. Katselut laskee sivu itse ilman evästeitä, "
                "eikä IP-osoitetta tai muuta tunnistetta tallenneta. Jos selaimesi pyytää, ettei sitä seurata, "
                "katselua ei lasketa.</p>"
                "<p>Tiimien työtiloista ylläpitäjä näkee vain koosteita, kuten arviointikierrosten määrän "
                "kuukaudessa ja heikoimmiksi arvioidut väittämät. Jokaisen luvun takana on vähintään kymmenen "
                "työtilaa, eikä mitään näytetä työtilan, organisaation tai henkilön mukaan. Tiimi voi jättää "
                "tietonsa pois tilastoista työtilansa sivulla. Tilastot eivät sisällä henkilötietoja; ne "
                "laaditaan saman yleisen edun mukaisen tehtävän perusteella kuin sivusto muutenkin.</p>"
            ),
            heading("Palaute, kokemukset ja vinkit"),
            paragraph(
                "<p>Palautelomakkeella voit antaa nimesi tai nimimerkin, organisaatiosi ja "
                "sähköpostiosoitteesi. Kaikki ovat vapaaehtoisia. Sähköpostiosoitetta käytetään vain "
                "vastaamiseen, eikä sitä julkaista koskaan. Kokemuksesi julkaistaan vain luvallasi ja "
                "moderoinnin jälkeen.</p>"
                "<ul><li>Hylätyt viestit ja roskaposti poistetaan 30 päivän kuluttua.</li>"
                "<li>Sähköpostiosoite ja nimi poistetaan 6 kuukauden kuluttua viestin käsittelystä.</li>"
                "<li>Väärinkäytösten estämiseen käytetty tekninen tunniste poistetaan samalla.</li></ul>"
            ),
            heading("Evästeet"),
            paragraph(
                "<p>Sivusto käyttää vain toiminnan kannalta välttämättömiä evästeitä, kuten lomakkeiden "
                "suojaukseen tarvittavaa evästettä. Seuranta- tai mainosevästeitä ei käytetä.</p>"
            ),
            heading("Oikeutesi"),
            paragraph(
                "<p>Sinulla on oikeus saada tietää, mitä tietoja sinusta on tallennettu, ja pyytää niiden "
                "korjaamista tai poistamista. Jos haluat, että lähettämäsi viesti poistetaan, kerro sen "
                "viitekoodi sivuston ylläpitäjälle: yhteystiedot ovat sivun alareunassa. Voit tehdä valituksen "
                "tietosuojavaltuutetun toimistolle.</p>"
            ),
        ],
        show_in_menus=False,
    )
    return pages


def build_faq(start_page: Page) -> ContentPage:
    return ensure_page(
        start_page,
        ContentPage,
        slug="kysymyksia-ja-vastauksia",
        title="Kysymyksiä ja vastauksia",
        intro="Vastauksia kysymyksiin, joita tiimit ja työyhteisöt usein kysyvät, ennen kuin lähtevät liikkeelle.",
        search_description="Usein kysyttyä VALOA-työkaluista ja tiimin työtiloista.",
        body=[
            faq(
                "Tarvitsemmeko esihenkilön luvan?",
                "<p>Ette tarvitse. Tiimi voi tarkastella ja kehittää omaa työtään ilman erillistä lupaa. "
                "Esihenkilön mukanaolo ja johdon tuki kuitenkin auttavat viemään kokeiluja pidemmälle.</p>",
            ),
            faq(
                "Kuinka paljon aikaa työkalut vievät?",
                "<p>Useimmat työkalut mahtuvat tavalliseen tiimipalaveriin: kesto on 10–60 minuuttia. "
                "Laajemmat, 1,5–4 tunnin työpajat sopivat kehittämispäivään. Työkalusivulla kerrotaan kesto ja "
                "valmisteluun kuluva aika.</p>",
            ),
            faq(
                "Kuka näkee tiimimme vastaukset?",
                "<p>Vain ne, joilla on tiimin salainen linkki. Sivuston ylläpito näkee vain tilastoja, kuten "
                "työtilojen määrän. Pitäkää linkki tiimin sisällä.</p>",
            ),
            faq(
                "Voiko työkaluja käyttää etäpalaverissa?",
                "<p>Voi. Työkalusivulla kerrotaan, sopiiko työkalu lähi-, etä- vai hybridipalaveriin. "
                "Työkaluhaussa voitte rajata näkyviin vain etäpalaveriin sopivat työkalut.</p>",
            ),
        ],
    )


# Placeholders marked as examples: the demo must not present an organisation's contact details as fact. The
# environment may give the real ones for a deployment of the demo (README's settings table).
DEMO_ORGANISATION = "Sivuston ylläpitäjä (esimerkki)"
DEMO_EMAIL = "valoa@esimerkki.invalid"

PRIVACY_LEGAL_BASIS = (
    "Yleisen edun mukaisen tehtävän suorittaminen (EU:n yleisen tietosuoja-asetuksen 6 artiklan 1 kohdan "
    "e alakohta)."
)
# The statement's known non-conformities, one a line, each with its WCAG criterion and the date it was found:
# the list in docs/accessibility.md ("Known non-conformities"), which tests/valoa/test_accessibility_statement.py
# keeps in step with these lines and their Swedish and English translations (valoa/demo/translations/).
ACCESSIBILITY_ISSUES = (
    "Ladattavat PDF-työpohjat eivät ole saavutettavia: niissä ei ole ruudunlukijalle merkittyä rakennetta, "
    "kuten otsikoita ja luetteloita (WCAG 1.3.1). Työkalukortin sisältö on sivulla saavutettavassa muodossa. "
    "Todettu 28.11.2026."
)
ACCESSIBILITY_ASSESSMENT = (
    "Sivuston kehittäjien itsearvio. Jokainen sivu tarkistetaan axe-core-työkalulla aina, kun sivustoa "
    "muutetaan. Selaintestit tarkistavat rivittymisen 320 pikselin leveydellä, tekstivälit, pakotetut värit ja "
    "kohdistuksen virheilmoituksiin. Arvio on tehty 7.12.2026."
)


def build_settings(home: HomePage, content_pages: dict[str, ContentPage]) -> None:
    site = Site.objects.get(root_page=home)
    contact = ContactSettings.for_site(site)
    if not contact.email:
        organisation = os.environ.get("VALOA_DEMO_ORGANISATION", "").strip() or DEMO_ORGANISATION
        contact.email = os.environ.get("VALOA_DEMO_CONTACT_EMAIL", "").strip() or DEMO_EMAIL
        contact.phone = ""
        # The free text is a translatable snippet (SiteTexts): the demo's Swedish and English come from the
        # catalogues (valoa/demo/translations/) like the pages'.
        texts = contact.texts or SiteTexts(locale=Locale.get_default())
        texts.organisation = organisation
        texts.address = ""
        texts.privacy_controller = organisation
        texts.privacy_legal_basis = PRIVACY_LEGAL_BASIS
        texts.privacy_contact = "Esimerkki: tietosuojavastaava, tietosuoja@esimerkki.invalid"
        texts.accessibility_issues = ACCESSIBILITY_ISSUES
        texts.accessibility_assessment = ACCESSIBILITY_ASSESSMENT
        texts.accessibility_response_time = "kahden viikon kuluessa"
        texts.save()
        contact.texts = texts
        contact.accessibility_compliance = ContactSettings.Compliance.PARTIAL
        contact.about_page = content_pages["about"]
        contact.accessibility_page = content_pages["accessibility"]
        contact.privacy_page = content_pages["privacy"]
        contact.save()
