"""Write the demo's PO skeletons (<app>/demo/translations/{sv,en}.po) from the Finnish demo content."""

from django.core.management.base import BaseCommand

from valoa.demo.translations import TARGET_LANGUAGES, export


class Command(BaseCommand):
    help = (
        "Kirjoittaa esimerkkisisällön käännöspohjat (<app>/demo/translations/{sv,en}.po) suomenkielisestä "
        "esimerkkisivustosta. Käännökset säilyvät; uudet tekstit tulevat kääntämättöminä."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", choices=TARGET_LANGUAGES, help="Vain tämä kieli.")

    def handle(self, *args, **options):
        for result in export(options["language"] or TARGET_LANGUAGES):
            self.stdout.write(
                f"{result.path}: {result.total} tekstiä, {result.added} uutta, {result.obsolete} vanhentunutta"
            )
