"""The memos of checker.patterns: BoundedMemo, ChunkMemo, and the process memos that release_memos empties."""

from __future__ import annotations

import functools

from checker.patterns import BoundedMemo


def test_remembers_and_computes_once():
    memo = BoundedMemo(10)
    calls = []
    assert memo.get_or("a", lambda: calls.append(1) or 5) == 5
    assert memo.get_or("a", lambda: calls.append(1) or 6) == 5
    assert calls == [1]


def test_empties_itself_past_its_limit():
    memo = BoundedMemo(3)
    for key in range(10):
        memo.get_or(key, lambda key=key: key * 2)
        assert len(memo) <= 4
    assert memo.get_or(9, lambda: -1) == 18


def test_chunk_memo_judges_each_chunk_once_and_unions_what_it_finds():
    from checker.patterns import ChunkMemo

    judged: list[str] = []

    def judge(chunk: str) -> tuple:
        judged.append(chunk)
        return tuple(part for part in chunk.split("-") if len(part) > 3) if "-" in chunk else ()

    memo = ChunkMemo(100)
    assert memo.union({"long-term", "plain", "x-ray"}, judge) == {"long", "term"}
    assert memo.union({"long-term", "plain", "follow-up"}, judge) == {"long", "term", "follow"}
    assert sorted(judged) == ["follow-up", "long-term", "plain", "x-ray"]  # none judged twice


def test_chunk_memo_empties_itself_past_its_limit():
    from checker.patterns import ChunkMemo

    memo = ChunkMemo(2)
    memo.union({"a", "b", "c"}, lambda chunk: ())
    assert len(memo.plain) == 3
    assert memo.union({"d-e"}, lambda chunk: (chunk,)) == {"d-e"}
    assert memo.plain == set() and memo.found == {"d-e": ("d-e",)}


def test_release_memos_empties_every_registered_memo_and_results_stay_the_same():

    from checker.patterns import ChunkMemo, process_memo, release_memos

    calls: list[str] = []

    @process_memo
    @functools.cache
    def double(text: str) -> str:
        calls.append(text)
        return text * 2

    plain: set[str] = process_memo(set())
    chunks = process_memo(ChunkMemo(100))
    plain.add("seen")
    chunks.union({"a-b"}, lambda chunk: (chunk,))
    assert double("x") == "xx" and double("x") == "xx" and calls == ["x"]
    release_memos()
    assert not plain and not chunks.plain and not chunks.found
    assert double("x") == "xx" and calls == ["x", "x"]  # asked again: computed again, the same


def test_process_memo_refuses_what_cannot_be_emptied():
    import pytest

    from checker.patterns import process_memo

    with pytest.raises(TypeError):
        process_memo(("a", "tuple"))


def test_the_engine_releases_the_memos_filled_by_pass_one(tmp_path):
    from checker.config import Settings
    from checker.engine import Source, run
    from checker.patterns import process_memo
    from checker.registry import resolve_selection

    canary: dict[str, int] = process_memo({"filled": 1})
    document = tmp_path / "a.md"
    document.write_text("Lisaftoclax was approved. Lisafoclax is a drug.\n", encoding="utf-8")
    result = run([Source(str(document))], Settings(root=str(tmp_path)), resolve_selection([], []), jobs=1, keep_sheets=False)
    assert result.documents and canary == {}


def test_chunk_memo_union_many_agrees_with_union_and_judges_only_new_chunks():
    from checker.patterns import ChunkMemo

    def judge(chunk: str) -> tuple:
        return tuple(part for part in chunk.split("-") if len(part) > 3) if "-" in chunk else ()

    batches: list[set[str]] = []

    def judge_many(chunks: set[str]) -> dict[str, tuple]:
        batches.append(set(chunks))
        return {chunk: found for chunk in chunks if (found := judge(chunk))}

    one, many = ChunkMemo(100), ChunkMemo(100)
    for chunks in ({"long-term", "plain", "x-ray"}, {"long-term", "plain", "follow-up"}, {"x-ray", "plain"}):
        assert many.union_many(chunks, judge_many) == one.union(chunks, judge)
    assert batches == [{"long-term", "plain", "x-ray"}, {"follow-up"}]  # the third set held no new chunk
    assert many.plain == one.plain and many.found == one.found
