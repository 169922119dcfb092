"""DAT007: versions or steps whose dates disagree with the order the text puts them in."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from checker.finding import Finding, Related
from checker.patterns import LazyPattern
from checker.rule import Rule

# Words that rank the steps of one sequence, in order ("its first close on March 14, a second close on August 2 and
# its final close on June 19"), and the rank of each.
_ORDINAL = LazyPattern(r"\b(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|final)\b(?![-\u2010\u2011])")
_RANKS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "final": 99}
# Numbered steps: "Phase 2", "Stage 3", "Tranche 1". Not a trial's phase ("a Phase 3 trial"), which numbers a kind of
# study, not a step after the one before.
# (A search that opens with a choice of capitalised words skips to their first letters; the word's start is tested after.)
_NUMBERED_STEP = LazyPattern(
    r"(?P<word>Phase|Stage|Tranche|Wave|Round|Step)[ \t]+(?P<n>\d{1,2})\b(?![.\d])"
    r"(?![*_\s]*(?i:trials?|stud(?:y|ies)|data|results|clinical|programmes?|programs?|portion|part|dose|extension|patients?)\b)"
)
# "opens on Monday 19 October, followed by general sale from Friday 16 October": what follows comes after.
_NOT_THE_TIME = frozenset({"since", "until", "till", "by", "before", "after"})
_CONDITION = LazyPattern(r"\b(?i:if|when|unless|once|where)\b")
_STEP_WORD = LazyPattern(r"Phase|Stage|Tranche|Wave|Round|Step")
_FOLLOWED = LazyPattern(r"\b(?:followed\s+by|followed\s+on|and\s+then|,\s+then)\b")
# What may stand before a chronology entry's date on its line: blanks, a list's bullet or number, a table's pipe
# (a blank in the prose), emphasis.
_ENTRY_LEAD = LazyPattern(r"[ \t>*_#|+\u2022-]*(?:\d{1,3}[.)][ \t]+)?")
# A blank line: entries a paragraph apart belong to one chronology only when no other paragraph stands between them.
_BLANK_LINE = LazyPattern(r"\n[ \t]*\n")
_CHRONOLOGY_MIN = 5  # dated entries in a run before its order is taken as the rule
_ENTRY_GAP = 800  # characters from one entry's date to the next's, at most


def _is_full(mention) -> bool:
    """Whether a date mention names a day (with its month, with or without a year) as the time of something: not a
    start or a limit ("since 12 May 2024", "by 1 June")."""
    return (
        mention.kind == "date" and bool(mention.day) and bool(mention.month) and mention.valid
        and mention.preposition not in _NOT_THE_TIME
    )


def _before(later, earlier) -> bool | None:
    """Whether the day ``later`` names comes before the one ``earlier`` names: by their dates when both give a year,
    by month and day when neither does ("on November 18 ... on November 14"); None when one gives a year and the other
    does not."""
    if later.year is not None and earlier.year is not None:
        return later.first < earlier.first
    if later.year is None and earlier.year is None:
        return (later.month, later.day) < (earlier.month, earlier.day)
    return None


def _day_text(mention) -> str:
    return mention.first.isoformat() if mention.year is not None else f"{mention.month:02d}-{mention.day:02d}"


class ReleaseDateOrder(Rule):
    """A later version dated before an earlier one in a changelog, or a later step before an earlier one.

    What it checks
    --------------
    Reads the version headings of a changelog ("## 3.7.1 — 2024-09-30",
    "## [2.0.0] - 2024-05-06", "v1.4.2 (March 3, 2025)"), sorts them by
    version number, and reports a version dated before the version just
    below it in the same release line (4.1.1 after 4.1.0), or a feature
    release dated before the previous one (4.1.0 after 4.0.0). Pre-releases
    ("4.0.0rc1", "2.4.0-beta0") are not compared, nor releases of different
    lines: a 4.0.5 fix may well come out after 4.1.0.

    It also reads steps that the text puts in order, each with a date of
    its own, and reports a step dated before the one it follows:

    - steps ranked by ordinals in one sentence ("held its first close on
      March 14, 2023, a second close on August 2, 2023 and its final close
      on June 19, 2023"), each with exactly one date before the next;
    - numbered steps of one kind ("Phase 1 ... went live on 12 November
      2024. Phase 2 ... followed on 8 October 2024"; phases, stages,
      tranches, waves, rounds, steps), each with one date before the next
      step in its sentence or list item; a trial's phase ("a Phase 3
      trial") numbers a kind of study, not a step, and is not read;
    - one date before "followed by" (or "then") and one after it in a
      sentence ("opens on Monday 19 October, followed by general sale from
      Friday 16 October"), but not after a condition ("if ..., then");
    - a chronology: at least five lines, list items, table rows or
      paragraphs in a row that open with a full date (with its year), in
      date order (or newest first) but for one entry that, left out,
      leaves the rest in order ("Monday 24 March 2025 Investigation
      meeting." above "Wednesday 19 March 2025 Following the investigation
      meeting, ..."). Two lists each in order, one after the other, are not
      read as one; nor are dates without a year, which may run into the
      next year.

    Why it matters
    --------------
    Release dates are copied and edited by hand; a date that puts 4.1.1
    before 4.1.0 is a typo in one of the two, and readers use these dates
    to decide when a fix or a breaking change reached them.

    Confidence
    ----------
    ``high`` within a release line (4.1.1 before 4.1.0: a fix cannot
    precede its release); ``medium`` between feature releases (4.1.0 before
    4.0.0), where an unusual release history is possible.

    Flagged
    -------
        ## 4.1.1 — 2024-08-12

        ## 4.1.0 — 2024-08-19

    Passes
    ------
        ## 4.1.1 — 2024-08-26

        ## 4.1.0 — 2024-08-19
    """

    code = "DAT007"
    name = "release-date-order"
    severity = "warning"
    confidence = "medium"
    requires = ("dates",)

    def check(self, doc, facts) -> Iterator[Finding]:
        from checker.extract.date_records import dated_records
        from checker.extract.document_date import full_date

        if facts.dates:
            yield from self._sequences(doc, facts)
            yield from self._chronology(doc, facts)

        finals = [record for record in dated_records(doc, full_date()) if not record.label[-1].isalpha() and record.label.count("-") == 0]
        for earlier, later in _successive(finals):
            if later.date >= earlier.date:
                continue
            line = doc.position(earlier.start).line
            yield self.finding(
                later.start,
                later.end,
                f"version {later.label} is dated {later.date.isoformat()}, before version {earlier.label} "
                f"({earlier.date.isoformat()}, line {line})",
                evidence=(
                    f"versions in order: {earlier.label} < {later.label}; dates: {earlier.date.isoformat()} > "
                    f"{later.date.isoformat()}"
                ),
                related=(Related(earlier.start, earlier.end, f"version {earlier.label} dated {earlier.date.isoformat()}"),),
                confidence="high" if earlier.version[:-1] == later.version[:-1] else "medium",
            )


    def _sequences(self, doc, facts) -> Iterator[Finding]:
        """Steps said to come in order whose dates say otherwise: ranked in one sentence ("the first ... on November 18,
        the second ... on November 14"), numbered ("Phase 2 ... 8 October 2024" after "Phase 1 ... 12 November 2024"),
        or one "followed by" the other in a sentence."""
        from checker.clauses import ByStart, sentence_span

        dates = ByStart(facts.dates)
        # Ranked steps and "followed by" need two dates in one sentence: only such sentences are read.
        counts: dict[tuple[int, int], int] = {}
        for mention in dates.facts:
            if _is_full(mention):
                span = sentence_span(doc, mention.start)
                counts[span] = counts.get(span, 0) + 1
        sentences = [span for span, count in counts.items() if count >= 2]
        seen: set[tuple[int, int]] = set()
        found = (*self._ranked(doc, dates, sentences), *self._numbered(doc, dates), *self._followed(doc, dates, sentences))
        for earlier, later, how in found:
            if not _before(later, earlier) or (earlier.start, later.start) in seen:
                continue
            seen.add((earlier.start, later.start))
            line = doc.position(earlier.start).line
            yield self.finding(
                later.start,
                later.end,
                f'"{later.text}" is dated before "{earlier.text}" (line {line}), though {how}',
                evidence=f"{how}; dates: {_day_text(earlier)} then {_day_text(later)}",
                related=(Related(earlier.start, earlier.end, "the step before"),),
                confidence="medium",
            )

    def _chronology(self, doc, facts) -> Iterator[Finding]:
        """An entry of a chronology dated out of its order: lines (list items, table rows, paragraphs) that open with a
        date, at least five in a row, in date order (or newest first) but for one entry."""
        prose = doc.prose
        starts = doc.line_starts
        entries = []
        for mention in facts.dates:
            if mention.year is not None and _is_full(mention):  # (without years, a list may run into the next year)
                line_start = starts[bisect_right(starts, mention.start) - 1]
                if _ENTRY_LEAD.fullmatch(prose, line_start, mention.start):
                    entries.append(mention)
        if len(entries) < _CHRONOLOGY_MIN:
            return
        entries.sort(key=lambda mention: mention.start)
        run = [entries[0]]
        for entry in (*entries[1:], None):
            if entry is not None and _same_run(prose, run[-1], entry):
                run.append(entry)
                continue
            found = _out_of_order(run)
            if found is not None:
                earlier, later, newest_first = found
                line = doc.position(earlier.start).line
                order = "newest first" if newest_first else "in date order"
                relation = "after" if newest_first else "before"
                yield self.finding(
                    later.start,
                    later.end,
                    f'"{later.text}" is dated {relation} "{earlier.text}" (line {line}), the entry above it, though the '
                    f"other {len(run) - 1} dated entries of the list run {order}",
                    evidence=f"entries in order: {', '.join(_day_text(m) for m in run)}",
                    related=(Related(earlier.start, earlier.end, "the entry above"),),
                    confidence="medium",
                )
            if entry is not None:
                run = [entry]

    def _ranked(self, doc, dates, sentences):
        """(earlier, later, how) for each two steps of a sentence ranked by ordinals, each with one date of its own."""
        prose = doc.prose
        for start, end in sentences:
            ordinals = list(_ORDINAL.finditer(prose, start, end))
            ranks = [_RANKS[m.group().lower()] for m in ordinals]
            if len(ordinals) < 2 or ranks != sorted(set(ranks)):
                continue
            steps = []
            for k, ordinal in enumerate(ordinals):
                stop = ordinals[k + 1].start() if k + 1 < len(ordinals) else end
                mentions = dates.between(ordinal.end(), stop)
                if len(mentions) != 1 or not _is_full(mentions[0]):
                    break
                steps.append((ordinal.group().lower(), mentions[0]))
            else:
                for (a, first), (b, second) in zip(steps, steps[1:], strict=False):
                    yield first, second, f'"{b}" comes after "{a}"'

    def _numbered(self, doc, dates):
        """(earlier, later, how) for numbered steps ("Phase 1", "Phase 2") of one word, each with one date after it in
        its sentence or list item, before the next step."""
        from checker.clauses import sentence_span

        prose = doc.prose
        # A step's date follows its word within 120 characters: the text before the dates is looked at first.
        full = [mention for mention in dates.facts if _is_full(mention)]
        if len(full) < 2 or not any(_STEP_WORD.search(prose, max(0, m.start - 125), m.start) for m in full):
            return
        steps: dict[str, list] = {}
        for match in _NUMBERED_STEP.finditer(prose):
            if not (match.start() and prose[match.start() - 1].isalnum()):
                steps.setdefault(match.group("word"), []).append(match)
        for word, matches in steps.items():
            numbered: dict[int, list] = {}
            for k, match in enumerate(matches):
                stop = min(sentence_span(doc, match.start())[1], match.end() + 120, matches[k + 1].start() if k + 1 < len(matches) else len(prose))
                mentions = dates.between(match.end(), stop)
                if len(mentions) == 1 and _is_full(mentions[0]):
                    numbered.setdefault(int(match.group("n")), []).append(mentions[0])
            dated = sorted((n, found[0]) for n, found in numbered.items() if len(found) == 1)
            for (a, first), (b, second) in zip(dated, dated[1:], strict=False):
                if b == a + 1:
                    yield first, second, f"{word} {b} comes after {word} {a}"

    def _followed(self, doc, dates, sentences):
        """(earlier, later, how) for a sentence with one date before "followed by" (or "then") and one after it."""
        prose = doc.prose
        for start, end in sentences:
            for match in _FOLLOWED.finditer(prose, start, end):
                if "then" in match.group() and _CONDITION.search(prose, start, match.start()):
                    continue  # "If payment is made by 1 June, then the discount of 15 May stands": no sequence
                before, after = dates.between(start, match.start()), dates.between(match.end(), end)
                if len(before) == 1 and len(after) == 1 and _is_full(before[0]) and _is_full(after[0]):
                    yield before[0], after[0], f'"{" ".join(match.group().split())}" puts it after'


def _same_run(prose: str, previous, entry) -> bool:
    """Whether ``entry`` goes on the chronology whose last entry is ``previous``: near it, and with nothing between them
    but the rest of the previous entry's paragraph and blank lines."""
    if entry.start - previous.start > _ENTRY_GAP:
        return False
    line_start = prose.rfind("\n", 0, entry.start) + 1
    gap = prose[previous.end : line_start]
    blank = _BLANK_LINE.search(gap)
    return blank is None or not gap[blank.end() :].strip() and _BLANK_LINE.search(gap, blank.end() - 1) is None


def _out_of_order(run):
    """(the entry above, the entry out of order, whether the run is newest first) when every step of ``run`` but one
    goes the same way (at least ``_CHRONOLOGY_MIN`` entries) and that one entry, left out, leaves the rest in order;
    else None (two runs each in order, one after the other, are two lists)."""
    if len(run) < _CHRONOLOGY_MIN:
        return None
    keys = [m.first for m in run]
    ups = [i for i in range(1, len(keys)) if keys[i] > keys[i - 1]]
    downs = [i for i in range(1, len(keys)) if keys[i] < keys[i - 1]]
    newest_first = len(downs) > len(ups)
    breaks, steps = (ups, downs) if newest_first else (downs, ups)
    if len(breaks) != 1 or len(steps) < _CHRONOLOGY_MIN - 2:
        return None
    i = breaks[0]
    rest = [keys[:i - 1] + keys[i:], keys[:i] + keys[i + 1:]]  # without the entry above, without the entry itself
    if not any(part == sorted(part, reverse=newest_first) for part in rest):
        return None
    return run[i - 1], run[i], newest_first


def _successive(records):
    """Pairs of releases that must come out in version order: within a release line, and feature releases (x.y.0)."""
    lines: dict[tuple[int, ...], list] = {}
    for record in records:
        lines.setdefault(record.version[:-1], []).append(record)
    features = [record for record in records if record.version[-1] == 0]
    for group in (*lines.values(), features):
        ordered = sorted(group, key=lambda record: record.version)
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            if earlier.version != later.version:
                yield earlier, later
