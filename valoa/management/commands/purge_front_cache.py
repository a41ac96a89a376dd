"""Empty the front cache of every site, and forget what the app keeps rendered (a release whose templates changed;
docs/deploy.md)."""

from django.core.management.base import BaseCommand

from valoa.caching import frontend_cache
from valoa.pages import chrome


class Command(BaseCommand):
    help = (
        "Tyhjentää etuvälimuistin (Varnish) kaikilta sivustoilta ja unohtaa sovelluksen tallentamat sivuosat: "
        "julkaisu, jossa sivupohjat muuttuivat."
    )

    def handle(self, *args, **options):
        # The site chrome's generation names the cards, the switchers and the teams' shared pages too
        # (valoa/pages/fragments.py, toolkit/team/page_cache.py): forgetting it forgets them all.
        chrome.forget()
        self.stdout.write(self.style.SUCCESS("Sovelluksen sivuosat unohdettu."))
        if not frontend_cache.enabled():
            self.stdout.write("FRONTEND_CACHE_URL puuttuu: ei etuvälimuistia tyhjennettäväksi.")
            return
        _urls, prefixes = frontend_cache.resolve([frontend_cache.EVERYTHING])
        frontend_cache.send(set(), prefixes)
        self.stdout.write(self.style.SUCCESS(f"Tyhjennetty: {', '.join(sorted(prefixes))}"))
