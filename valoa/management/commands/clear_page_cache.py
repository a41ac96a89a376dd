"""Make every cached page stale (run on each deploy: templates may have changed)."""

from django.core.management.base import BaseCommand

from valoa.page_cache import bump_generation


class Command(BaseCommand):
    help = "Vanhentaa kaikki välimuistiin tallennetut sivut (aja jokaisen julkaisun yhteydessä)."

    def handle(self, *args, **options):
        bump_generation()
        self.stdout.write("Sivuvälimuisti tyhjennetty.")
