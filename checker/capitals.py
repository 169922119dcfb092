"""Multi-word terms written with different capitals in one document (CON004).

``term_forms(doc)`` reads every run of two to four words that starts and ends
with a content word (``Board of Directors``, ``phase 3``, ``Labour Party``)
and groups its occurrences by the words without case. Only occurrences whose
capitals say something are kept: not the first word of a sentence, not in a
heading or a title-like line, not directly before or after another
capitalised word (a title before a name, ``Prime Minister Tony Blair``, or a
piece of a longer name, ``Royal Bank of Scotland``, ``Convention on Human
Rights``), not right after an opening quote, bracket or colon, and not all in
capitals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.compounds import FUNCTION_WORDS
from checker.restructuredtext import is_section_rule

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*|\d+[A-Za-z]?")
_WORDY = re.compile(r"[A-Za-z]{2}")
_CONNECTORS = frozenset({"of", "and", "for", "on", "&"})
# After an opening quote or bracket, or a colon, a word starts a sentence of its own.
_OPENS = re.compile(r"[\"\u201c\u2018'(\[:]\s*$")
_MAX_WORDS = 4


@dataclass
class Term:
    """One term's occurrences, by the form written: form -> spans."""

    key: str
    forms: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def _title_like(text: str) -> bool:
    """A line that capitalises most of its words (a headline) says nothing by its capitals."""
    words = [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() not in FUNCTION_WORDS]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) * 2 >= len(words) and text.rstrip()[-1:] not in ".!?:;"


def _title(text: str) -> bool:
    """A paragraph that is a heading by its form: one title-like line, or one line ruled under (and over)
    with a run of "=", "-", "*" and the like, as plain text marks its headings."""
    lines = text.strip().split("\n")
    if len(lines) == 1:
        return _title_like(text)
    kept = [line for line in lines if not is_section_rule(line)]
    return len(kept) == 1 and len(lines) - len(kept) <= 2


def _content(token: str) -> bool:
    return token.isdigit() or (token.lower() not in FUNCTION_WORDS and token.lower() not in _CONNECTORS and len(token) > 1)


def term_forms(doc) -> list[Term]:
    """Terms written with more than one pattern of capitals, outside sentence starts and headings."""
    prose = doc.prose
    terms: dict[str, Term] = {}
    capitalised: set[str] = set()
    titles: dict[int, bool] = {}  # by paragraph: a one-line, title-like paragraph
    for sentence in doc.sentences:
        block = doc.paragraphs[sentence.paragraph]
        if block.kind in ("heading", "table"):
            continue
        if sentence.paragraph not in titles:
            titles[sentence.paragraph] = _title(prose[block.start : block.end])
        if titles[sentence.paragraph]:
            continue
        tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(prose, sentence.start, sentence.end)]
        wordy = _WORDY.search(prose, sentence.start, sentence.end)
        for i in range(1, len(tokens)):
            if not _content(tokens[i][0]) or tokens[i][0][0].isdigit():
                continue
            if wordy is None or wordy.end() > tokens[i][1]:
                continue  # only a list marker before it: "(1) Net revenues", "a. Fiscal 2019"
            for j in range(i + 1, min(i + _MAX_WORDS, len(tokens))):
                last = tokens[j][0]
                if not _content(last):
                    if last.lower() in _CONNECTORS:
                        continue
                    break
                words = [t[0] for t in tokens[i : j + 1]]
                if any(w.isupper() and len(w) > 1 for w in words) or any(not _content(w) and w.lower() not in _CONNECTORS for w in words):
                    break
                start, end = tokens[i][1], tokens[j][2]
                if prose[start:end] != " ".join(words) and re.sub(r"\s+", " ", prose[start:end]) != " ".join(words):
                    break  # punctuation inside
                if sum(w.lower() in _CONNECTORS for w in words) > 1:
                    break
                before = tokens[i - 1][0]
                after = tokens[j + 1][0] if j + 1 < len(tokens) else ""
                if (before[:1].isupper() and i - 1 > 0) or after[:1].isupper() or after[:1].isdigit():
                    continue
                if before.lower() in _CONNECTORS and i > 2 and tokens[i - 2][0][:1].isupper():
                    continue  # the end of a longer name: "Convention on Human Rights", "Department for Work and Pensions"
                if _OPENS.search(prose, max(sentence.start, start - 3), start):
                    continue
                form = " ".join(words)
                key = form.lower()
                terms.setdefault(key, Term(key)).forms.setdefault(form, []).append((start, end))
                if any(w[0].isupper() for w in words):
                    capitalised.add(key)
    return [t for k, t in terms.items() if k in capitalised and len(t.forms) > 1]
