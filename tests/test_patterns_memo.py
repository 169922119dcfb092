"""BoundedMemo: remembers results and empties itself past its limit."""

from __future__ import annotations

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
