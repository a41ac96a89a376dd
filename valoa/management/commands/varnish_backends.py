"""Write valoa-backends.vcl for deploy/varnish/default.vcl (docs/deploy.md, "Front cache")."""

from django.core.management.base import BaseCommand, CommandError

from valoa.caching.varnish import parse_backend, render_backends


class Command(BaseCommand):
    help = (
        "Tulostaa Varnishin valoa-backends.vcl-tiedoston: sovelluspalvelimet, terveystarkistus ja purge-ACL."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--backend", action="append", required=True, help="host:port, toistettavissa")
        parser.add_argument(
            "--purger", action="append", required=True, help="osoite tai verkko, toistettavissa"
        )
        parser.add_argument(
            "--probe-host", required=True, help="Host-otsake terveystarkistukseen (ALLOWED_HOSTS)"
        )
        parser.add_argument("--probe-interval", type=float, default=2.0)
        parser.add_argument(
            "--live-backend",
            action="append",
            default=[],
            help="host:port, toistettavissa: /live/-polun ASGI-palvelimet (oletus: samat kuin --backend)",
        )

    def handle(self, *args, backend, purger, probe_host, probe_interval, live_backend, **options):
        try:
            text = render_backends(
                backends=[parse_backend(value) for value in backend],
                live_backends=[parse_backend(value) for value in live_backend],
                purgers=purger,
                probe_host=probe_host,
                probe_interval=probe_interval,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(text, ending="")
