"""The work templates' locale and translation key, filled in by 0002, are required from now on (a migration of
its own: on PostgreSQL a table whose rows were just updated cannot be altered in the same transaction)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("toolkit", "0002_tool_work_templates_translatable")]

    operations = [
        migrations.AlterField(
            model_name="toolpageworktemplate",
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
            model_name="toolpageworktemplate",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="toolpageworktemplate",
            unique_together={("translation_key", "locale")},
        ),
    ]
