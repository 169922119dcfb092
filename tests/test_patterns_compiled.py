"""The compiled-pattern cache gives the same pattern objects as ``re.compile``, and survives a bad cache file."""

from __future__ import annotations

import re

import pytest

from checker.patterns import LazyPattern
from checker.patterns import compiled as lazyre

# Patterns of the kinds the extractors use: named groups, flags inline and given,
# look-around, Unicode classes, a large alternation, a backreference.
PATTERNS = [
    (r"(?P<value>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>%|percent\b)", 0),
    (r"^[ \t>*_#]*(?i:published|posted)\b[^\r\n]{0,80}?(?P<date>\d{4})", re.M),
    (r"(?<!\w)(?:January|February|March|Apr(?:il)?)\.?\s+\d{1,2}", re.I),
    (r"[^\x00-\u024f\u1e00-\u1eff]+", 0),
    (r"\b(\w+)\s+\1\b", re.I | re.M),
    ("|".join(f"word{n}" for n in range(300)), 0),
]
SAMPLES = [
    "Revenue rose 12.5% to 1,234.5 percent of plan.",
    "Published on May 14, 2026\nPOSTED 1999",
    "On april 3 and March 14 the the board met.",
    "中文 текст and word17 word299 ascii",
]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache directory and no patterns loaded yet in this process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(lazyre, "_store", None)
    monkeypatch.setattr(lazyre, "_added", {})
    return tmp_path


def _reload(monkeypatch) -> None:
    """As if a new process started: forget what this one loaded or compiled."""
    monkeypatch.setattr(lazyre, "_store", None)
    monkeypatch.setattr(lazyre, "_added", {})


def _same(compiled: re.Pattern, pattern: str, flags: int) -> None:
    expected = re.compile(pattern, flags)
    assert compiled == expected  # Pattern equality compares the pattern, the flags and the compiled code
    assert (compiled.groups, compiled.groupindex) == (expected.groups, expected.groupindex)
    for text in SAMPLES:
        assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in expected.finditer(text)]
        found = compiled.search(text)
        assert (found and found.groupdict()) == ((m := expected.search(text)) and m.groupdict())


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_cold_and_warm_patterns_equal_re_compile(fresh_cache, monkeypatch, pattern, flags):
    _same(lazyre.compile_cached(pattern, flags), pattern, flags)  # cold: compiled here
    lazyre._save_store()
    _reload(monkeypatch)
    assert lazyre._load_store()  # the entry was saved ...
    _same(lazyre.compile_cached(pattern, flags), pattern, flags)  # ... and is used: warm
    assert lazyre._added == {}  # nothing had to be compiled again


def test_the_cache_file_accumulates_patterns_of_several_runs(fresh_cache, monkeypatch):
    lazyre.compile_cached(*PATTERNS[0])
    lazyre._save_store()
    _reload(monkeypatch)
    lazyre.compile_cached(*PATTERNS[1])
    lazyre._save_store()
    _reload(monkeypatch)
    assert set(lazyre._load_store()) == {PATTERNS[0][:2], PATTERNS[1][:2]}


def test_a_corrupt_cache_file_is_ignored_and_replaced(fresh_cache, monkeypatch):
    path = lazyre._store_path()
    (fresh_cache / "factlint").mkdir()
    with open(path, "wb") as handle:
        handle.write(b"\x00not marshal data")
    pattern, flags = PATTERNS[0]
    _same(lazyre.compile_cached(pattern, flags), pattern, flags)
    lazyre._save_store()
    _reload(monkeypatch)
    assert pattern in {key[0] for key in lazyre._load_store()}


NEVER = r"(?!)x"  # valid code that never matches


def _saved(monkeypatch, *patterns) -> dict:
    """Compile ``patterns`` in a fresh run, save them and return the file's entries."""
    import marshal

    for pattern, flags in patterns:
        lazyre.compile_cached(pattern, flags)
    lazyre._save_store()
    _reload(monkeypatch)
    with open(lazyre._store_path(), "rb") as handle:
        return marshal.loads(handle.read())


def _rewrite(entries: dict) -> None:
    import marshal

    with open(lazyre._store_path(), "wb") as handle:
        handle.write(marshal.dumps(entries))


def test_a_warm_run_reuses_the_saved_entries(fresh_cache, monkeypatch):
    pattern, flags = PATTERNS[1]
    _saved(monkeypatch, (pattern, flags))
    _same(lazyre.compile_cached(pattern, flags), pattern, flags)
    assert lazyre._added == {}  # built from the file: nothing compiled again


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS[:3])
def test_a_poisoned_entry_changes_nothing(fresh_cache, monkeypatch, pattern, flags):
    """Valid code of another pattern, stored under this pattern's key, is not used."""
    entries = _saved(monkeypatch, (pattern, flags), (NEVER, flags))
    entries[(pattern, int(flags))] = entries[(NEVER, int(flags))]  # the whole entry of the other pattern
    _rewrite(entries)
    _same(lazyre.compile_cached(pattern, flags), pattern, flags)
    assert (pattern, int(flags)) in lazyre._added  # compiled again, and the entry is repaired at exit


def test_an_entry_with_another_patterns_code_is_ignored(fresh_cache, monkeypatch):
    pattern, flags = PATTERNS[0]
    entries = _saved(monkeypatch, (pattern, flags), (NEVER, flags))
    mine, other = list(entries[(pattern, flags)]), entries[(NEVER, flags)]
    mine[:5] = other[:5]  # the other pattern's code under this pattern's digest, if any
    entries[(pattern, flags)] = tuple(mine)
    _rewrite(entries)
    _same(lazyre.compile_cached(pattern, flags), pattern, flags)


@pytest.mark.parametrize("entry", ["garbage", (1, 2), None, (0, b"\xff\xff\xff\xff" * 3, 0, {}, (None,), b"0" * 16)])
def test_a_malformed_entry_is_compiled_again(fresh_cache, monkeypatch, entry):
    pattern, flags = PATTERNS[2]
    entries = _saved(monkeypatch, (pattern, flags))
    entries[(pattern, int(flags))] = entry
    _rewrite(entries)
    _same(lazyre.compile_cached(pattern, flags), pattern, flags)


def test_an_invalid_pattern_raises_like_re_compile(fresh_cache):
    with pytest.raises(re.error):
        lazyre.compile_cached(r"(unclosed")


def test_an_unwritable_cache_directory_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(lazyre, "_store", None)
    monkeypatch.setattr(lazyre, "_added", {})
    pattern, flags = PATTERNS[3]
    _same(lazyre.compile_cached(pattern, flags), pattern, flags)
    lazyre._save_store()  # must not raise
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_lazy_pattern_compiles_through_the_cache(fresh_cache):
    lazy = LazyPattern(*PATTERNS[4])
    assert lazy.search("so the the end").span() == (3, 10)
    assert PATTERNS[4] in lazyre._added


def test_the_extractors_build_the_same_patterns_in_every_process(tmp_path):
    """Patterns built from sets must not depend on the process's hash seed, or the cache would miss and grow every run."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    seeds = sorted(str(p) for p in (Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    script = (
        "import sys, hashlib\n"
        "from checker import cli\nfrom checker.patterns import compiled as lazyre\n"
        "cli.main(['--exit-zero', '-q', '--no-cache', '--select', 'ALL', '--jobs', '1', *sys.argv[1:]])\n"
        "print(sorted(hashlib.sha1(p.encode()).hexdigest() + str(f) for p, f in lazyre._added))\n"
    )
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(tmp_path / seed)}
        result = subprocess.run([sys.executable, "-c", script, *seeds], env=env, capture_output=True, text=True, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout.splitlines()[-1])
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 1000  # the extractors' patterns went through the cache


def test_a_full_cache_file_keeps_only_the_patterns_of_this_run(fresh_cache, monkeypatch):
    monkeypatch.setattr(lazyre, "_used", set())
    lazyre.compile_cached(*PATTERNS[0])
    lazyre._save_store()
    _reload(monkeypatch)
    monkeypatch.setattr(lazyre, "_used", set())
    monkeypatch.setattr(lazyre, "_MAX_BYTES", 1)
    lazyre.compile_cached(*PATTERNS[1])
    lazyre._save_store()
    _reload(monkeypatch)
    assert set(lazyre._load_store()) == {PATTERNS[1][:2]}
