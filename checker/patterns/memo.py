"""One bounded memo for results that recur across documents."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


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
