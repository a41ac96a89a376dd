"""A story's tool links become translatable with their story (their note is text in the story's language).

Existing links get their story's locale, and a translation key derived from the story's translation key and the
link's place in the story: a Finnish link and its copy in a translated story (made before this migration, in
the same order) get the same key, as wagtail-localize would have given them.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

NAMESPACE = uuid.UUID("6f1d0c1e-7a53-4c39-9a57-3c4f5b8e2a10")


def fill(apps, schema_editor):
    StoryToolLink = apps.get_model("inspire", "StoryToolLink")
    links = StoryToolLink.objects.select_related("page").order_by("page_id", "sort_order", "pk")
    place: dict[int, int] = {}
    for link in links:
        index = place.get(link.page_id, 0)
        place[link.page_id] = index + 1
        link.locale_id = link.page.locale_id
        link.translation_key = uuid.uuid5(NAMESPACE, f"{link.page.translation_key}:{index}")
        link.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("inspire", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="storytoollink",
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
            model_name="storytoollink",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
