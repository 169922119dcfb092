"""Glob matching on root-relative posix paths, in time linear in the path.

A glob (``**``, ``*``, ``?``, ``[...]``) is translated to a regex, as it always
was; a regex is what Python matches fastest. But a regex backtracks: each
``*`` or ``**`` multiplies the work, so ``**/**/**/.../z`` or
``**/a/**/a/**/a/**/z`` on a deep path (a hostile or merely careless
``exclude``) takes exponential or high-polynomial time. So:

* runs of ``**/`` collapse into one (the same set of paths);
* a glob with at most two unbounded wildcards left is matched by its regex
  (quadratic at worst, on a path of at most a few hundred characters);
* any other glob is matched by simulating its automaton (Thompson's
  construction, as RE2 and Rust's ``globset`` do): one pass over the path,
  the work bounded by the path's length times the glob's.

Compiled globs are kept for the life of the process: they come from the
configuration, so there are as many as its text holds (a bounded cache of a
fixed size would recompile every glob for every file once a list outgrows it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

#: Globs with more unbounded wildcards than this are matched by the automaton.
REGEX_WILDCARDS = 2

_LITERAL, _ONE, _CLASS, _STAR, _DSTAR, _DIRS = range(6)


def _tokens(pattern: str) -> list[tuple[int, object]]:
    """The glob's tokens; ``re.error`` for a class regex cannot compile (``[z-a]``)."""
    if pattern.endswith("/"):
        pattern += "**"
    tokens: list[tuple[int, object]] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            if not tokens or tokens[-1][0] != _DIRS:  # "**/**/" matches what "**/" matches
                tokens.append((_DIRS, None))
            i += 3
        elif pattern.startswith("**", i):
            tokens.append((_DSTAR, None))
            i += 2
        elif char == "*":
            tokens.append((_STAR, None))
            i += 1
        elif char == "?":
            tokens.append((_ONE, None))
            i += 1
        elif char == "[" and pattern.find("]", i + 1) != -1:
            close = pattern.find("]", i + 1)
            body = pattern[i + 1 : close].replace("\\", "\\\\")
            if body.startswith("!"):
                body = "^" + body[1:]
            tokens.append((_CLASS, f"[{body}]"))
            i = close + 1
        else:
            tokens.append((_LITERAL, char))
            i += 1
    return tokens


_REGEX = {_ONE: "[^/]", _STAR: "[^/]*", _DSTAR: ".*", _DIRS: "(?:.*/)?"}


def _regex(tokens: list[tuple[int, object]]) -> re.Pattern[str]:
    parts = []
    for kind, payload in tokens:
        if kind == _LITERAL:
            parts.append(re.escape(str(payload)))
        elif kind == _CLASS:
            parts.append(str(payload))
        else:
            parts.append(_REGEX[kind])
    return re.compile("".join(parts) + r"\Z")


@cache
def glob_regex(pattern: str) -> re.Pattern[str]:
    """The glob as a regex (``re.error`` if it has a class that cannot compile). Backtracks: see ``glob_matcher``."""
    return _regex(_tokens(pattern))


@cache
def glob_matcher(pattern: str) -> Callable[[str], bool]:
    """A function telling whether a whole path matches the glob, in time linear in the path."""
    tokens = _tokens(pattern)
    regex = _regex(tokens)  # also validates the classes
    if sum(kind in (_STAR, _DSTAR, _DIRS) for kind, _ in tokens) <= REGEX_WILDCARDS:
        return lambda path: regex.match(path) is not None
    return _Automaton(tokens).matches


class _Automaton:
    """The glob's nondeterministic automaton, run on all its states at once.

    State ``i`` waits at token ``i`` (``len(tokens)`` accepts); state
    ``len(tokens) + 1 + i`` is inside the ``**/`` at token ``i``, having
    taken some characters and waiting for a ``/``.
    """

    def __init__(self, tokens: list[tuple[int, object]]) -> None:
        self.tokens = tokens
        self.size = len(tokens)
        self.classes = {i: re.compile(str(payload)) for i, (kind, payload) in enumerate(tokens) if kind == _CLASS}
        self.start = self._closure({0})

    def _closure(self, states: set[int]) -> frozenset[int]:
        pending = list(states)
        seen = set(states)
        while pending:
            state = pending.pop()
            if state >= self.size:
                continue
            kind = self.tokens[state][0]
            if kind in (_STAR, _DSTAR, _DIRS):  # each may match nothing
                for following in (state + 1, self.size + 1 + state) if kind == _DIRS else (state + 1,):
                    if following not in seen:
                        seen.add(following)
                        pending.append(following)
        return frozenset(seen)

    def matches(self, path: str) -> bool:
        states = self.start
        size = self.size
        for char in path:
            after: set[int] = set()
            for state in states:
                if state > size:  # inside a "**/": anything, and a "/" may end it
                    after.add(state)
                    if char == "/":
                        after.add(state - size)  # (size + 1 + i) -> i + 1
                    continue
                if state == size:
                    continue
                kind, payload = self.tokens[state]
                if kind == _LITERAL:
                    if char == payload:
                        after.add(state + 1)
                elif kind == _ONE:
                    if char != "/":
                        after.add(state + 1)
                elif kind == _CLASS:
                    if self.classes[state].match(char):
                        after.add(state + 1)
                elif kind == _STAR:
                    if char != "/":
                        after.add(state)
                elif kind == _DSTAR:
                    after.add(state)
            if not after:
                return False
            states = self._closure(after)
        return size in states


def matches_any(relative: str, patterns: Iterable[str]) -> bool:
    """Whether a root-relative posix path matches any glob.

    A glob without a ``/`` (other than a trailing one) may match the file's
    name alone, as in ``.gitignore``.
    """
    name = relative.rsplit("/", 1)[-1]
    for pattern in patterns:
        if "/" not in pattern.rstrip("/") and not pattern.endswith("/"):
            matcher = glob_matcher(pattern)
            if matcher(name) or matcher(relative):
                return True
        elif glob_matcher(pattern.lstrip("/"))(relative):
            return True
    return False


def check_globs(patterns: Iterable[str]) -> None:
    """Raise ValueError naming the first glob that cannot be compiled (e.g. the range ``[z-a]``)."""
    for pattern in patterns:
        try:
            glob_matcher(pattern.lstrip("/"))
            glob_matcher(pattern)
        except re.error as error:
            raise ValueError(f"invalid glob {pattern!r}: {error}") from None
