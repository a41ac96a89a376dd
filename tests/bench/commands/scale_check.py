"""`make scale-check`: two app servers on one PostgreSQL and one Redis behave as one site (docs/deploy.md).

Each check gets both servers and proves one thing a second server could break. To add one, write a function
`check_<thing>(a, b, ctx)` that raises CheckFailed with a Finnish message, and append it to CHECKS.
"""

from __future__ import annotations

import io
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.bench.server import Gunicorn, production_env
from tests.bench.varnish import Varnish, free_port


class CheckFailed(Exception):
    pass


@dataclass
class Client:
    """A tiny HTTP client that keeps cookies itself: production cookies are Secure, and this is plain HTTP
    on loopback, where a browser's cookie jar (and urllib's) would refuse to send them back."""

    base_url: str
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, path: str, *, data: dict | None = None) -> tuple[int, dict[str, str], bytes]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body)  # noqa: S310
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if data is not None:
            request.add_header("Referer", self.base_url + path)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=120) as response:
                status, headers, content = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, content = error.code, error.headers, error.read()
        for header in headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(header)
            self.cookies.update({key: morsel.value for key, morsel in cookie.items()})
        return status, dict(headers), content

    def get(self, path):
        return self.request(path)

    def post(self, path, data):
        return self.request(path, data=data)

    def csrf_from(self, html: bytes) -> str:
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if not match:
            raise CheckFailed("Lomakkeelta puuttuu CSRF-tunniste.")
        return match.group(1).decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check_publish_is_fresh_through_varnish(a: Gunicorn, b: Gunicorn, ctx: dict) -> str:
    """One Varnish in front of A and B: a page cached there is purged by A's publish and the new content is
    seen through Varnish within 1 s (fetched again from A or B, round robin)."""
    from django.contrib.auth import get_user_model

    from tests.bench.freshness import TARGET_SECONDS, wait_visible
    from valoa.models import ContentPage

    front = ctx["varnish"].base_url
    page = ContentPage.objects.get(slug="tietoa")
    new_title = f"Tietoa VALOA-sivustosta {secrets.token_hex(3)}"
    # An editor's draft: not visible until published.
    page.title = new_title
    page.save_revision()
    visitor = Client(front)
    visitor.get(page.url)
    status, headers, html = visitor.get(page.url)
    if status != 200 or headers.get("X-Cache") != "HIT" or new_title.encode() in html:
        raise CheckFailed(f"Varnish ei tarjonnut sivua välimuistista ({status}, {headers.get('X-Cache')}).")

    password = secrets.token_urlsafe(16)
    username = "scale-check-editor"
    User = get_user_model()
    user, _created = User.objects.get_or_create(username=username, defaults={"is_superuser": True})
    user.is_superuser = user.is_staff = True
    user.set_password(password)
    user.save()
    editor = Client(a.base_url)
    _status, _headers, login_form = editor.get("/admin/login/")
    status, _headers, _body = editor.post(
        "/admin/login/",
        {"username": username, "password": password, "csrfmiddlewaretoken": editor.csrf_from(login_form)},
    )
    if status != 302:
        raise CheckFailed(f"Kirjautuminen palvelimelle A epäonnistui ({status}).")
    # Production asks admin users for a second factor (docs/security.md): the editor's authenticator code.
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="scale-check", defaults={"confirmed": True}
    )
    _status, _headers, otp_form = editor.get("/admin/2fa/")
    status, _headers, _body = editor.post(
        "/admin/2fa/",
        {"otp_token": f"{totp(device.bin_key):06d}", "csrfmiddlewaretoken": editor.csrf_from(otp_form)},
    )
    if status != 302:
        raise CheckFailed(f"Kaksivaiheinen tunnistautuminen palvelimella A epäonnistui ({status}).")
    publish_url = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}"
    _status, _headers, form = editor.get(publish_url)
    since = time.monotonic()
    status, _headers, _body = editor.post(publish_url, {"csrfmiddlewaretoken": editor.csrf_from(form)})
    if status != 302:
        raise CheckFailed(f"Julkaisu palvelimen A ylläpidossa epäonnistui ({status}).")
    seconds = wait_visible(front, [page.url, "/"], new_title, since=since)
    user.delete()
    if any(value is None or value > TARGET_SECONDS for value in seconds.values()):
        raise CheckFailed(f"Julkaisu ei näkynyt Varnishin kautta {TARGET_SECONDS:g} sekunnissa: {seconds}.")
    shown = ", ".join(f"{url} {value:.3f} s" for url, value in seconds.items())
    return f"julkaistu A:n ylläpidossa, näkyi Varnishin kautta (A+B takana): {shown}"


def check_rate_limit_counts_across_servers(a: Gunicorn, b: Gunicorn, ctx: dict) -> str:
    limit = ctx["search_limit"]
    statuses = []
    for i in range(limit + 1):
        server = a if i % 2 == 0 else b
        statuses.append(Client(server.base_url).get(f"/haku/?q=tiimi{i}")[0])
    expected = [200] * limit + [429]
    if statuses != expected:
        raise CheckFailed(f"Hakujen rajoitus ei laskenut yhteen: {statuses}, odotettiin {expected}.")
    return f"{limit} hakua vuorotellen A:lle ja B:lle, seuraava sai 429"


def check_media_written_by_one_is_served_by_the_other(a: Gunicorn, b: Gunicorn, ctx: dict) -> str:
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    # By label: valoa sits below the apps it checks, so it does not import them (pyproject's layers contract).
    StoryPage = apps.get_model("inspire", "StoryPage")

    buffer = io.BytesIO()
    PILImage.new("RGB", (1400, 800), (40, 120, 90)).save(buffer, "JPEG")
    image = get_image_model()(title="Skaalaustesti")
    image.file = ImageFile(buffer, name=f"skaalaustesti-{secrets.token_hex(3)}.jpg")
    image.save()
    story = StoryPage.objects.live().first()
    story.hero_image = image
    story.hero_image_alt = "Vihreä testikuva"  # a story's hero image needs its alternative text
    story.save_revision().publish()
    # Server A renders the story and writes the image's renditions to the shared media storage.
    status, _headers, html = Client(a.base_url).get(story.url)
    urls = sorted(set(re.findall(rb'(/media/images/[^" ,]+)', html)))
    if status != 200 or not urls:
        raise CheckFailed("Palvelin A ei tuottanut kuvaversioita.")
    for url in urls:
        status, headers, content = Client(b.base_url).get(url.decode())
        if status != 200 or not headers.get("Content-Type", "").startswith("image/") or not content:
            raise CheckFailed(
                f"Palvelin B ei tarjonnut A:n kirjoittamaa tiedostoa {url.decode()} ({status})."
            )
    return f"A kirjoitti {len(urls)} kuvaversiota, B tarjosi ne kaikki"


def answer_on_page(html: bytes, key: str) -> tuple[int, str]:
    """The version and text of one question's answer form on a workbook session page."""
    page = html.decode()
    version = re.search(
        rf'name="key" value="{re.escape(key)}">\s*<input type="hidden" name="version" value="(\d+)"', page
    )
    text = re.search(rf'<textarea name="answer" id="q-{re.escape(key)}"[^>]*>([^<]*)</textarea>', page)
    if not version or not text:
        raise CheckFailed(f"Kysymyksen {key} vastauslomaketta ei löytynyt työkirjan sivulta.")
    return int(version.group(1)), text.group(1).strip()


def check_workbook_answer_saved_on_one_is_read_on_the_other(a: Gunicorn, b: Gunicorn, ctx: dict) -> str:
    WorkbookPage = apps.get_model("toolkit", "WorkbookPage")

    # A team creates its space and starts a session through server A's own forms, as a browser without
    # JavaScript would (plain form POSTs with the CSRF cookie and token).
    team = Client(a.base_url)
    workbook_url = WorkbookPage.objects.live().order_by("path").first().url
    _status, _headers, html = team.get(workbook_url)
    status, headers, _body = team.post(
        "/tiimi/aloita/", {"name": "", "csrfmiddlewaretoken": team.csrf_from(html)}
    )
    space_url = urllib.parse.urlsplit(headers.get("Location", "")).path
    if status != 302 or not space_url.startswith("/tiimi/"):
        raise CheckFailed(f"Työtilan luonti palvelimella A epäonnistui ({status}).")
    _status, _headers, html = team.get(space_url)
    status, headers, _body = team.post(f"{space_url}tyokirja/", {"csrfmiddlewaretoken": team.csrf_from(html)})
    session_url = urllib.parse.urlsplit(headers.get("Location", "")).path
    if status != 302 or not session_url.startswith(space_url):
        raise CheckFailed(f"Työkirjan kerran aloitus palvelimella A epäonnistui ({status}).")
    _status, _headers, html = team.get(session_url)
    match = re.search(rb'<textarea name="answer" id="q-([^"]+)"', html)
    if not match:
        raise CheckFailed("Työkirjan sivulla ei ollut avointa kysymystä.")
    key = match.group(1).decode()

    def save(client: Client, page: bytes, version: int, text: str) -> int:
        data = {"key": key, "version": version, "answer": text, "csrfmiddlewaretoken": client.csrf_from(page)}
        return client.post(f"{session_url}vastaus/", data)[0]

    text_a = f"Tallennettu A:lla {secrets.token_hex(4)}"
    if (status := save(team, html, 0, text_a)) != 302:
        raise CheckFailed(f"Vastauksen tallennus palvelimella A epäonnistui ({status}).")
    # Another member of the team, whose browser reaches server B.
    member = Client(b.base_url)
    _status, _headers, html_b = member.get(session_url)
    if answer_on_page(html_b, key) != (1, text_a):
        raise CheckFailed(
            f"Palvelin B ei näyttänyt A:lla tallennettua vastausta: {answer_on_page(html_b, key)}."
        )
    text_b = f"Muokattu B:llä {secrets.token_hex(4)}"
    if (status := save(member, html_b, 1, text_b)) != 302:
        raise CheckFailed(f"Vastauksen tallennus palvelimella B A:n versiolla epäonnistui ({status}).")
    _status, _headers, html = team.get(session_url)
    if answer_on_page(html, key) != (2, text_b):
        raise CheckFailed(
            f"Palvelin A ei näyttänyt B:llä tallennettua vastausta: {answer_on_page(html, key)}."
        )
    # The version check holds across servers too: a save on A from the stale version 1 is a conflict.
    if (status := save(team, html, 1, "vanhentunut")) != 409:
        raise CheckFailed(f"Vanhentunut tallennus palvelimella A ei ollut ristiriita ({status}).")
    return "A tallensi (versio 1), B luki ja tallensi A:n versiolla (versio 2), A luki sen; vanha versio A:lla: 409"


CHECKS = [
    check_publish_is_fresh_through_varnish,
    check_rate_limit_counts_across_servers,
    check_media_written_by_one_is_served_by_the_other,
    check_workbook_answer_saved_on_one_is_read_on_the_other,
]


class Command(BaseCommand):
    help = (
        "Kaksi sovelluspalvelinta samalla PostgreSQL:llä ja Redisillä: tuoreus, rajoitus, media ja "
        "työkirjan vastaukset."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--ports", default="", help="A:n ja B:n portit (oletus: vapaat portit)")

    def handle(self, *args, ports, **options):
        if not settings.REDIS_URL:
            raise CommandError("Aseta REDIS_URL: palvelimet jakavat välimuistin ja rajoitukset Redisissä.")
        if not settings.IS_POSTGRES:
            raise CommandError("Aseta DATABASE_URL PostgreSQL-tietokantaan.")
        call_command("migrate", "--noinput", verbosity=0)
        call_command("load_demo_content", "--no-admin", "--no-translations", stdout=io.StringIO())
        connections.close_all()
        workdir = Path(tempfile.mkdtemp(prefix="valoa-scale-"))
        search_limit = 5
        env = production_env(
            STATIC_ROOT=str(workdir / "static"),
            MEDIA_ROOT=str(settings.MEDIA_ROOT),  # the shared media directory
            SERVE_MEDIA="True",
            SEARCH_RATE_LIMIT=f"{search_limit}/h",
            CACHE_KEY_PREFIX=f"valoa-scale-{secrets.token_hex(4)}",  # fresh counters for this run
        )
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
        )
        port_a, port_b = (int(p) for p in ports.split(",")) if ports else (free_port(), free_port())
        log = workdir / "gunicorn.log"
        failed = 0
        # One Varnish in front of both, started first: the app servers purge it (FRONTEND_CACHE_URL).
        with Varnish(backends=[("127.0.0.1", port_a), ("127.0.0.1", port_b)]) as varnish:
            env["FRONTEND_CACHE_URL"] = varnish.base_url
            with (
                Gunicorn(port=port_a, env=env, workers=2, log=log) as a,
                Gunicorn(port=port_b, env=env, workers=2, log=log) as b,
            ):
                varnish.wait_healthy()
                self.stdout.write(
                    f"Palvelin A {a.base_url}, palvelin B {b.base_url}, Varnish {varnish.base_url}, "
                    f"media {settings.MEDIA_ROOT}"
                )
                failed = self.run_checks(a, b, {"search_limit": search_limit, "varnish": varnish})
        if failed:
            raise CommandError(f"{failed} tarkistusta epäonnistui; palvelinten loki: {log}")
        self.stdout.write(self.style.SUCCESS("Kaksi palvelinta toimivat yhtenä sivustona."))

    def run_checks(self, a, b, ctx) -> int:
        failed = 0
        for check in CHECKS:
            try:
                detail = check(a, b, ctx)
                self.stdout.write(self.style.SUCCESS(f"OK   {check.__name__}: {detail}"))
            except CheckFailed as error:
                failed += 1
                self.stdout.write(self.style.ERROR(f"VIKA {check.__name__}: {error}"))
        return failed
