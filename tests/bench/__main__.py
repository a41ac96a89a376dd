"""`python -m tests.bench <command> [options]`: the benchmark's commands (docs/performance.md).

They are Django management commands in form (arguments, output, CommandError), run here after
`django.setup()` instead of through manage.py: the benchmark stays out of the installed apps, so the
product neither ships nor imports it. DJANGO_SETTINGS_MODULE picks the settings (the Makefile's BENCH_ENV
sets production ones).
"""

import importlib
import os
import sys

COMMANDS = {
    "run": "Suorituskykytesti: suuri sisältö, gunicorn tuotantoasetuksin ja wrk (`make bench`).",
    "generate": "Luo suorituskykytestin suuren sisältöjoukon nykyiseen tietokantaan.",
    "page_cpu": "Palvelimen prosessoriaika ja SQL-kyselyt sivutyypeittäin ilman välimuistia.",
    "live": "Live-kanava: 100 palaveria × 8 näyttöä, viiveet, muisti, uudelleenkäynnistys (`make bench-live`).",
    "explain": "PostgreSQL:n työ sivutyypeittäin: kyselyiden suunnitelmat ja kestot (EXPLAIN ANALYZE).",
    "profile": "Mihin sivutyypin prosessoriaika kuluu: mallipohjat, SQL, sivuston kehys (cProfile).",
    "scale_check": "Kaksi sovelluspalvelinta jakaa PostgreSQL:n, Redisin ja mediatiedostot (`make scale-check`).",
}


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[1] not in COMMANDS:
        lines = [f"  {name:<12} {text}" for name, text in COMMANDS.items()]
        sys.stderr.write("Käyttö: python -m tests.bench <komento> [valinnat]\n\n" + "\n".join(lines) + "\n")
        sys.exit(2)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valoa.settings.dev")
    import django

    django.setup()
    command = importlib.import_module(f"tests.bench.commands.{argv[1]}").Command()
    # run_from_argv parses argv[2:] and turns a CommandError into a message and exit status 1, as manage.py does.
    command.run_from_argv(["python -m tests.bench", *argv[1:]])


if __name__ == "__main__":
    main(sys.argv)
