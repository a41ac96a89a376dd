import io
import os
import shutil

# Playwright's sync API runs an event loop in the test thread; Django would refuse DB access from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_configure(config):
    # Under pytest-xdist (`make test`) each worker has a test database of its own (test_<name>_gw0, …) and,
    # here, a media folder of its own: two workers building the demo site at once never share image files.
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:
        settings.MEDIA_ROOT = settings.VAR_DIR / f"test-media-{worker}"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "live_server" in fixtures:
            # live_server flushes the database after each test, which would delete the rows Wagtail's
            # migrations made (root page, locale); serialized_rollback restores them.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False)
            item.add_marker(pytest.mark.browser)
        if item.get_closest_marker("postgres") and not settings.IS_POSTGRES:
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://..."))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = (
        os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    if not executable:
        pytest.exit("Chromium is missing: run `make test` (it installs it) or apt-get install chromium.", 2)
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _finnish_to_begin_with():
    """Each test starts in Finnish. A request activates its URL's language in the thread and leaves it there
    (as Django does): without this, a test after one that fetched a /sv/ page reverses its URLs under /sv/."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _build_demo_site():
    call_command("load_demo_content", "--no-admin", stdout=io.StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # The demo site is built once per test database; each test runs in a transaction that is rolled
    # back, so every test sees the same site. Transactional tests (live_server, concurrency) flush the
    # database afterwards; serialising the built site here makes serialized_rollback restore it.
    from django.db import connections

    with django_db_blocker.unblock():
        _build_demo_site()
        connection = connections["default"]
        # On the class, not the instance: once Playwright runs its event loop in the test thread,
        # Django's context-local `connections` hands out a new wrapper instance for the same database.
        serialized = connection.creation.serialize_db_to_string()
        type(connection)._test_serialized_contents = serialized
        # The wrapper that created the database holds Django's own copy from before the demo site was
        # built, which shadows the class attribute for transactional tests outside Playwright.
        connection._test_serialized_contents = serialized


@pytest.fixture
def demo_site(db):
    """The whole Finnish demo site, as `make run` builds it. Returns its HomePage."""
    from valoa.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        _build_demo_site()
        home = HomePage.objects.get()
    return home


@pytest.fixture(scope="module")
def translated_once(django_db_setup, django_db_blocker):
    """The Swedish and English demo built once for a whole module, in a transaction around its tests (each
    test's own transaction is a savepoint inside it) and rolled back after the last one. Building them takes
    most of a minute: a module whose every test reads them overrides `translated` with this (a module with
    other tests keeps the per-test fixture below, so that those tests see the Finnish demo alone)."""
    from django.db import transaction

    from valoa.demo.translations import translate

    with django_db_blocker.unblock(), transaction.atomic():
        results = translate()
        assert all(result.translated for result in results)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def translated(demo_site):
    """The demo site in Swedish and English too, built by the demo's own loader (valoa/demo/translations.py:
    wagtail-localize from the PO catalogues), in the test's transaction. Returns the Finnish HomePage."""
    from valoa.demo.translations import translate

    results = translate()
    assert all(result.translated for result in results)
    return demo_site
