"""The Käyttö view in the admin and its CSV: thin, the figures come from feedback.usage.figures.

Who may see it: superusers and the groups with the permission toolkit.view_usage_figures (Editors by the
migration; Moderators not, see docs/decisions/010-usage-figures.md). Its only parameters are the dates.
"""

from __future__ import annotations

import csv
import io

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from feedback.usage.figures import usage_figures
from feedback.usage.forms import UsageRangeForm
from toolkit.common.spreadsheet import CSV_BOM, csv_safe

PERMISSION = "toolkit.view_usage_figures"


def can_view(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def _form(request: HttpRequest) -> UsageRangeForm:
    if not can_view(request.user):
        raise PermissionDenied
    data = {name: request.GET[name] for name in ("start", "end") if name in request.GET}
    return UsageRangeForm(data)


class UsageView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "feedback/usage/usage.html"
    page_title = gettext_lazy("Käyttö")
    header_icon = "doc-full"
    http_method_names = ["get", "head"]

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = _form(request)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, sections=[]), status=400)
        start, end = form.date_range()
        return self.render_to_response(
            self.get_context_data(
                form=form,
                sections=usage_figures(start=start, end=end),
                start=start,
                end=end,
                csv_query=urlencode({"start": start.isoformat(), "end": end.isoformat()}),
            )
        )


def figures_csv(sections) -> str:
    """Every table as shown: its caption, its headers and its rows, a blank line between tables."""
    out = io.StringIO()
    writer = csv.writer(out)
    for section in sections:
        for table in section.tables:
            writer.writerow([csv_safe(f"{section.heading}: {table.caption}")])
            if not table.rows:
                writer.writerow([_("Ei tietoja tältä jaksolta.")])
            else:
                writer.writerow([csv_safe(cell) for cell in table.headers])
                writer.writerows([csv_safe(cell) for cell in row] for row in table.rows)
            writer.writerow([])
    return CSV_BOM + out.getvalue()


@require_GET
def usage_csv(request: HttpRequest) -> HttpResponse:
    form = _form(request)
    if not form.is_valid():
        return HttpResponse(
            " ".join(error for errors in form.errors.values() for error in errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    start, end = form.date_range()
    response = HttpResponse(
        figures_csv(usage_figures(start=start, end=end)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="kaytto-{start:%Y-%m-%d}-{end:%Y-%m-%d}.csv"'
    return response
