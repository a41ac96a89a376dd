"""Empty the front cache of every site (a release whose templates changed; docs/deploy.md)."""

from django.core.management.base import BaseCommand, CommandError

from valoa.caching import frontend_cache


class Command(BaseCommand):
    help = "Tyhjentää etuvälimuistin (Varnish) kaikilta sivustoilta: julkaisu, jossa sivupohjat muuttuivat."

    def handle(self, *args, **options):
        if not frontend_cache.enabled():
            raise CommandError("FRONTEND_CACHE_URL puuttuu: ei etuvälimuistia tyhjennettäväksi.")
        _urls, prefixes = frontend_cache.resolve([frontend_cache.EVERYTHING])
        frontend_cache.send(set(), prefixes)
        self.stdout.write(self.style.SUCCESS(f"Tyhjennetty: {', '.join(sorted(prefixes))}"))
