"""ENC002: mojibake, UTF-8 text that was decoded with a legacy encoding."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.finding import Edit, Finding, Fix
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.document import Document
    from checker.facts import FactSheet

ENCODING_NAMES = {
    "sloppy-windows-1252": "Windows-1252",
    "windows-1252": "Windows-1252",
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1",
    "iso-8859-1": "Latin-1",
    "sloppy-windows-1251": "Windows-1251",
    "sloppy-windows-1250": "Windows-1250",
    "sloppy-windows-1253": "Windows-1253",
    "sloppy-windows-1254": "Windows-1254",
    "sloppy-windows-1257": "Windows-1257",
    "macroman": "Mac OS Roman",
    "cp437": "code page 437",
    "iso-8859-2": "Latin-2",
}


class Mojibake(Rule):
    """Mojibake: UTF-8 text that was decoded with the wrong legacy encoding (Windows-1252, Latin-1).

    What it checks
    --------------
    Reports text that was written as UTF-8 and then read as Windows-1252,
    Latin-1, Mac OS Roman or another legacy encoding (sometimes twice), so
    that each accented letter or curly quote became two or three odd
    characters. Detection and repair use ftfy, which recognises the
    character sequences that mojibake produces and that real text does not:
    correct accented text in any language ("œuvre", "România", "Mähren",
    "Việt Nam"), Greek and mathematical symbols stay quiet.

    Why it matters
    --------------
    "MÃ¼nchen" is not "München" to a reader, to search or to the names
    rules, and the damage spreads each time the text is copied.

    Fix safety
    ----------
    The fix replaces each damaged sequence with ftfy's repair. It is safe,
    and applied by ``--fix``, when the repair only undoes the wrong decoding
    and re-encoding the repaired text gives back the damaged text exactly;
    otherwise (a byte was lost on the way) it is a suggestion.

    Flagged
    -------
        The companyâ€™s office in MÃ¼nchen opened in 2020.

    Passes
    ------
        The company’s office in München opened in 2020.
    """

    code = "ENC002"
    name = "mojibake"
    severity = "warning"

    def check(self, doc: Document, facts: FactSheet) -> Iterator[Finding]:
        prose = doc.prose
        if prose.isascii():
            return
        from checker.extract.encoding import encoding_facts
        from checker.extract.unicode_chars import excerpt

        for repair in encoding_facts(doc).mojibake_repairs:
            how = _how(repair.chain or repair.steps or (("sloppy-windows-1252", "utf-8"),))
            damaged = prose[repair.start : repair.end]
            yield self.finding(
                repair.start,
                repair.end,
                f'"{excerpt(damaged, 40)}" is mojibake ({how}); it should read "{excerpt(repair.replacement, 40)}"',
                evidence="ftfy repair: " + ", ".join(f"{step} {name}" for step, name in repair.plan),
                fix=Fix(
                    (Edit(repair.start, repair.end, repair.replacement),),
                    "safe" if repair.chain else "display",
                    f'Replace with "{repair.replacement}"',
                ),
            )


def _how(chain: tuple[tuple[str, str], ...]) -> str:
    wrong, right = chain[0]
    right_name = "UTF-8" if right == "utf-8" else ENCODING_NAMES.get(right, right)
    times = " twice" if len(chain) > 1 else ""
    return f"{right_name} read as {ENCODING_NAMES.get(wrong, wrong)}{times}"
