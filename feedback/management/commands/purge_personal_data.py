"""Retention job: run daily (cron, systemd timer). Defaults follow the privacy notice; see docs/feedback.md."""

from django.core.management.base import BaseCommand

from feedback.retention import purge_personal_data, retention_setting


class Command(BaseCommand):
    help = "Poistaa hylätyt ja roskapostiviestit sekä palautteiden henkilötiedot säilytysajan jälkeen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete-after-days",
            type=int,
            default=None,
            help="Hylätyt ja roskaposti poistetaan näin monen päivän kuluttua käsittelystä "
            f"(oletus {retention_setting('DELETE_REJECTED_AFTER_DAYS')}).",
        )
        parser.add_argument(
            "--erase-after-days",
            type=int,
            default=None,
            help="Nimi, sähköposti ja tekninen tunniste poistetaan näin monen päivän kuluttua käsittelystä "
            f"(oletus {retention_setting('ERASE_PERSONAL_DATA_AFTER_DAYS')}).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Vain laske, älä poista mitään.")

    def handle(self, *args, delete_after_days, erase_after_days, dry_run, **options):
        result = purge_personal_data(
            delete_after_days=delete_after_days, erase_after_days=erase_after_days, dry_run=dry_run
        )
        prefix = "[kuivaharjoitus] " if dry_run else ""
        self.stdout.write(
            f"{prefix}Poistettu viestejä: {result.deleted}. Henkilötiedot poistettu viesteistä: {result.erased}."
        )
