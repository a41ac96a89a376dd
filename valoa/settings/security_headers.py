"""Security headers of every response (defaults are strict; production.py adds the HTTPS-only settings).

Imported by base.py with `from .security_headers import *`, so every settings module has these names.
"""

import os

from csp.constants import NONE, SELF

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# DENY for the site; Wagtail's preview views override it to SAMEORIGIN for the editor's preview panel.
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
# Wagtail 8's page editor initialises its choosers (image, date) with inline <script> tags and its
# widgets set inline styles; image uploads preview from blob: URLs. The admin, behind a login, gets
# this looser policy on /admin/ alone (valoa.security.headers); the public site keeps the strict one.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
    }
}

# Browser features: none for the site or anything it frames, except the facilitation timer's screen wake
# lock (Screen Wake Lock API) and full screen for the meeting-room views, on our own origin.
# django-permissions-policy's format: feature → allowed origins ([] off, ["self"] our origin); an unknown
# feature name is an ImproperlyConfigured error at startup.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "bluetooth": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": ["self"],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}
# /.well-known/security.txt (RFC 9116) names the contact from the site's ContactSettings; it says it
# expires this many days after the day it is served, so a site that is no longer maintained stops vouching.
SECURITY_TXT_EXPIRES_DAYS = int(os.environ.get("SECURITY_TXT_EXPIRES_DAYS", "180"))
