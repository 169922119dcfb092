"""TXT101: a suppression comment that is not read as written."""

from __future__ import annotations

from checker.rule import Rule


class InvalidSuppression(Rule):
    """A ``factlint-`` comment with an unknown directive or an unknown rule.

    What it checks
    --------------
    Reports inline suppression comments that factlint does not read as
    written: a directive other than ``disable``, ``disable-line``,
    ``disable-next-line``, ``disable-file`` and ``enable`` (such a comment
    suppresses nothing), and a code, name or prefix that no rule answers to
    (it is left out; a comment whose codes are all unknown suppresses
    nothing). The engine gives the rule every document's invalid directives
    after all other rules have run (the suppression hook).

    Why it matters
    --------------
    A comment that looks right but is read differently is worse than none:
    read loosely, ``factlint-disable-line NUM001`` would be a ``disable``
    that hides NUM001 to the end of the file. Directives are therefore read
    strictly, and a slip is reported instead of widening the suppression.

    Flagged
    -------
        Revenue rose 42%. <!-- factlint-disable-lines NUM001 -->

        <!-- factlint-disable-next-line NUM0001 -->

    Passes
    ------
        Revenue rose 42%. <!-- factlint-disable-line NUM001 -->
    """

    code = "TXT101"
    name = "invalid-suppression"
    severity = "warning"
    reads_suppressions = True

    def check_suppressions(self, facts, unused, invalid=()):
        for problem in invalid:
            yield self.finding(problem.directive.start, problem.directive.end, problem.message)
