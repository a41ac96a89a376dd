"""A tool's work templates become translatable with their tool (their name is text in the tool's language, and a
translation may override the document with one in its own language), and say the document's language.

Existing work templates get their tool's locale, and a translation key derived from the tool's translation key
and the template's place on the page: a Finnish template and its copy on a translated tool (made before this
migration, in the same order) get the same key, as wagtail-localize would have given them. A document that a
page of the default language also has is in that language (a translation copied it); any other is in its
page's language.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import toolkit.tools.models.tool

NAMESPACE = uuid.UUID("0b7e4a52-58c1-4d5e-9d8e-2f6a3c1b7e94")


def fill(apps, schema_editor):
    ToolPageWorkTemplate = apps.get_model("toolkit", "ToolPageWorkTemplate")
    Locale = apps.get_model("wagtailcore", "Locale")
    templates = list(
        ToolPageWorkTemplate.objects.select_related("page", "page__locale").order_by("page_id", "sort_order", "pk")
    )
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    default_documents = {t.document_id for t in templates if default and t.page.locale_id == default.pk}
    place: dict[int, int] = {}
    for template in templates:
        index = place.get(template.page_id, 0)
        place[template.page_id] = index + 1
        template.locale_id = template.page.locale_id
        template.translation_key = uuid.uuid5(NAMESPACE, f"{template.page.translation_key}:{index}")
        template.language = (
            settings.LANGUAGE_CODE
            if template.document_id in default_documents
            else template.page.locale.language_code
        )
        template.save(update_fields=["locale", "translation_key", "language"])


class Migration(migrations.Migration):
    dependencies = [
        ("toolkit", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="toolpageworktemplate",
            name="language",
            field=models.CharField(
                blank=True,
                help_text="Jätä tyhjäksi, jos asiakirja on sivun kielellä.",
                max_length=8,
                validators=[toolkit.tools.models.tool.validate_language_code],
                verbose_name="asiakirjan kieli",
            ),
        ),
        migrations.AddField(
            model_name="toolpageworktemplate",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="toolpageworktemplate",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
