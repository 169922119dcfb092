"""Configuration: ``[tool.factlint]`` in pyproject.toml, or factlint.toml / .factlint.toml.

Found by walking up from the working directory (``--config`` overrides).
Validated by pydantic with unknown keys forbidden: a typo is an error that
names the key and the file, never silently ignored. The settings themselves
are plain frozen dataclasses (see ``checker.validation``): pydantic is
imported only when a file's contents must be validated, and not at all when
there is no config file, an empty one, or one already validated.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from checker.patterns import LazyPattern
from checker.validation import after, aliases, validate

if TYPE_CHECKING:
    from pydantic import ValidationError

CONFIG_FILES = ("factlint.toml", ".factlint.toml", "pyproject.toml")

_DEFAULT_CACHE_DIR = ".factlint_cache"
DEFAULT_INCLUDE = ("**/*.md", "**/*.markdown", "**/*.txt", "**/*.html", "**/*.htm", "**/*.xhtml", "**/*.docx", "**/*.pdf")


class ConfigError(Exception):
    """A configuration problem; the CLI exits 2 with this message."""


def _month_day(value: str | None) -> str | None:
    if value is not None:
        try:
            dt.date.fromisoformat(f"2001-{value}")
        except ValueError:
            raise ValueError(f"expected MM-DD, got {value!r}") from None
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class Vocabulary:
    """Terms for the names rules (``[tool.factlint.vocabulary]``).

    The vocabulary decides which of two look-alike spellings is right:
    ``prefer`` first, then ``accept``; without either, the names rules report
    both forms with their counts and do not pretend to know.
    """

    # Spellings known to be right. Two accepted forms are never variants of
    # each other ("venetoclax" and "navitoclax" are different drugs); a form
    # close to an accepted one is reported as its variant. An accepted
    # acronym also counts as defined.
    accept: tuple[str, ...] = ()
    # canonical form -> rejected variants. Every occurrence of a rejected
    # form is reported with a safe fix to the canonical form; other forms
    # that look like variants of the canonical one get an unsafe fix.
    prefer: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Acronyms that count as defined, beyond the built-in list
    # (checker/data/acronyms.txt): never asked to be defined, never taken
    # for a slip of a defined acronym.
    acronyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Dates:
    """Document dates and fiscal years for the dates rules (see checker.extract.dates)."""

    # Exact path or glob (relative to the project root) -> document date. Used only
    # when the document gives none itself (front matter, dateline, "Published" line);
    # an exact path wins over a glob, then globs in the order written.
    document_date: Annotated[dict[str, dt.date], after(_valid_globs)] = field(default_factory=dict, metadata={"alias": "document-date"})
    # Month and day the fiscal year ends, "MM-DD" ("06-30": FY2026 is July 2025 to
    # June 2026). Unset: quarters, halves and fiscal years are mapped to months only
    # when the document states its fiscal year end. Year ends in January or February
    # are labelled inconsistently by companies, so their quarters are never mapped.
    fiscal_year_end: Annotated[str | None, after(_month_day)] = field(default=None, metadata={"alias": "fiscal-year-end"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """The effective configuration (plain data; validated by :func:`parse_settings`)."""

    include: Annotated[tuple[str, ...], after(_valid_globs)] = DEFAULT_INCLUDE
    exclude: Annotated[tuple[str, ...], after(_valid_globs)] = ()
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: Annotated[dict[str, tuple[str, ...]], after(_valid_globs)] = field(default_factory=dict, metadata={"alias": "per-file-ignores"})
    severity: dict[str, Literal["error", "warning", "info"]] = field(default_factory=dict)
    fail_on: Literal["error", "warning", "info"] = field(default="warning", metadata={"alias": "fail-on"})
    # Findings less sure than this are neither reported nor fail the run (checker.finding.Confidence).
    min_confidence: Literal["high", "medium", "low"] = field(default="low", metadata={"alias": "min-confidence"})
    respect_gitignore: bool = field(default=True, metadata={"alias": "respect-gitignore"})
    # Where unchanged documents' fact sheets are kept between runs (relative to the
    # project root); see checker.cache. ``--no-cache`` bypasses it.
    cache_dir: str = field(default=_DEFAULT_CACHE_DIR, metadata={"alias": "cache-dir"})
    # Seconds one document may take to check; a document that takes longer is left out
    # with a notice and the run goes on (see checker.budget). 0: no limit.
    time_limit: float = field(default=60.0, metadata={"alias": "time-limit", "ge": 0})
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    dates: Dates = field(default_factory=Dates)
    ledger: str | None = None
    # Accepted findings (relative to the project root); only findings not in it are
    # reported. Written by ``--write-baseline``; see checker.baseline.
    baseline: str | None = None
    # rule name or code -> that rule's options table
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)

    # Not keys: where the configuration came from, and the project root.
    source: str | None = field(default=None, metadata={"exclude": True})
    root: str = field(default=".", metadata={"exclude": True})


def _valid_globs(value):
    """``value`` (globs, or a table keyed by globs) if every glob compiles; else ValueError naming it."""
    from checker.globs import check_globs

    check_globs(value)  # iterating a dict gives its keys
    return value


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (pyproject.toml only with [tool.factlint])."""
    start = start.resolve()
    for directory in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            try:
                text = candidate.read_text(encoding="utf-8")
                data = _parse_toml(text)
            except (_TomlError, UnicodeDecodeError, OSError):
                continue
            except RecursionError:  # nested too deeply to parse: ours only if it has the table
                if _FACTLINT_TABLE.search(text):
                    return candidate  # load_settings reports it
                continue
            if "factlint" in data.get("tool", {}):
                return candidate
    return None


class _TomlError(ValueError):
    """``tomllib.TOMLDecodeError``, with its message, raised where tomllib need not be imported to catch it."""


def _parse_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``. A text of nothing but blanks and line breaks (an empty factlint.toml) is the
    empty table, without importing tomllib (3 ms of a one-file run)."""
    if not text.replace("\r\n", "\n").strip(" \t\n"):
        return {}
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _TomlError(str(error)) from None


# A [tool.factlint] (or [tool.factlint.x]) table header, for files tomllib cannot parse.
_FACTLINT_TABLE = LazyPattern(r"^\s*\[\s*tool\s*\.\s*[\"']?factlint\b", re.MULTILINE)


def load_settings(path: Path | None, root: Path | None = None, cache: bool | Path = False) -> Settings:
    """Read and validate a config file; no file gives the defaults.

    With ``cache`` (True: the cache directory the file names, or the default one; or a
    directory), a file validated at an earlier run is read back from there (checker.config_cache).
    """
    if path is None:
        return Settings(root=str((root or Path.cwd()).resolve()))
    try:
        data = _parse_toml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (_TomlError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply to parse") from None
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("factlint", {})
        prefix = ("tool", "factlint")
    text = path.read_text(encoding="utf-8")
    source, base = str(path), str(path.resolve().parent)
    directory = _cache_place(cache, data, source, base) if data else None
    if directory is not None:
        from checker import config_cache

        raw = path.read_bytes()
        cached = config_cache.load(directory, source, base, raw)
        if cached is not None:
            if "cache-dir" in data or "cache_dir" in data:
                _check_cache_dir(cached.cache_dir, source, base)  # the file system may have changed since
            return cached
    settings = parse_settings(data, source, base, lambda loc: _line_of(text, prefix, loc))
    if directory is not None:
        config_cache.store(directory, settings, raw)
    return settings


def _cache_place(cache: bool | Path, data: dict[str, Any], source: str, root: str) -> Path | None:
    """Where validated settings are cached: the given directory, or the cache directory the file names (if valid), or the default."""
    if not isinstance(cache, bool):
        return cache
    if not cache:
        return None
    value = data.get("cache-dir", data.get("cache_dir", _DEFAULT_CACHE_DIR))
    if not isinstance(value, str):
        return None
    try:
        _check_cache_dir(value, source, root)
    except ConfigError:
        return None  # validation reports it
    return Path(root) / value


def parse_settings(data: dict[str, Any], source: str, root: str, locate=None) -> Settings:
    """Validated settings; ``locate`` maps a key's path to its line in the file (for messages)."""
    if not data:  # nothing to validate: the defaults are valid by construction
        settings = Settings(source=source, root=root)
    else:
        from pydantic import ValidationError

        try:
            settings = validate(Settings, {**data, "source": source, "root": root})
        except ValidationError as error:
            raise ConfigError(_describe(error, source, locate)) from None
    if "cache-dir" in data or "cache_dir" in data:
        _check_cache_dir(settings.cache_dir, source, root)
    return settings


def _check_cache_dir(value: str, source: str, root: str) -> None:
    """A ``cache-dir`` from a config file must be a directory strictly inside the project root.

    The config comes with the repository: a value that points elsewhere would
    let a repository make factlint write (and prune) files outside it.
    ``--cache-dir`` on the command line is not checked: the user typed it.
    """
    problem = None
    if not value.strip():
        problem = "is empty"
    elif Path(value).is_absolute() or Path(value).drive:
        problem = "must be relative to the project root, not an absolute path"
    else:
        base = Path(root).resolve()
        target = (base / value).resolve()  # symbolic links in the project included
        if target == base:
            problem = "must be a directory inside the project root, not the root itself"
        elif not target.is_relative_to(base):
            problem = "must stay inside the project root"
    if problem:
        raise ConfigError(f"{source}: cache-dir: {value!r} {problem}")


def _describe(error: ValidationError, source: str, locate=None) -> str:
    lines = []
    for item in error.errors():
        loc = tuple(str(part) for part in item["loc"])
        key = ".".join(loc)
        line = locate(loc) if locate else None
        where = f"{source}:{line}" if line else source
        if item["type"] == "extra_forbidden":
            near = _nearest(loc)
            lines.append(f"{where}: unknown key {key!r}" + (f"; did you mean {near!r}?" if near else ""))
        else:
            lines.append(f"{where}: {key}: {item['msg']}")
    return "\n".join(lines)


def _nearest(loc: tuple[str, ...]) -> str | None:
    """The valid key closest to the unknown last part of ``loc``, spelled as in the file, if one is close."""
    import difflib

    from pydantic import BaseModel

    from checker.validation import model_of

    model: Any = model_of(Settings)
    for part in loc[:-1]:
        field = next((f for name, f in model.model_fields.items() if part in (name, f.alias)), None)
        model = field.annotation if field is not None else None
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
    names = [f.alias or name for name, f in model.model_fields.items() if name not in ("source", "root")]
    close = difflib.get_close_matches(loc[-1], names, n=1, cutoff=0.6)
    if not close:
        return None
    return ".".join((*loc[:-1], close[0]))


_HEADER = LazyPattern(r"^\s*\[\s*([^\]\[]+?)\s*\]\s*(?:#.*)?$")
_ASSIGN = LazyPattern(r"^\s*([A-Za-z0-9_.\"' -]+?)\s*=")


def _line_of(text: str, prefix: tuple[str, ...], loc: tuple[str, ...]) -> int | None:
    """The 1-based line that sets the key ``loc`` (a header, or an assignment in its table), if found."""

    def parts(dotted: str) -> tuple[str, ...]:
        return tuple(part.strip().strip("\"'") for part in dotted.split("."))

    table: tuple[str, ...] | None = () if not prefix else None
    for number, line in enumerate(text.splitlines(), 1):
        if header := _HEADER.match(line):
            name = parts(header.group(1))
            table = name[len(prefix):] if name[: len(prefix)] == prefix else None
            if table == loc:
                return number
        elif table is not None and (assign := _ASSIGN.match(line)):
            path = (*table, *parts(assign.group(1)))
            if path == loc or path == loc[: len(path)] and len(path) > len(table):
                return number
    return None


def dump(settings: Settings) -> str:
    """The effective configuration as TOML-like text for ``factlint config``."""
    data = _jsonable(settings)
    out = [f"# source: {settings.source or '(defaults)'}", f"# root: {settings.root}", "[tool.factlint]"]
    tables = {}
    for key, value in data.items():
        if value is None:
            out.append(f"# {key}: not set")
        elif isinstance(value, dict):
            tables[key] = value
        else:
            out.append(f"{key} = {_toml(value)}")
    for key, value in tables.items():
        out.append(f"\n[tool.factlint.{key}]")
        for sub, item in value.items():
            if item is None:
                out.append(f"# {sub}: not set")
            elif isinstance(item, dict):
                out.append(f"{_toml_key(sub)} = {{ " + ", ".join(f"{_toml_key(k)} = {_toml(v)}" for k, v in item.items()) + " }")
            else:
                out.append(f"{_toml_key(sub)} = {_toml(item)}")
    return "\n".join(out) + "\n"


def _jsonable(value: Any) -> Any:
    """A settings value as JSON-like data: dataclasses as tables keyed as in the file, tuples as lists, dates as ISO text."""
    if hasattr(value, "__dataclass_fields__"):
        return {key: _jsonable(getattr(value, name)) for name, key in aliases(type(value)).items()}
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def _toml_key(key: str) -> str:
    return key if key.replace("-", "").replace("_", "").isalnum() else f'"{key}"'


def _toml(value: Any) -> str:
    import json

    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)
