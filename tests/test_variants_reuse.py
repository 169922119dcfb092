"""NAM001 after a few documents changed (``checker.variants_reuse``): only what they can change is searched
again, and the findings are those of a run without the cache, whatever the edit."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from checker.config import Settings
from checker.engine import Source, run
from checker.registry import resolve_selection
from checker.variants_reuse import Search

# Related documents (they share distinctive names) with near misses, case and hyphen variants, and
# multi-word names that differ in one word; enough others that an edit leaves most pairs untouched.
DOCUMENTS = {
    "trial.md": "# Trial\n\nQuorvantix met its goal at Brightwater. Quorvantix is well tolerated. Dr. Elaine Example led it with Halvorsen.\n",
    "letter.md": "# Letter\n\nBrightwater expects Quorvantix to reach patients. Halvorsen and Elaine Example signed it.\n",
    "memo.md": "# Memo\n\nBrightwater shipped Quorvantyx early. Halvorsen and Elaine Exampel met the BCR-ABL group with Macdonald.\n",
    "pipeline.md": "# Pipeline\n\nLisaftoclax and Melindorax lead at Castorvine Labs. Lisaftoclax sales grew; BCR-ABL too.\n",
    "update.md": "# Update\n\nCastorvine Labs reported Lisaftoclax again. Melindorax is approved. Bcr-Abl results came.\n",
    "notes.md": "# Notes\n\nCastorvine Labs reviewed Lisafoclax and Melindorax. Marchetti and Quenneville agreed.\n",
    "board.md": "# Board\n\nMarchetti chaired; Quenneville and Quenneville Holdings plc joined. Zentrovimab was discussed.\n",
    "review.md": "# Review\n\nQuenneville Holdings plc and Marchetti reviewed Zentrovimab, then Zentrovinab.\n",
}
NAMES = [
    "Quorvantix",
    "Quorvantyx",
    "Quorvantic",
    "Lisaftoclax",
    "Lisafoclax",
    "Melindorax",
    "Melindorux",
    "Zentrovimab",
    "Zentrovinab",
    "Elaine Example",
    "Elaine Exampel",
    "BCR-ABL",
    "Bcr-Abl",
    "BCR ABL",
    "Brightwater",
    "Castorvine Labs",
    "Halvorsen",
    "Halvorson",
    "Marchetti",
    "Quenneville",
    "Quenneville Holdings plc",
    "Quenneville Holdings PLC",
]


def _write(root: Path, documents: dict[str, str]) -> None:
    for name, text in documents.items():
        (root / name).write_text(text, encoding="utf-8")


def _run(root: Path, cache: Path | None, jobs: int = 1):
    settings = Settings(root=str(root))
    rules = resolve_selection(["NAM001"], ())
    sources = [Source(path.name, file=str(path)) for path in sorted(root.glob("*.md"))]
    return run(sources, settings, rules, jobs=jobs, cache_dir=cache, keep_sheets=False).diagnostics


@pytest.fixture
def searched(monkeypatch) -> list[int | None]:
    """The number of affected forms of each search (None: the whole search)."""
    found: list[int | None] = []
    plan = Search._plan

    def recorded(self, state, changes) -> None:
        plan(self, state, changes)
        found.append(None if self.affected is None else len(self.affected))

    monkeypatch.setattr(Search, "_plan", recorded)
    return found


@pytest.fixture
def filed(monkeypatch) -> list[bool]:
    """For each search, whether every place of the corpus was filed under its form (``NameCorpus.hold``)."""
    found: list[bool] = []
    memo = Search.memo

    def recorded(self):
        found.append(self.corpus.__dict__.get("_held") is None)
        return memo(self)

    monkeypatch.setattr(Search, "memo", recorded)
    return found


EDITS = {
    "change a name": ("memo.md", "Quorvantyx", "Quorvantix"),
    "add a variant": ("letter.md", "Halvorsen and", "Halvorson, Melindorux and"),
    "remove a variant": ("notes.md", "Lisafoclax", "Lisaftoclax"),
    "change a phrase": ("letter.md", "Elaine Example signed", "Elaine Exampel signed"),
    "change a case variant": ("update.md", "Bcr-Abl", "BCR-ABL"),
    # board.md is the first document: the forms it writes first leave it, or come to it from later documents.
    "first document loses its names": ("board.md", "Marchetti chaired; Quenneville and", "Marchetty chaired; Zentrovinab and"),
    "first document gains names": ("board.md", "Zentrovimab was", "Lisaftoclax and Zentrovimab were"),
}


def test_a_title_that_changes_searches_the_whole_corpus(tmp_path, searched) -> None:
    # Titling review.md with the variant makes it a name a page is about (never reported as a variant): the
    # findings stored for that pair must not come back from the memo.
    root, cache = tmp_path / "docs", tmp_path / "cache"
    root.mkdir()
    _write(root, DOCUMENTS)
    before = _run(root, cache)
    assert any("'Zentrovinab'" in d.message for d in before)
    text = (root / "review.md").read_text(encoding="utf-8")
    (root / "review.md").write_text(text.replace("# Review", "# Zentrovinab"), encoding="utf-8")
    searched.clear()
    after = _run(root, cache)
    assert after == _run(root, None)
    assert not any("'Zentrovinab'" in d.message for d in after)
    assert searched[0] is None  # the whole search


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_searches_only_what_it_touches_and_finds_what_a_run_without_the_cache_finds(tmp_path, searched, filed, edit) -> None:
    root, cache = tmp_path / "docs", tmp_path / "cache"
    root.mkdir()
    _write(root, DOCUMENTS)
    before = _run(root, cache)
    assert before == _run(root, None)
    name, old, new = EDITS[edit]
    text = (root / name).read_text(encoding="utf-8")
    assert old in text
    (root / name).write_text(text.replace(old, new), encoding="utf-8")
    searched.clear()
    filed.clear()
    after = _run(root, cache)
    assert after == _run(root, None)
    assert after != before
    assert searched[0] is not None  # only part of the corpus searched
    assert filed[0] is False  # only the places of that part filed under their forms


def test_a_partial_search_reads_the_phrases_that_hold_a_name(tmp_path, searched, filed) -> None:
    # "MacDonald" here and "Macdonald" in memo.md: a case variant, until "Ian MacDonald" shows a surname
    # (each family writes its own); the phrase is read by the part's search though it is not part of it.
    root, cache = tmp_path / "docs", tmp_path / "cache"
    root.mkdir()
    _write(root, DOCUMENTS)
    _run(root, cache)
    found = []
    for added in ("They thanked MacDonald.", "They thanked MacDonald and Ian MacDonald."):
        (root / "letter.md").write_text(DOCUMENTS["letter.md"].replace("signed it.", f"signed it. {added}"), encoding="utf-8")
        searched.clear()
        filed.clear()
        found.append(_run(root, cache))
        assert found[-1] == _run(root, None)
        assert searched[0] is not None and filed[0] is False
    assert any("'MacDonald'" in d.message for d in found[0]) and not any("'MacDonald'" in d.message for d in found[1])


def test_edits_in_a_row_each_start_from_the_memo_of_the_last(tmp_path, searched) -> None:
    # Edits in a row, each searched from the memo of the one before: a form new to the corpus ("BCR-Abl", of
    # the key of "BCR-ABL" and "Bcr-Abl") must be searched again when a later edit touches another form of
    # its key, and its stored finding dropped once no document writes it.
    root, cache = tmp_path / "docs", tmp_path / "cache"
    root.mkdir()
    _write(root, DOCUMENTS)
    _run(root, cache)
    steps = [
        ("memo.md", "Quorvantyx", "Quorvantix"),
        ("notes.md", "Lisafoclax and Melindorax.", "Lisafoclax, Melindorax and BCR-Abl."),
        ("update.md", "Bcr-Abl results came", "Bcr-Abl results came late"),
        ("notes.md", "Lisafoclax, Melindorax and BCR-Abl.", "Lisafoclax and Melindorax."),
        ("pipeline.md", "BCR-ABL too", "BCR-ABL and BCR-Abl too"),
    ]
    for name, old, new in steps:
        text = (root / name).read_text(encoding="utf-8")
        assert old in text
        (root / name).write_text(text.replace(old, new), encoding="utf-8")
        searched.clear()
        assert _run(root, cache) == _run(root, None)
        assert searched[0] is not None


@pytest.mark.parametrize("step", ["add", "remove", "notice"])
def test_a_document_added_or_removed_searches_the_whole_corpus(tmp_path, searched, filed, step) -> None:
    root, cache = tmp_path / "docs", tmp_path / "cache"
    root.mkdir()
    _write(root, DOCUMENTS)
    _run(root, cache)
    if step == "add":
        (root / "extra.md").write_text("Brightwater and Halvorsen praised Quorvantic.\n", encoding="utf-8")
    elif step == "remove":
        (root / "notes.md").unlink()
    else:  # a document that now gives a notice (a binary file) instead of its names: every later index shifts
        (root / "letter.md").write_bytes(b"Brightwater\x00\x00 Halvorsen\x00\x00")
    searched.clear()
    filed.clear()
    assert _run(root, cache) == _run(root, None)
    assert searched == []  # the corpus before is not known: no plan, the whole search
    assert filed[0] is True
    if step == "notice":  # and back: the document's names return, shifting the indexes again
        _write(root, DOCUMENTS)
        filed.clear()
        assert _run(root, cache) == _run(root, None)
        assert searched == [] and filed[0] is True


def _mutate(rng: random.Random, text: str) -> str:
    head, body = text.split("\n\n", 1)
    sentences = [s for s in body.strip().split(". ") if s]
    kind = rng.randrange(4)
    if kind == 0:  # a name written otherwise
        present = [name for name in NAMES if name in body]
        if present:
            body = body.replace(rng.choice(present), rng.choice(NAMES), 1)
    elif kind == 1:  # a sentence added
        sentences.insert(rng.randrange(len(sentences) + 1), f"{rng.choice(NAMES)} and {rng.choice(NAMES)} met {rng.choice(NAMES)}")
        body = ". ".join(sentences)
    elif kind == 2 and len(sentences) > 1:  # a sentence removed
        del sentences[rng.randrange(len(sentences))]
        body = ". ".join(sentences)
    else:  # a paragraph added
        body += f"\n\n{rng.choice(NAMES)} wrote to {rng.choice(NAMES)} about {rng.choice(NAMES)}."
    return f"{head}\n\n{body.strip()}\n"


@pytest.mark.parametrize("jobs", [1, 2])
def test_random_edits_give_the_findings_of_a_run_without_the_cache(tmp_path, searched, jobs) -> None:
    rng = random.Random(16 + jobs)
    root, cache = tmp_path / "docs", tmp_path / "cache"
    root.mkdir()
    _write(root, DOCUMENTS)
    _run(root, cache, jobs)
    for _ in range(30):
        for name in rng.sample(sorted(DOCUMENTS), rng.choice([1, 1, 1, 2])):
            path = root / name
            path.write_text(_mutate(rng, path.read_text(encoding="utf-8")), encoding="utf-8")
        assert _run(root, cache, jobs) == _run(root, None, jobs)
    # Partial searches, and whole ones where a name crossed the limit of documents that relate documents
    # (three in a corpus this small).
    partial = sum(1 for count in searched if count is not None)
    assert partial >= 10 and partial < len(searched)


def test_stored_findings_come_back_as_they_were_and_damaged_ones_raise() -> None:
    from checker.cache_data import findings_from_bytes, findings_to_bytes
    from checker.finding import Edit, Finding, Fix, Related

    places = (Related(4, 14, "'Quorvantix'", "a.md"), Related(30, 40, "'Quorvantyx' again", None))
    fix = Fix((Edit(0, 10, "Quorvantix"),), "display", "Write it")
    findings = [
        Finding("NAM001", 0, 10, "'Quorvantyx' looks like a variant", "spelling", places, fix, "b.md", None, "high"),
        Finding("NAM001", 5, 9, "another", None, places[:1], None, None, "warning", None),
    ]
    assert findings_from_bytes(findings_to_bytes(findings)) == findings
    packed = findings_to_bytes(findings)
    for damaged in (b"", packed[:-3], packed.replace(b"NAM001", b"NAM\xff01", 1), b"\x92\x91\xa1x\x91\x91\x01"):
        with pytest.raises((ValueError, TypeError)):
            findings_from_bytes(damaged)
    import msgpack

    texts = ["a message", "b.md"]
    good = ("NAM001", 0, 10, 0, -1, "i", b"", None, 1, None, None)
    assert findings_from_bytes(msgpack.packb((texts, [good]))) == [Finding("NAM001", 0, 10, "a message", path="b.md")]
    for table, item in (
        ([*texts, 3], good),  # a text that is not one
        (texts, (7, *good[1:])),  # a rule that is not a text
        (texts, (good[0], True, *good[2:])),  # a start that is a bool
        (texts, (*good[:2], 10.0, *good[3:])),  # an end that is a float
        (texts, (*good[:3], -1, *good[4:])),  # no message
        (texts, (*good[:4], -2, *good[5:])),  # a text index below -1
        (texts, (*good[:8], "1", *good[9:])),  # a path index that is a text
    ):
        with pytest.raises((ValueError, TypeError)):
            findings_from_bytes(msgpack.packb((table, [item])))


def test_stored_findings_that_cannot_be_read_make_the_search_whole(tmp_path, searched, monkeypatch) -> None:
    import checker.cache_data

    root, cache = tmp_path / "docs", tmp_path / "cache"
    root.mkdir()
    _write(root, DOCUMENTS)
    _run(root, cache)
    name, old, new = EDITS["add a variant"]
    (root / name).write_text((root / name).read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

    asked: list[bytes] = []

    def damaged(data: bytes):
        asked.append(data)
        raise ValueError("damaged")

    monkeypatch.setattr(checker.cache_data, "findings_from_bytes", damaged)
    searched.clear()
    assert _run(root, cache) == _run(root, None)
    assert asked and searched == []  # the plan failed: the whole search


def test_a_run_without_the_cache_packs_no_findings_for_a_next_pass(tmp_path, monkeypatch) -> None:
    import checker.cache_data

    root = tmp_path / "docs"
    root.mkdir()
    _write(root, DOCUMENTS)
    packed: list[int] = []
    pack = checker.cache_data.findings_to_bytes

    def counted(findings):
        packed.append(len(findings))
        return pack(findings)

    monkeypatch.setattr(checker.cache_data, "findings_to_bytes", counted)
    assert any(d.rule == "NAM001" for d in _run(root, None))
    assert packed == []  # nothing kept for a next pass: there is none
    _run(root, tmp_path / "cache")
    assert packed  # with the cache, each reported pair's findings are kept


# Forms and phrases of every shape the index keys treat apart: ASCII words, short ones, digits, hyphens,
# apostrophes, accents, capitals; phrases one space apart or not, with tabs, leading spaces, and such words.
KEY_FORMS = [
    "Quorvantix",
    "QUORVANTIX",
    "Ab",
    "abc",
    "x86",
    "BCR-ABL",
    "Bcr-Abl",
    "bcrabl",
    "O'Neil",
    "O\u2019Neil",
    "Jürgen",
    "Jurgen",
    "ÆON",
    "Ab3",
    "a-b",
    "Δelta",
    "SIMD128",
]
KEY_PHRASES = [
    "Elaine Example", "Elaine Exampel", "elaine example", "Bcr Abl", "BCR ABL group", "Elaine  Example", "Elaine\tExample", " Elaine Example",
    "Jürgen Klopp", "Jurgen Klopp", "Quenneville Holdings plc", "Quenneville Holding plc", "Mr. Smith", "Castorvine Labs 2", "X-Ray Labs", "A B",
]  # fmt: skip


def test_the_index_keys_made_in_place_are_those_of_the_key_functions() -> None:
    from checker.namecompare import fold, join_key
    from checker.variants import bigrams, group_key
    from checker.variants_near import phrase_blocks_of
    from checker.variants_reuse import _indexes

    by_key: dict[str, list[str]] = {}
    for form in KEY_FORMS:
        key = group_key(form)
        if key is not None:
            by_key.setdefault(key, []).append(form)
    folded: dict[str, list[str]] = {}
    for text in KEY_PHRASES:
        for begin, end in bigrams(text):
            key = join_key(text[begin:end])
            if key in by_key:
                by_key[key] += (text, text[begin:end])
        folded.setdefault(fold(text), []).append(text)
    blocks: dict[tuple, list[str]] = {}
    by_word: dict[str, list[tuple]] = {}
    for key in folded:
        words = key.split()
        for block, index in phrase_blocks_of(key):
            blocks.setdefault(block, []).append(key)
            by_word.setdefault(words[index], []).append(block)
    assert _indexes(KEY_FORMS, KEY_PHRASES) == (by_key, folded, blocks, by_word)
    assert any(len(found) > 1 for found in blocks.values()) and "bcrabl" in by_key and len(by_key["bcrabl"]) > 3


def test_bigrams_of_phrases_one_space_apart_are_those_the_pattern_finds() -> None:
    import re

    from checker.variants import bigrams

    for text in KEY_PHRASES + ["One", "", "a b c d", "Über Café Straße"]:
        words = list(re.finditer(r"\S+", text))
        expected = [(left.start(), right.end()) for left, right in zip(words, words[1:]) if right.start() - left.end() == 1]
        assert list(bigrams(text)) == expected, text


def test_group_keys_of_ascii_words_are_those_of_join_key() -> None:
    from checker.namecompare import join_key
    from checker.variants import group_key

    for form in KEY_FORMS:
        key = join_key(form)
        expected = key if (len(key) >= 3 and key.isalpha()) or sum(c.isalpha() for c in key) >= 3 else None
        assert group_key(form) == expected, form
