"""Shared extractors that fill a document's fact sheet.

Each extractor module exposes ``extract(doc, sheet, settings) -> None`` and
fills its own fields of the sheet. A module is named after its kind unless
``MODULES`` says otherwise (the ``facts`` kind is ``statements.py``, so that no
two modules share a name; the ``events`` kind is ``date_events.py``). The
engine runs only the extractors that the enabled rules require
(``Rule.requires``), plus their dependencies; ``factlint facts`` runs them all.
The dated events are a kind of their own, apart from ``dates``, because only
a rule that compares events needs them and finding them costs about as much
as all the other dates rules' checks.

The encoding facts (garbled runs, mojibake repairs: ``encoding.py``) are not
a fact-sheet kind: only document rules read them, so ``encoding_facts(doc)``
computes each once per document, on first use, and keeps it on the Document.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.document import Document
    from checker.facts import FactSheet

# extractor -> the extractors it needs first. The facts extractor reads the document date, and finds it
# itself when the dates extractor does not run: the date mentions of the whole text are not needed for it.
DEPENDENCIES: dict[str, tuple[str, ...]] = {
    "names": (),
    "numbers": (),
    "dates": (),
    "events": ("dates",),
    "facts": ("numbers",),
    "compounds": (),
}

ORDER = ("names", "numbers", "dates", "events", "facts", "compounds")

# extractor -> its module, where the two differ (the kind is what rules require and sheets record)
MODULES: dict[str, str] = {"events": "date_events", "facts": "statements"}


def closure(kinds: Iterable[str]) -> list[str]:
    """The extractors to run for ``kinds``, dependencies first."""
    wanted: set[str] = set()
    stack = list(kinds)
    while stack:
        kind = stack.pop()
        if kind not in wanted:
            wanted.add(kind)
            stack.extend(DEPENDENCIES[kind])
    return [kind for kind in ORDER if kind in wanted]


def run_extractors(doc: Document, sheet: FactSheet, settings: Settings, kinds: Iterable[str]) -> None:
    """Fill ``sheet`` with the given extractors (and what they depend on)."""
    for kind in closure(kinds):
        module = importlib.import_module(f"checker.extract.{MODULES.get(kind, kind)}")
        module.extract(doc, sheet, settings)
        sheet.extracted.append(kind)
