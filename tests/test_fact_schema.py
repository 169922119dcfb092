"""The fact sheet's plain dataclasses and its published JSON schema agree, and real sheets validate against it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest

from checker import facts
from checker.engine import Source, run
from checker.fact_schema import schema, to_jsonable
from checker.testing import settings_from

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = ROOT / "docs" / "fact-sheet.schema.json"
CLASSES = [value for value in vars(facts).values() if dataclasses.is_dataclass(value) and value.__module__ == facts.__name__]
SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null", dt.date: "string:date"}


def _expected(annotation) -> set:
    """The JSON types an annotation allows, as comparable tags."""
    origin = typing.get_origin(annotation)
    if annotation in SCALARS:
        return {SCALARS[annotation]}
    if origin in (typing.Union, types.UnionType):
        return set().union(*(_expected(arg) for arg in typing.get_args(annotation)))
    if origin is typing.Literal:
        return {("enum", tuple(typing.get_args(annotation)))}
    if origin is list or (origin is tuple and typing.get_args(annotation)[-1] is Ellipsis):
        return {("array", frozenset(_expected(typing.get_args(annotation)[0])))}
    if origin is tuple:
        return {("tuple", tuple(frozenset(_expected(arg)) for arg in typing.get_args(annotation)))}
    if dataclasses.is_dataclass(annotation):
        return {("ref", annotation.__name__)}
    raise AssertionError(f"no JSON type known for {annotation!r}")


def _actual(prop: dict) -> set:
    """The JSON types a schema property allows, as the same tags."""
    if "anyOf" in prop:
        return set().union(*(_actual(option) for option in prop["anyOf"]))
    if "$ref" in prop:
        return {("ref", prop["$ref"].rsplit("/", 1)[-1])}
    if "enum" in prop:
        return {("enum", tuple(prop["enum"]))}
    if "const" in prop:
        return {("enum", (prop["const"],))}
    kind = prop["type"]
    if kind == "array" and "prefixItems" in prop:
        return {("tuple", tuple(frozenset(_actual(item)) for item in prop["prefixItems"]))}
    if kind == "array":
        return {("array", frozenset(_actual(prop["items"])))}
    if kind == "string" and prop.get("format") == "date":
        return {"string:date"}
    return {kind}


def test_published_schema_is_generated_from_the_dataclasses():
    assert json.loads(PUBLISHED.read_text(encoding="utf-8")) == schema(), "regenerate: factlint facts --schema > docs/fact-sheet.schema.json"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_every_field_is_in_the_schema_with_its_type(cls):
    generated = schema()
    definition = generated if cls is facts.FactSheet else generated["$defs"][cls.__name__]
    properties = definition["properties"]
    hints = typing.get_type_hints(cls)
    printed = [f for f in dataclasses.fields(cls) if not (cls is facts.FactSheet and f.name == "line_starts")]
    assert [f.name for f in printed] == list(properties), f"{cls.__name__}: fields and schema properties differ"
    for item in printed:
        assert _expected(hints[item.name]) == _actual(properties[item.name]), f"{cls.__name__}.{item.name}"
        has_default = item.default is not dataclasses.MISSING or item.default_factory is not dataclasses.MISSING
        assert (item.name in definition.get("required", [])) == (not has_default), f"{cls.__name__}.{item.name}: required"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_facts_are_slotted_plain_data(cls):
    assert "__slots__" in vars(cls) and not hasattr(cls, "__pydantic_fields__")
    frozen = cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert frozen == (cls is not facts.FactSheet), f"{cls.__name__}: facts are frozen; the sheet is filled in by the extractors"


def test_importing_the_facts_imports_no_validation_library():
    code = "import sys, checker.facts, checker.finding; sys.exit('pydantic' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def _sample_sheets():
    documents = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests" / "data" / "planted").rglob("*.*"))]
    sources = [Source(str(path.relative_to(ROOT)), data=path.read_bytes()) for path in documents]
    return run(sources, settings_from({"dates": {"fiscal-year-end": "06-30"}}), [], jobs=1, extract_all=True).sheets


def test_real_sheets_validate_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    sheets = _sample_sheets()
    assert sheets
    validator = jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())
    seen = set()
    for sheet in sheets:
        view = to_jsonable(sheet)
        validator.validate(view)
        seen |= {key for key, value in view.items() if value}
    # The sample exercises the sections, so that a wrong type in any of them would show.
    assert {"names", "quantities", "claims", "dates", "facts"} <= seen


def test_facts_command_prints_the_schema(run_cli):
    code, out, _ = run_cli("facts", "--schema")
    assert code == 0 and json.loads(out) == schema()
