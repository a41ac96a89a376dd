"""`make restore`: a backup into a new database and an empty media directory, after checking its checksums."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from valoa.operations.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Palauttaa varmuuskopion uuteen tietokantaan ja tyhjään mediahakemistoon."

    def add_arguments(self, parser):
        parser.add_argument("source", help="varmuuskopion hakemisto (manifest.json)")
        parser.add_argument(
            "--database-url", required=True, help="uusi tietokanta, esim. postgres://…/valoa_palautus"
        )
        parser.add_argument("--media-root", required=True, help="tyhjä hakemisto mediatiedostoille")

    def handle(self, *args, source, database_url, media_root, **options):
        try:
            manifest = backup_restore(
                source=Path(source), database_url=database_url, media_root=Path(media_root)
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Palautettu {manifest['created']} otettu varmuuskopio ({manifest['media_files']} mediatiedostoa). "
                "Käynnistä sovellus uudella DATABASE_URL- ja MEDIA_ROOT-arvolla."
            )
        )
