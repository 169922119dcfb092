"""NUM004: a percentage of a count that the count cannot give."""

from __future__ import annotations

from checker.claim_rule import ClaimRule


class Shares(ClaimRule):
    """A percentage that does not match the count and total stated with it.

    What it checks
    --------------
    Checks shares written with their counts: "62% (256 of 412)", "256 of
    412 patients (62%)", "14,820 people, of whom 5,210 (35%)", and "256
    patients (62%)", "2,944 failed (16%)", "412 were first-time buyers, or
    32% of the total", "17,655 finished, a completion rate of 95.9%" when
    the paragraph states the whole ("412 patients were enrolled", "of the
    1,284 sales", "received 1,240 submissions"), and a part said to be a
    share of a whole named with it ("arrears of £412,380 were 3.4% of the
    annual rent debit of £13.3m", "1.2 million customers, or 52% of our 2.9
    million accounts", "14.2% of valid votes (3,489 of 27,745)"). A hedged
    figure ("around 1.2 million") is read as widely as its hedge allows;
    one open on a side ("more than 1.2 million") is not read. It also applies the GRIM test
    to "37.5% of 13 patients": a percentage of a whole number of people or
    things must come from a whole count, and some percentages cannot.

    Why it matters
    --------------
    Counts and percentages are often typed separately and drift apart in
    revisions. In clinical and survey reporting a share that no count can
    produce is a recognised sign of a reporting error.

    Confidence
    ----------
    From the margin by which the stated figure misses, in rounding steps
    (the stated figure's last digit, or the width of the computed range
    when wider): a full step or more outside every reading is high, under
    a quarter of a step low (truncating instead of rounding can explain
    it), medium between. A count whose whole is found elsewhere in the paragraph
    ("412 patients were enrolled ... 280 patients (62%)") is at most
    medium; so is GRIM's test (no whole count fits a percent), which turns
    on the count being exactly the stated whole.

    Flagged
    -------
        Of the 412 patients enrolled, 62% (265 of 412) responded.

    Passes
    ------
        Of the 412 patients enrolled, 62% (256 of 412) responded.
    """

    code = "NUM004"
    kinds = frozenset({"share"})
    name = "shares"

    def message(self, doc, claim):
        if not claim.computed:
            return f'"{claim.stated}" is not a share that any whole count of the stated total can give'
        return f'"{claim.stated}" does not match the count it describes, which gives {claim.computed}'
