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
