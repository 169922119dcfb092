"""Deferred rules (``resolve_selection(..., deferred=True)``, what the CLI selects): stand-ins for the rule
classes that import a rule's module only when something beyond the index is asked of it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from checker import registry
from checker.registry import resolve_selection
from checker.rules import INDEX

ATTRIBUTES = ("code", "name", "category", "default_enabled", "scope", "severity", "confidence", "requires", "formats")
ATTRIBUTES += ("reads_suppressions", "Options", "__doc__", "__module__", "__name__", "__qualname__")


@pytest.mark.parametrize("code", [line[0] for line in INDEX])
def test_a_deferred_rule_answers_as_its_class(code):
    real = registry.get(code)
    entry = next(entry for entry in registry._entries() if entry.code == code)
    deferred = registry._Deferred(registry._Entry(entry.code, entry.name, entry.default_enabled, entry._module, entry._attr, scope=entry.scope))
    for attribute in ATTRIBUTES:
        assert getattr(deferred, attribute) == getattr(real, attribute), attribute
    assert deferred.summary() == real.summary()
    assert type(deferred()) is real and repr(deferred) == repr(real)


def test_deferred_selection_imports_a_rule_only_when_asked_more_than_the_index_holds():
    script = (
        "import sys\n"
        "from checker.registry import resolve_selection\n"
        "rules = resolve_selection(['ALL'], ['NUM103'], deferred=True)\n"
        "loaded = lambda: sorted(m for m in sys.modules if m.startswith('checker.rules.'))\n"
        "print(len(rules), [r.code for r in rules if r.scope == 'corpus'], {r.category for r in rules} >= {'names'}, loaded())\n"
        "doubled = next(r for r in rules if r.code == 'TXT004')\n"
        "print(doubled.severity, loaded())\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.splitlines()
    enabled = [line for line in INDEX if line[2] and line[0] != "NUM103"]
    assert out[0] == f"{len(enabled)} ['DAT008', 'NAM001', 'NUM101', 'NUM102'] True []"
    assert out[1] == "warning ['checker.rules.doubled_word']"


def test_a_selection_is_the_same_rules_deferred_or_not():
    for select, ignore in ((["ALL"], []), (["NUM", "TXT004"], ["NUM101"]), (["names"], [])):
        plain = resolve_selection(select, ignore)
        deferred = resolve_selection(select, ignore, deferred=True)
        assert [rule.code for rule in deferred] == [rule.code for rule in plain]
        assert [type(rule()) for rule in deferred] == plain


SEEDS = __import__("pathlib").Path(__file__).resolve().parents[1] / "seeds"


@pytest.mark.parametrize("fmt", ["concise", "full", "json", "sarif", "html", "github"])
def test_reports_are_the_same_with_the_rules_deferred_or_not(project, run_cli, monkeypatch, fmt):
    for seed in SEEDS.iterdir():
        shutil.copy(seed, project / seed.name)
    (project / "extra.md").write_text(
        "Revenue rose to $48.6 million, up 42% from $31.2 million, on Wednesday, February 12, 2026.\n\n"
        "Dana Okafor signed it. Later, Dana Okafore signed the review.\n",
        encoding="utf-8",
    )
    reports = []
    for deferred in (True, False, True):  # cold with stand-ins, classes, warm with stand-ins
        monkeypatch.setattr(registry, "resolve_selection", lambda s, i, deferred_=deferred, **_: _resolve(s, i, deferred_))
        reports.append(run_cli("-f", fmt, "--exit-zero", "."))
    if fmt in ("json", "sarif"):
        reports = [(code, _without_timings(json.loads(out)), err) for code, out, err in reports]
    assert reports[0] == reports[1] == reports[2]
    assert reports[0][1]


_resolve = resolve_selection


def _without_timings(value):
    if isinstance(value, dict):
        return {key: _without_timings(item) for key, item in value.items() if "time" not in key.lower()}
    if isinstance(value, list):
        return [_without_timings(item) for item in value]
    return value
