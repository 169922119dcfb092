"""Whether a plain-text file is reStructuredText source, whose backslash escapes are meant.

Python's PEPs, Sphinx documentation and many READMEs are reStructuredText
kept as ``.txt``; there ``\\*args`` is an escape that rendering removes, as in
Markdown. A text counts as reStructuredText when it has markup that plain
prose and Markdown do not write: a directive (``.. note::``), a link target
(``.. _label:``), an interpreted role (``:func:`len```), a reference
(```Python`_``), a simple table's border (``=====  =====``), or inline
literals (````len````) together with a literal block introduced by ``::``.
"""

from __future__ import annotations

import re

from checker.patterns import LazyPattern

_STRONG = LazyPattern(
    r"^\.\. (?:[A-Za-z][\w:-]*::|_[^:\n]+:)"  # a directive or a link target
    r"|:[a-z][\w.-]*:`[^`\n]+`"  # an interpreted role
    r"|`[^`\n]+`__?(?!\w)"  # a reference
    r"|^=+(?:[ \t]+=+)+[ \t]*$",  # a simple table's border
    re.M,
)
_LITERAL = LazyPattern(r"``[^`\n]+``")
# A line ruling a heading under (or over): one of these marks three times or more (setext, reStructuredText).
_SECTION_RULE = LazyPattern(r"[ \t]*([=\-*~^#+_])\1{2,}[ \t]*")
_LITERAL_BLOCK = LazyPattern(r"\S::[ \t]*\r?\n[ \t]*\r?\n[ \t]+\S")


def looks_like_restructuredtext(text: str) -> bool:
    """Whether ``text`` carries reStructuredText markup (see the module docstring)."""
    if "`" not in text and ".. " not in text and "==" not in text:
        return False
    if _STRONG.search(text):
        return True
    literals = _LITERAL.finditer(text)
    return next(literals, None) is not None and next(literals, None) is not None and bool(_LITERAL_BLOCK.search(text))


def is_section_rule(line: str) -> bool:
    """Whether ``line`` rules a plain-text heading: ``=====``, ``-----``, ``*****`` and the like."""
    return _SECTION_RULE.fullmatch(line.rstrip("\r")) is not None
