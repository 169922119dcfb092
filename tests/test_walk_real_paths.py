"""The directory walk (``checker.discovery.walk``) resolves only its top: each directory below is placed by its names
below the top, as resolving it would place it, and a file that is a link is still resolved on its own."""

from __future__ import annotations

from pathlib import Path

from checker.discovery import _relative, real_path, relative_to, walk


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "project"
    for folder in ("docs/a/b", "docs/c", "other", ".git", "docs/pkg.egg-info"):
        (root / folder).mkdir(parents=True)
    for name in ("docs/one.md", "docs/a/two.md", "docs/a/b/three.md", "docs/c/four.md", "other/five.md", "docs/pkg.egg-info/x.md"):
        (root / name).write_text("# Title\n\nText.\n", encoding="utf-8")
    (root / "docs" / "linked").symlink_to(root / "other", target_is_directory=True)  # a link to a directory: not entered
    (root / "docs" / "c" / "alias.md").symlink_to(root / "other" / "five.md")  # a link to a file: resolved on its own
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "six.md").write_text("Text.\n", encoding="utf-8")
    (root / "via").symlink_to(root / "docs", target_is_directory=True)
    return root, outside


def test_the_walk_places_each_directory_as_resolving_it_would(tmp_path, monkeypatch) -> None:
    root, outside = _tree(tmp_path)
    monkeypatch.chdir(root)
    for top in (Path("."), Path("docs"), Path("via"), root / "docs" / "a", outside):  # via: a link to a directory, named
        resolved: dict[str, str] = {}
        found = walk(top, root.resolve(), ("*.md",), (), False, resolved=resolved)
        assert resolved and found
        for directory, real in resolved.items():
            assert real == str(Path(directory).resolve()), directory
            assert _relative(real, str(root.resolve())) == relative_to(Path(directory), root.resolve()), directory
        cache: dict[str, str] = dict(resolved)
        for path in found:
            assert real_path(path, cache) == str(path.resolve()) == real_path(path, {})
    names = sorted(p.as_posix() for p in walk(Path("."), root.resolve(), ("*.md",), (), False))
    assert names == ["docs/a/b/three.md", "docs/a/two.md", "docs/c/alias.md", "docs/c/four.md", "docs/one.md", "other/five.md"]


def test_globs_see_each_file_below_the_root_as_before(tmp_path, monkeypatch) -> None:
    root, outside = _tree(tmp_path)
    monkeypatch.chdir(root)
    # Globs match the path below the project root, whichever directory is named (also one named through a link);
    # a file that is a link is matched by where it leads.
    assert sorted(p.as_posix() for p in walk(Path("via"), root.resolve(), ("docs/a/**",), (), False)) == ["via/a/b/three.md", "via/a/two.md"]
    assert sorted(p.name for p in walk(Path("docs"), root.resolve(), ("*.md",), ("docs/c/*",), False)) == ["alias.md", "one.md", "three.md", "two.md"]
    assert sorted(p.name for p in walk(Path("docs"), root.resolve(), ("*.md",), ("other/*",), False)) == ["four.md", "one.md", "three.md", "two.md"]
    assert [p.name for p in walk(outside, root.resolve(), ("*.md",), (), False)] == ["six.md"]
