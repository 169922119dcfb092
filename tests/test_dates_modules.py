"""The dates extractor's structure: one builder per grammar branch, readable group names."""

from __future__ import annotations

import re

from checker.extract import dates


def test_every_branch_has_a_builder():
    names = [branch.name for branch in dates._branches()]
    assert len(names) == len(set(names))
    assert set(names) == set(dates._BUILDERS)


def test_group_names_read_branch_then_field():
    for branch in dates._branches():
        for group in re.findall(r"\(\?P<(\w+)>", branch.pattern):
            assert group.startswith(branch.name + "_"), (branch.name, group)
            assert len(group) > len(branch.name) + 2, (branch.name, group)  # a field name, not a letter
