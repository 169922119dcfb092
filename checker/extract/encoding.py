"""The encoding facts of one document: garbled runs, mojibake repairs, its non-ASCII characters.

Several encoding rules need the same facts about a document's prose (the
garbled-text, replacement-character and mixed-script-word rules all need the
garbled runs). ``encoding_facts(doc)`` computes each fact once per document,
on first use, and keeps it on the Document. The facts are not written into
the fact sheet: only document rules read them, in the process that parsed the
document, and most documents never need them (ASCII prose has none).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.document import Document
    from checker.extract.garbled import GarbledRun
    from checker.extract.mojibake_repairs import Repair


class EncodingFacts:
    """The encoding facts of one text, each computed on first use."""

    def __init__(self, prose: str) -> None:
        self.prose = prose

    @cached_property
    def non_ascii(self) -> frozenset[str]:
        """The distinct non-ASCII characters of the prose."""
        from checker.extract.unicode_chars import non_ascii_characters

        return non_ascii_characters(self.prose)

    @cached_property
    def garbled_runs(self) -> tuple[GarbledRun, ...]:
        """Runs of characters that cannot be real text, in order."""
        prose = self.prose
        if prose.isascii() and "(cid:" not in prose:
            return ()
        from checker.extract.garbled import garbled_runs

        return tuple(garbled_runs(prose))

    @cached_property
    def mojibake_repairs(self) -> tuple[Repair, ...]:
        """Mojibake that ftfy repairs, one repair per damaged word, in order."""
        if self.prose.isascii():
            return ()
        from checker.extract.mojibake_repairs import mojibake_repairs

        return tuple(mojibake_repairs(self.prose))


def encoding_facts(doc: Document) -> EncodingFacts:
    """The encoding facts of ``doc``'s prose (computed at most once per document)."""
    # Kept in the Document's own namespace, like its cached properties: it lives
    # and dies with the document.
    store = vars(doc)
    facts = store.get(_KEY)
    if facts is None:
        facts = store[_KEY] = EncodingFacts(doc.prose)
    return facts


_KEY = "_encoding_facts"
