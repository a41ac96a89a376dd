"""The demo stories: fictional organisations, plausible Finnish stories written for this project."""

from __future__ import annotations

import datetime

ORGANISATIONS = [
    (
        "Rannikkokaupungin lupa- ja neuvontatiimi",
        "RLNT",
        "https://example.org/rlnk",
        ["Rannikon lupa- ja neuvontakeskus"],
    ),
    ("Esimerkkiviraston tietopalvelu", "ETP", "https://example.org/vtpv", ["Valtion tietopalveluvirasto"]),
    ("Järvikylän ympäristötiimi", "JYT", "https://example.org/jyk", ["Järvialueen ympäristökeskus"]),
    ("Esimerkkikaupungin tilastoyksikkö", "ETY", "https://example.org/pty", ["Pohjoisen tilastoyksikkö"]),
    ("Esimerkkiviraston hankintatiimi", "EHT", "https://example.org/vhp", ["Valtion hankintapalvelut"]),
]

# kind: case | experiment | insight. sections: (kind, html) with kind challenge/what_we_did/results/lessons.
STORIES = [
    {
        "kind": "case",
        "slug": "asiakaspalvelutiimin-tilannekuva",
        "title": "Asiakaspalvelutiimi teki tilannekuvan ja löysi yhteisen suunnan",
        "intro": "Kiireinen neuvontatiimi pysähtyi kahden palaverin ajaksi. Tuloksena oli uusi tapa jakaa vaikeat tapaukset.",
        "date": datetime.date(2026, 9, 15),
        "org": "RLNT",
        "period": "Syksy 2026",
        "phases": ["pysahtyminen"],
        "themes": ["dialogi", "oppiminen"],
        "tools": [("tilannekuva", "kahdessa viikkopalaverissa"), ("dialogin-pelisaannot", "")],
        "image": (
            "table",
            "Kuvitus: keltainen pyöreä pöytä, jonka ympärillä on kahdeksan ympyrää kuin tiimi palaverissa.",
        ),
        "sections": [
            (
                "challenge",
                "<p>Neuvontatiimin työ oli pirstaloitunut. Jokainen ratkoi vaikeita tapauksia yksin, ja samat kysymykset toistuivat viikosta toiseen.</p>",
            ),
            (
                "what_we_did",
                "<p>Tiimi teki tilannekuvan kahdessa tavallisessa viikkopalaverissa. Ensimmäisellä kerralla kerättiin havainnot, toisella valittiin kaksi teemaa jatkoon.</p>",
            ),
            (
                "results",
                "<p>Tiimi sopi viikoittaisesta 20 minuutin tapauskierroksesta, jossa vaikein tapaus ratkotaan yhdessä.</p>",
            ),
            (
                "lessons",
                "<p>Tilannekuva ei vaatinut erillistä kehittämispäivää. Kun havainnot sanottiin ääneen, moni huomasi, ettei ollut ainoa, jota samat asiat askarruttivat.</p>",
            ),
        ],
        "quote": ("Huomasimme, ettemme olleet ainoita, joita samat asiat askarruttivat.", "Neuvoja"),
    },
    {
        "kind": "experiment",
        "slug": "oppimistuokio-perjantaisin",
        "title": "Puolen tunnin oppimistuokio joka toinen perjantai",
        "intro": "Tietopalvelutiimi kokeili kahden kuukauden ajan lyhyttä tuokiota, jossa yksi jäsen opettaa muille jotakin.",
        "date": datetime.date(2026, 10, 2),
        "org": "ETP",
        "period": "Elo–syyskuu 2026",
        "phases": ["kokeileminen"],
        "themes": ["oppiminen"],
        "tools": [("oppimispalaveri", "tuokion runkona"), ("kokeilukortti", "kokeilun suunnitteluun")],
        "image": (
            "steps",
            "Kuvitus: portaat nousevat vasemmalta oikealle, ja ylimmän askelman yllä on keltainen pallo.",
        ),
        "experiment": {
            "hypothesis": "Jos jokainen opettaa vuorollaan jotakin omasta työstään, osaaminen leviää tiimissä eikä perehdytys kuormita vain muutamaa.",
            "duration": "8 viikkoa",
            "status": "adopted",
            "learned": "<p>Lyhyt ja säännöllinen tuokio toimi. Aiheet kannattaa sopia kuukausi etukäteen, jotta vuoro ei tule yllätyksenä.</p>",
        },
        "sections": [
            (
                "challenge",
                "<p>Osaaminen oli keskittynyt muutamalle, ja uusien työntekijöiden perehdytys kuormitti heitä.</p>",
            ),
            (
                "what_we_did",
                "<p>Joka toinen perjantai yksi tiimiläinen piti 30 minuutin tuokion omasta osaamisestaan. Aiheina olivat esimerkiksi tiedonhaun pikanäppäimet ja asiakkaan vaikean kysymyksen purkaminen.</p>",
            ),
            (
                "results",
                "<p>Neljästä tuokiosta kolme koettiin hyödyllisiksi. Kokeilu jatkuu kuukausittaisena käytäntönä.</p>",
            ),
        ],
    },
    {
        "kind": "insight",
        "slug": "palaveri-ei-ole-vain-tiedonjakoa",
        "title": "Palaveri ei ole vain tiedonjakoa",
        "intro": "Kun tiedotusasiat siirtyivät kirjallisiksi tiedotteiksi, palaveriin jäi aikaa yhteiselle ajattelulle.",
        "date": datetime.date(2026, 10, 20),
        "org": "JYT",
        "period": "",
        "phases": ["suunta"],
        "themes": ["dialogi"],
        "tools": [("check-in-ja-check-out", "palaverin alussa ja lopussa")],
        "image": (
            "bubbles",
            "Kuvitus: kaksi puhekuplaa, sininen ja keltainen, vuorottelevat kuin keskustelussa.",
        ),
        "paragraphs": [
            "<p>Tiimi huomasi, että viikkopalaverin tunnista 45 minuuttia kului asioihin, jotka olisi voinut lukea. Nyt tiedotteet kirjoitetaan etukäteen yhteiseen muistioon, ja palaverissa keskustellaan siitä, mikä vaatii yhteistä ajattelua.</p>",
            "<p>Muutos oli pieni, mutta se muutti palaverin tunnelman: kysymyksiä esitetään enemmän, ja hiljaisemmatkin pääsevät ääneen.</p>",
        ],
    },
    {
        "kind": "experiment",
        "slug": "paripalaute-etatiimissa",
        "title": "Paripalaute etätiimissä",
        "intro": "Hajautettu tiimi kokeili kuukauden ajan viikoittaista, kymmenen minuutin palautekeskustelua pareittain.",
        "date": datetime.date(2026, 11, 5),
        "org": "ETP",
        "period": "Lokakuu 2026",
        "phases": ["kokeileminen"],
        "themes": ["palaute", "psykologinen-turvallisuus"],
        "tools": [("kokeilukortti", "")],
        "image": (
            "path",
            "Kuvitus: keltaisista pisteistä muodostuva mutkitteleva polku, joka päättyy valkoiseen renkaaseen.",
        ),
        "experiment": {
            "hypothesis": "Jos palautetta annetaan lyhyesti ja säännöllisesti, sitä on helpompi antaa myös etänä, eikä se liity vain virheisiin.",
            "duration": "4 viikkoa",
            "status": "ended",
            "learned": "<p>Kymmenen minuuttia riitti. Kaksi kysymystä – mikä toimi ja mitä voisi kokeilla toisin – teki keskustelusta turvallisen.</p>",
        },
        "sections": [
            ("challenge", "<p>Etätyössä palautetta sai lähinnä silloin, kun jokin oli mennyt pieleen.</p>"),
            (
                "what_we_did",
                "<p>Parit vaihtuivat viikoittain. Keskustelussa kerrottiin yksi asia, joka toimi, ja yksi asia, jota voisi kokeilla toisin.</p>",
            ),
            (
                "lessons",
                "<p>Lyhyt ja säännöllinen toimi paremmin kuin pitkä ja harvinainen. Parien vaihtuminen toi esiin näkökulmia, joita omassa alatiimissä ei kuullut.</p>",
            ),
        ],
    },
    {
        "kind": "case",
        "slug": "tilastoyksikon-kehittamispaiva",
        "title": "Tilastoyksikkö korvasi kehittämispäivän ohjelman yhdellä kysymyksellä",
        "intro": "Valmiin esitysohjelman sijaan yksikkö pohti koko päivän, miksi sen työ on muuttumassa.",
        "date": datetime.date(2026, 6, 12),
        "org": "ETY",
        "period": "Kevät 2026",
        "phases": ["suunta"],
        "themes": ["itseohjautuvuus", "dialogi"],
        "tools": [("miksi-nyt", "aamupäivän pienryhmissä"), ("tilannekuva", "iltapäivän pohjana")],
        "image": ("grid", "Kuvitus: ruudukko sinisiä neliöitä, joista kolme on nostettu esiin keltaisella."),
        "sections": [
            (
                "challenge",
                "<p>Kehittämispäivät olivat olleet esityksiä täynnä, ja niiden päätökset unohtuivat viikossa. Samaan aikaan tilastojen tekotapa oli muuttumassa automaation myötä.</p>",
            ),
            (
                "what_we_did",
                "<p>Päivän ohjelmaksi sovittiin yksi kysymys: miksi meidän pitää muuttaa työtapojamme juuri nyt? Aamupäivällä keskusteltiin pienryhmissä, iltapäivällä koottiin yhteinen tilannekuva.</p>",
            ),
            (
                "results",
                "<p>Yksikkö valitsi kolme painopistettä seuraavalle puolelle vuodelle ja sopi, että jokainen tiimi kokeilee yhtä niistä omassa työssään.</p>",
            ),
            (
                "lessons",
                "<p>Kun kysymys oli yhteinen, keskustelu pysyi työssä eikä ajautunut organisaatiokaavioihin. Esihenkilöt kuuntelivat enemmän kuin puhuivat.</p>",
            ),
        ],
    },
    {
        "kind": "insight",
        "slug": "esihenkilo-kysyy-ennen-kuin-vastaa",
        "title": "Esihenkilö kysyy, ennen kuin vastaa",
        "intro": "Hankintatiimin esihenkilö päätti kuukauden ajan vastata jokaiseen kysymykseen ensin kysymyksellä.",
        "date": datetime.date(2026, 8, 28),
        "org": "EHT",
        "period": "Elokuu 2026",
        "phases": ["kokeileminen"],
        "themes": ["valmentava-johtaminen"],
        "tools": [],
        "image": ("sprout", "Kuvitus: sinisestä maasta kasvaa keltainen taimi, jolla on kaksi lehteä."),
        "paragraphs": [
            "<p>Esihenkilö huomasi olevansa tiiminsä pullonkaula: kaikki ratkaisut kulkivat hänen kauttaan. Hän päätti kokeilla yksinkertaista sääntöä – ennen omaa vastausta hän kysyy: ”Mitä itse ehdottaisit?”</p>",
            "<p>Ensimmäisellä viikolla kysymys ärsytti. Kolmannella viikolla tiimiläiset toivat valmiin ehdotuksen. Esihenkilön mukaan tärkein oppi oli, että hänen tehtävänsä on mahdollistaa, ei tietää kaikkea.</p>",
        ],
    },
    {
        "kind": "experiment",
        "slug": "hiljainen-aloitus-palaverissa",
        "title": "Viiden minuutin hiljainen aloitus palaverissa",
        "intro": "Ympäristötiimi aloitti palaverinsa viiden minuutin hiljaisella kirjoittamisella ennen keskustelua.",
        "date": datetime.date(2026, 11, 18),
        "org": "JYT",
        "period": "Marras–joulukuu 2026",
        "phases": ["kokeileminen"],
        "themes": ["dialogi", "psykologinen-turvallisuus"],
        "tools": [("dialogin-pelisaannot", "kokeilun pohjaksi"), ("check-in-ja-check-out", "")],
        "image": ("bubbles", "Kuvitus: sininen ja keltainen puhekupla tummalla pohjalla odottavat vuoroaan."),
        "experiment": {
            "hypothesis": "Jos jokainen kirjoittaa ajatuksensa ensin itse, keskusteluun tulee enemmän näkökulmia kuin silloin, kun nopeimmat puhuvat ensin.",
            "duration": "6 viikkoa",
            "status": "running",
            "learned": "<p>Ensimmäisten viikkojen perusteella puheenvuorot jakautuvat tasaisemmin. Kokeilu on vielä kesken.</p>",
        },
        "sections": [
            (
                "challenge",
                "<p>Palavereissa samat kolme ihmistä puhuivat suurimman osan ajasta, vaikka muillakin oli asiasta näkemys.</p>",
            ),
            (
                "what_we_did",
                "<p>Jokainen asiakohta aloitetaan viiden minuutin hiljaisella kirjoittamisella yhteiseen muistioon. Sen jälkeen puheenvuorot kierretään järjestyksessä.</p>",
            ),
        ],
    },
    {
        "kind": "case",
        "slug": "hankintatiimin-yhteiset-pelisaannot",
        "title": "Hankintatiimi sopi yhteiset pelisäännöt kiireen keskelle",
        "intro": "Kasvanut tiimi huomasi, että jokainen teki työtä omilla säännöillään. Kolmen palaverin jälkeen sillä oli yhteiset.",
        "date": datetime.date(2026, 5, 7),
        "org": "EHT",
        "period": "Huhti–toukokuu 2026",
        "phases": ["suunta", "vakiinnuttaminen"],
        "themes": ["itseohjautuvuus", "psykologinen-turvallisuus"],
        "tools": [("dialogin-pelisaannot", "kolmessa tiimipalaverissa")],
        "image": (
            "grid",
            "Kuvitus: siistissä ruudukossa olevia sinisiä laattoja, joista muutama loistaa keltaisena.",
        ),
        "sections": [
            (
                "challenge",
                "<p>Tiimi oli kasvanut vuodessa kuudesta neljääntoista. Sovittuja tapoja ei ollut kirjattu, ja uudet oppivat ne vain kantapään kautta.</p>",
            ),
            (
                "what_we_did",
                "<p>Tiimi käytti kolmen peräkkäisen palaverin viimeisen puolituntisen pelisääntöjen luonnosteluun. Jokainen sääntö kirjoitettiin muotoon ”meillä on tapana…”.</p>",
            ),
            (
                "results",
                "<p>Syntyi seitsemän pelisääntöä, jotka käydään läpi jokaisen uuden tiimiläisen kanssa. Säännöt tarkistetaan puolen vuoden välein.</p>",
            ),
            (
                "lessons",
                "<p>Säännöt pitää kirjoittaa tiimin omalla kielellä. Valmiista listasta lainatut muotoilut eivät tarttuneet.</p>",
            ),
        ],
    },
    {
        "kind": "insight",
        "slug": "epaonnistunut-kokeilu-opetti-eniten",
        "title": "Epäonnistunut kokeilu opetti eniten",
        "intro": "Tilastoyksikön kokeilu lopetettiin kesken, mutta siitä opittiin enemmän kuin yhdestäkään onnistumisesta.",
        "date": datetime.date(2026, 9, 30),
        "org": "ETY",
        "period": "Syyskuu 2026",
        "phases": ["kokeileminen", "vakiinnuttaminen"],
        "themes": ["oppiminen", "psykologinen-turvallisuus"],
        "tools": [("kokeilukortti", "arviointiin")],
        "image": ("path", "Kuvitus: keltaisten pisteiden polku kiemurtelee ja palaa välillä taaksepäin."),
        "paragraphs": [
            "<p>Yksikkö kokeili yhteistä viikkosuunnittelua taulukossa, mutta kolmen viikon jälkeen kukaan ei enää päivittänyt sitä. Kokeilu lopetettiin.</p>",
            "<p>Loppukeskustelussa selvisi, ettei ongelma ollut taulukko, vaan se, ettei kukaan tiennyt, kenen tehtävä oli pitää siitä huolta. Seuraavaan kokeiluun nimettiin vastuuhenkilö, joka vaihtuu vuorotellen.</p>",
        ],
    },
]
