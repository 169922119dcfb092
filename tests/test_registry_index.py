"""The index of built-in rules (checker.rules.INDEX) agrees with the rule classes it names.

Rule selection reads only the index and imports a rule's module when the rule is run,
so a wrong line would select one rule and run another, or hide a rule altogether.
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import pytest

import checker.rules as package
from checker.registry import RegistryError, _Entry, lookup, resolve_selection
from checker.rule import Rule
from checker.rules import INDEX


def test_every_line_names_the_class_that_defines_its_rule():
    for code, name, default_enabled, module, attr in INDEX:
        rule = getattr(importlib.import_module(f"checker.rules.{module}"), attr)
        assert rule.__module__ == f"checker.rules.{module}", f"{code}: {attr} is defined in {rule.__module__}"
        assert (rule.code, rule.name, rule.default_enabled) == (code, name, default_enabled), f"INDEX line of {code} disagrees with {attr}"


def test_every_rule_class_in_the_package_has_a_line():
    indexed = {(module, attr) for _, _, _, module, attr in INDEX}
    found = set()
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"checker.rules.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Rule) and value is not Rule and value.__module__ == module.__name__:
                if not value.__dict__.get("abstract", False):
                    found.add((info.name, value.__name__))
    assert found == indexed


def test_index_is_in_code_order_without_duplicates():
    codes = [line[0] for line in INDEX]
    names = [line[1] for line in INDEX]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)


def test_builtin_is_every_indexed_class():
    assert [rule.code for rule in package.BUILTIN] == [line[0] for line in INDEX]


def test_selection_imports_only_the_selected_rules():
    script = (
        "import sys\n"
        "from checker.registry import resolve_selection, matches, check_selector\n"
        "check_selector('ALL'); check_selector('NUM')\n"
        "assert matches('NUM001', ['numbers'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('checker.rules.')))\n"
        "print([r.code for r in resolve_selection(['TXT100', 'doubled-word'], [])])\n"
        "print(sorted(m for m in sys.modules if m.startswith('checker.rules.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == ["[]", "['TXT004', 'TXT100']", "['checker.rules.doubled_word', 'checker.rules.unused_suppression']"]


def test_all_leaves_out_rules_off_by_default_without_changing_lookup():
    off = {code for code, _, on, _, _ in INDEX if not on}
    assert off
    assert off.isdisjoint(rule.code for rule in resolve_selection(["ALL"], []))
    assert {rule.code for rule in lookup("ALL")} == {line[0] for line in INDEX}


def test_a_line_that_disagrees_with_its_class_stops_the_run():

    with pytest.raises(RegistryError, match="INDEX says TXT100 stale-suppression"):
        _Entry("TXT100", "stale-suppression", True, "unused_suppression", "UnusedSuppression").rule()


def test_a_plugin_rule_without_the_documentation_sections_is_refused_when_defined():
    """Built-in rules' docstrings are checked by tests/test_meta.py; a plugin's when its class is defined."""
    with pytest.raises(TypeError, match="docstring lacks sections"):

        class Undocumented(Rule):  # noqa: F841 (defining it is the test)
            """Says nothing of what it checks."""

            code = "TXT999"
            name = "undocumented"


def test_the_corpus_codes_are_the_rules_whose_scope_is_corpus():
    from checker.rules import CORPUS

    scopes = {code: getattr(importlib.import_module(f"checker.rules.{module}"), attr).scope for code, _, _, module, attr in INDEX}
    assert {code for code, scope in scopes.items() if scope == "corpus"} == CORPUS
    assert set(scopes.values()) == {"document", "corpus"}


def test_a_line_whose_scope_disagrees_with_its_class_stops_the_run():
    with pytest.raises(RegistryError, match="scope corpus"):
        _Entry("TXT004", "doubled-word", True, "doubled_word", "DoubledWord", scope="corpus").rule()
