"""Bounded memos for results that recur across documents."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from collections.abc import Set as AbstractSet
from typing import Any, TypeVar

M = TypeVar("M")

# The memos that live as long as the process, each with ``clear()`` or ``cache_clear()``.
_PROCESS_MEMOS: list[Any] = []


def process_memo(memo: M) -> M:
    """Register ``memo`` (a module's dict or set, a ``BoundedMemo`` or ``ChunkMemo``, an
    ``lru_cache`` function) to be emptied by ``release_memos``; returns it."""
    if not (callable(getattr(memo, "cache_clear", None)) or callable(getattr(memo, "clear", None))):
        raise TypeError(f"{memo!r} has no clear() or cache_clear()")
    _PROCESS_MEMOS.append(memo)
    return memo


def release_memos() -> None:
    """Empty every memo registered with ``process_memo``.

    Called when the documents of a run have been read in this process: what the memos
    held (tens of MiB on a large corpus) then serves the corpus pass instead of adding
    to its peak. Results never change: a memo only remembers what it can compute again.
    """
    for memo in _PROCESS_MEMOS:
        clear = getattr(memo, "cache_clear", None)
        (clear if callable(clear) else memo.clear)()


class BoundedMemo(dict):
    """A dict of remembered results that empties itself when it grows past ``limit`` entries.

    Emptying (rather than evicting one by one) keeps a hit as cheap as a dict lookup;
    the memos it serves hold values that are cheap to recompute and recur often.
    """

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def bound(self) -> None:
        """Empty the memo if it holds more than its limit."""
        if len(self) > self.limit:
            self.clear()

    def get_or(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """``compute()``, remembered by ``key``."""
        try:
            return self[key]
        except KeyError:
            pass
        self.bound()
        value = self[key] = compute()
        return value


class ChunkMemo:
    """What each whitespace-separated chunk of prose holds, judged once per process.

    Most chunks (``Document.distinct_chunks``) recur from document to document, so a scan
    that looks inside words can judge each distinct chunk once: the chunks that hold
    nothing are kept in a set, the findings of the others in a dict, and both are emptied
    when either grows past ``limit``. ``judge`` must depend on the chunk alone.
    """

    __slots__ = ("found", "limit", "plain")

    def __init__(self, limit: int) -> None:
        self.plain: set[str] = set()
        self.found: dict[str, tuple] = {}
        self.limit = limit

    def union(self, chunks: AbstractSet[str], judge: Callable[[str], tuple]) -> set:
        """Everything ``judge`` finds in ``chunks``, each chunk judged once."""
        return set().union(*self.held(chunks, judge).values())

    def held(self, chunks: AbstractSet[str], judge: Callable[[str], tuple]) -> dict[str, tuple]:
        """The chunks of ``chunks`` in which ``judge`` finds something, with what it finds: each chunk judged once."""
        if len(self.plain) > self.limit or len(self.found) > self.limit:
            self.clear()
        out: dict[str, tuple] = {}
        known = self.found
        for chunk in chunks - self.plain:
            found = known.get(chunk)
            if found is None:
                found = judge(chunk)
                if not found:
                    self.plain.add(chunk)
                    continue
                known[chunk] = found
            out[chunk] = found
        return out

    def union_many(self, chunks: frozenset[str] | set[str], judge_many: Callable[[AbstractSet[str]], dict[str, tuple]]) -> set:
        """What ``union(chunks, judge)`` returns, with the chunks not judged before judged together:
        ``judge_many(new)`` gives ``judge(chunk)`` for each chunk of ``new`` where it is not empty.

        For a judge that one search of all the new chunks answers faster than a call per chunk.
        """
        if len(self.plain) > self.limit or len(self.found) > self.limit:
            self.clear()
        found = self.found
        rest = chunks - self.plain
        new = rest.difference(found)  # a set minus a dict: each chunk looked up, the dict not read through
        out: set = set().union(*map(found.__getitem__, rest - new)) if len(new) < len(rest) else set()
        if new:
            judged = judge_many(new)
            found.update(judged)
            self.plain.update(new.difference(judged))
            out.update(*judged.values())
        return out

    def clear(self) -> None:
        """Forget every chunk judged."""
        self.plain.clear()
        self.found.clear()
