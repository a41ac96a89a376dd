"""Translatable assessment scales and their levels (issue 14), and the questions' and statements' keys as
StableKeyBlock (the same in every translation)."""

import uuid

import django.core.validators
import django.db.models.deletion
import wagtail.fields
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
        ("toolkit", "0008_one_item_per_line"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *translatable("assessmentscale"),
        *translatable("assessmentscalelevel"),
        migrations.RunPython(bootstrap, migrations.RunPython.noop),
        *required("assessmentscale"),
        *required("assessmentscalelevel"),
        migrations.AlterField(
            model_name="assessmentpage",
            name="statements",
            field=wagtail.fields.StreamField(
                [("group", 9)],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "ryhmän otsikko", "max_length": 120}),
                    1: (
                        "wagtail.snippets.blocks.SnippetChooserBlock",
                        ("valoa.Theme",),
                        {
                            "help_text": "Teeman työkaluja suositellaan, jos väittämälle ei ole valittu omia työkaluja.",
                            "label": "teema",
                            "required": False,
                        },
                    ),
                    2: ("wagtail.blocks.CharBlock", (), {"label": "väittämä", "max_length": 300}),
                    3: (
                        "toolkit.common.block_keys.StableKeyBlock",
                        (),
                        {
                            "help_text": "Jätä tyhjäksi, niin tunniste muodostetaan väittämästä tallennettaessa. Vastaukset tallentuvat tunnisteella: älä muuta sitä, kun arviointia on jo käytetty.",
                            "label": "tunniste",
                            "max_length": 40,
                            "required": False,
                            "validators": [
                                django.core.validators.RegexValidator(
                                    "^[a-z0-9][a-z0-9-]{0,39}$",
                                    "Käytä pieniä kirjaimia a–z, numeroita ja viivoja (enintään 40 merkkiä).",
                                )
                            ],
                        },
                    ),
                    4: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"label": "ohje", "max_length": 600, "required": False},
                    ),
                    5: ("wagtail.blocks.PageChooserBlock", (), {"page_type": ["toolkit.ToolPage"]}),
                    6: (
                        "wagtail.blocks.ListBlock",
                        (5,),
                        {
                            "default": [],
                            "help_text": "Suositellaan, kun tämä väittämä saa heikoimmat arviot.",
                            "label": "suositellut työkalut",
                            "required": False,
                        },
                    ),
                    7: (
                        "wagtail.blocks.StructBlock",
                        [[("text", 2), ("key", 3), ("help_text", 4), ("tools", 6)]],
                        {},
                    ),
                    8: ("wagtail.blocks.ListBlock", (7,), {"label": "väittämät", "min_num": 1}),
                    9: (
                        "wagtail.blocks.StructBlock",
                        [[("heading", 0), ("theme", 1), ("statements", 8)]],
                        {},
                    ),
                },
                verbose_name="väittämät",
            ),
        ),
        migrations.AlterField(
            model_name="workbookpage",
            name="sections",
            field=wagtail.fields.StreamField(
                [("section", 14)],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "osan otsikko", "max_length": 120}),
                    1: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"label": "johdanto", "max_length": 1000, "required": False},
                    ),
                    2: ("wagtail.blocks.CharBlock", (), {"label": "kysymys", "max_length": 300}),
                    3: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"label": "ohje", "max_length": 600, "required": False},
                    ),
                    4: (
                        "toolkit.common.block_keys.StableKeyBlock",
                        (),
                        {
                            "help_text": "Jätä tyhjäksi, niin tunniste muodostetaan kysymyksestä tallennettaessa. Tiimien vastaukset kiinnittyvät tunnisteeseen: kysymyksen sanamuotoa voi muuttaa, mutta älä muuta tunnistetta, kun vastauksia on jo annettu.",
                            "label": "tunniste",
                            "max_length": 60,
                            "required": False,
                            "validators": [
                                django.core.validators.RegexValidator(
                                    "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                                    "Käytä vain pieniä kirjaimia a–z, numeroita ja väliviivoja, esimerkiksi ilmio-tapahtumat.",
                                )
                            ],
                        },
                    ),
                    5: ("wagtail.blocks.StructBlock", [[("question", 2), ("help_text", 3), ("key", 4)]], {}),
                    6: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "asteikon alapään selite", "max_length": 60},
                    ),
                    7: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "asteikon yläpään selite", "max_length": 60},
                    ),
                    8: (
                        "wagtail.blocks.IntegerBlock",
                        (),
                        {"default": 5, "label": "asteikon portaat", "max_value": 10, "min_value": 3},
                    ),
                    9: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("question", 2),
                                ("help_text", 3),
                                ("key", 4),
                                ("minimum_label", 6),
                                ("maximum_label", 7),
                                ("steps", 8),
                            ]
                        ],
                        {},
                    ),
                    10: ("wagtail.blocks.CharBlock", (), {"label": "vaihtoehto", "max_length": 120}),
                    11: ("wagtail.blocks.ListBlock", (10,), {"label": "vaihtoehdot", "min_num": 2}),
                    12: (
                        "wagtail.blocks.StructBlock",
                        [[("question", 2), ("help_text", 3), ("key", 4), ("choices", 11)]],
                        {},
                    ),
                    13: (
                        "wagtail.blocks.StreamBlock",
                        [[("open", 5), ("list", 5), ("scale", 9), ("choice", 12)]],
                        {"label": "kysymykset", "min_num": 1},
                    ),
                    14: ("wagtail.blocks.StructBlock", [[("title", 0), ("intro", 1), ("questions", 13)]], {}),
                },
                help_text="Tiimien vastaukset kiinnittyvät kysymysten tunnisteisiin, eivät sanamuotoon tai järjestykseen.",
                verbose_name="työkirjan osat ja kysymykset",
            ),
        ),
    ]
