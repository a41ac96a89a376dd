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


class _SlowModulesFirst:
    """Under pytest-xdist (`--dist loadscope`) a worker takes whole modules in collection order: the modules with
    a slow test go first, so that the long ones (whole-site crawls in the browser) do not start last, while the
    other worker waits. After pytest-django's own ordering (transactional tests last): that no longer matters,
    since the demo goes back right after each flush (pytest_runtest_teardown below)."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config, items):
        slow = {item.module.__name__ for item in items if item.get_closest_marker("slow") and item.module}
        items.sort(key=lambda item: not (item.module and item.module.__name__ in slow))


def pytest_configure(config):
    if (
        getattr(config, "workerinput", None) is not None
    ):  # a pytest-xdist worker: where the order is sent from
        config.pluginmanager.register(_SlowModulesFirst(), "valoa-slow-modules-first")


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
def _locales_read_afresh():
    """Each test reads the locales from its own database: the per-process map (valoa.languages.locales) learns of a
    Locale saved or deleted through signals, and a snapshot restore or a rolled-back test sends none. Without this,
    a worker that had the Swedish locale under one id kept it after a later test made it again under another, and
    Swedish pages showed Finnish tools."""
    from valoa.languages.locales import forget_locales

    forget_locales()
    yield


@pytest.fixture(autouse=True)
def _finnish_to_begin_with():
    """Each test starts in Finnish. A request activates its URL's language in the thread and leaves it there
    (as Django does): without this, a test after one that fetched a /sv/ page reverses its URLs under /sv/."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _build_demo_site():
    call_command("load_demo_content", "--no-admin", stdout=io.StringIO())


class _Snapshot:
    """The test database's rows as the demo build left them, put back in a fraction of a second.

    serialized_rollback restores the site before every transactional test (live_server, concurrency) with
    Django's deserializer: an INSERT per object, seconds per test on the demo site, for some seventy tests.
    This copies the tables instead: on PostgreSQL `COPY … TO/FROM` of every table Django's flush empties (in
    one transaction: the foreign keys are deferred), on SQLite the backup API over the whole database.
    Django's serialized string stays what serialized_rollback checks for, and the way back for any other
    database."""

    def __init__(self, connection):
        self.vendor = connection.vendor
        connection.ensure_connection()
        if self.vendor == "postgresql":
            self.tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
            self.rows = {}
            with connection.cursor() as cursor:
                for table in self.tables:
                    with cursor.cursor.copy(f'COPY "{table}" TO STDOUT (FORMAT binary)') as copy:
                        self.rows[table] = b"".join(bytes(chunk) for chunk in copy)
        else:
            import sqlite3

            self.copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.copy)

    @staticmethod
    def supports(connection) -> bool:
        return connection.vendor in ("postgresql", "sqlite")

    def restore(self, connection):
        from django.db import transaction

        connection.ensure_connection()
        if self.vendor == "postgresql":
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                # Empty already after a test (flush), not before the first transactional test of a worker.
                for table in self.tables:
                    cursor.execute(f'DELETE FROM "{table}"')  # noqa: S608 (Django's own table names)
                for table in self.tables:
                    if self.rows[table]:
                        with cursor.cursor.copy(f'COPY "{table}" FROM STDIN (FORMAT binary)') as copy:
                            copy.write(self.rows[table])
        else:
            self.copy.backup(connection.connection)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # The demo site is built once per test database (one per pytest-xdist worker); each test runs in a
    # transaction that is rolled back, so every test sees the same site. Transactional tests (live_server,
    # concurrency) flush the database afterwards; serialising the built site here makes serialized_rollback
    # restore it (from the _Snapshot above, where the database allows).
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
        if _Snapshot.supports(connection):
            snapshot = _SNAPSHOTS["demo"] = _Snapshot(connection)
            _DEMO_STATE.update(intact=True, blocker=django_db_blocker)
            creation = type(connection.creation)
            deserialize = creation.deserialize_db_from_string

            def restore_or_deserialize(self, data):
                if data is not serialized:
                    deserialize(self, data)
                    return
                # Normally put back already, right after the flush (pytest_runtest_teardown below).
                if not _DEMO_STATE["intact"]:
                    snapshot.restore(self.connection)
                _DEMO_STATE["intact"] = False  # this transactional test commits, and is flushed after

            creation.deserialize_db_from_string = restore_or_deserialize


# This worker's snapshots of its test database (_Snapshot): "demo" as django_db_setup built it, "translated" with
# the Swedish and English demo too (made by the first module that asks for it).
_SNAPSHOTS: dict[str, _Snapshot] = {}
# Whether the test database holds the demo as built (no transactional test has flushed it since).
_DEMO_STATE: dict = {"intact": True, "blocker": None}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's flush, the demo goes back at once rather than when the next transactional
    test starts (Django's serialized_rollback): under pytest-xdist a worker's tests are not ordered with the
    transactional ones last, and a test after a flush would find an empty database."""
    result = yield
    if not _DEMO_STATE["intact"] and nextitem is not None and "demo" in _SNAPSHOTS:
        from django.db import connections

        with _DEMO_STATE["blocker"].unblock():
            _SNAPSHOTS["demo"].restore(connections["default"])
        _DEMO_STATE["intact"] = True
    return result


@pytest.fixture
def demo_site(db):
    """The whole Finnish demo site, as `make run` builds it. Returns its HomePage."""
    from valoa.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        _build_demo_site()
        home = HomePage.objects.get()
    return home


def _translate_demo() -> None:
    """The Swedish and English demo, built by the demo's own loader (valoa/demo/translations.py: wagtail-localize
    from the PO catalogues), every object translated."""
    from valoa.demo.translations import translate

    results = translate()
    assert all(result.translated for result in results)


def _translated_committed(connection) -> None:
    """The Swedish and English demo committed to the test database: from this worker's snapshot when one was
    made, else built (in a transaction of its own) and kept as that snapshot where snapshots work."""
    from django.db import transaction

    if "translated" in _SNAPSHOTS:
        _SNAPSHOTS["translated"].restore(connection)
        return
    with transaction.atomic():
        _translate_demo()
    if "demo" in _SNAPSHOTS:
        _SNAPSHOTS["translated"] = _Snapshot(connection)


@pytest.fixture(scope="module")
def translated_once(django_db_setup, django_db_blocker):
    """The Swedish and English demo for a whole module, and the Finnish demo alone again after its last test.
    Building them takes most of a minute: a module whose every test reads them overrides `translated` with
    this (a module with other tests keeps the per-test fixture below, so that those tests see the Finnish
    demo alone). They are built once per worker and kept as a snapshot that the next such module restores
    in a moment; where snapshots are not supported, in a transaction around the module's tests (each test's
    own transaction a savepoint inside it), rolled back after the last one."""
    from django.db import connections, transaction

    demo = _SNAPSHOTS.get("demo")
    with django_db_blocker.unblock():
        if demo is None:
            with transaction.atomic():
                _translate_demo()
                yield
                transaction.set_rollback(True)
            return
        connection = connections["default"]
        _translated_committed(connection)
        try:
            yield
        finally:
            demo.restore(connection)


@pytest.fixture
def translated_committed(demo_site):
    """For a transactional test (live_server): the Swedish and English demo committed to the test database (the
    flush after the test takes them away again). Returns the Finnish HomePage."""
    from django.db import connections

    _translated_committed(connections["default"])
    return demo_site


@pytest.fixture
def translated(demo_site):
    """The demo site in Swedish and English too, in the test's transaction. Returns the Finnish HomePage."""
    _translate_demo()
    return demo_site
