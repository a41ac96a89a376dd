"""The admin's image form: the description is the image's alternative text, so the form says so where it is typed.

Set as WAGTAILIMAGES_IMAGE_FORM_BASE; Wagtail builds its upload and edit forms on it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].label = _("kuvaus (vaihtoehtoinen teksti)")
            self.fields["description"].help_text = _(
                "Ruudunlukija lukee kuvauksen sivulla kuvan sijasta. Kerro lyhyesti, mitä kuvassa on ja miksi se "
                "on sivulla, esimerkiksi ”Tiimi ryhmittelee tarralappuja seinälle”. Älä toista kuvatekstiä."
            )
        if "title" in self.fields:
            self.fields["title"].help_text = _(
                "Otsikko näkyy vain ylläpidossa kuvaa haettaessa. Se ei korvaa kuvausta."
            )
