"""Generate the benchmark's large content set into the current database (docs/performance.md)."""

import io
import random
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from tests.bench import swedish
from tests.bench.context import BenchContext
from tests.bench.scenarios import app_modules
from valoa.models import HomePage, Phase, Theme

MARKER_KEY = "valoa-bench-scale"
# Raise when the generator adds content, so that a bench database made by an older one is made anew.
CONTENT_VERSION = 5  # 2: assessment rounds with responses in the team spaces; 3: stories in one table;
# 4: the tools' step minutes add up to their duration; 5: Swedish copies of the measured pages (bench/swedish.py)


def site_marker(scale: float) -> str:
    """The default site's name in a generated database: which scale and generator made it."""
    return f"VALOA {MARKER_KEY}={scale:g} v{CONTENT_VERSION}"


class Command(BaseCommand):
    help = "Luo suorituskykytestin suuren sisältöjoukon (esim. 300 työkalua ja 5 000 tarinaa)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1.0 = täysi koko.")
        parser.add_argument("--seed", type=int, default=8)

    def handle(self, *args, scale, seed, **options):
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        # The scale generated is remembered on the default site's name: a second run reuses the content.
        if site is not None and site.site_name == site_marker(scale):
            self.stdout.write(f"Sisältö on jo luotu koossa {scale:g}; käytetään sitä.")
            return
        if HomePage.objects.first() is None:
            call_command("load_demo_content", "--no-admin", "--no-translations", stdout=io.StringIO())
        ctx = BenchContext(
            home=HomePage.objects.get(),
            phases=list(Phase.objects.all()),
            themes=list(Theme.objects.all()),
            rng=random.Random(seed),
            log=lambda msg: self.stdout.write(msg),
        )
        with transaction.atomic():
            for module in app_modules():
                generate = getattr(module, "generate", None)
                if generate is not None:
                    started = time.monotonic()
                    generate(ctx, scale)
                    self.stdout.write(f"  {module.__name__}: {time.monotonic() - started:.0f} s")
            swedish.translate(lambda msg: self.stdout.write(msg))
            site = Site.objects.get(is_default_site=True)
            site.site_name = site_marker(scale)
            site.save()
        self.stdout.write(self.style.SUCCESS(f"Suorituskykytestin sisältö luotu (koko {scale:g})."))
