"""TXT100: a suppression comment that suppressed nothing."""

from __future__ import annotations

from checker.rule import Rule


class UnusedSuppression(Rule):
    """A ``factlint-disable`` comment that suppressed no finding.

    What it checks
    --------------
    Reports inline suppression comments (``<!-- factlint-disable ... -->``,
    ``disable-line``, ``disable-next-line``, ``disable-file``) that did not suppress any
    finding in this run. The engine gives the rule every document's unused
    directives after all other rules have run (the suppression hook).

    Why it matters
    --------------
    A stale suppression hides the next real problem at that place, and a
    suppression naming a misspelt code protects nothing. Keeping them honest
    keeps the document's exceptions deliberate.

    Flagged
    -------
        <!-- factlint-disable-next-line NUM001 -->
        The company was founded in 2009.

    Passes
    ------
        <!-- factlint-disable-next-line NUM001 -->
        Revenue rose to $48.6 million from $31.2 million, an increase of 42%.
    """

    code = "TXT100"
    name = "unused-suppression"
    severity = "info"
    reads_suppressions = True

    def check_suppressions(self, facts, unused, invalid=()):
        for directive in unused:
            codes = " ".join(directive.codes) or "all rules"
            yield self.finding(directive.start, directive.end, f"suppression of {codes} is unused: no finding was suppressed here")
