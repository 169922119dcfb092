"""The CLI's cache of the code ``dataclasses`` generates (checker.dataclass_code): the same classes, faster."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from dataclasses import dataclass, field

import pytest

from checker import dataclass_code


def _define():
    @dataclass(frozen=True, slots=True, kw_only=True)
    class Fact:
        """A frozen, slotted class with defaults of both kinds."""

        name: str
        count: int = 0
        tags: tuple[str, ...] = ()
        notes: frozenset[str] = field(default_factory=frozenset)

    @dataclass(order=True)
    class Row:
        key: str
        value: float = 0.0

    return Fact, Row


_METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__", "__lt__", "__ge__")


def _methods(cls) -> dict[str, tuple]:
    out = {}
    for name in _METHODS:
        method = cls.__dict__.get(name)
        function = getattr(method, "__wrapped__", method)  # __repr__ is wrapped against recursion
        if callable(function) and hasattr(function, "__code__"):
            out[name] = (function.__code__, function.__module__, function.__qualname__, function.__globals__.get("__name__"))
    return out


def _use_cache(monkeypatch, directory) -> None:
    """dataclasses with the caching exec, its file under ``directory``, starting from nothing in memory (undone after the test)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(directory))
    monkeypatch.setattr(dataclass_code, "_key", b"k" * 32)
    monkeypatch.setattr(dataclass_code, "_store", None)
    monkeypatch.setattr(dataclass_code, "_added", {})
    monkeypatch.setattr(dataclass_code, "_code", {})
    monkeypatch.setattr(dataclass_code, "_used", set())
    monkeypatch.setattr(dataclasses, "exec", dataclass_code._exec, raising=False)


@pytest.fixture
def cached(tmp_path, monkeypatch):
    _use_cache(monkeypatch, tmp_path)
    return tmp_path


def _behaves(Fact, Row) -> None:
    one = Fact(name="x", tags=("a",))
    assert one == Fact(name="x", tags=("a",)) and hash(one) == hash(Fact(name="x", tags=("a",)))
    assert repr(one).endswith("Fact(name='x', count=0, tags=('a',), notes=frozenset())")
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.count = 2  # type: ignore[misc]
    assert Row("a", 1.0) < Row("b") and repr(Row("a")).endswith("Row(key='a', value=0.0)")


def test_classes_are_the_same_whether_the_cache_compiles_or_reads_their_code(tmp_path, monkeypatch):
    plain = [_methods(cls) for cls in _define()]  # without the cache
    _use_cache(monkeypatch, tmp_path)
    compiled = _define()
    assert [_methods(cls) for cls in compiled] == plain
    _behaves(*compiled)
    assert dataclass_code._added
    dataclass_code._save()
    assert list(tmp_path.glob("factlint/dataclass-code-*.marshal"))

    _use_cache(monkeypatch, tmp_path)  # as the next run starts
    read = _define()
    assert not dataclass_code._added, "every source was read from the file"
    assert [_methods(cls) for cls in read] == plain
    _behaves(*read)


def test_an_entry_that_does_not_verify_is_compiled_again(cached):
    _define()
    dataclass_code._save()
    entries = dataclass_code._read()
    assert entries
    source = next(iter(entries))
    forged = compile("def __create_fn__():\n def f(self): return 'forged'\n return f", "<string>", "exec")
    import marshal

    entries[source] = (marshal.dumps(forged), entries[source][1])
    (path,) = cached.glob("factlint/dataclass-code-*.marshal")
    path.write_bytes(marshal.dumps(entries))
    dataclass_code._store = None
    dataclass_code._code = {}
    dataclass_code._added = {}
    assert dataclass_code._compiled(source) == compile(source, "<string>", "exec", dont_inherit=True)
    assert source in dataclass_code._added  # compiled, and kept right on the next save


def test_only_the_command_line_changes_dataclasses():
    script = "import dataclasses, checker.engine, checker.rules; print(hasattr(dataclasses, 'exec'))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_classes_defined_while_the_key_is_read_use_the_cache_too(tmp_path):
    # install() must replace exec before it reads the user's key: reading it imports modules with dataclasses.
    script = (
        "import sys; from checker import dataclass_code; dataclass_code.install()\n"
        "import dataclasses, checker.cache, checker.finding\n"
        "codes = {id(c) for module in dataclass_code._code.values() for c in module.co_consts if hasattr(c, 'co_consts')}\n"
        "inner = {id(c) for module in dataclass_code._code.values() for f in module.co_consts if hasattr(f, 'co_consts')"
        " for c in f.co_consts if hasattr(c, 'co_code')}\n"
        "classes = [c for c in vars(checker.finding).values() if dataclasses.is_dataclass(c) and c.__module__ == 'checker.finding']\n"
        "print(len(classes), all(id(c.__init__.__code__) in codes | inner for c in classes))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env).stdout.split()
    assert int(out[0]) > 0 and out[1] == "True"


def test_dataclasses_imported_with_inspect_deferred_still_document_a_class_without_a_docstring():
    script = (
        "import sys; from checker import dataclass_code; dataclass_code.install()\n"
        "import dataclasses\n"
        "print('ast' in sys.modules)\n"
        "@dataclasses.dataclass\nclass Point:\n    x: int\n    y: 'str' = 'a'\n"
        "print(Point.__doc__, 'ast' in sys.modules, type(sys.modules['inspect']).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == ["False", "Point(x: int, y: 'str' = 'a') True module"]
