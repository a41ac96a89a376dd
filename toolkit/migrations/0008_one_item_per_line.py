"""Materials, strengths and weaknesses become text areas with one item per line (issue 18): the editor
typed each line into its own block with a "+" before. The column changes from jsonb to text, and every
stream, in the pages and in their revisions, becomes its items' texts joined by newlines."""

import json
import uuid

from django.db import migrations, models

FIELDS = ("materials", "strengths", "weaknesses")


def stream_to_lines(value):
    stream = value
    if isinstance(value, str):
        try:
            stream = json.loads(value or "[]")
        except ValueError:
            stream = None
    if not isinstance(stream, list):
        return value if isinstance(value, str) else ""  # already lines
    texts = ((block.get("value") or {}).get("text", "") for block in stream if isinstance(block, dict))
    return "\n".join(text.strip() for text in texts if text and text.strip())


def lines_to_stream(value):
    return json.dumps(
        [
            {"type": "item", "value": {"text": line.strip()}, "id": str(uuid.uuid4())}
            for line in (value or "").splitlines()
            if line.strip()
        ]
    )


def convert(apps, convert_value):
    ToolPage = apps.get_model("toolkit", "ToolPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for page in ToolPage.objects.all():
        for field in FIELDS:
            setattr(page, field, convert_value(getattr(page, field)))
        page.save(update_fields=FIELDS)
    content_type = ContentType.objects.filter(app_label="toolkit", model="toolpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type):
        content = revision.content
        for field in FIELDS:
            if field in content:
                content[field] = convert_value(content[field])
        revision.save(update_fields=["content"])


def forwards(apps, schema_editor):
    convert(apps, stream_to_lines)


def backwards(apps, schema_editor):
    convert(apps, lines_to_stream)


def text_field(verbose_name):
    return models.TextField(blank=True, help_text="Yksi kohta riville.", verbose_name=verbose_name)


class Migration(migrations.Migration):
    dependencies = [
        ("toolkit", "0007_finnish_labels"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        # jsonb → text keeps each stream's JSON as text; the RunPython turns it into lines.
        migrations.AlterField("toolpage", "materials", text_field("mitä tarvitaan")),
        migrations.AlterField("toolpage", "strengths", text_field("vahvuudet")),
        migrations.AlterField("toolpage", "weaknesses", text_field("heikkoudet")),
        migrations.RunPython(forwards, backwards),
    ]
