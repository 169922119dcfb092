"""Recall of NAM001 on planted misspellings in real prose (TAT-QA annual-report paragraphs).

In each document, up to six names that occur at least twice in the corpus (a
capitalised word that is not a common English word of six letters or more, such as a company, place or product
name) gets one occurrence misspelt with one realistic slip: a deletion, an
insertion or substitution of a neighbouring key, or two letters swapped. The
first letter is kept: the rule requires it by design, and slips of the first
letter are the rarest. A slip that happens to make an English word is drawn
again, since a real word is not a misspelling this rule can see.

All plants go into one corpus, linted once. A plant is caught when a finding
sits on it or lists it among its related locations. False alarms are findings
that the unmodified corpus does not produce and that touch no plant.
Skipped when the shared corpora are absent.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from checker.lexicon import zipf
from checker.testing import lint_sources

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpora" / "tatqa-dev"

# Floors actually achieved (94.1% of 270 plants, no false alarm; see -s); the aim is 90%.
MIN_RECALL = 0.92
MAX_FALSE_ALARMS = 0

_KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def _neighbours(char: str) -> str:
    lower = char.lower()
    for row_index, row in enumerate(_KEYBOARD):
        column = row.find(lower)
        if column >= 0:
            near = row[max(0, column - 1) : column] + row[column + 1 : column + 2]
            for other in (row_index - 1, row_index + 1):
                if 0 <= other < len(_KEYBOARD):
                    near += _KEYBOARD[other][max(0, column - 1) : column + 1]
            return near
    return "etaoin"


def _slip(word: str, rng: random.Random) -> str:
    kind = rng.choice(("delete", "insert", "substitute", "transpose"))
    if kind == "delete":
        i = rng.randrange(1, len(word))
        return word[:i] + word[i + 1 :]
    if kind == "insert":
        i = rng.randrange(1, len(word) + 1)
        return word[:i] + rng.choice(_neighbours(word[i - 1])) + word[i:]
    if kind == "substitute":
        i = rng.randrange(1, len(word))
        choices = [c for c in _neighbours(word[i]) if c != word[i].lower()]
        return word[:i] + rng.choice(choices) + word[i + 1 :]
    i = rng.randrange(1, len(word) - 1)
    if word[i] == word[i + 1]:
        return _slip(word, rng)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _names(sheets) -> dict[str, dict[str, list]]:
    """Capitalised non-English single-word names used at least twice in the corpus, by document."""
    by_text: dict[str, list] = {}
    for sheet in sheets:
        for mention in sheet.names:
            text = mention.text
            if mention.kind in ("word", "drug") and len(text) >= 6 and text.isalpha() and text[0].isupper() and text[1:].islower():
                by_text.setdefault(text, []).append((sheet.path, mention))
    out: dict[str, dict[str, list]] = {}
    for text, found in by_text.items():
        if len(found) >= 2 and zipf(text) < 3.5 and not all(m.initial for _, m in found):
            for path, mention in found:
                out.setdefault(path, {}).setdefault(text, []).append(mention)
    return out


def _plant(documents: dict[str, str], sheets, rng: random.Random, per_document: int = 6):
    """Up to ``per_document`` names misspelt once in each document; plants by path."""
    planted: dict[str, list] = {}
    out = dict(documents)
    known = {m.text.lower() for sheet in sheets for m in sheet.names}
    by_document = _names(sheets)
    used: set[str] = set()  # each name is misspelt once, so its right form stays in the corpus
    for sheet in sheets:
        names = {n: m for n, m in by_document.get(sheet.path, {}).items() if n not in used}
        edits = []
        for name in rng.sample(sorted(names), min(per_document, len(names))):
            used.add(name)
            mention = rng.choice([m for m in names[name] if not m.initial] or names[name])
            for _ in range(20):
                slip = _slip(name, rng)
                if zipf(slip) == 0 and slip.lower() not in known and slip != name:
                    edits.append((mention.start, mention.end, name, slip))
                    break
        if not edits:
            continue
        text = out[sheet.path]
        shift = 0
        spans = []
        for start, end, name, slip in sorted(edits):
            spans.append((start + shift, start + shift + len(slip), name, slip))
            shift += len(slip) - (end - start)
        for start, end, _name, slip in sorted(edits, reverse=True):
            text = text[:start] + slip + text[end:]
        out[sheet.path] = text
        planted[sheet.path] = spans
    return out, planted


ROUNDS = 5  # independent plantings (different names, positions and slips)


def _round(documents, baseline, before, seed):
    modified, planted = _plant(documents, baseline.sheets, random.Random(seed))
    result = lint_sources(modified, select=["NAM001"])

    def touched(path, start, end):
        return [(path, p[0]) for p in planted.get(path, ()) if start < p[1] and p[0] < end]

    caught = set()
    false_alarms = []
    paths = [s.path for s in result.sheets]
    for d in result.diagnostics:
        hits = touched(d.path, d.start, d.end)
        for related in d.related:
            target = result.sheets[paths.index(related.path)]
            start = target.line_starts[related.line - 1] + related.column - 1
            end = target.line_starts[related.end_line - 1] + related.end_column - 1
            hits += touched(related.path, start, end)
        caught.update(hits)
        if not hits and (d.path, modified[d.path][d.start : d.end]) not in before:
            false_alarms.append(f"{d.path}:{d.line}:{d.column} {d.message}")
    plants = [(path, p) for path, items in sorted(planted.items()) for p in items]
    missed = [f"{path}: {name} -> {slip}" for path, (start, _e, name, slip) in plants if (path, start) not in caught]
    return len(plants), len(plants) - len(missed), missed, false_alarms


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpora absent")
def test_planted_misspellings_are_caught():
    documents = {f"tatqa/{p.name}": p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    baseline = lint_sources(documents, select=["NAM001"])
    before = {(d.path, documents[d.path][d.start : d.end]) for d in baseline.diagnostics}
    total = caught = 0
    missed: list[str] = []
    false_alarms: list[str] = []
    for seed in range(ROUNDS):
        planted, found, round_missed, round_false = _round(documents, baseline, before, 20261122 + seed)
        total += planted
        caught += found
        missed += round_missed
        false_alarms += round_false
    assert total >= 200, "too few names to plant in"
    recall = caught / total
    print(f"\nplanted {total}, caught {caught} ({recall:.1%}), false alarms {len(false_alarms)}")
    print("missed:", *missed, sep="\n  ")
    print("false alarms:", *false_alarms, sep="\n  ")
    assert recall >= MIN_RECALL
    assert len(false_alarms) <= MAX_FALSE_ALARMS
