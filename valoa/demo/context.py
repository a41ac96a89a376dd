from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from valoa.models import HomePage, Phase, Theme


@dataclass
class DemoContext:
    """What each app's demo builder gets: the home page, the taxonomy, and a place to leave pages for others."""

    home: HomePage
    phases: dict[str, Phase]
    themes: dict[str, Theme]
    pages: dict[str, Any] = field(default_factory=dict)
    log: Any = print
