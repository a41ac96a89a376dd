"""The benchmark's scenarios as data: each app lists its own in `<app>/bench.py` as SCENARIOS."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps


@dataclass(frozen=True)
class Scenario:
    """One measured request. `url` builds the path from the generated content (runs in the bench process).

    `body` (for POST) is a callable returning (body bytes, extra headers) for the given context, e.g. a
    form with a CSRF token fetched first; `cacheable` says whether the page cache may serve it (it is then
    measured a second time with the cache on).
    """

    name: str
    url: Callable[[Any], str]
    method: str = "GET"
    body: Callable[[Any], tuple[bytes, dict[str, str]]] | None = None
    cacheable: bool = True


CORE_SCENARIOS = [
    Scenario("Etusivu", lambda ctx: "/"),
    Scenario("Sisältösivu", lambda ctx: "/tietoa/"),
    Scenario("Haku", lambda ctx: "/haku/?q=palaute", cacheable=False),
]


def app_modules(name: str = "bench"):
    """Each installed project app's `<app>.bench` module, in INSTALLED_APPS order."""
    for app_config in apps.get_app_configs():
        try:
            yield importlib.import_module(f"{app_config.name}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app_config.name}.{name}":
                raise


def all_scenarios() -> list[Scenario]:
    scenarios = list(CORE_SCENARIOS)
    for module in app_modules():
        scenarios.extend(getattr(module, "SCENARIOS", []))
    return scenarios
