"""`make backup`: a consistent database dump plus the media files, with a checksummed manifest."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from valoa.operations.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Varmuuskopioi tietokannan (pg_dump -Fc) ja mediatiedostot hakemistoon, jossa on tarkistussummat."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", default=str(settings.VAR_DIR / "backups"), help="minne (oletus var/backups)"
        )

    def handle(self, *args, output, **options):
        try:
            target = backup_create(
                db=connections["default"].settings_dict,
                media_root=Path(settings.MEDIA_ROOT),
                output=Path(output),
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Varmuuskopio valmis: {target}"))
