"""Adding a term to the vocabulary of a factlint configuration file, as a text edit.

``[tool.factlint.vocabulary]`` in pyproject.toml, ``[vocabulary]`` in
factlint.toml: ``accept = [...]`` gains a term, ``prefer`` gains a variant
of a canonical form. The file is edited in place, keeping everything else
as written; an assignment that is rewritten is written again whole. Every
edit is checked by reading the new text back: it must parse, and differ from
the old configuration by the added term alone. A layout this module cannot
edit that way (dotted keys, an inline ``vocabulary = {...}``) gives None.
"""

from __future__ import annotations

import copy
import json
import re
import tomllib
from typing import Any


def add_accept(text: str, pyproject: bool, term: str) -> str | None:
    """The config text with ``term`` in ``accept``, or None (already there, or not editable)."""
    vocabulary = _vocabulary(text, pyproject)
    if vocabulary is None or term in vocabulary.get("accept", ()):
        return None
    values = [*vocabulary.get("accept", ()), term]
    return _checked(text, pyproject, _set_key(text, pyproject, (), "accept", _array(values)), "accept", values)


def add_prefer(text: str, pyproject: bool, canonical: str, variant: str) -> str | None:
    """The config text with ``variant`` listed under ``prefer.canonical``, or None."""
    vocabulary = _vocabulary(text, pyproject)
    if vocabulary is None:
        return None
    prefer = dict(vocabulary.get("prefer", {}))
    if variant in prefer.get(canonical, ()):
        return None
    prefer[canonical] = [*prefer.get(canonical, ()), variant]
    lines = text.splitlines(keepends=True)
    if _header(lines, _prefix(pyproject) + ("vocabulary", "prefer")) is not None:  # a [vocabulary.prefer] table
        new = _set_key(text, pyproject, ("prefer",), canonical, _array(prefer[canonical]))
    else:
        new = _set_key(text, pyproject, (), "prefer", _inline(prefer))
    return _checked(text, pyproject, new, "prefer", prefer)


def new_config(pyproject: bool) -> str:
    """The text of a configuration file with an empty vocabulary table (to add terms to)."""
    return "[tool.factlint.vocabulary]\n" if pyproject else "[vocabulary]\n"


def _prefix(pyproject: bool) -> tuple[str, ...]:
    return ("tool", "factlint") if pyproject else ()


def _load(text: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return None


def _section(data: dict[str, Any], pyproject: bool) -> dict[str, Any]:
    for key in _prefix(pyproject):
        data = data.get(key, {})
    return data


def _vocabulary(text: str, pyproject: bool) -> dict[str, Any] | None:
    data = _load(text)
    if data is None:
        return None
    vocabulary = _section(data, pyproject).get("vocabulary", {})
    return vocabulary if isinstance(vocabulary, dict) else None


def _checked(old: str, pyproject: bool, new: str | None, key: str, value: Any) -> str | None:
    """``new`` if it reads back as ``old`` with ``vocabulary.key`` set to ``value`` and nothing else changed."""
    before, after = _load(old), _load(new) if new is not None else None
    if before is None or after is None:
        return None
    expected = copy.deepcopy(before)
    section = expected
    for part in _prefix(pyproject):
        section = section.setdefault(part, {})
    section.setdefault("vocabulary", {})[key] = value
    return new if after == expected else None


_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in dotted.split("."))


def _header(lines: list[str], table: tuple[str, ...]) -> int | None:
    """The index of the line that opens ``[table]``."""
    for index, line in enumerate(lines):
        match = _HEADER.match(line)
        if match and _parts(match.group(1)) == table:
            return index
    return None


def _set_key(text: str, pyproject: bool, below: tuple[str, ...], key: str, value: str) -> str | None:
    """``key = value`` in the table ``vocabulary.below``: the assignment replaced, or inserted after the header."""
    lines = text.splitlines(keepends=True)
    table = _prefix(pyproject) + ("vocabulary", *below)
    newline = "\r\n" if "\r\n" in text else "\n"
    assignment = f"{_key(key)} = {value}{newline}"
    index = _header(lines, table)
    if index is None:
        if below:
            return None
        tail = "" if not text or text.endswith(("\n", "\r")) else newline
        gap = newline if text.strip() else ""
        return text + tail + gap + f"[{'.'.join(table)}]{newline}" + assignment
    for position in range(index + 1, len(lines)):
        if _HEADER.match(lines[position]) and not lines[position].lstrip().startswith("[["):
            break
        match = _KEY.match(lines[position])
        if match and _parts(match.group(1)) == (key,):
            end = _assignment_end(lines, position)
            if end is None:
                return None
            return "".join(lines[:position]) + assignment + "".join(lines[end:])
    return "".join(lines[: index + 1]) + assignment + "".join(lines[index + 1 :])


def _assignment_end(lines: list[str], start: int) -> int | None:
    """One past the last line of the assignment that starts at ``lines[start]`` (values may span lines)."""
    for end in range(start + 1, min(len(lines), start + 2000) + 1):
        if _load("".join(lines[start:end])) is not None:
            return end
    return None


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _array(values) -> str:
    return "[" + ", ".join(json.dumps(value, ensure_ascii=False) for value in values) + "]"


def _inline(table: dict[str, Any]) -> str:
    return "{ " + ", ".join(f"{_key(key)} = {_array(values)}" for key, values in table.items()) + " }"
