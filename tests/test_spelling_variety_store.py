"""The British/American spelling table is kept in the user cache directory between runs, and is the same table."""

from __future__ import annotations

import marshal

import pytest

from checker import lexicon, spelling_variety


@pytest.fixture
def user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    spelling_variety.spellings.cache_clear()
    yield tmp_path
    spelling_variety.spellings.cache_clear()


def _stored(directory) -> list:
    return sorted(directory.glob("factlint/spellings-*.marshal"))


def test_the_stored_table_is_the_built_one(user_cache):
    built = spelling_variety._build()
    assert len(built) > 1000
    assert spelling_variety.spellings() == built
    [path] = _stored(user_cache)
    spelling_variety.spellings.cache_clear()
    read = spelling_variety._read(str(path))
    assert read == built and list(read) == list(built)
    assert spelling_variety.spellings() == built


@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal", marshal.dumps([1, 2]), marshal.dumps((("colour", "en-GB", "color"),)), marshal.dumps((("colour", "en-XX", "color", False),))],
)
def test_a_damaged_file_is_built_again(user_cache, content):
    spelling_variety.spellings()
    [path] = _stored(user_cache)
    path.write_bytes(content)
    assert spelling_variety._read(str(path)) is None
    spelling_variety.spellings.cache_clear()
    assert spelling_variety.spellings() == spelling_variety._build()
    assert spelling_variety._read(str(path)) == spelling_variety._build()  # written again


def test_the_file_is_named_by_what_the_table_is_made_of(user_cache, monkeypatch):
    first = spelling_variety._stored_path()
    monkeypatch.setattr(lexicon, "identity", lambda: "other-wordfreq-1")
    assert spelling_variety._stored_path() not in (None, first)
    monkeypatch.setattr(lexicon, "identity", lambda: None)
    assert spelling_variety._stored_path() is None
    assert spelling_variety.spellings() == spelling_variety._build()  # built, not stored
    assert _stored(user_cache) == []


def test_only_the_newest_tables_are_kept(user_cache, monkeypatch):
    import os

    folder = user_cache / "factlint"
    folder.mkdir()
    for n in range(6):  # tables of six older versions, oldest first
        old = folder / f"spellings-old{n}.marshal"
        old.write_bytes(b"")
        os.utime(old, ns=(10**18 + n, 10**18 + n))
    (folder / "patterns-other.marshal").write_bytes(b"")  # another file of the directory
    spelling_variety.spellings()
    names = sorted(path.name for path in folder.iterdir())
    current = os.path.basename(spelling_variety._stored_path())
    assert names == sorted([current, "spellings-old5.marshal", "spellings-old4.marshal", "spellings-old3.marshal", "patterns-other.marshal"])
