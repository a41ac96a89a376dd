"""The Swedish and English catalogues: complete, consistent and current with the code.

The msgids are the Finnish of the templates and the Python code; locale/sv and locale/en translate every one of
them (docs/languages-glossary.md). A visitor who picks svenska or English must never meet a Finnish string
because a translation is missing, fuzzy (gettext ignores those), has a broken placeholder, or was never added
after the code changed. `make messages` is the one command that updates and compiles them.
"""

import ast
import gettext
import os
import re
import shlex
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

ROOT = Path(settings.BASE_DIR)
LANGUAGES = ["sv", "en"]
DOMAINS = ["django", "djangojs"]
# A python-format conversion (%(name)s, %d, %.1f …) or an escaped percent sign.
PLACEHOLDER = re.compile(r"%(?:%|(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdifr])")


def po_entries(path: Path) -> list[dict]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr (a list: one, or one per plural form) and
    flags. The header (empty msgid) comes first, under msgid ""."""
    entries, current, key = [], {}, None

    def close():
        if "msgid" in current:
            strs = [current[k] for k in sorted(current) if k.startswith("msgstr")]
            entries.append({**current, "msgstr": strs, "flags": current.get("flags", set())})

    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            close()
            current, key = {}, None
        elif line.startswith("#,"):
            current.setdefault("flags", set()).update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#~"):
            current["obsolete"] = True
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[key] += ast.literal_eval(line)
        else:
            key, _space, value = line.partition(" ")
            current[key] = ast.literal_eval(value)
    return entries


def messages(path: Path) -> list[dict]:
    return [entry for entry in po_entries(path) if entry["msgid"]]


def catalogue(language: str, domain: str) -> Path:
    return ROOT / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


def existing_catalogues() -> list[tuple[str, str]]:
    return [(lang, domain) for lang in LANGUAGES for domain in DOMAINS if catalogue(lang, domain).exists()]


def test_swedish_and_english_django_catalogues_exist_and_are_not_small():
    for language in LANGUAGES:
        assert len(messages(catalogue(language, "django"))) > 700, language


@pytest.mark.parametrize(("language", "domain"), existing_catalogues())
def test_every_message_is_translated_and_none_is_fuzzy(language, domain):
    header, *entries = po_entries(catalogue(language, domain))
    assert header["msgid"] == ""
    assert f"Language: {language}\n" in header["msgstr"][0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header["msgstr"][0]
    assert "fuzzy" not in header["flags"]
    untranslated = [e["msgid"] for e in entries if not all(s.strip() for s in e["msgstr"])]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    obsolete = [e["msgid"] for e in entries if e.get("obsolete")]
    wrong_forms = [e["msgid"] for e in entries if len(e["msgstr"]) != (2 if "msgid_plural" in e else 1)]
    assert (untranslated, fuzzy, obsolete, wrong_forms) == ([], [], [], [])


@pytest.mark.parametrize(("language", "domain"), existing_catalogues())
def test_placeholders_match_the_finnish(language, domain):
    """%(name)s, %d and %% are the same in the translation as in the msgid: a missing or misspelled one would
    raise KeyError (a 500) or show the raw placeholder to the reader."""
    wrong = []
    for entry in messages(catalogue(language, domain)):
        sources = [entry["msgid"], entry["msgid_plural"]] if "msgid_plural" in entry else [entry["msgid"]]
        for source, translated in zip(sources, entry["msgstr"], strict=True):
            if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(translated)):
                wrong.append((source, translated))
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translation_memory_is_as_sound_as_the_catalogues(language):
    """locale-memory/<lang>.po (strings translated ahead, valoa/management/commands/makemessages.py) lands in the
    catalogue unchecked by a person, so it must already be complete, unfuzzy and right in its placeholders."""
    path = ROOT / "locale-memory" / f"{language}.po"
    header, *entries = po_entries(path)
    assert f"Language: {language}\n" in header["msgstr"][0]
    for entry in entries:
        assert "fuzzy" not in entry["flags"] and all(s.strip() for s in entry["msgstr"]), entry["msgid"]
        sources = [entry["msgid"], entry["msgid_plural"]] if "msgid_plural" in entry else [entry["msgid"]]
        assert len(entry["msgstr"]) == len(sources), entry["msgid"]
        for source, translated in zip(sources, entry["msgstr"], strict=True):
            assert Counter(PLACEHOLDER.findall(source)) == Counter(PLACEHOLDER.findall(translated)), source


def test_makemessages_fills_a_new_msgid_from_the_translation_memory(tmp_path, settings):
    """A string another branch adds arrives translated: the project's makemessages passes the memory to msgmerge."""
    plain = [
        e for e in messages(ROOT / "locale-memory" / "sv.po") if not re.search(r"[%\"'\n\\]", e["msgid"])
    ]
    memory = next(e for e in plain if "msgid_plural" not in e)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "new.html").write_text(
        '{% load i18n %}{% translate "' + memory["msgid"] + '" %}', encoding="utf-8"
    )
    catalogues = tmp_path / "locale" / "sv" / "LC_MESSAGES"
    catalogues.mkdir(parents=True)
    (catalogues / "django.po").write_text(
        catalogue("sv", "django").read_text(encoding="utf-8"), encoding="utf-8"
    )
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    cwd = Path.cwd()
    try:
        os.chdir(tmp_path)
        call_command("makemessages", locale=["sv"], domain="django", no_obsolete=True, verbosity=0)
    finally:
        os.chdir(cwd)
    [entry] = messages(catalogues / "django.po")
    assert (entry["msgid"], entry["msgstr"]) == (memory["msgid"], memory["msgstr"])
    assert "fuzzy" not in entry["flags"]


def test_a_finnish_count_form_without_its_number_is_matched_by_the_translation():
    """gettext picks plural form 0 for n == 1 in all three languages, so a form-0 msgid that leaves the number out
    ("Tarinaluonnos tehty.") must be matched, and a plural form must not lose the number either."""
    for language in LANGUAGES:
        for entry in messages(catalogue(language, "django")):
            if "msgid_plural" in entry:
                plural = set(PLACEHOLDER.findall(entry["msgid_plural"]))
                assert plural <= set(PLACEHOLDER.findall(entry["msgstr"][1])), entry["msgid"]


@pytest.mark.parametrize(("language", "domain"), existing_catalogues())
def test_compiled_catalogues_are_current(language, domain):
    """The .mo files are committed (CI needs no gettext): each must say what its .po says."""
    with catalogue(language, domain).with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    assert compiled.info()["language"] == language
    for entry in messages(catalogue(language, domain)):
        msgid, strs = entry["msgid"], entry["msgstr"]
        if "msgid_plural" in entry:
            assert [compiled.ngettext(msgid, entry["msgid_plural"], n) for n in (1, 2)] == strs, msgid
        elif "msgctxt" in entry:
            assert compiled.pgettext(entry["msgctxt"], msgid) == strs[0], msgid
        else:
            assert compiled.gettext(msgid) == strs[0], msgid


def makemessages_options() -> list[str]:
    """The Makefile's MAKEMESSAGES options (`make messages`), so that this test checks what the target does."""
    text = (ROOT / "Makefile").read_text().replace("\\\n", " ")
    line = re.search(r"^MAKEMESSAGES\s*=\s*\$\(MANAGE\)\s+makemessages\s+(.*)$", text, re.MULTILINE)
    assert line, "Makefile: MAKEMESSAGES = $(MANAGE) makemessages …"
    return shlex.split(line.group(1))


def keys(path: Path) -> set[tuple]:
    if not path.exists():
        return set()
    return {(e.get("msgctxt"), e["msgid"], e.get("msgid_plural")) for e in messages(path)}


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    """What `make messages` would extract from the code now, written into a scratch copy of the tree (links to
    the project's folders and a locale/ of its own), so the test never touches the committed catalogues."""
    options = makemessages_options()
    ignored = {option.split("=", 1)[1] for option in options if option.startswith("--ignore=")}
    scratch = tmp_path_factory.mktemp("makemessages")
    for child in ROOT.iterdir():
        if child.name in ignored or child.name in {"locale", ".git"}:
            continue
        (scratch / child.name).symlink_to(child)
    (scratch / "locale").mkdir()
    locales = [options[i + 1] for i, option in enumerate(options) if option == "-l"]
    assert sorted(locales) == sorted(LANGUAGES)
    cwd = Path.cwd()
    try:
        os.chdir(scratch)
        with override_settings(LOCALE_PATHS=[scratch / "locale"]):
            for domain in DOMAINS:
                call_command(
                    "makemessages",
                    locale=locales,
                    domain=domain,
                    ignore_patterns=sorted(ignored),
                    symlinks=True,
                    no_obsolete=True,
                    verbosity=0,
                )
    finally:
        os.chdir(cwd)
    return scratch / "locale"


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_current_with_the_code(fresh_catalogues, language, domain):
    """`make messages` would neither add nor remove a msgid: every string of the code is in the catalogue."""
    extracted = keys(fresh_catalogues / language / "LC_MESSAGES" / f"{domain}.po")
    committed = keys(catalogue(language, domain))
    if domain == "django":
        assert extracted
    missing, stale = extracted - committed, committed - extracted
    assert (missing, stale) == (set(), set()), "run `make messages` and translate what it added"


@pytest.mark.parametrize(
    ("language", "msgid", "expected"),
    [
        ("sv", "Siirry pääsisältöön", "Gå till huvudinnehållet"),
        ("en", "Siirry pääsisältöön", "Skip to main content"),
        ("sv", "Tiimin salainen linkki", "Teamets hemliga länk"),
        ("en", "Tiimin salainen linkki", "Team's secret link"),
        ("fi", "Tiimin salainen linkki", "Tiimin salainen linkki"),
    ],
)
def test_the_running_site_reads_the_catalogues(language, msgid, expected):
    """Django finds the catalogues through LOCALE_PATHS: the compiled files are the ones in use."""
    with translation.override(language):
        assert translation.gettext(msgid) == expected


@pytest.mark.parametrize(("language", "expected"), [("sv", "Sparar…"), ("en", "Saving…")])
def test_the_javascript_catalogue_speaks_the_language(rf, language, expected):
    """The autosave status the scripts show comes from Django's JavaScript catalogue (static/js/autosave.js)."""
    from django.views.i18n import JavaScriptCatalog

    with translation.override(language):
        response = JavaScriptCatalog.as_view()(rf.get("/jsi18n/"))
    body = response.content.decode()
    assert '"Tallennetaan\\u2026": "' + expected.replace("…", "\\u2026") + '"' in body
