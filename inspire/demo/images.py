"""Hero images for the demo stories, drawn in code with Pillow in the site's palette.

Each image is made once: a second demo run finds it by title and reuses it.
"""

from __future__ import annotations

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

BLUE, YELLOW, INK, WHITE, SOFT = "#00558c", "#ffd24d", "#1c2333", "#ffffff", "#cfe3f1"
SIZE = (1200, 675)


def _table(draw: ImageDraw.ImageDraw, rnd: random.Random) -> None:
    cx, cy, r = 600, 338, 150
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=YELLOW)
    for i in range(8):
        angle = i * math.pi / 4 + rnd.uniform(-0.1, 0.1)
        x, y = cx + 250 * math.cos(angle), cy + 250 * math.sin(angle)
        draw.ellipse((x - 45, y - 45, x + 45, y + 45), fill=BLUE if i % 3 else WHITE)


def _steps(draw: ImageDraw.ImageDraw, rnd: random.Random) -> None:
    for i in range(5):
        x0, height = 150 + i * 180, 90 + i * 90
        draw.rectangle((x0, 600 - height, x0 + 170, 600), fill=BLUE if i % 2 else SOFT)
    draw.ellipse((1000, 90, 1100, 190), fill=YELLOW)


def _bubbles(draw: ImageDraw.ImageDraw, rnd: random.Random) -> None:
    draw.rounded_rectangle((140, 120, 640, 360), radius=60, fill=BLUE)
    draw.polygon([(260, 350), (330, 350), (220, 450)], fill=BLUE)
    draw.rounded_rectangle((560, 320, 1060, 560), radius=60, fill=YELLOW)
    draw.polygon([(900, 550), (970, 550), (1010, 640)], fill=YELLOW)


def _path(draw: ImageDraw.ImageDraw, rnd: random.Random) -> None:
    for i in range(24):
        t = i / 23
        x = 80 + t * 1040
        y = 338 + 170 * math.sin(t * math.pi * 2 + rnd.uniform(0, 0.3))
        r = 14 + 10 * t
        draw.ellipse((x - r, y - r, x + r, y + r), fill=YELLOW)
    draw.ellipse((1060, 260, 1180, 380), outline=WHITE, width=10)


def _sprout(draw: ImageDraw.ImageDraw, rnd: random.Random) -> None:
    draw.rectangle((0, 520, 1200, 675), fill=BLUE)
    draw.line((600, 520, 600, 250), fill=YELLOW, width=18)
    draw.ellipse((600, 220, 820, 330), fill=YELLOW)
    draw.ellipse((380, 300, 600, 410), fill=YELLOW)
    draw.ellipse((560, 150, 640, 230), fill=WHITE)


def _grid(draw: ImageDraw.ImageDraw, rnd: random.Random) -> None:
    highlighted = set(rnd.sample(range(24), 3))
    for i in range(24):
        col, row = i % 6, i // 6
        x, y = 150 + col * 155, 60 + row * 145
        draw.rounded_rectangle((x, y, x + 125, y + 120), radius=14, fill=YELLOW if i in highlighted else BLUE)


MOTIFS = {
    "table": _table,
    "steps": _steps,
    "bubbles": _bubbles,
    "path": _path,
    "sprout": _sprout,
    "grid": _grid,
}


def draw_png(motif: str, seed: str) -> bytes:
    rnd = random.Random(seed)  # noqa: S311 - deterministic drawing, not security
    image = PILImage.new("RGB", SIZE, INK)
    MOTIFS[motif](ImageDraw.Draw(image), rnd)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def ensure_image(*, title: str, motif: str, alt: str, slug: str):
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    image = Image(title=title, description=alt)
    image.file = ImageFile(io.BytesIO(draw_png(motif, slug)), name=f"innostu-{slug}.png")
    image.save()
    return image
