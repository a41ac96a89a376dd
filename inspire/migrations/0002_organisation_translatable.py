"""Organisations become translatable (issue 14): a locale and a translation key for each existing row."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def bootstrap(apps, schema_editor):
    # The rows so far are Finnish: each gets the default locale and a translation key of its own.
    Locale = apps.get_model("wagtailcore", "Locale")
    Organisation = apps.get_model("inspire", "Organisation")
    if not Organisation.objects.exists():
        return
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for organisation in Organisation.objects.all():
        organisation.translation_key = uuid.uuid4()
        organisation.locale = locale
        organisation.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("inspire", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="organisation",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(bootstrap, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="organisation",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="name",
            field=models.CharField(max_length=200, verbose_name="nimi"),
        ),
        migrations.AlterUniqueTogether(
            name="organisation",
            unique_together={("name", "locale"), ("translation_key", "locale")},
        ),
    ]
