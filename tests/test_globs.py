"""Glob matching (checker.globs): the same answers as the glob's regex, in linear time."""

import random

import pytest

from checker import globs


def _random_glob(rng: random.Random) -> str:
    pieces = ["a", "b", "/", "*", "**/", "**", "?", "[ab]", "[!a]", "."]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))


def _random_path(rng: random.Random) -> str:
    return "/".join("".join(rng.choice("ab.") for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 5)))


def test_the_automaton_agrees_with_the_regex_on_random_globs_and_paths():
    rng = random.Random(20261205)
    checked = 0
    for _ in range(3000):
        pattern = _random_glob(rng)
        regex = globs.glob_regex(pattern)
        automaton = globs._Automaton(globs._tokens(pattern))
        for _ in range(10):
            path = _random_path(rng)
            assert automaton.matches(path) == (regex.match(path) is not None), (pattern, path)
            checked += 1
    assert checked == 30000


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("**/drafts/**/*.md", "docs/drafts/2026/q1.md", True),
        ("**/drafts/**/*.md", "docs/final/2026/q1.md", False),
        ("**/drafts/**/*.md", "drafts/q1.md", True),
        ("a/**/b/**/c/*.txt", "a/x/b/y/z/c/n.txt", True),
        ("a/**/b/**/c/*.txt", "a/x/b/y/z/c/d/n.txt", False),
        ("*a*a*a*b", "aaaab", True),
        ("*a*a*a*b", "aaa/ab", False),
    ],
)
def test_globs_with_many_wildcards_match_as_globs_do(pattern, path, expected):
    assert globs.glob_matcher(pattern)(path) is expected
    assert (globs.glob_regex(pattern).match(path) is not None) is expected


def test_runs_of_double_stars_collapse():
    assert globs._tokens("**/**/**/z") == globs._tokens("**/z")


def test_a_glob_with_many_wildcards_is_not_matched_by_backtracking():
    """The hostile case: ``**/a/**/a/...`` on a deep path of ``a/`` never reaches the regex engine."""
    pattern = "/".join(["**", "a"] * 12) + "/z"
    deep = "/".join(["a"] * 40) + "/y"
    matcher = globs.glob_matcher(pattern)
    assert matcher(deep) is False and matcher(deep[:-1] + "z") is True
    assert isinstance(getattr(matcher, "__self__", None), globs._Automaton)


def test_a_long_glob_list_compiles_each_glob_once():
    patterns = [f"dir{i}/**/*.md" for i in range(2000)]
    globs.glob_matcher.cache_clear()
    for name in ("x.md", "y.md", "z.md"):
        globs.matches_any(f"other/{name}", patterns)
    assert globs.glob_matcher.cache_info().misses == 2000


def test_an_invalid_class_is_a_value_error_naming_the_glob():
    with pytest.raises(ValueError, match=r"invalid glob '\[z-a\]'"):
        globs.check_globs(["*.md", "[z-a]"])
