"""Regular expressions compiled on first use.

The extractors' patterns are large (several kilobytes each, about 100 ms to
compile in all); a run that never reaches a pattern should never pay for it,
and importing a module should compile nothing.
"""

from __future__ import annotations

from checker.patterns.compiled import compile_cached


class LazyPattern:
    """A regular expression compiled on first use.

    After the first use its methods are the compiled pattern's own (bound
    once, as instance attributes), so later calls cost what a compiled
    pattern's do.
    """

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str):  # reached only before the first compile, and for other attributes
        compiled = compile_cached(*self._source)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        self.pattern = compiled.pattern
        return getattr(compiled, name)
