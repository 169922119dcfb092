"""The dates extractor's structure: small modules that know no rule, one builder per grammar branch."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.extract import date_grammar, date_mentions

EXTRACT = Path(date_grammar.__file__).parent
MODULES = [
    "dates.py", "date_words.py", "date_grammar.py", "date_mentions.py", "date_resolve.py", "document_date.py", "date_records.py",
]


@pytest.mark.parametrize("name", MODULES)
def test_dates_module_is_small_and_names_no_rule(name):
    text = (EXTRACT / name).read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 500
    assert not re.findall(r"\b(?:NAM|ENC|NUM|DAT|TXT)\d{3}\b", text)


def test_every_branch_has_a_builder():
    names = [branch.name for branch in date_grammar.branches()]
    assert len(names) == len(set(names))
    assert set(names) == set(date_mentions._BUILDERS)


def test_group_names_read_branch_then_field():
    for branch in date_grammar.branches():
        for group in re.findall(r"\(\?P<(\w+)>", branch.pattern):
            assert group.startswith(branch.name + "_"), (branch.name, group)
            assert len(group) > len(branch.name) + 2, (branch.name, group)  # a field name, not a letter
