vcl 4.1;
# VALOA's front cache (docs/deploy.md, "Front cache"). The same file serves production, the tests, `make bench`
# and `make scale-check`; what differs between them (the app servers, their health probe, the addresses that
# may purge) lives in valoa-backends.vcl, written by `manage.py varnish_backends` and found on vcl_path.
#
# What is cached is what the app marks `Cache-Control: public, s-maxage=…` (valoa/caching/http_cache.py): public
# Wagtail pages for anonymous visitors. Everything else passes through. vcl_recv and vcl_backend_response end
# with their own return, so Varnish's built-in versions never run: the rules of theirs that matter here
# (methods, Authorization, cookies, Set-Cookie, Vary: *, a zero TTL) are repeated below.

import std;
import directors;

# Defines the backends with their `.probe` on /health/ready, `sub vcl_init` making the directors `app` and `live`,
# and `acl purgers`.
include "valoa-backends.vcl";

sub vcl_recv {
    set req.backend_hint = app.backend();

    # --- Invalidation, from the app servers only ------------------------------------------------------
    # PURGE <path>: that path with any query string (Innostu's ?page=2, the finder's ?vaihe=…).
    # BAN <path>: everything under the path (BAN / empties the cache). Both match on the path alone, whatever
    # Host the purging server names, so a purge cannot miss because of a host name or a port.
    if (req.method == "PURGE" || req.method == "BAN") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        set req.http.x-valoa-path = regsub(req.url, "\?.*$", "");
        if (req.method == "PURGE") {
            ban("obj.http.x-valoa-path == " + req.http.x-valoa-path);
            return (synth(200, "Purged"));
        }
        ban("obj.http.x-valoa-path ~ ^" + regsuball(req.http.x-valoa-path, "([][.?*+^$(){}|\\])", "\\\1"));
        return (synth(200, "Banned"));
    }

    # --- The meeting room's live channel (valoa/live/): to the live (ASGI) servers, never cached ----------
    # A WebSocket is piped: Varnish hands the connection over and copies bytes both ways, unbuffered, for as
    # long as the meeting keeps it open (the recipe of Varnish's documentation). Anything else there passes.
    if (req.url ~ "^/live/") {
        set req.backend_hint = live.backend();
        if (req.http.upgrade ~ "(?i)websocket") {
            return (pipe);
        }
    }

    # --- Never from the cache --------------------------------------------------------------------------
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Team spaces, the forms' handlers, search, the admins, previews (under /admin/) and the health checks; the
    # first three also under the Swedish and English prefixes (/sv/tiimi/…, /en/haku/), same paths. The app names
    # them in valoa/private_paths.py; tests/valoa/test_private_paths.py checks that these rules agree with it.
    if (req.url ~ "^/(admin|django-admin|health|live)(/|$|\?)"
        || req.url ~ "^/((sv|en)/)?(tiimi|palaute/lomake|haku)(/|$|\?)") {
        return (pass);
    }
    # HTTP authentication (e.g. a staging site behind basic auth) is per user: the built-in rule, kept.
    if (req.http.Authorization) {
        return (pass);
    }
    # A session (an editor, a password-protected page) or a CSRF cookie (a form in use in some tab: a page
    # rendered without it would hand out a new token and break that form) goes to the app as it is.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Any other cookie (analytics, consent banners) changes nothing the app answers to a GET.
    unset req.http.Cookie;
    # The URL fixes the language (/, /sv/, /en/: valoa/languages/locales.py); the browser's preference changes nothing
    # the app answers, so it does not reach the app from a cacheable request.
    unset req.http.Accept-Language;

    # While the app servers are healthy a stale copy is served for at most 15 s while a fresh one is fetched;
    # while they are sick (the probe failed), the last good copy for as long as it is kept (beresp.grace).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 15s;
    }
    return (hash);
}

sub vcl_pipe {
    # The upgrade handshake must reach the live server as the browser sent it.
    if (req.http.upgrade) {
        set bereq.http.upgrade = req.http.upgrade;
        set bereq.http.connection = req.http.connection;
    }
}

sub vcl_backend_response {
    # Remembered with the object so that PURGE and BAN can find it by path (lurker-friendly: obj.* only).
    set beresp.http.x-valoa-path = regsub(bereq.url, "\?.*$", "");

    # Only what the app explicitly made public is kept: the built-in VCL would keep an answer without
    # Cache-Control for default_ttl; the app sends one on every answer, so none is a mistake to pass on.
    if (!beresp.http.Cache-Control
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Set-Cookie
        || beresp.http.Vary == "*"
        || beresp.ttl <= 0s) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The TTL comes from s-maxage (Varnish reads it before max-age). Grace: 24 h of last good copies.
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-valoa-path;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
