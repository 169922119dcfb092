"""The seeds' defects are found when the seed text is put into HTML, Word and PDF.

Each seed is linted as plain text (one paragraph per block) and as each format
built from the same paragraphs (tests/formats/make.py); every finding of the
text version must come back from the other format, at the same words. Known
differences are listed with their reason.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from checker.readers import read_document
from checker.testing import lint_sources

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "formats"))
import make  # noqa: E402

# Rules that by their own design do not apply to a format (none).
NOT_APPLICABLE: dict[str, set[str]] = {"html": set(), "docx": set(), "pdf": set()}
# Rules whose findings are compared by count, not message: the PDF's font (DejaVu Sans, the one font
# every test machine has) lacks most glyphs of the garbled runs, so the PDF holds shorter runs.
BY_COUNT = {"html": set(), "docx": set(), "pdf": {"ENC003"}}


def _message(message: str, rule: str = "", fmt: str = "") -> str:
    """A message without the line numbers it cites (each format numbers lines its own way)."""
    if rule in BY_COUNT.get(fmt, ()):
        return ""
    # Each format names its own line numbers and its own paragraph break.
    return re.sub(r"\bline \d+", "line N", message).replace("in the next paragraph element", "after a blank line")


def _findings(path: str, data: bytes) -> list:
    return lint_sources({path: data}).diagnostics


def _expected(seed: str) -> list:
    text = (ROOT / seed).read_text(encoding="utf-8")
    plain = ("\n\n".join(make.paragraphs(text)) + "\n").encode()
    return _findings("seed.txt", plain)


def _check(seed: str, name: str, data: bytes, fmt: str, normalise=lambda s: s) -> None:
    expected = _expected(seed)
    found = _findings(name, data)
    skip = NOT_APPLICABLE[fmt]
    want = Counter((d.rule, _message(d.message, d.rule, fmt)) for d in expected if d.rule not in skip)
    got = Counter((d.rule, _message(d.message, d.rule, fmt)) for d in found)
    assert not want - got, f"missed in {fmt}: {want - got}"
    assert not got - want, f"only in {fmt}: {got - want}"
    # The same words at each finding's place, in the format's own text.
    text = (ROOT / seed).read_text(encoding="utf-8")
    plain = "\n\n".join(make.paragraphs(text)) + "\n"
    doc = read_document(name, data)[0]
    for finding in found:
        if finding.rule in BY_COUNT[fmt]:
            continue
        match = next(d for d in expected if (d.rule, _message(d.message)) == (finding.rule, _message(finding.message)))
        assert normalise(doc.text[finding.start : finding.end]) == normalise(plain[match.start : match.end])


@pytest.mark.parametrize("seed", make.SEEDS)
def test_seed_defects_found_in_html(seed: str) -> None:
    text = (ROOT / seed).read_text(encoding="utf-8")
    # A finding across two paragraphs (TXT002) spans the tags between them: compare the words.
    _check(seed, "seed.html", make.as_html(text), "html", lambda s: " ".join(re.sub(r"<[^>]*>", " ", s).split()))


@pytest.mark.parametrize("seed", make.SEEDS)
def test_seed_defects_found_in_docx(seed: str) -> None:
    text = (ROOT / seed).read_text(encoding="utf-8")
    _check(seed, "seed.docx", make.as_docx(text), "docx")


@pytest.mark.parametrize("seed", make.SEEDS)
def test_seed_defects_found_in_pdf(seed: str) -> None:
    text = (ROOT / seed).read_text(encoding="utf-8")
    _check(seed, "seed.pdf", make.as_pdf(text), "pdf", normalise=lambda s: " ".join(s.split()))
