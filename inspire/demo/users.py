"""The demo's two Innostu users: an editor who submits stories and a moderator who approves them."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from inspire.moderation import EDITORS, MODERATORS

# (username, first name, last name, group, environment variable holding the password)
DEMO_USERS = [
    ("tiina.toimittaja", "Tiina", "Toimittaja", EDITORS, "VALOA_EDITOR_PASSWORD"),
    ("mikko.moderaattori", "Mikko", "Moderaattori", MODERATORS, "VALOA_MODERATOR_PASSWORD"),
]


def ensure_demo_users(*, log: Callable[[str], None] = print) -> None:
    """An editor and a moderator. Passwords come from the environment, else are generated and shown once."""
    User = get_user_model()
    for username, first_name, last_name, group_name, env_var in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        password = os.environ.get(env_var) or ""
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username,
            password=password,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@example.org",
        )
        user.groups.add(Group.objects.get(name=group_name))
        role = "toimittaja" if group_name == EDITORS else "moderaattori"
        log(f"Innostun {role} luotu: {username}")
        if generated:
            log(f"  Salasana (näytetään vain nyt, tai aseta {env_var}): {password}")
