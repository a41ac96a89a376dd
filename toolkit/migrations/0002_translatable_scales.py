"""Translatable assessment scales and their levels (issue 14)."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def bootstrap(apps, schema_editor):
    # The scales so far are Finnish: each scale and level gets the default locale and a key of its own.
    Locale = apps.get_model("wagtailcore", "Locale")
    models_ = [
        apps.get_model("toolkit", "AssessmentScale"),
        apps.get_model("toolkit", "AssessmentScaleLevel"),
    ]
    if not any(model.objects.exists() for model in models_):
        return
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for model in models_:
        for row in model.objects.all():
            row.translation_key = uuid.uuid4()
            row.locale = locale
            row.save(update_fields=["translation_key", "locale"])


def translatable(model_name):
    return [
        migrations.AddField(
            model_name=model_name, name="translation_key", field=models.UUIDField(editable=False, null=True)
        ),
        migrations.AddField(
            model_name=model_name,
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
    ]


def required(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(name=model_name, unique_together={("translation_key", "locale")}),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("toolkit", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *translatable("assessmentscale"),
        *translatable("assessmentscalelevel"),
        migrations.RunPython(bootstrap, migrations.RunPython.noop),
        *required("assessmentscale"),
        *required("assessmentscalelevel"),
    ]
