from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


class ValoaCSPMiddleware(CSPMiddleware):
    """The site's strict policy everywhere; Wagtail's admin alone gets ADMIN_CONTENT_SECURITY_POLICY."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path.startswith("/admin/"):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


class PermissionsPolicyMiddleware:
    """A Permissions-Policy header on every response (settings.PERMISSIONS_POLICY), unless a view set one.

    Powerful browser features the site never uses are switched off for it and for anything it frames;
    what it does use is allowed for its own origin alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = ", ".join(
            f"{feature}=({' '.join(allow)})" for feature, allow in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response
