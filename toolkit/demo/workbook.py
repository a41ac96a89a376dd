"""The VALOA workbook's demo questions: three parts, written in Finnish for this project.

The keys are the questions' stable identities: teams' answers attach to them, not to the wording.
"""

from __future__ import annotations

from toolkit.models import WorkbookPage
from valoa.demo.tree import with_block_ids


def _open(key: str, question: str, help_text: str = "") -> dict:
    return {"type": "open", "value": {"key": key, "question": question, "help_text": help_text}}


def _list(key: str, question: str, help_text: str = "") -> dict:
    return {"type": "list", "value": {"key": key, "question": question, "help_text": help_text}}


def _scale(key: str, question: str, low: str, high: str, steps: int = 5, help_text: str = "") -> dict:
    return {
        "type": "scale",
        "value": {
            "key": key,
            "question": question,
            "help_text": help_text,
            "minimum_label": low,
            "maximum_label": high,
            "steps": steps,
        },
    }


def _choice(key: str, question: str, choices: list[str], help_text: str = "") -> dict:
    return {
        "type": "choice",
        "value": {"key": key, "question": question, "help_text": help_text, "choices": choices},
    }


# Raw StreamField data (as stored in the database), so nested question streams need no block objects.
WORKBOOK_SECTIONS: list[dict] = [
    {
        "type": "section",
        "value": {
            "title": "Ilmiöhahmotus",
            "intro": "Pysähtykää katsomaan, mitä työssänne on viime viikkoina tapahtunut. "
            "Kirjatkaa havaintoja, ennen kuin etsitte syitä tai ratkaisuja.",
            "questions": [
                _list(
                    "ilmio-havainnot",
                    "Mitä työssämme on tapahtunut edellisen palaverin jälkeen?",
                    "Jokainen kertoo vuorollaan yhden havainnon. Kirjatkaa kaikki, myös pienet asiat.",
                ),
                _open(
                    "ilmio-toistuvat",
                    "Mitkä tilanteet toistuvat viikosta toiseen?",
                    "Miettikää esimerkiksi kiireen hetkiä, yhteistyön kohtia ja asioita, joihin palaatte palavereissa yhä uudelleen.",
                ),
                _open(
                    "ilmio-energia",
                    "Mikä on antanut tiimille energiaa, ja mikä on vienyt sitä?",
                ),
                _scale(
                    "ilmio-yhteinen-kuva",
                    "Kuinka yhteinen käsityksemme on siitä, mitä työssämme nyt tapahtuu?",
                    "Hyvin erilainen",
                    "Hyvin yhteinen",
                    help_text="Valitkaa yhdessä kohta, joka kuvaa tiimiä parhaiten. Erilaiset näkemykset kannattaa sanoa ääneen.",
                ),
            ],
        },
    },
    {
        "type": "section",
        "value": {
            "title": "Muutoshahmotus",
            "intro": "Katsokaa havaintojanne yhdessä: mihin suuntaan työ ja toimintaympäristö ovat menossa, "
            "ja mitä se vaatii tiimiltä?",
            "questions": [
                _open(
                    "muutos-suunta",
                    "Mihin suuntaan työmme on muuttumassa?",
                    "Ajatelkaa asiakkaita, tehtäviä, välineitä ja yhteistyökumppaneita.",
                ),
                _list(
                    "muutos-sailytettavat",
                    "Mitä haluamme säilyttää, vaikka muu muuttuu?",
                ),
                _choice(
                    "muutos-tarkein-alue",
                    "Mihin näistä haluamme kiinnittää huomiota ensin?",
                    [
                        "Palaverikäytännöt",
                        "Palautteen antaminen ja pyytäminen",
                        "Osaamisen jakaminen",
                        "Työn sujuvuus ja kuormitus",
                        "Yhteistyö muiden yksiköiden kanssa",
                    ],
                ),
                _scale(
                    "muutos-valmius",
                    "Kuinka valmiita olemme kokeilemaan uutta toimintatapaa?",
                    "Emme vielä",
                    "Täysin valmiita",
                ),
            ],
        },
    },
    {
        "type": "section",
        "value": {
            "title": "Kokeilujen suunnittelu",
            "intro": "Valitkaa yksi pieni kokeilu, joka mahtuu tavalliseen työviikkoon. "
            "Hyvä kokeilu on niin pieni, että sen voi aloittaa jo huomenna.",
            "questions": [
                _open(
                    "kokeilu-idea",
                    "Mitä kokeilemme?",
                    "Kuvatkaa kokeilu yhdellä tai kahdella lauseella niin, että myös poissa ollut ymmärtää sen.",
                ),
                _open(
                    "kokeilu-oletus",
                    "Mitä oletamme kokeilun muuttavan?",
                    "Täydentäkää lause: ”Jos teemme näin, uskomme, että…”",
                ),
                _choice(
                    "kokeilu-kesto",
                    "Kuinka kauan kokeilu kestää?",
                    ["Yhden viikon", "Kaksi viikkoa", "Kuukauden", "Seuraavaan kuukausipalaveriin"],
                ),
                _list(
                    "kokeilu-askeleet",
                    "Mitkä ovat ensimmäiset askeleet, ja kuka tiimistä vie niitä eteenpäin?",
                    "Kirjatkaa tehtävät ja vastuut rooleina, esimerkiksi ”palaverin vetäjä”.",
                ),
                _open(
                    "kokeilu-arviointi",
                    "Mistä huomaamme, onnistuiko kokeilu, ja milloin arvioimme sen?",
                ),
            ],
        },
    },
]


def workbook_sections():
    """The demo workbook as a value for WorkbookPage.sections, every block with its id (as the editor gives
    them): wagtail-localize finds a block's text by the ids of the blocks around it."""
    return WorkbookPage.sections.field.stream_block.to_python(with_block_ids(WORKBOOK_SECTIONS))
