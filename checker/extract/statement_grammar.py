"""The statement grammar: what the text before (or around) a figure must say for it to be a fact.

Each pattern describes one way of stating a fact; the statement extractor
(``checker.extract.statements``) tries them on the sentence around each figure
and reads the parts from their named groups: ``subj``/``poss`` (the subject),
``measure``, ``verb``, ``hedge``, and the periods under the prefixes ``l_``
(leading "In 2025, ..."), ``a_`` (before the measure), ``m_`` (after it).
The longest patterns that end with ``\\Z`` (the text right before a figure)
are :class:`~checker.patterns.FromEnd` patterns, asked from the end first.
"""

from __future__ import annotations

import re

from checker.extract.statement_terms import HEDGE, MONEY, MONTH, PERIOD, PHRASES, RATES, YEAR
from checker.patterns import FromEnd
from checker.patterns import LazyPattern as _Lazy

_NAME_TOKEN = r"(?-i:[A-Z][\w&\-]*(?:\.(?=\w))?[\w&\-]*\.?|&)"
NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,4}}"
ORG_PRONOUN = r"we|the\s+company|our\s+company|the\s+group"
PLURAL_SUBJECT = r"(?:these|those|both|our|the)\s+(?:\w+\s+){0,2}(?:products|drugs|medicines|brands|therapies)"
# Where a statement may begin: the sentence start, after punctuation or a
# conjunction, then an optional adverb. _LEAD also allows a leading period
# ("In 2025, we ..."); headcounts and years use _SIMPLE_LEAD, which does not.
_SIMPLE_LEAD = (
    r"(?:^|(?<=[,;:(\u2014\u2013])\s*|(?<=\s)(?:and|but|while|whereas|that|as|so|when|after)\s+)"
    r"(?:(?:today|now|currently|at\s+present|overall|in\s+total|together)\s*,?\s+)?"
)
_LEAD = (
    _SIMPLE_LEAD
    + rf"(?:(?:(?:in|during|for|over|throughout)\s+)?(?:the\s+)?(?:{PERIOD.replace('?P<', '?P<l_')})\s*,?\s+)?"
)
_MODIFIER = r"(?:full[\s\-]+year|annual|yearly|quarterly|record|reported)"
# Longest first, then alphabetical: the same pattern in every process (see checker.patterns.compile_cached).
_MEASURE_WORDS = sorted({p for p in PHRASES if PHRASES[p] in MONEY or PHRASES[p] in RATES}, key=lambda p: (-len(p), p))
_MEASURE = r"(?:" + "|".join(re.escape(p).replace(r"\ ", r"[\s\-]+") for p in _MEASURE_WORDS) + r")"
_PERIOD_ADJ = rf"(?:(?:{PERIOD.replace('?P<', '?P<a_')})[\s\-]+)"
_PERIOD_AFTER = rf"(?:\s*,?\s+(?:for|in|during|of)\s+(?:the\s+)?(?:{PERIOD.replace('?P<', '?P<m_')}))"
_ACTIVE_VERB = (
    r"(?:generat|report|post|record|achiev|deliver|book|produc|earn|realiz|realis|recogniz|recognis)(?:ed|es|s|e)?"
    r"|had|has|have|drove|drive|drives|brought\s+in|brings\s+in|saw|sees|reached|reaches|totaled|totalled"
)
_AUX = r"(?:(?:has|have|had|also|again|now|once\s+again)\s+)*"
_COPULA = (
    r"(?:was|were|is|are|totaled|totalled|totals|reached|came\s+to|came\s+in\s+at|amounted\s+to|stood\s+at|of"
    r"|(?:rose|grew|increased|climbed|jumped|fell|declined|decreased|dropped)(?P<gby>\s+(?:by\s+)?"
    r"(?P<gpct>\d[\d.,]*\s*(?:%|percent|per\s+cent))(?:\s+(?P<gcmp>year[\s\-]+(?:over|on)[\s\-]+year|yoy|y/y))?)?\s+to)"
)

ACTIVE = FromEnd(
    rf"{_LEAD}(?P<subj>{ORG_PRONOUN}|{PLURAL_SUBJECT}|{NAME})\s+{_AUX}(?P<verb>{_ACTIVE_VERB})\s+"
    rf"(?:(?:the|a|an|its|their|our)\s+)?{_PERIOD_ADJ}?(?P<measure>(?:{_MODIFIER}[\s\-]+)*{_MEASURE})"
    rf"{_PERIOD_AFTER}?\s+(?:of|totaling|totalling|amounting\s+to|worth)\s+(?P<hedge>{HEDGE}\s+)?\Z",
    re.I,
)
NOMINAL = FromEnd(
    rf"{_LEAD}(?:(?P<poss>(?:{NAME})['\u2019]s|our|the\s+company['\u2019]s|the\s+group['\u2019]s|{NAME})\s+)?"
    rf"{_PERIOD_ADJ}?(?P<measure>(?:{_MODIFIER}[\s\-]+)*{_MEASURE}){_PERIOD_AFTER}?\s*,?\s+"
    rf"(?P<verb>{_COPULA})\s+(?P<hedge>{HEDGE}\s+)?\Z",
    re.I,
)
MEASURE_OF = FromEnd(
    rf"{_LEAD}{_PERIOD_ADJ}?(?P<measure>(?:{_MODIFIER}[\s\-]+)*{_MEASURE})\s+(?:of|for|from)\s+(?P<subj>{NAME})"
    rf"{_PERIOD_AFTER}?\s*,?\s+(?P<verb>{_COPULA})\s+(?P<hedge>{HEDGE}\s+)?\Z",
    re.I,
)
VALUE_FIRST_BEFORE = FromEnd(
    rf"{_LEAD}(?P<subj>{ORG_PRONOUN}|{NAME})\s+{_AUX}(?P<verb>{_ACTIVE_VERB})\s+(?P<hedge>{HEDGE}\s+)?\Z",
    re.I,
)
VALUE_FIRST_AFTER = _Lazy(
    rf"\s+(?:in|of)\s+{_PERIOD_ADJ}?(?P<measure>(?:{_MODIFIER}[\s\-]+)*{_MEASURE})(?![\w])", re.I
)
# What may follow a figure: a period, then the end of the clause.
AFTER_PERIOD = _Lazy(rf"\s*,?\s*(?:(?:in|for|during)\s+(?:the\s+)?)?(?:{PERIOD})", re.I)
CLAUSE_END = _Lazy(
    r"\s*(?:[,.;:)\u2014\u2013]|--|\Z|(?:and|which|with|up|down|compared|versus|vs\.?|an?|representing|reflecting|"
    r"marking|driven|thanks|due|as|while|whereas|from\s+(?:\$|US\$|\u20ac|\u00a3|\d))(?![\w]))",
    re.I,
)

# Employees: "we have ... over 800 employees", "Norwind employs 120 people".
EMPLOYER_BEFORE = _Lazy(
    rf"{_SIMPLE_LEAD}(?P<subj>{ORG_PRONOUN}|{NAME})\s+(?:(?:now|currently|also|today)\s+)*"
    r"(?P<verb>have|has|had|employ|employs|employed)\b(?P<gap>(?:\s+(?!\w+(?:ed|ing)\b|(?:lost|cut|laid|let|fired|hired|added|grown|shed|reduced|trained|recruited|onboarded|welcomed)\b)[a-z]+){0,6}?)\s+"
    rf"(?P<hedge>{HEDGE}\s+)?\Z",
    re.I,
)
EMPLOYEES_AFTER = _Lazy(
    r"\s+(?:(?:full[\s\-]+time|permanent|dedicated)\s+)?(?P<measure>employees|staff|people|team\s+members)"
    r"(?P<where>\s+(?:worldwide|globally|around\s+the\s+(?:world|globe)|across\s+the\s+(?:world|globe)|in\s+total))?",
    re.I,
)
WORKFORCE_BEFORE = FromEnd(
    rf"{_SIMPLE_LEAD}(?:(?P<poss>(?:{NAME})['\u2019]s|our|the\s+company['\u2019]s)\s+(?:global\s+|total\s+)?"
    rf"(?P<measure>workforce|headcount)\s+(?:was|is|stood\s+at|reached|totaled|totalled|of)"
    rf"|(?P<subj>{ORG_PRONOUN}|{NAME})\s+(?:(?:now|currently|also|today)\s+)*(?:has|had|have)\s+a\s+(?:global\s+|total\s+)?"
    rf"(?P<measure2>workforce|headcount)\s+of)\s+(?P<hedge>{HEDGE}\s+)?\Z",
    re.I,
)
AS_OF = _Lazy(
    rf"\s*,?\s*(?:as\s+of|at)\s+(?:(?P<mon>{MONTH})\s+(?:\d{{1,2}},?\s+)?(?P<y>{YEAR})|the\s+end\s+of\s+(?P<ey>{YEAR})|year[\s\-]+end\s+(?P<ye>{YEAR}))",
    re.I,
)

# Years: founding and first approval (the numbers extractor does not treat years as quantities).
_YEAR_VALUE = rf"(?:in\s+(?:(?:{MONTH})\s+(?:\d{{1,2}},?\s+)?)?)(?P<year>{YEAR})(?![\w])"
FOUNDED_PASSIVE = _Lazy(
    rf"{_SIMPLE_LEAD}(?P<subj>{ORG_PRONOUN}|{NAME})(?:\s*,\s*(?:which\s+was\s+)?|\s+(?:was|were|has\s+been)\s+)"
    rf"(?:originally\s+)?(?P<verb>founded|established|incorporated)(?:\s+in\s+(?-i:[A-Z][\w.]*(?:,?\s+[A-Z][\w.]*){{0,2}})(?=\s+in\s+))?\s+{_YEAR_VALUE}",
    re.I,
)
FOUNDED_ACTIVE = _Lazy(
    rf"(?:\b(?:I|we|he|she|they|who)\s+(?:(?:co-?)?founded|started|established|launched)|\b(?:before|after|when|since)\s+"
    rf"(?:co-?founding|founding|starting|establishing|launching))\s+(?P<subj>{NAME})\s+{_YEAR_VALUE}",
    re.I,
)
FOUNDED_INTRO = _Lazy(rf"(?:^|(?<=[.;]\s))(?:Founded|Established)\s+{_YEAR_VALUE},\s+(?P<subj>{NAME})\s+(?:(?:now|today|also)\s+)?(?-i:[a-z]+)\b", re.I)
SINCE_FOUNDING = _Lazy(
    rf"\bsince\s+(?:(?P<subj>our|the\s+company['\u2019]s)\s+founding"
    rf"|(?P<subj2>we)\s+(?:first\s+)?(?:started|began|opened\s+our\s+doors|opened\s+for\s+business)(?:\s+(?:out|operations|operating|trading))?)"
    rf"\s+{_YEAR_VALUE}(?=\s*(?:[,.;:)\u2014\u2013]|\Z|(?:and|we|our|it|the\s+company)\b))",  # not "started in 2019 to sell online"
    re.I,
)
FIRST_APPROVAL = _Lazy(
    rf"(?:{_SIMPLE_LEAD})(?P<subj>{NAME})(?:['\u2019]s\s+first\s+approval\s+(?:came\s+)?|\s+was\s+first\s+approved\s+){_YEAR_VALUE}",
    re.I,
)
ITS_FIRST_APPROVAL = _Lazy(rf"\b(?:since|after|following|with)\s+its\s+first\s+approval\s+{_YEAR_VALUE}", re.I)
PRECEDING_NAME = _Lazy(rf"(?:^|(?<=\s))(?P<prep>\w+\s+)?(?P<subj>{NAME})\s+(?=[^A-Z]*\Z)")

# Sentences that state no fact: guidance, conditionals, estimates.
NOT_A_FACT = _Lazy(
    r"\b(?:expect\w*|anticipat\w*|forecast\w*|guidance|projected|projects|projection\w*|target\w*|will|would|could|"
    r"might|should|estimat\w*|outlook|goal|aims?|plans?|planned|potential(?:ly)?|if|unless|assum\w*|pro\s+forma|"
    r"hypothetical\w*|budget\w*|intend\w*|hope\w*|seek\w*|may)\b"
)
# Hints are written as alternations of plain words ("Revenue|revenue", not
# "[Rr]evenue"): the re module then skips ahead to a possible first letter,
# about four times faster than trying the whole alternation at every position.
PREFILTER = _Lazy(
    r"Revenue|revenue|Sales|sales|Turnover|turnover|Income|income|Profit|profit|Earnings|earnings|Loss|loss"
    r"|Expense|expense|Employ|employ|Staff|staff|People|people|Team\s+members|team\s+members|Workforce|workforce"
    r"|Headcount|headcount|Founded|founded|Founding|founding|Established|established|Incorporated|incorporated"
    r"|First\s+approv|first\s+approv|REVENUE|SALES|INCOME|EMPLOYEES|Margin|margin|Started|started|Began|began|Opened|opened"
)
# A money statement's window before the figure must contain a measure word
# (or end with a verb, for "generated $61 million in revenue"), and end with
# one of the words the patterns end with: cheap tests before the big patterns.
MEASURE_HINT = _Lazy(
    r"Revenue|revenue|Sales|sales|Turnover|turnover|Income|income|Profit|profit|Earnings|earnings|Loss|loss"
    r"|Expense|expense|REVENUE|SALES|Margin|margin"
)
MONEY_TAIL = FromEnd(
    r"(?:of|to|at|worth|was|were|is|are|totals|totaled|totalled|totaling|totalling|reached|reaches|had|has|have|"
    r"drove|drive|drives|saw|sees|in|\w+(?:ed|es|s|e))\s+(?:" + HEDGE + r"\s+)?\Z",
    re.I,
)
YEAR_FACT_WORDS = ("ounded", "ounding", "OUNDED", "stablished", "ncorporated", "irst approv", "we started", "we began", "we opened")
YEAR_FACT_HINT = _Lazy(
    r"Founded|founded|Founding|founding|Established|established|Incorporated|incorporated|First\s+approv|first\s+approv|FOUNDED"
    r"|we\s+(?:first\s+)?(?:started|began|opened)"
)
