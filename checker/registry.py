"""The rule registry: built-in rules plus plugins, looked up by code, name or prefix.

Built from an explicit tuple (``checker.rules.BUILTIN``) and the
``factlint.rules`` entry-point group. Codes and names must be unique; a
plugin that fails to load stops the run rather than silently dropping rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from checker.rule import FAMILIES, Rule


class RegistryError(Exception):
    """A rule selector matches nothing, or rules clash."""


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every registered rule class, sorted by code."""
    from checker.rules import BUILTIN

    rules = list(BUILTIN) + list(_plugins())
    codes: dict[str, type[Rule]] = {}
    names: dict[str, type[Rule]] = {}
    for rule in rules:
        if rule.code in codes:
            raise RegistryError(f"duplicate rule code {rule.code}: {codes[rule.code].__name__} and {rule.__name__}")
        if rule.name in names:
            raise RegistryError(f"duplicate rule name {rule.name}: {names[rule.name].__name__} and {rule.__name__}")
        codes[rule.code] = rule
        names[rule.name] = rule
    return tuple(sorted(rules, key=lambda r: r.code))


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


def lookup(selector: str) -> list[type[Rule]]:
    """Rules matching a code ("NUM001"), a name ("doubled-word"), a prefix ("NUM", "NUM0") or "ALL"."""
    token = selector.strip()
    upper = token.upper()
    rules = all_rules()
    if upper == "ALL":
        return list(rules)
    matched = [r for r in rules if r.code == upper or r.name == token.lower()]
    if matched:
        return matched
    if upper[:3] in FAMILIES and upper.isalnum():
        matched = [r for r in rules if r.code.startswith(upper)]
        if matched:
            return matched
    category = [r for r in rules if r.category == token.lower()]
    if category:
        return category
    close = nearest(token)
    raise RegistryError(f"unknown rule or prefix {selector!r}" + (f"; did you mean {close!r}?" if close else ""))


def nearest(token: str) -> str | None:
    """The rule code or name closest to an unknown ``token``, if one is close (for error messages)."""
    import difflib

    rules = all_rules()
    upper = token.strip().upper()
    known = [r.code for r in rules] + [r.name for r in rules]
    close = difflib.get_close_matches(upper if upper[:3] in FAMILIES else token.strip().lower(), known, n=1, cutoff=0.7)
    return close[0] if close else None


def resolve_selection(select: Iterable[str], ignore: Iterable[str]) -> list[type[Rule]]:
    """Rules selected and not ignored."""
    chosen: dict[str, type[Rule]] = {}
    for selector in select:
        everything = selector.strip().upper() == "ALL"
        for rule in lookup(selector):
            if rule.default_enabled or not everything:
                chosen[rule.code] = rule
    for selector in ignore:
        for rule in lookup(selector):
            chosen.pop(rule.code, None)
    return sorted(chosen.values(), key=lambda r: r.code)


def matches(code: str, selectors: Iterable[str]) -> bool:
    """Whether a rule code is named by any selector (code, name, prefix or ALL)."""
    for selector in selectors:
        try:
            if any(rule.code == code for rule in lookup(selector)):
                return True
        except RegistryError:
            continue
    return False
