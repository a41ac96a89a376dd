"""The admin's document form: where a document is uploaded, the form says how a PDF stays accessible.

Set as WAGTAILDOCS_DOCUMENT_FORM_BASE; Wagtail builds its upload (also the multiple upload page, which shows
the file field's help text) and edit forms on it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

PDF_ADVICE = _(
    "Jos lataat PDF:n, tee siitä saavutettava: tallenna se tagitettuna PDF:nä, anna asiakirjalle otsikko "
    "ja merkitse sen kieli. Verkkosivu on saavutettavampi kuin PDF: kirjoita tärkeä sisältö mieluummin "
    "sivulle ja liitä PDF sen rinnalle."
)


class DocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            own = self.fields["file"].help_text
            self.fields["file"].help_text = f"{own} {PDF_ADVICE}" if own else PDF_ADVICE
