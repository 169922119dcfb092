"""Issue 19: ordinary large inputs take linear time.

Each test counts the work done (characters compared, characters scanned,
calls), never wall time, on the input that used to be quadratic, and fails
without its fix. ``bench/hostile.py`` times the same inputs as a whole process.
"""

from __future__ import annotations

import random
import re
from difflib import SequenceMatcher

import pytest
import regex

from checker.extract.alignment import differences
from checker.extract.mojibake_repairs import mojibake_repairs
from checker.patterns import NextStop
from checker.readers.markdown_inline import comments, images, inline_code, links


def _opcodes(text: str, fixed: str) -> list[tuple[int, int, int, int]]:
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes() if tag != "equal"]


# --- ENC002: the differences between a line and its repair ----------------------------


@pytest.fixture
def compared(monkeypatch):
    """The area (characters of one side x characters of the other) that SequenceMatcher searches, in all."""
    work = [0]
    search = SequenceMatcher.find_longest_match

    def counting(self, alo=0, ahi=None, blo=0, bhi=None):
        ahi = len(self.a) if ahi is None else ahi
        bhi = len(self.b) if bhi is None else bhi
        work[0] += (ahi - alo) * (bhi - blo)
        return search(self, alo, ahi, blo, bhi)

    monkeypatch.setattr(SequenceMatcher, "find_longest_match", counting)
    return work


@pytest.mark.parametrize("unit", ["caf\u00c3\u00a9 \u00e2\u20ac\u201c ", "the company\u00e2\u20ac\u2122s report on M\u00c3\u00bcnchen and more words here "])
def test_mojibake_line_is_compared_word_by_word(compared, unit):
    sizes = (2_000, 4_000)
    work = []
    for size in sizes:
        compared[0] = 0
        repairs = mojibake_repairs(unit * (size // len(unit)))
        assert repairs
        work.append(compared[0])
    # Whole-line comparison searched about size x size / 2 characters (2 million at 2,000 characters).
    assert work[1] <= 2.2 * work[0]
    assert work[1] <= 20 * sizes[1]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("caf\u00c3\u00a9 na\u00c3\u00afve", "caf\u00e9 na\u00efve"),
        ("voil\u00c3  tout", "voil\u00e0 tout"),  # a lost 0xA0 byte restored: a space is gone
        ("L\u00c3 -bas et L\u00c3 -bas x", "L\u00e0-bas et L\u00e0-bas x"),  # and two words are one
        ("\u00c3\u00a0 \u00c2\u00a3 the above", "\u00e0 \u00a3 the above"),
        ("Ã\xa0 привет Ελλάδα  dÃ©jÃ", "à привет Ελλάδα  déjÃ"),
        ("a â€? b", "a \ufffd b"),  # a lossy sequence: a "?" is gone
        ("", ""),
        ("   ", " "),
    ],
)
def test_differences_are_those_of_the_whole_line_comparison(text, fixed):
    assert differences(text, fixed) == _opcodes(text, fixed)


def test_differences_of_repetitive_merged_words_stay_linear(compared):
    # Every "LÃ -bas" became "Là-bas": no two words line up, the alignment resynchronises at each.
    assert differences("L\u00c3 -bas " * 20, "L\u00e0-bas " * 20) == _opcodes("L\u00c3 -bas " * 20, "L\u00e0-bas " * 20)
    work = []
    for count in (200, 400):
        compared[0] = 0
        found = differences("L\u00c3 -bas " * count, "L\u00e0-bas " * count)
        assert found == [(x, x + 2, y, y + 1) for x, y in zip(range(1, 8 * count, 8), range(1, 7 * count, 7))]
        work.append(compared[0])
    assert work[1] <= 2.2 * work[0]


@pytest.mark.parametrize(
    "line",
    [
        "caf\u00c3\u00a9" * 2_000,  # one long word
        # Japanese read as Windows-1252, its undefined bytes lost: U+FFFD on both sides of the repair
        ("\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8\u3001" * 700).encode("utf-8").decode("cp1252", "replace"),
    ],
)
def test_long_pieces_are_not_compared_character_against_character(monkeypatch, line):
    exhaustive = []
    original = SequenceMatcher.__init__

    def recording(self, isjunk=None, a="", b="", autojunk=True):
        if not autojunk:
            exhaustive.append(len(a))
        original(self, isjunk, a, b, autojunk)

    monkeypatch.setattr(SequenceMatcher, "__init__", recording)
    assert mojibake_repairs(line)
    # Without autojunk, every occurrence of a repeated character is tried against every other.
    assert max(exhaustive, default=0) <= 64


# --- the Markdown reader: inline code, comments, images and links in one pass -----------

# The patterns the reader used to run with finditer: the scanners must find exactly their matches.
_INLINE_CODE = re.compile(r"(?<![`\\])(`+)(?!`)((?:(?!\n[ \t\r]*\n).)+?)(?<!`)\1(?!`)", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[[^\]\r\n]*\]\([^)\r\n]*\)")
# A link target holds characters other than parentheses and blanks, and balanced groups of parentheses (CommonMark).
_LINK = regex.compile(
    r"\[([^\[\]\r\n]*)\](?:\((?:<[^>\r\n]*>|(?:[^()\s]|(?P<group>\((?:[^()\s]|(?&group))*\)))*)(?:[ \t]+(?:\"[^\"]*\"|'[^']*'))?\)|\[[^\]\r\n]*\])"
)


def _random_markdown(rng: random.Random, alphabet: tuple[str, ...], size: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(size))


@pytest.mark.parametrize("seed", range(6))
def test_inline_scanners_find_what_the_patterns_found(seed):
    rng = random.Random(seed)
    pieces = ("[", "]", "(", ")", "<", ">", "!", "`", "``", '"', "'", " ", "\t", "\n", "\r\n", "a", "b c", "-", "<!--", "-->", "![", "](", "](<", "\\", "\n\n")
    for _ in range(400):
        text = _random_markdown(rng, pieces, rng.randint(0, 60))
        assert inline_code(text) == [m.span() for m in _INLINE_CODE.finditer(text)], text
        assert comments(text) == [m.span() for m in _HTML_COMMENT.finditer(text)], text
        assert images(text) == [m.span() for m in _IMAGE.finditer(text)], text
        assert links(text) == [(m.start(), m.end(1), m.end()) for m in _LINK.finditer(text)], text


@pytest.mark.parametrize("seed", range(4))
def test_bare_urls_are_the_matches_of_the_url_pattern(seed):
    # The reader tries the URL pattern only where "://" or "www." puts a candidate start.
    from checker.readers.markdown import _BARE_URL, _bare_urls

    rng = random.Random(seed)
    pieces = ("http", "https", "ftp", "://", "www.", "w", "h", "x", ".", ",", " ", "(", ")", "<", ">", "_", "\u00e9", "\n", "?", "hhttp")
    for _ in range(3_000):
        text = _random_markdown(rng, pieces, rng.randint(0, 14))
        assert _bare_urls(text) == [m.span() for m in _BARE_URL.finditer(text)], text


@pytest.fixture
def scanned(monkeypatch):
    """Characters that NextStop's searches run over, in all."""
    work = [0]
    original = NextStop.__init__

    def counting_init(self, text, pattern):
        original(self, text, pattern)
        search = self._search

        def counted(string, position):
            found = search(string, position)
            work[0] += (found.start() if found else len(string)) - position
            return found

        self._search = counted

    monkeypatch.setattr(NextStop, "__init__", counting_init)
    return work


@pytest.mark.parametrize(("unit", "scan"), [("[a](", links), ("![a](", images), ("[a][", links), ('[a](b "', links), ("[a](b(c)", links), ("[a](((", links)])
def test_unclosed_links_and_images_are_scanned_once(scanned, unit, scan):
    for size in (5_000, 10_000):
        scanned[0] = 0
        scan(unit * (size // len(unit)))
        # A pattern tried at each "[" scanned the rest of the line from each: size x size / 8.
        assert scanned[0] <= 3 * size


def test_unclosed_comments_are_scanned_once():
    text = _Counted("<!-- " * 4_000)
    _Counted.read = 0
    assert comments(text) == []
    # The pattern, tried at each "<!--", scanned the rest of the document from each: size x size / 10.
    assert _Counted.read <= 2 * len(text)


class _Counted(str):
    """A string whose indexing, ``split``, ``find`` and ``rfind`` count the characters they copy or run over, in ``read``."""

    read = 0

    def __getitem__(self, key):  # type: ignore[override]
        item = str.__getitem__(self, key)
        _Counted.read += len(item)
        return item

    def split(self, sep=None, maxsplit=-1):  # type: ignore[override]
        _Counted.read += len(self)
        return str.split(self, sep, maxsplit)

    def find(self, sub, start=0, end=None):  # type: ignore[override]
        end = len(self) if end is None else end
        position = str.find(self, sub, start, end)
        _Counted.read += (end if position == -1 else position) - start
        return position

    def rfind(self, sub, start=None, end=None):  # type: ignore[override]
        start = 0 if start is None else start
        end = len(self) if end is None else end
        position = str.rfind(self, sub, start, end)
        _Counted.read += end - (start if position == -1 else position)
        return position


def test_backtick_runs_of_many_lengths_are_read_once():
    # Runs of every length from 1 to 150, none closed, then all closed: looking for each unclosed run's
    # closing run reads the rest of the text from each (n^1.5); the scanner reads the text once.
    ticks = " x ".join("`" * k for k in range(1, 151))
    for text in (ticks, ticks + " and " + ticks):
        _Counted.read = 0
        assert inline_code(_Counted(text)) == [m.span() for m in _INLINE_CODE.finditer(text)]
        assert _Counted.read <= 2 * len(text)


def test_markdown_reader_on_hostile_inputs_blanks_as_before():
    from checker.readers.markdown import read

    for text in ("[a](" * 3_000, "![a](" * 3_000):  # nothing closes: nothing is blanked
        assert read("x.md", text + "\n").prose == text + "\n"
    text = "Some text " + "<!-- " * 2_000 + "-->"
    assert read("x.md", text).prose == "Some text " + " " * (len(text) - 10)
    text = "See " + "`" * 7 + " a " + "``` b " * 500  # the run of seven never closes; the runs of three pair up
    assert read("x.md", text).prose == _INLINE_CODE.sub(lambda match: " " * len(match.group()), text)


# --- numbers: a footnote marker test reads back to the line start only through blanks ----


def test_parenthesised_numbers_on_one_line_are_not_copied_per_number():
    from checker.extract.numbers import parse_quantities

    work = []
    for count in (1_000, 2_000):
        text = _Counted("see (12) and " * count)
        _Counted.read = 0
        assert len(parse_quantities(text)) == count
        work.append(_Counted.read)
    # Copying the line up to each figure: 13 x count^2 / 2 characters (6.5 million at 1,000).
    assert work[1] <= 2.2 * work[0]
    assert work[1] <= 200 * 2_000


@pytest.mark.parametrize("seed", range(3))
def test_blank_before_is_the_blank_line_prefix_test(seed):
    from checker.extract.numbers import _blank_before

    rng = random.Random(seed)
    for _ in range(3_000):
        text = "".join(rng.choice(("(", " ", "\t", "\n", "\u00a0", "\u2028", "a", "[", "\r")) for _ in range(rng.randint(1, 12)))
        for start in range(len(text)):
            line_start = text.rfind("\n", 0, start) + 1
            assert _blank_before(text, start) == (not text[line_start : start - 1].strip()), (text, start)


def test_doubled_words_read_their_line_once(monkeypatch):
    """A long line with many doubled words: the line-wide checks run once per line, not once per pair."""
    import checker.rules.doubled_word as doubled
    from checker.testing import lint

    calls = []
    real = doubled._table_line
    monkeypatch.setattr(doubled, "_table_line", lambda lines: calls.append(len(lines)) or real(lines))
    text = " ".join(["alpha beta gamma delta epsilon zeta eta theta iota kappa lambda report report"] * 400) + "\n"
    found = lint(text, select=["TXT004"])
    assert len(found) == 400
    assert len(calls) == 1 and calls[0] <= len(text)


def _clause_by_scan(prose: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The clause as the first version found it: a scan of the sentence's breaks from its start."""
    from checker.clauses import _CLAUSE_BREAK

    left, right = sentence
    for match in _CLAUSE_BREAK.finditer(prose, left, right):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


@pytest.mark.parametrize("seed", range(3))
def test_clause_span_is_the_scan_of_the_sentence(seed):
    from checker.clauses import clause_span
    from checker.readers import read_document

    rng = random.Random(seed)
    pieces = ("the plant opened", " in May 2024", ", and", ", which", "; ", " -- ", " (", ")", " 10:30", " but", " that", ": ", "x", " ")
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        doc, _ = read_document("doc.txt", text.encode("utf-8"))
        prose = doc.prose
        for _ in range(5):
            start = rng.randrange(len(prose) + 1)
            end = min(len(prose), start + rng.randint(0, 12))
            assert tuple(clause_span(doc, (0, len(prose)), start, end)) == _clause_by_scan(prose, (0, len(prose)), start, end), (text, start, end)


def test_clause_breaks_of_a_long_sentence_are_found_once(monkeypatch):
    """One sentence of many dated clauses (a log flattened into one paragraph): its clause breaks are found once,
    not once per date, which scanned the sentence from its start for each (minutes at 200,000 characters)."""
    import checker.clauses as clauses
    from checker.testing import lint

    scanned = [0]
    real = clauses._CLAUSE_BREAK

    class Counting:
        def finditer(self, text, pos=0, endpos=None):
            scanned[0] += (len(text) if endpos is None else endpos) - pos
            return real.finditer(text, pos, endpos)

    monkeypatch.setattr(clauses, "_CLAUSE_BREAK", Counting())
    unit = "the Acme plant opened on March 3, 2024, and the Beta line closed on May 4, 2024; "
    text = unit * 400 + "\n"
    lint(text, select=["DAT008"])  # the dated events its corpus pass reads
    assert scanned[0], "the clause breaks were never searched: the test does not reach clause_span"
    # The scan per date read about 800 x 34,000 / 2 characters (13.6 million).
    assert scanned[0] <= 3 * len(text)


def test_sentences_longer_than_the_longest_are_cut_at_blanks():
    """A paragraph without a full stop (a flattened log or table) is cut into parts of at most LONGEST_SENTENCE
    characters, at blanks, losing no word: every rule that reads a fact's sentence reads at most that much."""
    from checker.readers import read_document
    from checker.sentences import LONGEST_SENTENCE

    rng = random.Random(3)
    words = [rng.choice(("revenue", "rose", "12%", "to", "$4.1", "million;", "the", "plant", "opened", "on", "May", "3,", "2024,")) for _ in range(3_000)]
    text = "Intro. " + " ".join(words) + "\n\nA short one. And another.\n"
    doc, _ = read_document("doc.txt", text.encode("utf-8"))
    spans = [(s.start, s.end) for s in doc.sentences]
    assert all(end - start <= LONGEST_SENTENCE for start, end in spans)
    assert sum(1 for start, end in spans if end - start > LONGEST_SENTENCE // 2) >= len(" ".join(words)) // LONGEST_SENTENCE
    pieces = [doc.prose[start:end] for start, end in spans]
    assert all(piece == piece.strip() and piece for piece in pieces)
    assert " ".join(pieces).split() == text.split()  # cut only at blanks: no word split or lost
    assert pieces[-2:] == ["A short one.", "And another."]


def test_long_unbroken_runs_are_cut_at_the_limit():
    from checker.sentences import LONGEST_SENTENCE, cut_long

    text = "x" * (LONGEST_SENTENCE * 2 + 10)
    assert cut_long(text, 0, len(text)) == [(0, LONGEST_SENTENCE), (LONGEST_SENTENCE, 2 * LONGEST_SENTENCE), (2 * LONGEST_SENTENCE, len(text))]


@pytest.mark.parametrize("seed", range(3))
def test_quantities_within_a_clause_are_those_the_scan_found(seed):
    from checker.clauses import ByStart
    from checker.extract.claims import _within

    rng = random.Random(seed)
    for _ in range(500):
        spans = sorted((a, a + rng.randint(1, 6)) for a in (rng.randrange(60) for _ in range(rng.randint(0, 12))))
        found = [type("Q", (), {"start": a, "end": b})() for a, b in spans]
        start = rng.randrange(70)
        end = start + rng.randint(0, 30)
        expected = [q for q in found if q.start >= start and q.end <= end]
        assert _within(ByStart(found), start, end) == expected


def test_figures_of_claims_are_looked_up_in_one_index_per_sheet(monkeypatch):
    """The confidence of each claim looks up its figures by start: the index of a sheet's starts is built once,
    not once per look-up (quadratic in a long document's claims)."""
    import checker.clauses as clauses
    from checker.testing import lint

    built: list[int] = []
    searched = [0]

    class Counting(clauses.ByStart):
        def __init__(self, facts) -> None:
            super().__init__(facts)
            built.append(len(self.facts))

        def between(self, start: int, end: int) -> list:
            searched[0] += 1
            return super().between(start, end)

    monkeypatch.setattr(clauses, "ByStart", Counting)
    text = " ".join(f"Revenue in region {i} rose 50% to $3.0 million from $2.5 million." for i in range(300)) + "\n"
    found = lint(text, select=["NUM001"])
    assert len(found) == 300
    assert searched[0] >= 300 and len(built) == 1
