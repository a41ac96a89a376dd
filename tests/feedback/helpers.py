import time

from django.core import signing

from feedback.forms import TIMESTAMP_SALT


def started(seconds_ago: float = 30) -> str:
    return signing.dumps(time.time() - seconds_ago, salt=TIMESTAMP_SALT)


def form_data(kind: str, page=None, **overrides) -> dict:
    data = {
        "text": "Kokeilimme kuulumiskierrosta viikkopalaverissa. Hiljaisetkin pääsivät ääneen.",
        "name": "Tiimivetäjä",
        "organisation": "Esimerkkivirasto",
        "email": "vetaja@example.org",
        "kotisivu": "",
        "started": started(),
    }
    if kind == "kokemus":
        data["publish_permission"] = "on"
        if page is not None:
            data["page"] = str(page.pk)
    if kind == "vinkki":
        data["title"] = "Kuulumiskierros joka maanantai"
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
