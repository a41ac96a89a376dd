import contextlib
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# Not under test-results/: pytest-playwright empties that folder at the start of every run.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


FINITE_ANIMATIONS_DONE = """() => document.getAnimations().every(
    (a) => a.playState !== "running" || a.effect.getComputedTiming().iterations === Infinity)"""


class PageChecker:
    """Collects Content-Security-Policy and script errors from the browser while a test runs."""

    def __init__(self, page):
        self.page = page
        self.csp_errors: list[str] = []
        self.js_errors: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.js_errors.append(str(error)))

    def _on_console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.csp_errors.append(message.text)

    def assert_accessible(self, label: str = ""):
        # A message that fades in (Wagtail's admin messages) measured mid-animation has a lighter background than
        # it ends with, and axe reports a contrast that no reader sees: let finite animations end first.
        # Still running after 5 s: axe checks the page as it is.
        with contextlib.suppress(PlaywrightTimeoutError):
            self.page.wait_for_function(FINITE_ANIMATIONS_DONE, timeout=5000)
        results = Axe().run(self.page, options=WCAG_21_AA)
        assert results.violations_count == 0, f"{label or self.page.url}\n{results.generate_report()}"

    def assert_clean_console(self):
        assert self.csp_errors == [], self.csp_errors
        assert self.js_errors == [], self.js_errors

    def screenshot(self, name: str, width: int):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


@pytest.fixture
def checker(page):
    return PageChecker(page)


class _AsgiServer:
    """uvicorn serving valoa.asgi (pages and the live channel) in a thread of the test process."""

    def __init__(self):
        import socket
        import threading

        import uvicorn

        from valoa.asgi import application

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        config = uvicorn.Config(
            application,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="off",
            ws="websockets",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="asgi-live-server", daemon=True)
        self.thread.start()
        import time

        for _ in range(200):
            if self.server.started:
                break
            time.sleep(0.05)
        else:
            raise RuntimeError("uvicorn did not start")
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def _asgi_server():
    server = _AsgiServer()
    yield server
    server.stop()


@pytest.fixture
def asgi_live_server(live_server, _asgi_server):
    """Like live_server (transactional, the demo restored after each test), but served by the ASGI application
    with the live channel (valoa/asgi.py; the in-process layer of the test settings), as `make run` serves it.
    Several browser contexts opened on it are the screens of one meeting."""
    return _asgi_server


@pytest.fixture(autouse=True)
def _usage_beacon_answered_in_the_browser(request):
    """A tool page's cookie-less usage beacon (static/js/usage-beacon.js) is answered by the browser itself in the
    browser tests: sent as the page loads, it could reach the server after its test had ended, and its count's
    INSERT then deadlocked with live_server's flush of the database (seen once in CI). The beacon's own
    behaviour is tested through the test client (tests/feedback/test_usage.py)."""
    if "context" in request.fixturenames:
        import re

        context = request.getfixturevalue("context")
        # The beacon (/kaytto/, /sv/kaytto/, /en/kaytto/), never the admin's Käyttö view (/admin/kaytto/).
        beacon = re.compile(r"^https?://[^/]+(/(sv|en))?/kaytto/$")
        context.route(beacon, lambda route: route.fulfill(status=204, body=""))
    yield
