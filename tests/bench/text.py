"""Plausible Finnish filler for generated content, deterministic for a given random generator."""

from __future__ import annotations

import random
import uuid

SUBJECTS = [
    "Tiimi",
    "Esihenkilö",
    "Asiantuntijaryhmä",
    "Neuvontatiimi",
    "Kehittäjäverkosto",
    "Johtoryhmä",
    "Hanketiimi",
    "Palveluyksikkö",
]
VERBS = [
    "kokeili",
    "sopi",
    "pohti yhdessä",
    "arvioi",
    "kuvasi",
    "jakoi kokemuksensa",
    "suunnitteli",
    "muutti",
]
OBJECTS = [
    "palaverikäytäntöjä",
    "palautteen antamista",
    "työn jakamista",
    "perehdytystä",
    "asiakaspalautteen käsittelyä",
    "etätyön yhteisiä pelisääntöjä",
    "osaamisen jakamista",
    "päätöksentekoa",
    "viikkopalaverin rakennetta",
    "uuden työntekijän tukemista",
]
ENDINGS = [
    "kuukauden ajan.",
    "ja kirjasi havainnot työtilaan.",
    "ennen seuraavaa kehittämispäivää.",
    "ja huomasi, että pienikin muutos auttoi.",
    "yhdessä asiakkaiden kanssa.",
    "ja jakoi opit muille yksiköille.",
]
TITLE_HEADS = [
    "Näin",
    "Kokeilu:",
    "Oivallus:",
    "Tapaus:",
    "Miten",
    "Opimme:",
]
TOOL_NOUNS = [
    "Kuuntelupiiri",
    "Palautekävely",
    "Kokeilukortti",
    "Tilannekuvataulu",
    "Oppimiskeskustelu",
    "Onnistumisten jako",
    "Roolikartta",
    "Päätöspuu",
    "Viikon kysymys",
    "Pysähdyspalaveri",
]
TOOL_ADJECTIVES = ["Nopea", "Kevyt", "Yhteinen", "Avoin", "Pieni", "Rauhallinen", "Uusi", "Tiivis"]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ENDINGS)}"


def paragraph_text(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def story_title(rng: random.Random, i: int) -> str:
    head = rng.choice(TITLE_HEADS)
    return f"{head} {rng.choice(SUBJECTS).lower()} {rng.choice(VERBS)} {rng.choice(OBJECTS)} ({i})"


def tool_title(rng: random.Random, i: int) -> str:
    return f"{rng.choice(TOOL_ADJECTIVES)} {rng.choice(TOOL_NOUNS).lower()} {i}"


def body(rng: random.Random, sections: int = 3) -> list[dict]:
    """A BodyStreamBlock value of headings and paragraphs, as Wagtail stores it."""
    blocks = []
    for _ in range(sections):
        blocks.append({"type": "heading", "value": {"text": rng.choice(OBJECTS).capitalize(), "level": "h2"}})
        blocks.append(
            {"type": "paragraph", "value": f"<p>{paragraph_text(rng)}</p><p>{paragraph_text(rng, 3)}</p>"}
        )
    for block in blocks:
        block["id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    return blocks
