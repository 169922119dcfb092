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
    below it. Pre-releases of the same version ("4.0.0rc1" and "4.0.0") are
    not compared.

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
    requires = ("dates",)

    def check(self, doc, facts) -> Iterator[Finding]:
        from checker.extract.date_records import dated_records
        from checker.extract.document_date import full_date

        records = sorted(dated_records(doc, full_date()), key=lambda record: record.version)
        for earlier, later in zip(records, records[1:], strict=False):
            if earlier.version == later.version or later.date >= earlier.date:
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
