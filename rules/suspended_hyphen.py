"""TXT003: a suspended hyphen without its space: ``first-and second-generation``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.finding import Edit, Finding, Fix
from checker.patterns import LazyPattern
from checker.rule import Rule

# "first-and second-generation", "short-or long-term", "pre-and post-operative",
# "2-to 3-year": a word glued to "and"/"or"/"to"/"nor" by a hyphen, then a
# hyphenated compound. The first word must not itself end a longer compound
# ("face-to-face" style chains are left alone), and the second half must be
# a hyphenated word, which is what makes the first half a suspended prefix.
_SUSPENDED = LazyPattern(
    r"(?<![\w\-\u2010\u2011])([A-Za-z0-9]*[A-Za-z0-9])-(and|or|to|nor)"
    r"([ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t]*)"
    r"([A-Za-z0-9]+)-([A-Za-z][A-Za-z]+)(?![\w\-])",
    re.IGNORECASE,
)


# Cheap first pass: the hyphen glued to the conjunction.
_HINT = LazyPattern(r"-(and|or|to|nor)[ \t\r\n]", re.IGNORECASE)


class SuspendedHyphen(Rule):
    """A suspended hyphen written without its space: ``first-and second-generation``.

    What it checks
    --------------
    Reports a hyphenated prefix joined straight to "and", "or", "to" or "nor"
    when the next word is a hyphenated compound that completes it:
    ``first-and second-generation``, ``short-or long-term``,
    ``pre-and post-operative``. The correct form keeps the hyphen and adds a
    space: ``first- and second-generation``.

    Why it matters
    --------------
    Without the space, "first-and" reads as one compound word, and the sense
    ("first-generation and second-generation") is lost. Spell checkers and
    search do not catch it because every piece is a real word.

    Fix safety
    ----------
    The fix inserts the missing space; it is safe.

    Flagged
    -------
        resistant to first-and second-generation tyrosine kinase inhibitors

    Passes
    ------
        resistant to first- and second-generation tyrosine kinase inhibitors
        a face-to-face meeting and a rock-and-roll band
    """

    code = "TXT003"
    name = "suspended-hyphen"
    severity = "warning"

    def check(self, doc, facts) -> Iterator[Finding]:
        prose = doc.prose
        if "-" not in prose:
            return
        for hit in _HINT.finditer(prose):
            # Back up to the start of the word before the hyphen, then match.
            start = hit.start()
            while start > 0 and prose[start - 1].isalnum():
                start -= 1
            match = _SUSPENDED.match(prose, start)
            if match is None or match.end(2) != hit.end(1):
                continue
            text = doc.text[match.start() : match.end()]
            if text != match.group(0):
                continue  # straddles blanked markup
            first, conjunction = match.group(1), match.group(2)
            if first.lower() == conjunction.lower():
                continue
            hyphen = match.end(1)
            written = f"{first}-{conjunction}"
            suggested = f"{first}- {conjunction}"
            compound = f"{match.group(4)}-{match.group(5)}"
            yield self.finding(
                match.start(),
                match.end(2),
                f'"{written} {compound}" needs a space after the suspended hyphen: "{suggested} {compound}"',
                evidence=f'"{first}-" shares its second half with "{compound}"',
                fix=Fix((Edit(hyphen + 1, hyphen + 1, " "),), "safe", f'Write "{suggested}"'),
            )
