"""Every rule's documentation examples do what the documentation says they do.

The text under ``Flagged``, linted as one document, gets at least one finding of
the rule; the text under ``Passes`` gets none. Every rule runs (``select = ALL``, and the
documented rule when it is off by default)
so that a suppression example has something to suppress; only the documented
rule's findings count. Conventions the examples use, shown to readers as written:

- ``<U+200B>`` stands for an invisible character, ``<0xE9>`` for a byte that is not UTF-8;
- lines that start with a file name and a colon (``letter.md:  ...``) are separate
  documents, continued by the lines indented below them; ``facts.toml`` is the
  reference ledger;
- a document with an HTML comment (a suppression directive) or a pipe table (a line
  that starts and ends with ``|``) is Markdown.
"""

from __future__ import annotations

import re
import textwrap

import pytest

from checker.registry import all_rules
from checker.rule import doc_sections
from checker.testing import lint_sources

_FILE = re.compile(r"(?P<name>[\w.-]+\.(?:md|txt|toml)):(?P<pad>\s+)(?P<text>.*)")
_CHAR = re.compile(r"<U\+([0-9A-F]{4,6})>")
_BYTE = re.compile(rb"<0x([0-9A-F]{2})>")
_PIPE_ROW = re.compile(r"^\|.*\|[ \t]*$", re.M)


def _example(section: str) -> str:
    """The indented text of a section (notes to the reader, unindented, left out)."""
    lines = [line for line in section.splitlines() if line.startswith("    ") or not line.strip()]
    return textwrap.dedent("\n".join(lines)).strip("\n") + "\n"


def _documents(text: str) -> dict[str, str]:
    """The example as named documents: one, or one per ``name:`` line."""
    first = _FILE.match(text)
    if first is None:
        return {"doc.md" if "<!--" in text or _PIPE_ROW.search(text) else "doc.txt": text}
    documents: dict[str, list[str]] = {}
    column = 0
    current = ""
    for line in text.splitlines():
        match = _FILE.match(line)
        if match:
            current = match["name"]
            column = match.start("text")
            documents.setdefault(current, []).append(match["text"])
        else:
            documents[current].append(line[column:])
    return {name: "\n".join(lines) + "\n" for name, lines in documents.items()}


def _lint(text: str, code: str, tmp_path, monkeypatch) -> list[str]:
    return [d.rule for d in _diagnostics(text, code, tmp_path, monkeypatch)]


def _diagnostics(text: str, code: str, tmp_path, monkeypatch) -> list:
    documents = _documents(_CHAR.sub(lambda m: chr(int(m[1], 16)), text))
    config = {}
    ledger = documents.pop("facts.toml", None)
    if ledger is not None:
        monkeypatch.chdir(tmp_path)
        (tmp_path / "facts.toml").write_text(ledger, encoding="utf-8")
        config["ledger"] = "facts.toml"
    data = {name: _BYTE.sub(lambda m: bytes([int(m[1], 16)]), body.encode("utf-8")) for name, body in documents.items()}
    # "ALL" plus the rule itself: a rule that is off by default runs only when named.
    return [d for d in lint_sources(data, ("ALL", code), config).diagnostics if d.rule == code]


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_flagged_examples_are_flagged(rule, tmp_path, monkeypatch):
    text = _example(doc_sections(rule)["Flagged"])
    assert _lint(text, rule.code, tmp_path, monkeypatch), f"{rule.code}: its Flagged example gives no finding:\n{text}"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_passing_examples_pass(rule, tmp_path, monkeypatch):
    text = _example(doc_sections(rule)["Passes"])
    assert _lint(text, rule.code, tmp_path, monkeypatch) == [], f"{rule.code}: its Passes example is flagged:\n{text}"


def test_the_conventions_are_read():
    assert _documents("a.md: one\n      two\nb.txt: three\n") == {"a.md": "one\ntwo\n", "b.txt": "three\n"}
    assert _documents("<!-- x -->\nText.\n") == {"doc.md": "<!-- x -->\nText.\n"}
    assert list(_documents("| a | b |\n|---|---|\n")) == ["doc.md"]
    assert _example("    line one\n\n(a note)\n    line two") == "line one\n\nline two\n"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_fix_titles_are_written_one_way(rule, tmp_path, monkeypatch):
    """An imperative with a capital ("Write", "Delete"), text to insert in double quotes."""
    text = _example(doc_sections(rule)["Flagged"])
    for diagnostic in _diagnostics(text, rule.code, tmp_path, monkeypatch):
        if diagnostic.fix is not None:
            title = diagnostic.fix.message
            assert title[:1].isupper(), title
            assert not re.search(r"(^|\s)'[^']*'($|[\s,.)])", title), f"single-quoted text in {title!r}"
