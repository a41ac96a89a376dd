"""The demo site as an anonymous visitor sees it."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

pytestmark = pytest.mark.django_db


def live_urls():
    return [page.url for page in Page.objects.live().filter(depth__gte=2)]


def test_every_demo_page_answers_200(client, demo_site):
    urls = live_urls()
    assert len(urls) >= 20
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b'<html lang="fi">' in response.content


def test_demo_tree_has_what_the_site_promises(demo_site):
    from inspire.models import StoryPage
    from toolkit.models import ToolPage
    from valoa.models import Phase, Theme

    assert Phase.objects.count() == 4
    assert Theme.objects.count() == 6
    assert ToolPage.objects.live().count() >= 6
    stories = StoryPage.objects.live().count()
    assert stories >= 4
    slugs = set(Page.objects.live().values_list("slug", flat=True))
    assert {
        "aloita",
        "tyokalut",
        "innostu",
        "palaute",
        "tietoa",
        "saavutettavuusseloste",
        "tietosuojaseloste",
        "tervetuloa",
        "kysymyksia-ja-vastauksia",
    } <= slugs


def test_main_navigation_and_breadcrumbs(client, demo_site):
    html = client.get("/tyokalut/kokeilukortti/").content.decode()
    nav = html.split('aria-label="Päävalikko"')[1].split("</nav>")[0]
    for title in ("Aloita", "Työkalut", "Innostu", "Palaute"):
        assert f">{title}</a>" in nav
    assert 'class="is-active">Työkalut' in nav
    crumbs = html.split('aria-label="Murupolku"')[1].split("</nav>")[0]
    assert 'href="/tyokalut/"' in crumbs
    assert '<span aria-current="page">Kokeilukortti</span>' in crumbs


def test_footer_has_contact_details_and_statutory_links(client, demo_site):
    html = client.get("/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    assert "valoa@esimerkki.invalid" in footer and "(esimerkki)" in footer
    for path in ("/saavutettavuusseloste/", "/tietosuojaseloste/", "/tietoa/"):
        assert f'href="{path}"' in footer


def test_running_the_demo_command_again_keeps_data(demo_site):
    before = Page.objects.count()
    home = Page.objects.get(slug="tyokalut").specific
    home.title = "Editorin muokkaama otsikko"
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Valtiokonttorin VALOA"  # renamed in Settings → Sites
    site.save()
    call_command("load_demo_content", "--no-admin", stdout=io.StringIO())
    assert Page.objects.count() == before
    assert Page.objects.get(slug="tyokalut").title == "Editorin muokkaama otsikko"
    assert Site.objects.get(is_default_site=True).site_name == "Valtiokonttorin VALOA"


def test_admin_password_is_generated_and_printed_once(db, monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    first, second = io.StringIO(), io.StringIO()
    call_command("load_demo_content", stdout=first)
    call_command("load_demo_content", stdout=second)
    line = next(line for line in first.getvalue().splitlines() if line.startswith("Salasana"))
    password = line.split(": ", 1)[1]
    assert len(password) >= 16
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert "Salasana (" not in second.getvalue()


def test_admin_credentials_from_environment(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "paakayttaja")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "ympäristön-salasana-42")
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    user = get_user_model().objects.get(username="paakayttaja")
    assert user.is_superuser and user.check_password("ympäristön-salasana-42")
    assert "ympäristön-salasana-42" not in out.getvalue()


def _contact_facts(contact) -> str:
    return " ".join(
        str(value)
        for value in (
            contact.organisation,
            contact.email,
            contact.phone,
            contact.address,
            contact.privacy_controller,
            contact.privacy_contact,
            contact.privacy_legal_basis,
        )
    )


def test_demo_contact_details_are_marked_examples_not_an_agencys(demo_site, monkeypatch):
    import re

    from wagtail.models import Site

    from valoa.demo.site import build_settings
    from valoa.models import ContactSettings, ContentPage

    monkeypatch.delenv("VALOA_DEMO_ORGANISATION", raising=False)
    monkeypatch.delenv("VALOA_DEMO_CONTACT_EMAIL", raising=False)
    site = Site.objects.get(is_default_site=True)
    contact = ContactSettings.for_site(site)
    facts = _contact_facts(contact)
    # No real agency's domain, no phone number or postal address: an editor fills those in.
    assert "valtiokonttori.fi" not in facts.lower()
    assert not re.search(r"\d{3}[ -]?\d{2}[ -]?\d{2,4}", facts)
    assert contact.email.endswith(".invalid") and "esimerkki" in contact.organisation.lower()

    pages = {
        key: ContentPage.objects.get(slug=slug)
        for key, slug in (
            ("about", "tietoa"),
            ("accessibility", "saavutettavuusseloste"),
            ("privacy", "tietosuojaseloste"),
        )
    }
    monkeypatch.setenv("VALOA_DEMO_ORGANISATION", "Oikea Organisaatio")
    monkeypatch.setenv("VALOA_DEMO_CONTACT_EMAIL", "valoa@example.org")
    ContactSettings.objects.filter(pk=contact.pk).update(email="")
    build_settings(site.root_page.specific, pages)
    contact = ContactSettings.objects.get(pk=contact.pk)
    assert (contact.organisation, contact.email) == ("Oikea Organisaatio", "valoa@example.org")


def test_accessibility_statement_states_the_settings_facts_in_the_legal_structure(client, demo_site):
    from wagtail.models import Site

    from valoa.models import ContactSettings

    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.accessibility_compliance = ContactSettings.Compliance.PARTIAL
    contact.save()
    contact.texts.accessibility_issues = "Työpohjien PDF-tiedostot\n\nVideoiden tekstitys"
    contact.texts.accessibility_response_time = "kahden viikon kuluessa"
    contact.texts.save()
    html = client.get("/saavutettavuusseloste/").content.decode()
    order = [
        "Saavutettavuuden tila</h2>",
        "saavutettavuusvaatimukset (WCAG 2.1 -ohjeiston AA-taso) osittain",
        "Sisältö, joka ei ole saavutettavaa</h2>",
        "<li>Työpohjien PDF-tiedostot</li><li>Videoiden tekstitys</li>",
        "Anna palautetta saavutettavuudesta</h2>",
        "Vastaamme kahden viikon kuluessa.",
        "Valvontaviranomainen</h2>",
        "https://www.saavutettavuusvaatimukset.fi/",
    ]
    positions = [html.index(part) for part in order]
    assert positions == sorted(positions)
    assert "kriittiset" not in html and "käsin" not in html

    contact.accessibility_compliance = ContactSettings.Compliance.FULL
    contact.save()
    contact.texts.accessibility_issues = ""
    contact.texts.save()
    html = client.get("/saavutettavuusseloste/").content.decode()
    assert "Sivusto täyttää digipalvelulain saavutettavuusvaatimukset (WCAG 2.1 -ohjeiston AA-taso)." in html


def test_privacy_notice_names_controller_legal_basis_and_contact_from_settings(client, demo_site):
    from wagtail.models import Site

    from valoa.models import ContactSettings

    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.texts.privacy_controller = "Testiorganisaatio"
    contact.texts.privacy_legal_basis = "Yleisen edun mukainen tehtävä"
    contact.texts.privacy_contact = "tietosuoja@testi.invalid"
    contact.texts.save()
    html = client.get("/tietosuojaseloste/").content.decode()
    for fact in ("Testiorganisaatio", "Yleisen edun mukainen tehtävä", "tietosuoja@testi.invalid"):
        assert fact in html
    # One reader, one form of address: the notice speaks to "sinä" only.
    assert "ettette" not in html and "luvallanne" not in html
    # Other content pages do not carry the statutory facts.
    assert "Testiorganisaatio" not in client.get("/tietoa/").content.decode().split("<footer")[0]


def test_the_demo_build_leaves_no_redirects(translated):
    # Wagtail makes a redirect when a slug changes (each translation gets its own slug after it is made);
    # a new site has no old addresses to keep, and the editors' list of redirects starts empty.
    from wagtail.contrib.redirects.models import Redirect

    assert not Redirect.objects.exists()
