"""The Käyttö view's admin URL and menu item; feedback/wagtail_hooks.py registers them."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from feedback.usage import views


class UsageMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return views.can_view(request.user)


def usage_urls():
    return [
        path("kaytto/", views.UsageView.as_view(), name="feedback_usage"),
        path("kaytto/csv/", views.usage_csv, name="feedback_usage_csv"),
    ]


def usage_menu_item():
    return UsageMenuItem(
        _("Käyttö"), reverse("feedback_usage"), name="usage", icon_name="doc-full", order=850
    )


def usage_permissions():
    """The permission in the group editor's "other permissions", so an administrator can give it to any group."""
    return Permission.objects.filter(content_type__app_label="toolkit", codename="view_usage_figures")
