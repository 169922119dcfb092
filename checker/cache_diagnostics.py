"""The run's diagnostics as the cache stores them: in groups by path over shared tables, given back to a later
run where they provably stay the same.

A document's diagnostics are made from its own findings (fixed by its bytes and the configuration), the corpus
rules' findings on it, its directives and line index, and the line indexes of the documents its related places
point into (``checker.corpus_pass.resolve``). The cache stores a run's diagnostics in one group per displayed
path, each with a digest of the corpus rules' findings on that path and, for every other path its related places
point into, the last line they name there. A group is an array of numbers: indexes into tables of strings,
related places and fixes that all groups share (a name's places recur in many documents' findings).

A later run over the same documents, a few of them changed (``checker.cache``), gives a document its stored
group instead of placing its findings again when the document is unchanged, the corpus rules' findings on it
have the digest stored, and each related place into a changed document lies above the first line whose start
moved. A reused group is written back as the same numbers; the other groups' new strings, places and fixes
are added to the end of the tables, and the tables are built again from all the diagnostics once what was
added since they last were passes a quarter of them. Anything else (a changed document, other corpus
findings, documents added, removed or sharing a path) is placed as in a run without a cache.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.cache_data import SEQ, _numbers, _packed, built, check
from checker.signing import blake2b

if TYPE_CHECKING:
    from checker.corpus import DocumentResult
    from checker.finding import Confidence, Diagnostic, Finding, Fix, RelatedLocation, Severity

_SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
_CONFIDENCES: tuple[Confidence, ...] = ("high", "medium", "low")
_DIAGNOSTIC_INTS = 17  # numbers per diagnostic in a group's array, then one per related place
_GROWTH = 4  # the tables are built again when what was added to them since passes 1/_GROWTH of them


class Group(NamedTuple):
    """One path's diagnostics as stored."""

    path: str
    digest: bytes  # of the corpus rules' findings on the path (findings_digest)
    typecode: str
    numbers: bytes  # the diagnostics, by Packer.pack
    targets_typecode: str
    # Pairs of numbers: another path its related places point into (its index in the strings), the last line they name there.
    targets: bytes


class Tables:
    """The shared tables read back: strings, related places, fixes."""

    def __init__(self, data: Any) -> None:
        from checker.finding import Edit, Fix, RelatedLocation

        strings, places_typecode, packed_places, stored_fixes = check(data, SEQ)
        strings = check(strings, SEQ)
        if not all(type(item) is str for item in strings):
            raise TypeError("expected strings")
        numbers = _numbers(places_typecode, packed_places)
        if len(numbers) % 6:
            raise ValueError("bad related places")
        places: list[RelatedLocation] = []
        place = built(RelatedLocation)  # (192,000 places on the 90.7 MB corpus)
        for i in range(0, len(numbers), 6):
            path, line, column, end_line, end_column, message = numbers[i : i + 6]
            if path < 0 or message < 0:
                raise ValueError("bad related place")
            places.append(place(strings[path], line, column, end_line, end_column, strings[message]))
        fixes: list[Fix] = []
        for item in check(stored_fixes, SEQ):
            edits, applicability, title = check(item, SEQ)
            if applicability not in ("safe", "unsafe", "display"):
                raise ValueError("bad applicability")
            edits = tuple(Edit(check(s, int), check(e, int), check(r, str)) for s, e, r in check(edits, SEQ))
            fixes.append(Fix(edits, applicability, check(title, str)))
        self.strings: tuple[str, ...] = tuple(strings)
        self.places = places
        self.fixes = fixes

    def diagnostics(self, typecode: Any, packed: Any) -> list[Diagnostic]:
        """A group's diagnostics from its numbers (raises on anything but what :meth:`Packer.pack` gave)."""
        from checker.finding import Diagnostic

        strings, places, fixes = self.strings, self.places, self.fixes
        diagnostic = built(Diagnostic)
        numbers = _numbers(typecode, packed)

        def optional(index: int) -> str | None:
            return None if index < 0 else strings[index]

        out: list[Diagnostic] = []
        i, size = 0, len(numbers)
        while i < size:
            path, line, column, end_line, end_column, rule, name, category, severity, message, start, end, evidence, location, confidence, fix, count = numbers[
                i : i + _DIAGNOSTIC_INTS
            ]
            i += _DIAGNOSTIC_INTS
            indexes = numbers[i : i + count]
            if indexes and min(indexes) < 0:
                raise ValueError("bad related place")
            related = tuple(map(places.__getitem__, indexes))  # the same objects where places recur: they are frozen
            i += count
            if min(path, rule, name, category, message) < 0 or i > size or len(related) != count:
                raise ValueError("bad diagnostic")
            out.append(
                diagnostic(
                    strings[path], line, column, end_line, end_column, strings[rule], strings[name], strings[category],
                    _SEVERITIES[severity], strings[message], start, end, optional(evidence), related,
                    None if fix < 0 else fixes[fix], optional(location), _CONFIDENCES[confidence],
                )
            )
        return out


class Packer:
    """Diagnostics as arrays of numbers over shared tables, which may continue stored ones (``data``: their
    entries keep their indexes, so the groups packed over them stay valid; a place added again is not
    looked for among them, only among the places this packer added)."""

    def __init__(self, data: Any = None) -> None:
        self.strings: dict[str, int] = {}
        self.stored_places = array("i")  # six numbers per place, of the stored tables
        self.places: list[int] = []  # six numbers per place added
        self.place_index: dict[tuple, int] = {}  # a place added as (path, line, column, end line, end column, message) -> its index
        self.fixes: list[Any] = []
        if data is not None:
            strings, places_typecode, packed_places, fixes = check(data, SEQ)
            self.strings = {text: index for index, text in enumerate(strings)}
            self.stored_places = _numbers(places_typecode, packed_places)
            self.fixes = list(fixes)

    def size(self) -> int:
        return len(self.strings) + (len(self.stored_places) + len(self.places)) // 6 + len(self.fixes)

    def _text(self, value: str | None) -> int:
        return -1 if value is None else self.strings.setdefault(value, len(self.strings))

    def pack(self, diagnostics: Iterable[Diagnostic]) -> array:
        text, places, place_index, fixes = self._text, self.places, self.place_index, self.fixes
        first = len(self.stored_places) // 6  # the index of the first place added
        numbers: list[int] = []
        for d in diagnostics:
            fix = -1
            if d.fix is not None:
                fix = len(fixes)
                fixes.append(([(e.start, e.end, e.replacement) for e in d.fix.edits], d.fix.applicability, d.fix.message))
            numbers += (
                text(d.path), d.line, d.column, d.end_line, d.end_column, text(d.rule), text(d.name), text(d.category),
                _SEVERITIES.index(d.severity), text(d.message), d.start, d.end, text(d.evidence), text(d.location),
                _CONFIDENCES.index(d.confidence), fix, len(d.related),
            )
            for r in d.related:
                place = (r.path, r.line, r.column, r.end_line, r.end_column, r.message)
                index = place_index.get(place)
                if index is None:
                    index = place_index[place] = first + len(place_index)
                    places += (text(r.path), r.line, r.column, r.end_line, r.end_column, text(r.message))
                numbers.append(index)
        return _packed(numbers)

    def tables(self) -> tuple:
        added = _packed(self.places)
        places = self.stored_places
        if places.typecode != added.typecode or not places:
            places = array("q" if "q" in (places.typecode, added.typecode) else "i", places)
        places.extend(added)
        return tuple(self.strings), places.typecode, places.tobytes(), self.fixes

    def targets(self, path: str, diagnostics: Iterable[Diagnostic]) -> array:
        """Group.targets of one path's diagnostics."""
        last: dict[str, int] = {}
        for diagnostic in diagnostics:
            for place in diagnostic.related:
                if place.path != path:
                    line = max(place.line, place.end_line)
                    if line > last.get(place.path, 0):
                        last[place.path] = line
        return _packed([n for target, line in sorted(last.items()) for n in (self._text(target), line)])


def diagnostics_to_data(diagnostics: list[Diagnostic]) -> tuple:
    """Diagnostics as plain data over tables of their own: the strings, an array of numbers (indexes into the
    tables among them), the distinct related places, the fixes field by field. Read back without a check per
    field: an array holds only integers and the table only strings (:func:`diagnostics_from_data`)."""
    packer = Packer()
    numbers = packer.pack(diagnostics)
    strings, places_typecode, places, fixes = packer.tables()
    return strings, numbers.typecode, numbers.tobytes(), places_typecode, places, fixes


def diagnostics_from_data(data: Any) -> list[Diagnostic]:
    """The diagnostics :func:`diagnostics_to_data` packed (raises on anything else)."""
    strings, typecode, packed, places_typecode, places, fixes = check(data, SEQ)
    return Tables((strings, places_typecode, places, fixes)).diagnostics(typecode, packed)


def findings_digest(findings: Sequence[Finding]) -> bytes:
    """A digest of findings, every field and their order (the corpus rules' findings on one path)."""
    import msgpack

    from checker.cache_data import finding_to_data

    packed = msgpack.packb([finding_to_data(finding) for finding in findings], use_bin_type=True)
    return blake2b(packed, digest_size=16).digest()


def paths_digest(documents: Iterable[DocumentResult]) -> bytes:
    """A digest of the documents' displayed paths in order: the documents a related place can point into."""
    joined = "\0".join(document.path for document in documents)
    return blake2b(joined.encode("utf-8", "surrogateescape"), digest_size=16).digest()


def moved_from(before: Sequence[int], after: Sequence[int]) -> int:
    """How many line starts the two line indexes share from the first: a place whose line (1-based) is below
    that number is given the same line and column by both."""
    shared = 0
    for then, now in zip(before, after):
        if then != now:
            break
        shared += 1
    return shared


class Stored(NamedTuple):
    """A run's diagnostics as stored: the shared tables (as data), the groups by path, and the tables' size
    when they were last built from all the diagnostics."""

    tables: Any
    groups: dict[str, Group]
    built: int


def stored_from_data(tables: Any, groups: Any, built: Any) -> Stored:
    """The stored tables and groups, checked as far as a group's reuse needs (raises on anything else)."""
    out: dict[str, Group] = {}
    for item in check(groups, SEQ):
        path, digest, typecode, numbers, targets_typecode, targets = check(item, SEQ)
        checked = (check(typecode, str), check(numbers, bytes), check(targets_typecode, str), check(targets, bytes))
        out[check(path, str)] = Group(path, check(digest, bytes), *checked)
    return Stored(check(tables, SEQ), out, check(built, int))


def stored_diagnostics(stored: Stored) -> list[Diagnostic]:
    """Every stored diagnostic, in the order stored (the run's order)."""
    tables = Tables(stored.tables)
    return [diagnostic for group in stored.groups.values() for diagnostic in tables.diagnostics(group.typecode, group.numbers)]


class Placed:
    """The corpus findings' digests of this run by path, and the diagnostics the last run stored when they can be
    reused (``stored``: None when they cannot: the documents are not those of the last run, or not known)."""

    def __init__(self, corpus_findings: Iterable[Finding], stored: Stored | None, moved: dict[str, int], paths: bytes) -> None:
        by_path: dict[str, list[Finding]] = {}
        for finding in corpus_findings:
            by_path.setdefault(finding.path or "", []).append(finding)
        self.digests = {path: findings_digest(_in_order(findings)) for path, findings in by_path.items()}
        self.stored = stored
        self.moved = moved  # changed document's path -> moved_from(its line index then, now)
        self.paths = paths  # paths_digest of this run's documents
        self.reused: set[str] = set()  # paths given their stored group
        self._tables: Tables | None = None
        self._moved_at: dict[int, int] = {}  # the index in the stored strings of a changed document's path -> moved

    def reuse(self, document: DocumentResult) -> list[Diagnostic] | None:
        """The stored diagnostics of an in-scope document when they are this run's, else None."""
        if self.stored is None or document.path in self.moved or document.errors:
            return None
        group = self.stored.groups.get(document.path)
        if group is None:  # neither corpus findings nor diagnostics then: none now either, if no corpus finding
            if document.path in self.digests:
                return None
            self.reused.add(document.path)
            return []
        if self.digests.get(document.path, _NONE) != group.digest:
            return None
        try:
            if self._tables is None:
                self._tables = Tables(self.stored.tables)
                index = {text: n for n, text in enumerate(self._tables.strings)}
                self._moved_at = {index[path]: moved for path, moved in self.moved.items() if path in index}
            if self._moved_at:
                targets = _numbers(group.targets_typecode, group.targets)
                for i in range(0, len(targets) - 1, 2):
                    if targets[i] in self._moved_at and targets[i + 1] >= self._moved_at[targets[i]]:
                        return None
            diagnostics = self._tables.diagnostics(group.typecode, group.numbers)
        except Exception:
            self.stored = None  # not what was packed: nothing stored is used
            return None
        self.reused.add(document.path)
        return diagnostics

    def to_data(self, diagnostics: list[Diagnostic]) -> tuple | None:
        """This run's sorted diagnostics to store: (the tables, the groups in order, the tables' size when last
        built); None when a path's diagnostics are not consecutive."""
        runs: list[tuple[str, int, int]] = []
        seen: set[str] = set()
        start = 0
        while start < len(diagnostics):
            path = diagnostics[start].path
            end = start + 1
            while end < len(diagnostics) and diagnostics[end].path == path:
                end += 1
            if path in seen:
                return None
            seen.add(path)
            runs.append((path, start, end))
            start = end
        stored = self.stored if self.reused else None
        packer = Packer(stored.tables) if stored is not None else Packer()
        groups = self._groups(packer, runs, diagnostics, stored)
        built = stored.built if stored is not None else packer.size()
        if stored is not None and (packer.size() - built) * _GROWTH > built:
            packer = Packer()  # the tables hold too much that no group uses any more: built again from all
            groups = self._groups(packer, runs, diagnostics, None)
            built = packer.size()
        groups += [(path, digest, "i", b"", "i", b"") for path, digest in self.digests.items() if path not in seen]
        return packer.tables(), groups, built

    def _groups(self, packer: Packer, runs: list[tuple[str, int, int]], diagnostics: list[Diagnostic], stored: Stored | None) -> list[tuple]:
        out = []
        for path, start, end in runs:
            group = stored.groups.get(path) if stored is not None and path in self.reused else None
            if group is None:
                chunk = diagnostics[start:end]
                numbers, targets = packer.pack(chunk), packer.targets(path, chunk)
                group = Group(path, self.digests.get(path, _NONE), numbers.typecode, numbers.tobytes(), targets.typecode, targets.tobytes())
            out.append(tuple(group))
        return out


def _in_order(findings: list[Finding]) -> list[Finding]:
    """Findings in the order their diagnostics are sorted in (a place's line and column grow with its offset), those
    alike in it in their own order: two lists alike in this differ in nothing that the run reports (a corpus rule's
    search after an edit may give one document's findings in another order than the whole search)."""
    if any(finding.start < 0 for finding in findings):
        return findings
    return sorted(findings, key=_ORDER)


_ORDER = attrgetter("start", "rule", "message")
_NONE = blake2b(b"\x90", digest_size=16).digest()  # findings_digest([]): msgpack's empty array
