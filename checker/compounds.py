"""The forms of compounds in one document: hyphenated, open and closed (CON002).

``phrase_forms(prose)`` does the same for compounds of three or four words (``buy-to-let``), hyphenated and
open, where the open form comes before a noun that a hyphenated place comes before too.

``compound_forms(prose, chunks)`` finds every lower-case hyphenated compound of two
words (``follow-up``, ``e-mail``, ``long-term``) and, for each, the places
where the same two words are written closed up (``followup``, ``email``) or
open (``follow up``, ``long term``). An open form counts only where it plays
the same part as the hyphenated one, which is what makes the two forms an
inconsistency rather than grammar:

- it is followed by the same content word as a hyphenated occurrence
  (``a long-term loan`` / ``a long term loan``: both modify "loan"); or
- both stand as a noun between an article and a clause boundary
  (``a follow-up.`` / ``a follow up.``); or
- the compound is an adjective (``long-term``, ``self-signed``) written
  hyphenated before a noun, and the open form stands between a determiner
  and another noun (``our long-term capital plan`` / ``the long term plan``),
  where the text never writes the two words as a noun of their own;

and it does not follow a pronoun, an auxiliary or "to", after which the two
words are a verb and its particle (``who paid for results``).

So ``the result is well known`` beside ``a well-known result``, or ``we will
follow up`` beside ``the follow-up visit``, never count. Compounds with the
prefix ``re-`` are left out before a consonant: the hyphen there often changes the word
(``re-cover``/``recover``, ``re-sign``/``resign``); before a vowel it only parts two vowels (``re-elect``).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from checker.patterns import LazyPattern

# Closed-class words: never the noun that a compound modifies.
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet for of in on at to by with from into onto upon over under about
    above below after before between through during without within across against along among around
    as than then that this these those there here which who whom whose what when where why how
    is are was were be been being am has have had do does did will would shall should can could may
    might must not no it its he she they we you i me him her them us our your their my his
    if because while although though unless until since also too very just only even more most less
    least much many some any all each every both either neither such own other another same""".split()
)

_RUN = LazyPattern(r"[\w\-\u2010\u2011]+")
# A run (``_RUN``) that is as a whole a lower-case compound of two words: the look-behind and the
# look-ahead keep a match from starting or ending inside a longer run, so one search of a chunk
# finds its compounds without listing its runs and matching each.
_COMPOUND = LazyPattern(r"(?<![\w\-\u2010\u2011])([a-z]{1,20})[-\u2010\u2011]([a-z]{2,20})(?![\w\-\u2010\u2011])")
_ARTICLES = frozenset({"a", "an", "the"})
# After these the two words are a verb and its particle or object ("who paid for results",
# "we will follow up"), whatever follows them.
_VERB_CONTEXT = frozenset(
    """who which that they we he she it i you to will would shall should can could may might must
    do does did has have had is are was were be been being not""".split()
)
_BOUNDARY = ".,;:!?)"


@dataclass
class Forms:
    """The places of one compound's forms (offsets of each occurrence's start and end)."""

    first: str
    second: str
    hyphenated: list[tuple[int, int]] = field(default_factory=list)
    closed: list[tuple[int, int]] = field(default_factory=list)
    open: list[tuple[int, int]] = field(default_factory=list)
    # The words after the second of a compound of three or four ("buy-to-let": "let"); a compound of
    # two has none.
    rest: tuple[str, ...] = ()

    @property
    def words(self) -> tuple[str, ...]:
        """The compound's words: ``("buy", "to", "let")``."""
        return (self.first, self.second, *self.rest)


_NEXT = LazyPattern(r"[ \t]+([A-Za-z]+)")


def _next_word(prose: str, end: int) -> str | None:
    """The word right after ``end`` (one space between), or None at punctuation."""
    match = _NEXT.match(prose, end)
    return match.group(1) if match else None


def _before_word(prose: str, start: int) -> str | None:
    """The lower-cased word of ASCII letters before ``start`` with spaces or tabs between, within 30 characters.

    What a search of ``([A-Za-z]+)[ \\t]+$`` in ``prose[max(0, start - 30):start]`` finds (its "$" also holds
    before a line feed that ends the window), read backwards from ``start``: the search tried every position.
    """
    low = max(0, start - 30)
    end = start
    if end > low and prose[end - 1] == "\n":
        end -= 1
    word_end = end
    while word_end > low and prose[word_end - 1] in " \t":
        word_end -= 1
    if word_end == end:
        return None
    word_start = word_end
    while word_start > low and prose[word_start - 1] in _ASCII_LETTERS:
        word_start -= 1
    if word_start == word_end:
        return None
    return prose[word_start:word_end].lower()


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _bare_noun(prose: str, start: int, end: int, particle: bool = False) -> bool:
    """After an article (or "no") and before a clause boundary or a preposition: ``a follow-up.``, ``a by-election
    in``; for a verb and its ``particle``, or before a finite verb: ``a follow up fell``, ``no by election was``."""
    if _before_word(prose, start) not in _NOUN_OPENERS:
        return False
    after = prose[end : end + 1]
    if after == "" or after in _BOUNDARY:
        return True
    match = _NEXT.match(prose, end)
    if match is None:
        return False
    follower = match.group(1)
    # A preposition only as a word of its own: "in" opens "in-memory", an adjective.
    if follower in _PREPOSITIONS and not (match.end() < len(prose) and _joins(prose[match.end()])):
        return True
    return particle and follower in _FINITE_VERBS


def _subject(prose: str, start: int, end: int) -> bool:
    """After an article and before a finite verb: the clause's subject, a noun (``The half-marathon was won``)."""
    return _before_word(prose, start) in _NOUN_OPENERS and _next_word(prose, end) in _FINITE_VERBS


# Words after which two words are a noun phrase: the articles, and "no" ("no by-election was held").
_NOUN_OPENERS = _ARTICLES | {"no"}


# Verbs after which the two words before them, opened by an article, are the clause's subject: a noun. Only
# for a verb and its particle ("follow-up", "check-in", "roll-out"), whose open form is the verb, and for a
# compound the text writes hyphenated as a subject too: other open forms before a verb are as often a noun
# phrase of their own ("a single file is" beside "single-file packages").
_PARTICLES = frozenset("up in out off on down over back away through".split())
_LEADING_PARTICLES = _PARTICLES | {"by"}
_FINITE_VERBS = frozenset(
    """is was are were has had have will would can could may might should must does did
    fell rose grew took showed found led began came went remains remained""".split()
)


# The first words of compounds that are adjectives ("long-term", "full-time", "high-speed", "self-signed"): style
# guides hyphenate these before a noun, where a compound of two nouns ("access list", "control plane") is as often
# left open before a noun too.
_ADJECTIVE_HEADS = frozenset(
    """long short full part high low top bottom self well real first second third last next best worst half
    single double multi big small large old new open closed fast slow hard soft hot cold deep far near""".split()
)


def _adjectival(first: str, second: str) -> bool:
    """Whether the compound ``first``-``second`` is an adjective: an adjective or adverb and a noun, or with a
    participle (``long-term``, ``self-signed``, ``fast-growing``, ``mixed-use``)."""
    return first in _ADJECTIVE_HEADS or any(word.endswith(("ed", "ing")) and len(word) > 4 for word in (first, second))


# Words after which two words and a content word are a noun phrase: the two words modify the noun.
_DETERMINERS = frozenset(
    """a an the this that these those our its their his her your my each every any no some all both
    two three four five six seven eight nine ten twelve twenty several many few new""".split()
)
# Prepositions: after one, too, two words and a content word are a noun phrase ("the number of full time workers").
_PREPOSITIONS = frozenset("of for with from among by in on at about into between across".split())


def _modifies(follower: str | None) -> bool:
    """Whether ``follower``, the word after an open form, is a lower-case content word: the noun that a
    compound written hyphenated before other nouns elsewhere modifies here too (``the long term plan``
    beside ``our long-term capital plan``), rather than a clause going on (``in the long term, it``)."""
    if follower is None or not follower.islower() or follower in FUNCTION_WORDS or follower in _FINITE_VERBS:
        return False
    # A participle after the two words opens a clause of its own as often ("reaching the end of a fixed rate
    # choosing to stay"): not counted.
    return not follower.endswith(("ing", "ed"))


def compound_forms(
    prose: str,
    chunks: AbstractSet[str] | None = None,
    keys: AbstractSet[tuple[str, str]] | None = None,
    split: list[str] | None = None,
) -> list[Forms]:
    """Every hyphenated two-word compound that the document also writes open or closed
    (``chunks``: the distinct ``prose.split()``, when the caller has them: ``Document.distinct_chunks``;
    ``keys``: the compounds of those chunks, when the caller has them: ``checker.word_screen``;
    ``split``: ``prose.split()`` itself, when the caller has it: ``Document.prose_chunks``)."""
    # A hyphenated compound is a run of word characters and hyphens (``long-term``), and so is a
    # lone word. Most compounds are never written another way; only those whose closed form, or
    # both words with only spaces between, appear need their places found.
    if chunks is None:
        chunks = frozenset(prose.split())
    if keys is None:
        keys = {key for chunk in chunks for key in chunk_compounds(chunk)}
    runs = _Runs(prose, chunks)
    # Each test of a word by searching the text costs a pass over it: with many compounds,
    # listing the runs once is cheaper.
    many = len(keys) > _MANY
    if many:
        runs.list_all()
    normalised: str | None = None  # the prose with each run of blanks as one space
    hyphens: str | None = None  # the hyphens the prose holds
    found: list[Forms] = []
    for first, second in keys:
        closed = first + second in runs
        # Both words with only spaces between, each a word of its own somewhere (the cheaper test first).
        both = many and first in runs and second in runs
        if both or not many:
            if normalised is None:
                # Each run of whitespace as one space (only runs other than one space change), so that
                # one search tells whether the words are written with blanks between: a single space
                # between two words is kept as it is. (Line breaks become spaces too, which only lets
                # a few more compounds have their open places looked for, by _pair_spans.)
                if "\t" in prose or "  " in prose:
                    normalised = " ".join(prose.split() if split is None else split)
                else:
                    normalised = prose
            spaced = f"{first} {second}" in normalised
            both = spaced and (many or (first in runs and second in runs))
        if not closed and not both:
            continue
        forms = Forms(first, second)
        if hyphens is None:
            # A hyphen the prose never holds needs no search for each compound (most prose holds only "-").
            hyphens = "".join(hyphen for hyphen in HYPHENS if hyphen in prose)
        forms.hyphenated = lone_spans(prose, first + "-", second, hyphens)
        if closed:
            forms.closed = lone_spans(prose, first, second)
        if both:
            followers = {w.lower() for s, e in forms.hyphenated if (w := _next_word(prose, e)) and w.islower()}
            followers -= FUNCTION_WORDS
            # Before a finite verb: a verb and its particle, or a compound the text also writes hyphenated as a
            # clause's subject ("The half-marathon was won" beside "the half marathon had crowded").
            # A compound that opens with a preposition or a particle ("by-election", "off-site") is no noun phrase of
            # its own when open either: before a verb it is the noun too.
            particle = second in _PARTICLES or first in _LEADING_PARTICLES or any(_subject(prose, s, e) for s, e in forms.hyphenated)
            nouns = any(_bare_noun(prose, s, e, particle) for s, e in forms.hyphenated)
            pairs = _pair_spans(prose, first, second)  # "well well well": pairs may overlap
            after = [_next_word(prose, end) for _, end in pairs]
            # Before another noun than the hyphenated form's, an open form counts only where the text never
            # writes the two words as a noun of their own ("a property wrapper." beside "property-wrapper
            # types"): a noun compound is often left open before a noun too, an adjective one is not.
            modifier = _adjectival(first, second) and bool(followers) and all(map(_modifies, after))
            # The words either side of each hyphenated place: an open form between the same two words plays the
            # same part ("a median follow-up of" / "a median follow up of").
            frames = {(_before_word(prose, s), w.lower()) for s, e in forms.hyphenated if (w := _next_word(prose, e))}
            for (start, end), follower in zip(pairs, after):
                before = _before_word(prose, start)
                if before in _VERB_CONTEXT:
                    continue
                if (
                    (follower is not None and follower in followers)
                    or (before is not None and follower is not None and (before, follower.lower()) in frames)
                    or (modifier and (before in _DETERMINERS or before in _PREPOSITIONS))
                    or (nouns and _bare_noun(prose, start, end, particle))
                ):
                    forms.open.append((start, end))
        if forms.closed or forms.open:
            found.append(forms)
    return sorted(found, key=lambda forms: forms.hyphenated[0])  # in the order of their first hyphenated place


# A compound of three or four words ("buy-to-let", "like-for-like", "state-of-the-art"), found from a short inner
# word between two hyphens, the search skipping to the hyphen. Its first word may be capitalised (a sentence's
# first), its others not ("Stoke-on-Trent" is a name).
_PHRASE_INNER = LazyPattern(r"-(?<=[a-z]-)[a-z]{1,4}-[a-z]")
_PHRASE = LazyPattern(r"(?<![\w\-\u2010\u2011])[A-Za-z][a-z]{0,15}(?:-[a-z]{1,15}){2,3}(?![\w\-\u2010\u2011])")
# The word after a compound, on its line or the next, past an abbreviation in parentheses ("like-for-like (LFL)
# sales").
_PHRASE_FOLLOWER = LazyPattern(r"(?:[ \t]+\([^()\n]{1,15}\))?(?:[ \t]+|[ \t]*\n[ \t]*)([a-z]+)(?![\w\-\u2010\u2011])")
_LETTERS_AND_HYPHENS = LazyPattern(r"[A-Za-z\-]*")
_PHRASE_BLANKS = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
# Inner words whose open form may be a phrase of its own, matched only before the same noun in the same number.
_JOINING_INNER = frozenset({"and", "or", "to"})


def phrase_forms(prose: str) -> list[Forms]:
    """Every hyphenated compound of three or four words that the document also writes open before the same noun.

    ``buy-to-let landlords`` beside ``buy to let landlords``, ``like-for-like (LFL) sales`` beside ``Like for like
    sales``: before a noun that a hyphenated place modifies too, the open form does the same job. Elsewhere the
    open words are often a phrase of their own ("from ship to shore", "keep it up to date"), and are not counted.
    The noun may be singular at one place and plural at the other ("week-over-week changes", "the week over week
    change"), unless an inner word is "and", "or" or "to" (``_JOINING_INNER``).
    """
    places: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    last = -1
    for inner in _PHRASE_INNER.finditer(prose):
        start = inner.start()
        if start < last:
            continue
        while start > 0 and (prose[start - 1].isalpha() or prose[start - 1] == "-"):
            start -= 1
        # The rest of the run is passed over whether or not it is a compound ("a-very-long-url-slug" is looked at
        # once, not from each of its inner words).
        last = _LETTERS_AND_HYPHENS.match(prose, inner.end()).end()
        match = _PHRASE.match(prose, start)
        if match is None or match.end() < inner.end():
            continue
        words = tuple(match.group().lower().split("-"))
        places.setdefault(words, []).append(match.span())
    found = []
    for words, hyphenated in places.items():
        # The noun after it; singular or plural when the words are a measure's ("week-over-week changes", "the week
        # over week change"), not where open words joined by "and", "or" or "to" may be a phrase of their own ("the
        # extension and suffix nodes", "from a weak to strong reference").
        stem = str if not _JOINING_INNER.isdisjoint(words[1:-1]) else _stem
        followers = {stem(m.group(1)) for _, end in hyphenated if (m := _PHRASE_FOLLOWER.match(prose, end)) and m.group(1) not in FUNCTION_WORDS}
        if not followers:
            continue
        first, *others = words
        # Most compounds are never written open: the words with a space between ("buy to let", "Buy to let") are
        # looked for first. (An open form is found only where one of its places is written so; the search below
        # then finds those broken over two lines too.)
        spaced = " ".join(others)
        if f"{first} {spaced}" not in prose and f"{first.capitalize()} {spaced}" not in prose:
            continue
        # The first letter in either case, then the look-behind: a pattern that opens with a character class is
        # searched for by skipping to it; one that opens with a look-behind, tried at every character.
        initial = f"[{first[0]}{first[0].upper()}]"
        head = f"{initial}(?<![\\w\\-\u2010\u2011]{initial}){first[1:]}"
        pattern = re.compile(rf"{head}{_PHRASE_BLANKS}{_PHRASE_BLANKS.join(others)}(?![\w\-\u2010\u2011])")
        opened = []
        for match in pattern.finditer(prose):
            after = _PHRASE_FOLLOWER.match(prose, match.end())
            if after is not None and stem(after.group(1)) in followers:
                opened.append(match.span())
        if opened:
            found.append(Forms(words[0], words[1], hyphenated=hyphenated, open=opened, rest=words[2:]))
    return found


def _stem(noun: str) -> str:
    """A noun without a plural's "s" (``changes`` -> ``change``; ``gas`` as it is)."""
    return noun[:-1] if len(noun) > 3 and noun.endswith("s") and not noun.endswith("ss") else noun


# The hyphens a compound is written with (``_COMPOUND``), and that join a run of word characters.
HYPHENS = "-\u2010\u2011"


def chunk_compounds(chunk: str) -> tuple[tuple[str, str], ...]:
    """The (first, second) words of every run of a whitespace-separated chunk that is a lower-case
    hyphenated compound (a run never crosses whitespace)."""
    if "-" not in chunk and "\u2010" not in chunk and "\u2011" not in chunk:
        return ()
    return tuple(pair for pair in _COMPOUND.findall(chunk) if pair[0] != "a" and (pair[0] != "re" or _vowel_re(pair[1])))


def _vowel_re(second: str) -> bool:
    """Whether ``re-`` before ``second`` is only a prefix, its hyphen a choice of style (``re-elect`` /
    ``reelect``, ``re-use`` / ``reuse``): before a vowel it parts the two vowels, where before a consonant it
    often makes another word (``re-cover`` / ``recover``, ``re-sign`` / ``resign``; ``re-act`` / ``react``)."""
    return second[0] in "aeiou" and second != "act"


class _Runs:
    """Membership of lower-case words among the runs of word characters and hyphens of a text."""

    def __init__(self, prose: str, chunks: AbstractSet[str]) -> None:
        self.prose = prose
        self.chunks = chunks
        self.runs: set[str] | None = None

    def list_all(self) -> set[str]:
        """Every run of the text, gathered from its chunks (a run never crosses whitespace): a
        chunk of letters and digits is one run, and only the others are searched."""
        chunks = self.chunks
        runs = set(filter(str.isalnum, chunks))
        rest = chunks - runs
        if rest:
            runs.update(_RUN.findall("\n".join(rest)))
        self.runs = runs
        return runs

    def __contains__(self, word: str) -> bool:
        # A chunk that is the word is a run of its own (the usual case); else the word's
        # occurrences are tested one by one, and past a few the text's runs are listed once.
        if word in self.chunks:
            return True
        if self.runs is not None:
            return word in self.runs
        prose = self.prose
        size = len(word)
        length = len(prose)
        at = prose.find(word)
        tries = 0
        while at != -1:
            end = at + size
            if at:
                before = prose[at - 1]
                joined = before.isalnum() or before == "_" or before in HYPHENS
            else:
                joined = False
            if not joined:
                if end == length:
                    return True
                after = prose[end]
                if not (after.isalnum() or after == "_" or after in HYPHENS):
                    return True
            tries += 1
            if tries == _TRIES:
                return word in self.list_all()
            at = prose.find(word, at + 1)
        return False


_TRIES = 16
_MANY = 24


def _joins(char: str) -> bool:
    """Whether a character can be part of a run: a word character or a hyphen."""
    return char.isalnum() or char == "_" or char in HYPHENS


def lone_spans(prose: str, head: str, tail: str, hyphens: str = HYPHENS) -> list[tuple[int, int]]:
    """The spans where ``head + tail`` stands as a whole run; a ``head`` ending in "-" stands for
    any of the three hyphens (``hyphens``: those of them that ``prose`` holds, when the caller
    knows). Found with str.find: no pattern to compile for each compound."""
    heads = tuple(head[:-1] + hyphen for hyphen in hyphens) if head.endswith("-") else (head,)
    out: list[tuple[int, int]] = []
    length = len(prose)
    for one in heads:
        word = one + tail
        size = len(word)
        at = prose.find(word)
        while at != -1:
            end = at + size
            if not (at and _joins(prose[at - 1])) and not (end < length and _joins(prose[end])):
                out.append((at, end))
            at = prose.find(word, at + 1)
    if len(heads) > 1:
        out.sort()
    return out


def _pair_spans(prose: str, first: str, second: str) -> list[tuple[int, int]]:
    """The spans of ``first``, spaces or tabs, ``second`` where both stand as whole runs, overlapping ones included."""
    if len(first) < 3:  # a short word recurs inside many words: the pattern's search is faster
        pattern = re.compile(rf"{first}(?<![\w\-\u2010\u2011]{first})[ \t]+{second}(?![\w\-\u2010\u2011])")
        spans: list[tuple[int, int]] = []
        match = pattern.search(prose)
        while match is not None:
            spans.append(match.span())
            match = pattern.search(prose, match.start() + 1)
        return spans
    out: list[tuple[int, int]] = []
    length = len(prose)
    size = len(first)
    at = prose.find(first)
    while at != -1:
        if not (at and _joins(prose[at - 1])):
            gap = at + size
            after = gap
            while after < length and prose[after] in " \t":
                after += 1
            if after > gap and prose.startswith(second, after):
                end = after + len(second)
                if not (end < length and _joins(prose[end])):
                    out.append((at, end))
        at = prose.find(first, at + 1)
    return out
