"""Retention job: delete team spaces nobody has used for TEAM_SPACE_RETENTION_MONTHS (default 24).

Run it daily from cron or a systemd timer: `manage.py purge_inactive_team_spaces`.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from toolkit.team import services


class Command(BaseCommand):
    help = (
        "Poistaa tiimien työtilat, joita ei ole käytetty säilytysaikana (oletus TEAM_SPACE_RETENTION_MONTHS)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help=f"Säilytysaika kuukausina (oletus {settings.TEAM_SPACE_RETENTION_MONTHS}).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Näytä vain, montako poistettaisiin.")

    def handle(self, *args, months=None, dry_run=False, **options):
        if months is not None and months < 1:
            raise CommandError("--months must be at least 1.")
        months = settings.TEAM_SPACE_RETENTION_MONTHS if months is None else months
        if dry_run:
            count = services.team_spaces_inactive(months=months).count()
            self.stdout.write(
                f"{count} inactive team space(s) would be deleted (unused for {months} months)."
            )
            return
        count = services.team_spaces_purge_inactive(months=months)
        self.stdout.write(f"Deleted {count} inactive team space(s) (unused for {months} months).")
