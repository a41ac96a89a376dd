"""Innostu's demo content: enough stories of every kind, with drawn, described images."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from PIL import Image as PILImage

from inspire.demo.images import MOTIFS, draw_png
from inspire.demo.stories import ORGANISATIONS, STORIES
from inspire.demo.users import DEMO_USERS
from inspire.models import InspireIndexPage, Organisation, StoryKind, StoryPage

pytestmark = pytest.mark.django_db


def test_at_least_eight_stories_of_every_kind_from_several_organisations(demo_site):
    stories = list(StoryPage.objects.live())
    assert len(stories) >= 8
    for kind in StoryKind:
        assert StoryPage.objects.live().filter(kind=kind).count() >= 2, kind
    assert len({s.organisation_id for s in stories}) >= 4
    for story in stories:
        assert story.hero_image is not None, story
        assert len(story.hero_alt) > 20, story
        assert story.intro, story


def test_experiments_use_several_statuses(demo_site):
    experiments = StoryPage.objects.filter(kind=StoryKind.EXPERIMENT)
    assert experiments.values("status").distinct().count() >= 3


def test_drawn_images_are_small_and_deterministic():
    for motif in MOTIFS:
        data = draw_png(motif, "sama")
        assert data == draw_png(motif, "sama")
        assert len(data) < 50_000
        assert PILImage.open(io.BytesIO(data)).size == (1200, 675)


def test_second_run_adds_nothing_and_prints_no_passwords(demo_site):
    from wagtail.images import get_image_model

    before = (
        get_image_model().objects.count(),
        StoryPage.objects.count(),
    )
    out = io.StringIO()
    call_command("load_demo_content", "--no-admin", stdout=out)
    after = (
        get_image_model().objects.count(),
        StoryPage.objects.count(),
    )
    assert after == before
    assert "Salasana" not in out.getvalue()
    assert get_user_model().objects.filter(username__in=[u[0] for u in DEMO_USERS]).count() == 2


def test_story_data_is_consistent():
    slugs = [s["slug"] for s in STORIES]
    assert len(slugs) == len(set(slugs))
    assert {s["kind"] for s in STORIES} == {"case", "experiment", "insight"}


def test_demo_story_titles_do_not_repeat_the_kind_label_and_read_as_edited(client, demo_site):
    labels = tuple(f"{kind.label}:" for kind in StoryKind)
    for story in STORIES:
        assert not story["title"].startswith(labels), story["title"]
    html = client.get("/innostu/asiakaspalvelutiimin-tilannekuva/").content.decode()
    assert "pysähtyi kahden palaverin ajaksi" in html
    html = client.get("/innostu/hiljainen-aloitus-palaverissa/").content.decode()
    assert ">Kokeilu</p>" in html and "Kokeilu: Kokeilu" not in html
    assert "puheenvuorot jakautuvat tasaisemmin" in html
    text = repr(STORIES)
    for slip in ("kahdeksi palaveriksi", "kirjalliseksi,", "siihen, miksi", "valmiin ehdotuksen kanssa"):
        assert slip not in text, slip
    assert "Aamupäivällä keskusteltiin" in text and "taulukko, vaan se" in text


def test_demo_organisations_are_plainly_fictional(demo_site):
    names = list(Organisation.objects.values_list("name", flat=True))
    assert len(names) == len(ORGANISATIONS)
    assert not [name for name in names if name.startswith("Valtion")]
    assert "Esimerkkiviraston hankintatiimi" in names


def test_a_database_with_the_former_organisation_names_is_renamed_not_duplicated(demo_site):
    organisation = Organisation.objects.get(name="Esimerkkiviraston hankintatiimi")
    stories = set(organisation.stories.values_list("pk", flat=True))
    Organisation.objects.filter(pk=organisation.pk).update(name="Valtion hankintapalvelut", short_name="VHP")
    call_command("load_demo_content", "--no-admin", stdout=io.StringIO())
    organisation.refresh_from_db()
    assert (organisation.name, organisation.short_name) == ("Esimerkkiviraston hankintatiimi", "EHT")
    assert set(organisation.stories.values_list("pk", flat=True)) == stories
    assert Organisation.objects.count() == len(ORGANISATIONS)


def test_every_demo_story_says_it_is_fictional_and_a_real_one_does_not(client, demo_site):
    notice = "Tämä tarina on kuvitteellinen esimerkki."
    for story in StoryPage.objects.live():
        assert story.is_example, story
        assert notice in client.get(story.url).content.decode(), story
    real = StoryPage.objects.live().first()
    real.is_example = False
    real.save_revision().publish()
    assert notice not in client.get(real.url).content.decode()


def test_an_existing_demo_story_without_the_flag_gets_it_on_the_next_run(demo_site):
    StoryPage.objects.update(is_example=False)
    call_command("load_demo_content", "--no-admin", stdout=io.StringIO())
    assert not StoryPage.objects.filter(is_example=False).exists()


def test_story_editor_uses_checkboxes_and_names_one_tool_link(admin_client, demo_site):
    index = InspireIndexPage.objects.get()
    html = admin_client.get(f"/admin/pages/add/inspire/storypage/{index.pk}/").content.decode()
    assert 'type="checkbox" name="phases"' in html and 'type="checkbox" name="themes"' in html
    assert "Lisää käytetty työkalu" in html and "Lisää Käytetyt" not in html


def test_story_page_asks_one_person_for_their_experience(client, demo_site):
    html = client.get("/innostu/paripalaute-etatiimissa/").content.decode()
    assert "Kerro kokemuksesta" in html
    assert "kokemuksestanne" not in html and "Kokemuksen tarinasta" not in html
