"""The fact sheet as JSON, and its published JSON schema, both from the dataclasses of ``checker.facts``.

The sheets are plain dataclasses so that pass 1 never imports a validation
library; pydantic reads those same definitions here (a ``TypeAdapter``), only
when a sheet is printed (``factlint facts``) or the schema is asked for
(``factlint facts --schema``, published as ``docs/fact-sheet.schema.json``).
So the schema cannot drift from the data, and the JSON is what pydantic's
serializer writes.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from checker.facts import FactSheet

# ``factlint facts`` leaves out the line index: it is for resolving offsets, not a fact.
PRINTED_EXCLUDE = frozenset({"line_starts"})


@cache
def _adapter() -> TypeAdapter[FactSheet]:
    from pydantic import TypeAdapter

    from checker.facts import FactSheet

    return TypeAdapter(FactSheet)


def to_json(sheet: FactSheet, indent: int | None = 2, exclude: Collection[str] = PRINTED_EXCLUDE) -> str:
    """The sheet as JSON text, as ``factlint facts`` prints it (``exclude``: top-level fields left out)."""
    return _adapter().dump_json(sheet, indent=indent, exclude=set(exclude)).decode("utf-8")


def to_jsonable(sheet: FactSheet, exclude: Collection[str] = PRINTED_EXCLUDE) -> dict[str, Any]:
    """The sheet as JSON-compatible Python data (dates as ISO strings, tuples as lists)."""
    return _adapter().dump_python(sheet, mode="json", exclude=set(exclude))


def schema() -> dict[str, Any]:
    """The JSON schema (draft 2020-12) of what ``factlint facts FILE`` prints."""
    generated = _adapter().json_schema(mode="serialization")
    properties = generated.get("properties", {})
    required = generated.get("required", [])
    for name in PRINTED_EXCLUDE:
        properties.pop(name, None)
        if name in required:
            required.remove(name)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **generated}
