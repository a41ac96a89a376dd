"""The private paths in every language (valoa/private_paths.py), and the front cache's pass rules agreeing with them."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from valoa import private_paths

VCL = Path(settings.BASE_DIR) / "deploy" / "varnish" / "default.vcl"
# Public pages in every language, and paths that only begin like a private one.
PUBLIC_PATHS = (
    "/",
    "/tyokalut/",
    "/tyokalut/check-in-ja-check-out/",
    "/sv/",
    "/sv/verktyg/",
    "/en/",
    "/en/tools/",
    "/palaute/",
    "/innostu/",
    "/sitemap.xml",
    "/robots.txt",
    "/tiimit/",
    "/sv/tiimit/",
    "/hakuohjeet/",
    "/en/administration/",
)


def test_private_prefixes_in_every_language():
    assert private_paths.LANGUAGE_PREFIXES == ("", "/sv", "/en")
    assert private_paths.TEAM_PREFIXES == ("/tiimi/", "/sv/tiimi/", "/en/tiimi/")
    assert set(private_paths.PRIVATE_PREFIXES) == {
        "/admin/",
        "/django-admin/",
        "/health/",
        "/live/",
        *(
            f"{language}{path}"
            for language in ("", "/sv", "/en")
            for path in ("/tiimi/", "/palaute/lomake/", "/haku/")
        ),
    }


@pytest.mark.parametrize("language", ["", "/sv", "/en"])
def test_is_private_and_is_team_path(language):
    token = "a" * 43
    assert private_paths.is_team_path(f"{language}/tiimi/{token}/")
    assert private_paths.is_private(f"{language}/tiimi/{token}/tyokirja/1/")
    assert private_paths.is_private(f"{language}/haku/")
    assert private_paths.is_private(f"{language}/palaute/lomake/palaute/")
    assert not private_paths.is_team_path(f"{language}/haku/")
    assert private_paths.is_private("/admin/pages/") and private_paths.is_private("/health/ready")
    for path in PUBLIC_PATHS:
        assert not private_paths.is_private(path), path
        assert not private_paths.is_team_path(path), path


def vcl_pass_regexes() -> list[re.Pattern]:
    """The `req.url ~ "…"` regexes of the conditions in vcl_recv that `return (pass)`.

    VCL's strings have no escapes, and the regexes use only what PCRE and Python's `re` read alike."""
    text = VCL.read_text()
    recv = re.search(r"sub vcl_recv \{(.*?)\n\}", text, re.S).group(1)
    recv = re.sub(r"#[^\n]*", "", recv)  # comments
    regexes = []
    for condition in re.findall(r"if \((.*?)\)\s*\{\s*return \(pass\);\s*\}", recv, re.S):
        regexes.extend(re.findall(r'req\.url ~ "([^"]*)"', condition))
    return [re.compile(regex) for regex in regexes]


def passed(url: str) -> bool:
    return any(regex.search(url) for regex in vcl_pass_regexes())


def test_the_vcl_has_url_pass_rules():
    assert len(vcl_pass_regexes()) >= 2


@pytest.mark.parametrize("prefix", private_paths.PRIVATE_PREFIXES)
def test_the_vcl_passes_every_private_prefix(prefix):
    for url in (prefix, prefix.rstrip("/"), f"{prefix}x/y/", f"{prefix}?q=1", f"{prefix}{'t' * 43}/?x=1"):
        assert passed(url), url


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_the_vcl_caches_public_pages(path):
    assert not passed(path)
    assert not passed(f"{path}?page=2")


def test_robots_txt_disallows_every_private_path(client, db):
    response = client.get("/robots.txt")
    disallowed = [
        line.removeprefix("Disallow: ")
        for line in response.content.decode().splitlines()
        if line.startswith("Disallow: ")
    ]
    assert set(disallowed) == set(private_paths.PRIVATE_PREFIXES)
    assert {"/sv/tiimi/", "/en/tiimi/", "/sv/haku/", "/en/palaute/lomake/"} <= set(disallowed)
