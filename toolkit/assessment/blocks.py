"""StreamField blocks of an assessment: statements grouped by theme, each with a stable key."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import ListBlockValidationError, StreamBlockValidationError, StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from toolkit.common.block_keys import StableKeyBlock, key_from_text

KEY_VALIDATOR = RegexValidator(
    r"^[a-z0-9][a-z0-9-]{0,39}$",
    _("Käytä pieniä kirjaimia a–z, numeroita ja viivoja (enintään 40 merkkiä)."),
)


class StatementBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Väittämä"), max_length=300)
    key = StableKeyBlock(
        label=_("Tunniste"),
        max_length=40,
        required=False,
        validators=[KEY_VALIDATOR],
        help_text=_(
            "Jätä tyhjäksi, niin tunniste muodostetaan väittämästä tallennettaessa. Vastaukset tallentuvat "
            "tunnisteella: älä muuta sitä, kun arviointia on jo käytetty."
        ),
    )
    help_text = blocks.TextBlock(label=_("Ohje"), required=False, max_length=600)
    tools = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="toolkit.ToolPage"),
        label=_("Suositellut työkalut"),
        required=False,
        default=[],
        help_text=_("Suositellaan, kun tämä väittämä saa heikoimmat arviot."),
    )

    class Meta:
        icon = "openquote"
        label = _("Väittämä")
        form_classname = "statement-block"


class StatementGroupBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Ryhmän otsikko"), max_length=120)
    theme = SnippetChooserBlock(
        "valoa.Theme",
        required=False,
        label=_("Teema"),
        help_text=_("Teeman työkaluja suositellaan, jos väittämälle ei ole valittu omia työkaluja."),
    )
    statements = blocks.ListBlock(StatementBlock(), label=_("Väittämät"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Väittämäryhmä")


class StatementsStreamBlock(blocks.StreamBlock):
    group = StatementGroupBlock()

    def clean(self, value):
        value = super().clean(value)
        # Empty keys are filled in from the statement, unique on the page.
        taken = {s["key"] for child in value for s in child.value["statements"] if s["key"]}
        for child in value:
            for statement in child.value["statements"]:
                if not statement["key"]:
                    statement["key"] = key_from_text(statement["text"], taken=taken, max_length=40)
                    taken.add(statement["key"])
        seen: set[str] = set()
        errors = {}
        for index, child in enumerate(value):
            for position, statement in enumerate(child.value["statements"]):
                key = statement["key"]
                if key in seen:
                    errors[index] = _duplicate_key_error(position, key)
                seen.add(key)
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value


def _duplicate_key_error(position: int, key: str) -> StructBlockValidationError:
    message = ValidationError(_("Tunniste ”%(key)s” on jo käytössä toisella väittämällä.") % {"key": key})
    return StructBlockValidationError(
        block_errors={
            "statements": ListBlockValidationError(
                block_errors={position: StructBlockValidationError(block_errors={"key": message})}
            )
        }
    )


@dataclass(frozen=True)
class Statement:
    key: str
    text: str
    help_text: str
    tool_ids: tuple[int, ...]
    group_index: int
    number: int = 0


@dataclass(frozen=True)
class StatementGroup:
    index: int
    heading: str
    theme_id: int | None
    statements: tuple[Statement, ...]


def statement_groups(stream) -> list[StatementGroup]:
    """The groups and statements of an assessment page's StreamField, read from its raw JSON: no queries."""
    groups = []
    number = 0
    for index, child in enumerate(stream.raw_data if hasattr(stream, "raw_data") else stream):
        if child.get("type") != "group":
            continue
        raw = child.get("value") or {}
        statements = []
        for statement in _list_items(raw.get("statements")):
            number += 1
            statements.append(
                Statement(
                    key=str(statement.get("key", "")),
                    text=str(statement.get("text", "")),
                    help_text=str(statement.get("help_text") or ""),
                    tool_ids=tuple(int(tool) for tool in _list_items(statement.get("tools")) if tool),
                    group_index=index,
                    number=number,
                )
            )
        groups.append(
            StatementGroup(
                index=index,
                heading=str(raw.get("heading", "")),
                theme_id=int(raw["theme"]) if raw.get("theme") else None,
                statements=tuple(statements),
            )
        )
    return groups


def _list_items(raw) -> list:
    """A ListBlock's raw items, in either of Wagtail's formats (plain values or {"type": "item", ...})."""
    items = []
    for item in raw or ():
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            items.append(item["value"])
        else:
            items.append(item)
    return items
