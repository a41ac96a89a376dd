"""Remove a user's two-factor devices (lost phone, no recovery codes left): they enrol again at next sign-in."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from valoa.security.two_factor import two_factor_reset


class Command(BaseCommand):
    help = "Poistaa käyttäjän kaksivaiheisen tunnistautumisen laitteet ja varakoodit."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as exc:
            raise CommandError(f"Käyttäjää {username} ei ole.") from exc
        removed = two_factor_reset(user=user)
        self.stdout.write(
            f"Poistettu {removed} tunnistautumisen laitetta tai koodia: {username} ottaa sen käyttöön uudelleen."
        )
