from .pages import BasePage, ContentPage, HomePage
from .site_settings import ContactSettings
from .site_texts import SiteTexts
from .taxonomy import Phase, Theme, page_phases_and_themes, phases_and_themes

__all__ = [
    "BasePage",
    "ContactSettings",
    "ContentPage",
    "HomePage",
    "Phase",
    "SiteTexts",
    "Theme",
    "page_phases_and_themes",
    "phases_and_themes",
]
