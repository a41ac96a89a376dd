from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from valoa.models import HomePage, Phase, Theme


@dataclass
class BenchContext:
    """What each app's bench generator gets; `pages`/`objects` pass things on to later apps."""

    home: HomePage
    phases: list[Phase]
    themes: list[Theme]
    rng: random.Random
    objects: dict[str, Any] = field(default_factory=dict)
    log: Any = print
