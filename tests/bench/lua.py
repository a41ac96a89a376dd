"""Python values as Lua source, for the wrk scripts of scenarios whose requests differ per connection."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def literal(value) -> str:
    """A Lua literal of a str, int, float, bool, None, a mapping (string keys) or a sequence."""
    if value is None:
        return "nil"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        # Decimal escapes for every byte outside printable ASCII and for the quote and the backslash.
        return '"' + "".join(_char(byte) for byte in value.encode()) + '"'
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"[{literal(str(k))}] = {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, Sequence):
        return "{" + ", ".join(literal(item) for item in value) + "}"
    raise TypeError(f"no Lua literal for {type(value).__name__}")


def _char(byte: int) -> str:
    if 32 <= byte < 127 and byte not in (34, 92):
        return chr(byte)
    return f"\\{byte:03d}"
