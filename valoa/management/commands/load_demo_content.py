"""Build the demo site in code: Finnish, then its Swedish and English translations from the demo catalogues.

Idempotent: a second run adds only what is missing."""

import importlib
import os
import secrets

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from valoa.demo import translations
from valoa.demo.context import DemoContext
from valoa.demo.site import build_content_pages, build_home, build_settings, build_taxonomy
from valoa.demo.tree import without_redirects


class Command(BaseCommand):
    help = "Rakentaa suomenkielisen esimerkkisivuston ja ylläpitäjän tunnuksen (ajettavissa uudelleen)."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Älä luo ylläpitäjän tunnusta.")
        parser.add_argument(
            "--no-translations",
            action="store_true",
            help="Rakenna vain suomenkielinen sivusto (ei ruotsin- ja englanninkielisiä käännöksiä).",
        )

    def handle(self, *args, **options):
        with transaction.atomic(), without_redirects():
            phases, themes = build_taxonomy()
            home = build_home()
            content_pages = build_content_pages(home)
            demo = DemoContext(
                home=home,
                phases=phases,
                themes=themes,
                pages=dict(content_pages),
                log=lambda msg: self.stdout.write(msg),
            )
            # Each app that has a `demo` module with build(demo) adds its own part of the tree, in
            # INSTALLED_APPS order (toolkit before inspire before feedback), so valoa imports no app.
            for app_config in apps.get_app_configs():
                if app_config.name == "valoa":
                    continue
                try:
                    module = importlib.import_module(f"{app_config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{app_config.name}.demo":
                        raise
                    continue
                module.build(demo)
            build_settings(home, content_pages)
        if options["no_translations"] or not settings.DEMO_TRANSLATIONS:
            self.stdout.write(self.style.SUCCESS("Esimerkkisivusto on valmis (vain suomeksi)."))
            if not options["no_admin"]:
                self.ensure_admin()
            return
        with transaction.atomic():
            # The Swedish and English versions, from the demo's PO catalogues (valoa/demo/translations.py).
            translations.translate(log=lambda msg: self.stdout.write(msg))
        self.stdout.write(self.style.SUCCESS("Esimerkkisivusto on valmis."))
        if not options["no_admin"]:
            self.ensure_admin()

    def ensure_admin(self):
        User = get_user_model()
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Ylläpitäjä '{username}' on jo olemassa. Salasanan voi vaihtaa: "
                f"python manage.py changepassword {username}"
            )
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=username,
            email=os.environ.get("DJANGO_SUPERUSER_EMAIL", ""),
            password=password,
            first_name="Ylläpitäjä",
        )
        self.stdout.write(self.style.SUCCESS(f"Ylläpitäjän tunnus luotu: {username}"))
        if generated:
            self.stdout.write(f"Salasana (näytetään vain nyt): {password}")
