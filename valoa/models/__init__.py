from .pages import BasePage, ContentPage, HomePage
from .site_settings import ContactSettings
from .taxonomy import Phase, Theme, phases_and_themes

__all__ = ["BasePage", "ContactSettings", "ContentPage", "HomePage", "Phase", "Theme", "phases_and_themes"]
