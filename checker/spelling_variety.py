"""British and American spellings of one word (CON003), from the ``breame`` package's word list.

``breame`` (Apache-2.0) maps about 1,700 British spellings to their American
ones (``colour``/``color``, ``randomise``/``randomize``, ``tumour``/``tumor``).
This module keeps the pairs that are spellings of one word (not different
words such as ``gaol``/``jail``) and says of each form which variety it
marks:

- ``-ise``/``-ize`` pairs are set apart: ``-ize`` is American and also
  British (Oxford spelling), so it marks no variety; ``-ise`` is British.
- Pairs where one form is far rarer than the other across all English
  (wordfreq's frequencies) are dropped: the rare one is archaic or marginal
  in its own variety too (``connexion``, ``biassed``, ``focussed``), and so
  are pairs whose British form is also the usual American one (``gauge``,
  ``dialogue``, ``analyses``: the "American" ``gage``, ``dialog``,
  ``analyzes`` are rare variants or other words).
- Forms that are standard in the other variety too, usually in another
  sense, mark nothing: ``program`` (a computer program in British English),
  ``check``, ``meter``, ``tire``, ``draft``, ``disc``, ``dialogue`` and the
  like (``AMBIGUOUS``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from typing import Literal

Variety = Literal["en-GB", "en-US"]

# Spellings that are standard in both varieties, at least in one sense: a British
# computer "program", a "check" mark, a gas "meter", to "tire", a "draft" document, a
# compact "disc", American "dialogue", the legal "judgment", "sulfur" and "fetus" in
# British science and medicine, "licensed" and "practice" (British verb and noun).
AMBIGUOUS = frozenset(
    """program programs programmed programming programmer programmers check checks checked checking checker
    checkered checkbook meter meters tire tires tired tiring draft drafts drafted drafting drafty draftsman
    curb curbs curbed story stories disk disks disc discs dialog dialogs dialogue dialogues analog analogue
    analogs analogues catalog catalogs catalogue catalogues judgment judgments judgement judgements
    sulfur sulfate sulfates sulfide sulphur fetus fetuses fetal ton tons tonne tonnes whiskey whisky
    whiskeys whiskies gray grey grays greys license licensed licenses licensing licence licences
    practice practices practise practised practises inquire inquiry inquiries inquired enquire enquiry
    enquiries aging ageing artifact artifacts artefact artefacts ax axe axes mold molds plow plows
    annex annexe annexes vise vice pajamas pyjamas donut doughnut gram grams gramme grammes
    kilogram kilograms kilogramme kilogrammes install installs instal instals skillful skilful
    enroll enrol enrolls enrols fulfill fulfil fulfills fulfils distill distil instill instil
    jewelry jewellery mustache moustache omelet omelette""".split()
)


# A form this much rarer than the other (in Zipf units, about 16 times) across all English is
# archaic or marginal in its own variety too: "connexion", "biassed", "mediaeval", "focussed".
_RARE = 1.2
# wordfreq's English is mostly American: a British form more frequent than its American one by
# this much is the American standard too, and the "American" form a rare variant ("gage", "prolog").
_COMMON = 0.55


@dataclass(frozen=True, slots=True)
class Spelling:
    """One form: the variety it marks (None for -ize), and its counterpart."""

    word: str
    variety: Variety | None
    counterpart: str
    ize: bool  # an -ise/-ize pair


def _similarity(british: str, american: str) -> float:
    """difflib's ratio of the two spellings; its cheaper upper bound when that is below the threshold already."""
    matcher = difflib.SequenceMatcher(None, british, american)
    bound = matcher.quick_ratio()
    return bound if bound < 0.75 else matcher.ratio()


def _is_ize_pair(british: str, american: str) -> bool:
    return len(british) == len(american) and british != american and american.replace("iz", "is") == british


@cache
def spellings() -> dict[str, Spelling]:
    """Every usable form, by its lower-case spelling."""
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    from checker.lexicon import zipf

    out: dict[str, Spelling] = {}
    for british, american in BRITISH_ENGLISH_SPELLINGS.items():
        if british in AMBIGUOUS or american in AMBIGUOUS or " " in british or " " in american:
            continue
        # (The frequencies first: they drop most pairs, at a look-up each, before the costlier comparison.)
        a, b = zipf(british), zipf(american)
        if not a or not b or b - a > _RARE:
            continue  # the British form is rare or archaic in Britain too ("connexion", "biassed", "focussed")
        if a - b > _COMMON:
            continue  # the British form is standard in American English too ("gauge", "dialogue", "analyses")
        if _similarity(british, american) < 0.75:
            continue  # different words, not spellings of one ("gaol"/"jail")
        ize = _is_ize_pair(british, american)
        out[british] = Spelling(british, "en-GB", american, ize)
        out[american] = Spelling(american, None if ize else "en-US", british, ize)
    return out
