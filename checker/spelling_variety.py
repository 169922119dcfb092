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
  like (``AMBIGUOUS``). Their counterparts still mark their own variety
  (``metres``, ``programme``, ``tyre`` are British) unless they are
  ambiguous too (``judgment`` and ``judgement``).
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
    """Every usable form, by its lower-case spelling.

    Building the table compares about 1,200 pairs with difflib and looks up 3,400 frequencies: about 27 ms,
    an eighth of a run on one edited file. So it is kept in the user cache directory (``spellings-*.marshal``,
    plain data), in a file named by everything it is made of: this module's source, breame's word list, the
    word frequencies (the lexicon's identity) and the Python version. A file that is absent, unreadable or
    not a table of the expected shape is built again.
    """
    path = _stored_path()
    table = _read(path) if path is not None else None
    if table is None:
        table = _build()
        if path is not None:
            _write(path, table)
    return table


_FORMAT = 1  # of the stored table: (word, variety, counterpart, ize) for each form


def _stored_path() -> str | None:
    import importlib.util
    import os
    import sys

    from checker.files import cache_dir
    from checker.lexicon import identity
    from checker.signing import blake2b

    try:
        spec = importlib.util.find_spec("breame")
        if spec is None or not spec.submodule_search_locations:
            return None
        source = os.path.join(spec.submodule_search_locations[0], "data", "spelling_constants.py")
        words = os.stat(source)
        with open(__file__, "rb") as handle:
            own = handle.read()
        lexicon = identity()
    except (OSError, ImportError, ValueError):
        return None
    if lexicon is None:
        return None
    key = blake2b(own, digest_size=16)
    key.update(f"\0{_FORMAT}\0{source}\0{words.st_size}\0{words.st_mtime_ns}\0{lexicon}\0{sys.version}".encode())
    return os.path.join(cache_dir(), f"spellings-{key.hexdigest()}.marshal")


def _read(path: str) -> dict[str, Spelling] | None:
    import marshal

    from checker.patterns import builder

    try:
        with open(path, "rb") as handle:
            rows = marshal.loads(handle.read())
        if not isinstance(rows, tuple):
            return None
        table: dict[str, Spelling] = {}
        build = builder(Spelling)
        for word, variety, counterpart, ize in rows:
            if not (type(word) is str and type(counterpart) is str and type(ize) is bool and variety in _VARIETIES):
                return None
            table[word] = build(word, variety, counterpart, ize)
        return table
    except (OSError, ValueError, EOFError, TypeError):  # absent, damaged, or not rows of four: built again
        return None


_VARIETIES = ("en-GB", "en-US", None)


def _write(path: str, table: dict[str, Spelling]) -> None:
    import marshal

    from checker.files import write_atomic

    rows = tuple((s.word, s.variety, s.counterpart, s.ize) for s in table.values())
    try:
        import os

        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomic(path, marshal.dumps(rows), durable=False)
        _prune(os.path.dirname(path))
    except OSError:  # a cache that cannot be written only costs time
        pass


_KEEP = 4  # tables kept in the cache directory: this one and those of the last few other versions


def _prune(directory: str) -> None:
    """Remove all but the ``_KEEP`` newest tables: each version of factlint, breame or wordfreq names its own
    (two installations sharing the directory keep theirs)."""
    import os

    stored = []
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.name.startswith("spellings-") and entry.name.endswith(".marshal"):
                stored.append((entry.stat().st_mtime_ns, entry.path))
    for _mtime, old in sorted(stored, reverse=True)[_KEEP:]:
        try:
            os.remove(old)
        except OSError:
            pass


def _build() -> dict[str, Spelling]:
    """The table, from breame's pairs and the word frequencies."""
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    from checker.lexicon import zipf

    out: dict[str, Spelling] = {}
    for british, american in BRITISH_ENGLISH_SPELLINGS.items():
        if (british in AMBIGUOUS and american in AMBIGUOUS) or " " in british or " " in american:
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
        # A form standard in both varieties marks nothing and is left out; its counterpart still marks its own
        # ("metres" is British, "meters" may be a British gas meter).
        if british not in AMBIGUOUS:
            out[british] = Spelling(british, "en-GB", american, ize)
        if american not in AMBIGUOUS:
            out[american] = Spelling(american, None if ize else "en-US", british, ize)
    return out
