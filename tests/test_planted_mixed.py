"""Planted defects of every kind in documents of genres the rules were not written for.

``tests/data/planted/mixed/A`` to ``W`` hold twenty-three sets of six documents each (138 genres: a hospital
bulletin, a mining production report, a drug-safety letter, a football club's results, a climate
summary, an incident postmortem, an earnings-call transcript, a school inspection, an NGO situation
report, a cricket report, release notes, a council budget, a conference programme, a police
bulletin, a zoo census, a banking app's changelog, a box-office report, an outage notice, a marathon
report, a pension statement, ...), in Markdown and plain text, some hard-wrapped as text pasted from
a PDF. Each set was written by one person who had not read factlint's code and was told only the
kinds of defect to plant (a name or an acronym slip, arithmetic that does not hold, a weekday or a
date that cannot be, a past event after the document's date, mojibake, a doubled or fused word, an
open bracket, a compound hyphenated two ways) and to write traps: correct text that a naive rule
would flag. Another person then checked every defect and trap (the arithmetic in Python, each
weekday with ``datetime``) and read each document for defects not listed. ``answers.json`` lists
both, with the reasoning.

Sets A to D were written first and measured (43 of 60 defects found in A and B); the rules were then
improved on them, and E and F were written afterwards as a check on documents not seen before (25 of
34 and 18 of 30 found at first), then G after the fixes made for E and F (25 of 32 found at first, and
no false positive). H and I (12 more genres: a container port's monthly report, a trial's press
release, a wine auction, a flood review, a gender pay gap report, a ferry timetable notice, a case
note, an insurer's claims bulletin, a grid's winter outlook, a game's patch notes, a charity appeal,
an observatory's news release) were written after all of that and measured before any fix made for
them: 22 of 35 and 26 of 36 found, with two false positives. J and K (12 more: a water utility's quality
report, a venture fund's letter to its investors, a theatre's season announcement, a school district's
enrolment memo, an airline's traffic release, a hospital board's minutes, a hotel group's trading statement,
a wildfire update, a vaccine uptake bulletin, a satellite mission update, a building society's lending
release, a cycling stage report) were measured before any fix made for them: 35 of 48 found in J; 39 of 56
in K (after J's fixes), with no false positive. L and M (12 more: a central bank's policy statement, a football
club's accounts, a livestock auction report, a university's research grants report, a scientist's obituary, an energy
retailer's tariff notice, a property trust's rent update, a charity appeal, a tourism statistics bulletin, a fisheries
quota announcement, a podcast transcript, an orchestra's season brochure) were measured after the fixes made for J
and K and before any made for them: 32 of 53 found in L and 34 of 52 in M, with 11 false positives (six from a
table whose change column was headed "Change (%)"). M's answers list one defect that was not planted: the transcript
writes "percent" and "%" both. L's answers list one known false positive: two breeds a letter apart (Charollais,
Charolais), each written once. N and O (12 more: a software security advisory, a labour-market
statistics release, a popular-history article about a Victorian tunnel, a restaurant group's trading update, a mountain
rescue team's annual report, an esports tournament recap, a manufacturer's sustainability report, a parliamentary
written answer, a publisher's sales memo, a national park's report, a telecom operator's quarterly KPIs, a newspaper's
court round-up) were measured after this stop's first two rule changes and before any fix made for them: 28 of 47
found in N, with no false positive, and 31 of 42 in O, with six false positives (four from a table whose change
column was headed "Change vs 2019", one from a prior period's figure in parentheses after a percent change, one from
a contract signed in the past "starting in January 2026"). P (six more: a city's election results, a crop harvest
bulletin, a museum's annual review, a housing market monthly, a bus operator's punctuality report, an animal-disease
outbreak update) was measured after the next stop's first three rule changes and before any fix made for it: 29 of 44
found, with three false positives (a year wrapped onto the next Markdown line read as a list item, "the reduced fare"
read as a decrease, and a total row's change, which its wrong total makes wrong too: that change is now listed as a
defect). Q (six more: a medical journal's trial results, a state legislature's fiscal note, a food bank's impact
report, a symposium's call for papers, a metro extension's progress report, a company's AGM poll results) was measured
after the next stop's first six rule changes and before any fix made for it: 33 of 54 found, with two false positives
(a company's registration number "04418826" read as a number written without separators, and two authors a letter
apart, Mara and Maria Lindqvist, each written twice; the second stays, listed as a known false positive, since a name a
letter apart written as often is as often one person's slip). R (six more: a medicine's summary of product
characteristics, a cloud provider's monthly service-level report, a university's graduate outcomes release, a housing
association's board minutes, a football club's transfer-window round-up, a container line's trading update) was measured
after the next stop's first rule change and before any fix made for it: 41 of 58 found, with two false positives, both
one pair of places a letter apart (Dunmere, Dunmore), each written twice, listed as known. S (six more: a wind farm's
annual generation report, a statistics office's inflation release hard-wrapped from a PDF, a ski resort's report to
shareholders, a rugby match report, a software project's benchmark post, an audit office's summary of a road programme)
was measured after the next stop's first two rule changes and before any fix made for it: 42 of 61 found, with one false
positive, two people a letter apart (Helen and Helena Marsh), each named once, listed as known. T (six more: a motor
trade body's monthly car registrations, an economics working paper hard-wrapped from a PDF, a film festival's programme
announcement, a road casualty statistics release with a plain-text table, a polar research station's field-season
report, an employment tribunal's judgment summary) was measured after the next stop's first three rule changes and
before any fix made for it: 55 of 69 found, with six false positives (four past-tense readings of participles, "a
workshop led by" and "followed by general sale from ... 16 October", dated after the document; a total read against
"including" parts that were of the whole list, "96 features and 52 shorts, including 23 world premieres and 31 UK
premieres"; a case number "1804417/2025" read as a number without separators). U (six more: a weather service's
hurricane season review, a school's exam results press release, a crowdfunding campaign's update to its backers, a
council planning committee report hard-wrapped from a PDF, a chip maker's quarterly earnings release, a chess
tournament report) was measured after the next stop's first five rule changes and before any fix made for it: 26 of 42
found, with three false positives (two "this year" read against the years of other comparisons, "from five in 2025 to
11 this year" and "from 31 in 2023 to 62 this year", as two datings of one event; "are warmly invited to the Open
Evening on Wednesday 5 November" read as a past report). V (six more: a conservation charity's breeding-bird survey, a
wine region's vintage report hard-wrapped from a PDF, a steel and scrap market weekly, a hospital trust's waiting-times
release with a plain-text table, a bank's notice of savings-rate changes, an archaeological excavation's interim report)
was measured after the next stop's first three rule changes and before any fix made for it: 34 of 47 found, with three
false positives (two "Total" rows read with the header's "2025 pairs" and "2026 pairs" as parts; the release writing
"per cent" and "%" both in its prose, which is so: that defect, not planted, is now listed in its answers). W (six
more: a dairy co-operative's milk price announcement, a county library service's annual statistics hard-wrapped from a
PDF, an airport's quarterly noise report with a plain-text table, a lifeboat station's annual report, a canal trust's
winter stoppage notice, a council's bond offering summary) was measured after the next stop's first five rule changes
and before any fix made for it: 29 of 49 found, with two false positives (a telephone number's second group,
"07700 900412", read as a number without a separator; the decimals closing a text-table row, "1,163.0", read as the
day of the month that starts the next row). Five defects are marked
``"decidable": false``: in three the figures as written allow the stated value within their rounding, and in two ("the
four months from April to August") the count holds when one end is not counted, as writers also do, so no rule can
call them wrong.

Each set is linted as one corpus with the default rules. A defect is found when a finding of a rule
for its kind sits on its line or lists the line among its related places. Every other finding is a
false positive: there must be none. Run with ``-s`` for the recall table and the misses.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.testing import lint_sources

FOLDER = Path(__file__).resolve().parent / "data" / "planted" / "mixed"
SETS = ("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W")
# The rules that report each kind of defect.
RULES = {
    "name-variant": {"NAM001", "NAM005"},
    "acronym": {"NAM002", "NAM003", "NAM004"},
    "percent-change": {"NUM001", "NUM002", "NUM101", "NUM102"},
    "percentage-points": {"NUM001", "NUM002"},
    "share": {"NUM004"},
    "total": {"NUM005", "NUM007"},
    "multiple": {"NUM003"},
    "weekday": {"DAT001"},
    "impossible-date": {"DAT002"},
    "period-count": {"DAT006"},
    "past-after-document-date": {"DAT003"},
    "release-order": {"DAT007"},
    "mojibake": {"ENC002"},
    "extraction-artifact": {"ENC008"},
    "doubled-word": {"TXT004"},
    "fused-words": {"TXT005"},
    "bracket": {"CON001"},
    "hyphenation": {"CON002"},
    "number-style": {"CON005"},
    "regional-spelling": {"CON003"},
}
# Measured: 896 of the 1011 decidable defects (A 29/30, B 28/29, C 29/30, D 31/32, E 32/34, F 27/29, G 30/32,
# H 31/35, I 34/36, J 47/48, K 47/56, L 41/53, M 41/53, N 40/46, O 38/42, P 40/45, Q 44/54, R 49/58, S 55/61, T 68/69,
# U 37/42, V 44/48, W 34/49).
MIN_FOUND = {
    "A": 29, "B": 28, "C": 29, "D": 31, "E": 32, "F": 27, "G": 30, "H": 31,
    "I": 34, "J": 47, "K": 47, "L": 41, "M": 41, "N": 40, "O": 38, "P": 40, "Q": 44, "R": 49, "S": 55, "T": 68,
    "U": 37, "V": 44, "W": 34,
}


def _run(name: str):
    folder = FOLDER / name
    answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
    documents = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")}
    return answers, lint_sources(documents).diagnostics


def _lines(diagnostic) -> set[tuple[str, int]]:
    return {(diagnostic.path, diagnostic.line)} | {(r.path or diagnostic.path, r.line) for r in diagnostic.related}


def _score(name: str):
    answers, diagnostics = _run(name)
    found, missed, used = [], [], set()
    for defect in answers["defects"]:
        hits = [d for d in diagnostics if d.rule in RULES[defect["kind"]] and (defect["file"], defect["line"]) in _lines(d)]
        used.update(id(d) for d in hits)
        if defect.get("decidable", True):
            (found if hits else missed).append(defect)
    # A finding a set's answers list as a known false positive (with the reason no rule can avoid it) is not counted.
    known = {(k["file"], k["line"], k["rule"]) for k in answers.get("known_false_positives", [])}
    false = [d for d in diagnostics if id(d) not in used and (d.path, d.line, d.rule) not in known]
    return found, missed, false


@pytest.mark.parametrize("name", SETS)
def test_every_finding_is_a_planted_defect(name):
    _, _, false = _score(name)
    assert not false, "\n".join(f"{d.path}:{d.line}:{d.column} {d.rule} {d.message}" for d in false)


@pytest.mark.parametrize("name", SETS)
def test_recall(name):
    found, missed, _ = _score(name)
    print(f"\nset {name}: {len(found)} of {len(found) + len(missed)} decidable defects found")
    for defect in missed:
        print(f"  missed {defect['file']}:{defect['line']} {defect['kind']}: {defect['text']!r}")
    assert len(found) >= MIN_FOUND[name], [f"{d['file']}:{d['line']} {d['kind']}" for d in missed]


def test_the_sets_are_as_described():
    kinds: set[str] = set()
    for name in SETS:
        answers = json.loads((FOLDER / name / "answers.json").read_text(encoding="utf-8"))
        documents = [p for p in (FOLDER / name).iterdir() if p.suffix in (".txt", ".md")]
        assert len(documents) == 6 and len(answers["defects"]) >= 30 and len(answers["traps"]) >= 30
        for entry in answers["defects"] + answers["traps"]:  # every entry's text is on its line
            assert entry["text"] in (FOLDER / name / entry["file"]).read_text(encoding="utf-8").splitlines()[entry["line"] - 1]
        kinds |= {defect["kind"] for defect in answers["defects"]}
    assert kinds == set(RULES)
