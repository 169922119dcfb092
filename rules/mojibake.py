"""ENC002: mojibake, UTF-8 text that was decoded with a legacy encoding."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.finding import Edit, Finding, Fix
from checker.rule import Rule
from checker.urls import in_url

if TYPE_CHECKING:
    from checker.document import Document
    from checker.extract.mojibake_repairs import Repair
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
    """Mojibake: UTF-8 text that was decoded with the wrong legacy encoding (Windows-1252, -1250, -1251, Mac Roman, ...).

    What it checks
    --------------
    Reports text that was written as UTF-8 and then read as Windows-1252,
    Latin-1, Windows-1250 (Central European), Windows-1251 (Cyrillic), Mac OS
    Roman, code page 437 or another legacy encoding (sometimes twice), so
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
    and applied by ``--fix``, only when all of these hold:

    - re-encoding the repaired text gives back the damaged text exactly (no
      byte was lost on the way);
    - the repaired word is plausibly better: ftfy's badness measure is lower
      for it than for the damaged word, its letters are of one script, every
      combining mark sits on a letter of a script it belongs to, and a
      single repaired letter is of a script the document uses elsewhere;
    - the damage is not inside a URL (changing a link can break it).

    Otherwise it is a suggestion.

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

        repairs = encoding_facts(doc).mojibake_repairs
        for repair in repairs:
            how = _how(repair.chain or repair.steps or (("sloppy-windows-1252", "utf-8"),))
            damaged = prose[repair.start : repair.end]
            safe = repair.chain is not None and _plausible(prose, repair, repairs) and not in_url(doc.text, repair.start)
            yield self.finding(
                repair.start,
                repair.end,
                f'"{excerpt(damaged, 40)}" is mojibake ({how}); it should read "{excerpt(repair.replacement, 40)}"',
                evidence="ftfy repair: " + ", ".join(f"{step} {name}" for step, name in repair.plan),
                fix=Fix(
                    (Edit(repair.start, repair.end, repair.replacement),),
                    "safe" if safe else "display",
                    f'Replace with "{repair.replacement}"',
                ),
            )


def _how(chain: tuple[tuple[str, str], ...]) -> str:
    wrong, right = chain[0]
    right_name = "UTF-8" if right == "utf-8" else ENCODING_NAMES.get(right, right)
    times = " twice" if len(chain) > 1 else ""
    return f"{right_name} read as {ENCODING_NAMES.get(wrong, wrong)}{times}"


def _plausible(prose: str, repair: Repair, repairs: tuple[Repair, ...]) -> bool:
    """Whether the repaired word reads better than the damaged one (see "Fix safety")."""
    from ftfy.badness import badness

    from checker.extract.unicode_chars import info

    start = repair.start
    while start > 0 and not prose[start - 1].isspace():
        start -= 1
    end = repair.end
    while end < len(prose) and not prose[end].isspace():
        end += 1
    damaged = prose[start:end]
    fixed = prose[start : repair.start] + repair.replacement + prose[repair.end : end]
    if badness(fixed) >= badness(damaged) and badness(repair.replacement) >= badness(prose[repair.start : repair.end]):
        return False
    scripts: set[str] = set()
    base = None
    for ch in fixed:
        item = info(ch)
        if item.kind in ("unassigned", "private", "control", "replacement"):
            return False
        if item.kind == "mark":
            if base is None or (item.follows is not None and base not in item.follows):
                return False
        elif item.kind == "letter":
            base = item.script
            scripts.add(item.script)
    if len(scripts) > 1:
        return False
    letters = [ch for ch in repair.replacement if info(ch).kind == "letter"]
    if len(letters) == 1 and scripts and not scripts <= {"Latin"}:
        # One letter of a script the document does not otherwise use is more likely a wrong repair.
        (script,) = scripts
        outside = prose[: repair.start] + prose[repair.end :]
        if not any(info(ch).script == script for ch in set(outside) if not ch.isascii()):
            return False
    return True
