from .pages import BasePage, ContentPage, HomePage
from .site_settings import ContactSettings
from .taxonomy import Phase, Theme

__all__ = ["BasePage", "ContactSettings", "ContentPage", "HomePage", "Phase", "Theme"]
