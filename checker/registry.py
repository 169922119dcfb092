"""The rule registry: built-in rules plus plugins, looked up by code, name or prefix.

Built from the index of built-in rules (``checker.rules.INDEX``) and the
``factlint.rules`` entry-point group. Selecting rules reads only the index
(code, name, category, on by default); a built-in rule's module is imported
when the rule itself is asked for, so a run imports only the rules it runs.
Codes and names must be unique; a plugin that fails to load stops the run
rather than silently dropping rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any, cast

from checker.rule import FAMILIES, Rule


class RegistryError(Exception):
    """A rule selector matches nothing, or rules clash."""


class _Entry:
    """A registered rule: what selecting it needs, and the class, imported on first use."""

    __slots__ = ("code", "name", "category", "default_enabled", "scope", "_module", "_attr", "_rule")

    def __init__(
        self, code: str, name: str, default_enabled: bool, module: str = "", attr: str = "", rule: type[Rule] | None = None, scope: str = "document"
    ) -> None:
        self.code = code
        self.name = name
        self.category = FAMILIES.get(code[:3], "")
        self.default_enabled = default_enabled
        self.scope = rule.scope if rule is not None else scope
        self._module = module
        self._attr = attr
        self._rule = rule

    def rule(self) -> type[Rule]:
        if self._rule is None:
            from checker.rules import load

            rule = load(self._module, self._attr)
            if (rule.code, rule.name, rule.default_enabled, rule.scope) != (self.code, self.name, self.default_enabled, self.scope):
                raise RegistryError(
                    f"checker.rules.INDEX says {self.code} {self.name} (on by default: {self.default_enabled}, scope {self.scope}), "
                    f"but {rule.__module__}.{rule.__name__} is {rule.code} {rule.name} "
                    f"(on by default: {rule.default_enabled}, scope {rule.scope})"
                )
            self._rule = rule
        return self._rule


@lru_cache(maxsize=1)
def _entries() -> tuple[_Entry, ...]:
    """Every registered rule, sorted by code (plugins' classes imported, built-in ones not yet)."""
    from checker.rules import CORPUS, INDEX

    entries = [_Entry(code, name, on, module, attr, scope="corpus" if code in CORPUS else "document") for code, name, on, module, attr in INDEX]
    entries += [_Entry(rule.code, rule.name, rule.default_enabled, rule=rule) for rule in _plugins()]
    codes: dict[str, _Entry] = {}
    names: dict[str, _Entry] = {}
    for entry in entries:
        if entry.code in codes:
            raise RegistryError(f"duplicate rule code {entry.code}: {_label(codes[entry.code])} and {_label(entry)}")
        if entry.name in names:
            raise RegistryError(f"duplicate rule name {entry.name}: {_label(names[entry.name])} and {_label(entry)}")
        codes[entry.code] = entry
        names[entry.name] = entry
    return tuple(sorted(entries, key=lambda entry: entry.code))


def _label(entry: _Entry) -> str:
    return entry._attr or entry.rule().__name__


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every registered rule class, sorted by code (imports every rule module)."""
    return tuple(entry.rule() for entry in _entries())


def _declares_plugins(group: bytes = b"[factlint.rules]") -> bool:
    """Whether any installed distribution's entry points name the group (a scan of their metadata files).

    ``importlib.metadata`` costs about 16 ms to import, most of a one-file run's budget; this
    scan reads the few files it would read, and the run imports it only when one names the group.
    """
    import os
    import sys

    for directory in sys.path:
        try:
            entries = os.scandir(directory or ".")
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.name.endswith((".dist-info", ".egg-info")):
                    try:
                        with open(os.path.join(entry.path, "entry_points.txt"), "rb") as handle:
                            if group in handle.read():
                                return True
                    except OSError:
                        continue
    return False


def _plugins() -> Iterable[type[Rule]]:
    if not _declares_plugins():
        return
    from importlib.metadata import entry_points

    for entry in entry_points(group="factlint.rules"):
        try:
            loaded = entry.load()
        except Exception as error:  # a broken plugin must stop the run, loudly
            raise RegistryError(f"rule plugin {entry.name!r} failed to load: {error}") from error
        items = loaded if isinstance(loaded, (list, tuple)) else (loaded,)
        for item in items:
            if not (isinstance(item, type) and issubclass(item, Rule)):
                raise RegistryError(f"rule plugin {entry.name!r} did not provide Rule classes")
            yield item


def by_code() -> dict[str, type[Rule]]:
    return {rule.code: rule for rule in all_rules()}


def get(code: str) -> type[Rule] | None:
    """The rule with this exact code, or None (imports only that rule's module)."""
    for entry in _entries():
        if entry.code == code:
            return entry.rule()
    return None


def lookup(selector: str) -> list[type[Rule]]:
    """Rules matching a code ("NUM001"), a name ("doubled-word"), a prefix ("NUM", "NUM0") or "ALL"."""
    return [entry.rule() for entry in _lookup(selector)]


def check_selector(selector: str) -> None:
    """Raise ``RegistryError`` if ``selector`` matches no rule (like ``lookup``, without importing any)."""
    _lookup(selector)


def _lookup(selector: str) -> list[_Entry]:
    token = selector.strip()
    upper = token.upper()
    entries = _entries()
    if upper == "ALL":
        return list(entries)
    matched = [e for e in entries if e.code == upper or e.name == token.lower()]
    if matched:
        return matched
    if upper[:3] in FAMILIES and upper.isalnum():
        matched = [e for e in entries if e.code.startswith(upper)]
        if matched:
            return matched
    category = [e for e in entries if e.category == token.lower()]
    if category:
        return category
    close = nearest(token)
    raise RegistryError(f"unknown rule or prefix {selector!r}" + (f"; did you mean {close!r}?" if close else ""))


def nearest(token: str) -> str | None:
    """The rule code or name closest to an unknown ``token``, if one is close (for error messages)."""
    import difflib

    entries = _entries()
    upper = token.strip().upper()
    known = [e.code for e in entries] + [e.name for e in entries]
    close = difflib.get_close_matches(upper if upper[:3] in FAMILIES else token.strip().lower(), known, n=1, cutoff=0.7)
    return close[0] if close else None


class _Deferred:
    # A selected rule whose module is not imported yet, standing in for its class: what the index holds
    # (code, name, category, on by default, scope) it answers itself; anything else (a class attribute, the
    # docstring, making an instance) it takes from the class, imported then. A run that finds every document
    # and the corpus as the last run left them asks the document rules nothing else, and imports only the
    # corpus rules (a third of a one-file run's own work was importing the 41 rule modules).
    __slots__ = ("_entry", "code", "name", "category", "default_enabled", "scope")

    def __init__(self, entry: _Entry) -> None:
        self._entry = entry
        self.code = entry.code
        self.name = entry.name
        self.category = entry.category
        self.default_enabled = entry.default_enabled
        self.scope = entry.scope

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._entry.rule(), attribute)

    def __call__(self, *args: Any, **kwargs: Any) -> Rule:
        return self._entry.rule()(*args, **kwargs)

    # The class's own attributes of these names would be found before __getattr__.
    @property
    def __doc__(self) -> str | None:  # type: ignore[override]
        return self._entry.rule().__doc__

    @property
    def __module__(self) -> str:  # type: ignore[override]
        return self._entry.rule().__module__

    def __repr__(self) -> str:
        return repr(self._entry.rule())


def resolve_selection(select: Iterable[str], ignore: Iterable[str], deferred: bool = False) -> list[type[Rule]]:
    """Rules selected and not ignored (only their modules are imported).

    ``deferred``: each rule's module is imported only when something beyond its code, name, category, default
    and scope is asked of it (a stand-in for the class until then, ``_Deferred``).
    """
    chosen: dict[str, _Entry] = {}
    for selector in select:
        everything = selector.strip().upper() == "ALL"
        for entry in _lookup(selector):
            if entry.default_enabled or not everything:
                chosen[entry.code] = entry
    for selector in ignore:
        for entry in _lookup(selector):
            chosen.pop(entry.code, None)
    ordered = sorted(chosen.values(), key=lambda e: e.code)
    if deferred:
        return [entry.rule() if entry._rule is not None else cast("type[Rule]", _Deferred(entry)) for entry in ordered]
    return [entry.rule() for entry in ordered]


def matches(code: str, selectors: Iterable[str]) -> bool:
    """Whether a rule code is named by any selector (code, name, prefix or ALL)."""
    for selector in selectors:
        try:
            if any(entry.code == code for entry in _lookup(selector)):
                return True
        except RegistryError:
            continue
    return False
