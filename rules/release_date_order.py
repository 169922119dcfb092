"""DAT007: a changelog whose version headings and dates disagree on the order of releases."""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Finding, Related
from checker.rule import Rule


class ReleaseDateOrder(Rule):
    """A later version dated before an earlier one in a changelog.

    What it checks
    --------------
    Reads the version headings of a changelog ("## 3.7.1 — 2024-09-30",
    "## [2.0.0] - 2024-05-06", "v1.4.2 (March 3, 2025)"), sorts them by
    version number, and reports a version dated before the version just
    below it in the same release line (4.1.1 after 4.1.0), or a feature
    release dated before the previous one (4.1.0 after 4.0.0). Pre-releases
    ("4.0.0rc1", "2.4.0-beta0") are not compared, nor releases of different
    lines: a 4.0.5 fix may well come out after 4.1.0.

    Why it matters
    --------------
    Release dates are copied and edited by hand; a date that puts 4.1.1
    before 4.1.0 is a typo in one of the two, and readers use these dates
    to decide when a fix or a breaking change reached them.

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
            )


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
