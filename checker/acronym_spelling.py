"""Whether a long form spells its acronym: the initials of its words give the acronym's letters.

The definition finder (``checker.extract.name_parens``) accepts a long form
when the acronym's letters occur in it in order, the first at the start of a
word (Schwartz-Hearst). That is wide enough for prose around a parenthesis to
pass: ``CRI (CPU shares, quota, and memory limit)``, ``BIP (see below)``.
Rules that judge a definition against another use, or against a second
definition, ask for more: every content word of the long form supplies the
next letter of the acronym with its first letter (and may supply a few more
from inside it: ``Windows Remote Management`` for ``WinRM``; an X may stand
for "ex" or "cross" inside a word: ``Extensible Markup Language`` for ``XML``),
small function words may be skipped, and the acronym itself is not one of
the words.

Also here: whether the text names an acronym where it stands, alone in
parentheses after words (``the SSH service (SSHD)``), which is how a
definition the finder does not read still introduces it.
"""

from __future__ import annotations

from checker.patterns import LazyPattern

# Words a long form may skip or use ("Department of Defense (DoD)", "Time-To-Live (TTL)").
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "an", "by", "with", "or", "at", "from", "de", "du", "la"})
_WORD = LazyPattern(r"[^\W_]+")
# More words than this cannot be one acronym's long form.
_MAX_WORDS = 12


def acronym_letters(short: str) -> str:
    """The letters an acronym spells, lower case: ``TKIs`` -> ``tki``, ``WinRM`` -> ``winrm``."""
    if len(short) > 2 and short.endswith("s") and short[-2].isupper():
        short = short[:-1]
    return "".join(c for c in short.lower() if c.isalpha())


def spelled_tail(short: str, long: str) -> str | None:
    """The longest tail of ``long`` whose words' initials spell ``short``, or None.

    ``specify Container Device Interface`` gives ``Container Device Interface``
    for ``CDI``; ``see below`` gives None for ``BIP``. An acronym with digits
    (``W3C``) is not judged: its long form is returned whole.
    """
    if any(c.isdigit() for c in short):
        return long
    letters = acronym_letters(short)
    if len(letters) < 2:
        return None
    matches = list(_WORD.finditer(long))
    words = [m.group().lower() for m in matches]
    if not words or len(words) > _MAX_WORDS or any(_is_the_acronym(w, letters) for w in words):
        return None
    for first in range(len(words)):
        if _spells(words, first, letters, 0):
            return long[matches[first].start() :].strip()
    return None


def _is_the_acronym(word: str, letters: str) -> bool:
    """``sig``, ``sigs``, and the acronym with a number (``abi3``) for ``SIG`` / ``ABI``."""
    word = word.rstrip("0123456789")
    return word == letters or (word.endswith("s") and word[:-1] == letters)


def _spells(words: list[str], index: int, letters: str, at: int) -> bool:
    """Whether ``words[index:]`` spell ``letters[at:]``, each content word from its initial on."""
    if index == len(words):
        return at == len(letters)
    word = words[index]
    if (word in _FUNCTION_WORDS or word.isdigit()) and _spells(words, index + 1, letters, at):
        return True
    if at == len(letters):
        return False
    if word[0] == letters[at]:
        position = 1
    elif letters[at] == "x" and "x" in word:
        position = word.index("x") + 1  # X for "ex" or "cross": "Extensible Markup Language (XML)"
    else:
        return False
    # The word gives its initial and, in order, any number of the letters after it.
    taken = at + 1
    while True:
        if _spells(words, index + 1, letters, taken):
            return True
        if taken == len(letters):
            return False
        found = word.find(letters[taken], position)
        if found < 0:
            return False
        position, taken = found + 1, taken + 1


def named_in_parentheses(prose: str, start: int, end: int) -> bool:
    """Whether ``prose[start:end]`` is the whole of a parenthesis after words, the way a definition names a term."""
    if not (start > 0 and prose[start - 1] == "(" and prose[end : end + 1] == ")"):
        return False
    before = prose[max(0, start - 40) : start - 1].rstrip()
    return before[-1:].isalpha()
