"""Meta-tests: the registry, rule metadata and documentation, and the README stay in sync."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import re
import sys
import tomllib
from pathlib import Path

import pydantic
import pytest

from checker.registry import all_rules
from checker.rule import DOC_SECTIONS, FAMILIES, Rule, doc_sections, validate_options

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).parent / "rules" / "cases"
# Rules whose findings the engine produces, not the rule: tested in test_cli.py.
ENGINE_RULES: set[str] = set()  # every rule now produces its own findings (reading and suppression hooks)


def test_codes_and_names_are_unique():
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)


def test_every_rule_module_is_registered():
    import checker.rules as package

    registered = set(all_rules())
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"checker.rules.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Rule) and value is not Rule and value.__module__ == module.__name__:
                if not value.__dict__.get("abstract", False):
                    assert value in registered, f"{value.__name__} in {info.name}.py is not in BUILTIN"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_metadata_and_docstring(rule):
    assert rule.category == FAMILIES[rule.code[:3]]
    sections = doc_sections(rule)
    for section in DOC_SECTIONS:
        assert sections.get(section, "").strip(), f"{rule.code}: empty section {section!r}"
    assert list(sections)[:2] == ["What it checks", "Why it matters"], f"{rule.code}: sections out of order"
    offers_fixes = "Fix(" in inspect.getsource(sys.modules[rule.__module__])
    assert ("Fix safety" in sections) == offers_fixes, f"{rule.code}: a rule that offers fixes, and only such a rule, says how safe they are"
    if rule.Options is not None:
        assert "Options" in sections, f"{rule.code} has options but no Options section"
        assert dataclasses.is_dataclass(rule.Options), f"{rule.code}: Options must be a dataclass (checker.validation)"
        assert rule.Options.__dataclass_params__.frozen, f"{rule.code}: Options must be frozen"
        with pytest.raises(pydantic.ValidationError, match="extra_forbidden"):
            validate_options(rule.Options, {"no-such-option": 1})  # unknown keys are errors


@pytest.mark.parametrize("rule", [r for r in all_rules() if r.code not in ENGINE_RULES], ids=lambda r: r.code)
def test_every_rule_has_pass_and_fail_cases(rule):
    table = CASES / f"{rule.code}.toml"
    assert table.is_file(), f"missing {table.relative_to(ROOT)}"
    data = tomllib.loads(table.read_text(encoding="utf-8"))
    assert data.get("pass"), f"{rule.code}: no pass cases"
    assert data.get("fail"), f"{rule.code}: no fail cases"


def test_case_tables_name_registered_rules():
    codes = {r.code for r in all_rules()}
    for table in CASES.glob("*.toml"):
        assert table.stem in codes, f"{table.name} has no rule"


def test_readme_rule_table_is_generated_from_the_registry():
    from checker.ruledoc import rules_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- rules-table:start -->\n(.*?)\n<!-- rules-table:end -->", readme, re.S)
    assert match, "README lacks the rules-table markers"
    assert match.group(1).strip() == rules_table("markdown").strip(), (
        "README rule table is stale: run `python scripts/update_readme.py`"
    )


def test_readme_options_table_is_generated_from_the_registry():
    from checker.ruledoc import options_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- options-table:start -->\n(.*?)\n<!-- options-table:end -->", readme, re.S)
    assert match, "README lacks the options-table markers"
    assert match.group(1).strip() == options_table().strip(), "README options table is stale: run `python scripts/update_readme.py`"
    assert "`allow`" in match.group(1)


def test_no_top_level_rules_import():
    offenders = []
    for path in list((ROOT / "checker").rglob("*.py")) + list((ROOT / "rules").rglob("*.py")) + list((ROOT / "tests").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(?:from rules\b|import rules\b)", text, re.M):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_off_by_default_rules_run_only_when_named() -> None:
    from checker.registry import resolve_selection

    off = [r for r in all_rules() if not r.default_enabled]
    assert off, "no rule is off by default"
    everything = {r.code for r in resolve_selection(["ALL"], ())}
    for rule in off:
        assert rule.code not in everything
        for selector in (rule.code, rule.name, rule.code[:3], rule.category):
            assert rule.code in {r.code for r in resolve_selection([selector], ())}, selector
        assert rule.code in {r.code for r in resolve_selection(["ALL", rule.code], ())}
