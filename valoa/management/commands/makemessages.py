"""Django's makemessages, plus VALOA's translation memory (docs/languages-glossary.md).

When makemessages merges a catalogue, msgmerge gets compendia: locale-memory/<lang>.po (translations written
ahead for strings that other branches are adding) and the language's other catalogue (a JavaScript message
that the templates already have). A new msgid found there exactly is translated at once; a translation already
in the catalogue always wins. Subclassing the command is Django's documented way to change its gettext options.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.commands import makemessages


def memory_file(locale: str) -> Path:
    return Path(settings.BASE_DIR) / "locale-memory" / f"{locale}.po"


class Command(makemessages.Command):
    def write_po_file(self, potfile, locale):
        memory = memory_file(locale)
        catalogues = Path(potfile).parent / locale / "LC_MESSAGES"
        pofile = catalogues / f"{self.domain}.po"
        compendia = [memory, *(po for po in sorted(catalogues.glob("*.po")) if po != pofile)]
        options = [f"--compendium={path}" for path in compendia if path.exists()]
        self.msgmerge_options = [*makemessages.Command.msgmerge_options, *options]
        if memory.exists() and not pofile.exists():
            # A catalogue's first run: start from the memory's header, so that msgmerge (and its compendia)
            # fill it rather than a plain copy of the template.
            catalogues.mkdir(parents=True, exist_ok=True)
            header = memory.read_text(encoding="utf-8").split("\n\n", 1)[0]
            lines = [line for line in header.splitlines() if not line.startswith("#")]
            pofile.write_text("\n".join(lines) + "\n", encoding="utf-8")
        super().write_po_file(potfile, locale)
