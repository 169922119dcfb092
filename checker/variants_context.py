"""Context that makes two spellings one name when the words alone cannot: for NAM001.

A surname or place name that is also an English word ("Marlow", "Browne",
"Thomson") is exempt from the plain near-miss search, which would otherwise
pair every two words a letter apart. Written inside a recurring multi-word
proper name, the rest of the name is the evidence: "Marlowe Springs" three
times and "Marlow Springs" once in one document, "Maria Thompson" and
"Maria Thomson" in one story. Such a pair is compared only within a document
that writes both forms, capitalised mid-sentence, the rarer next to the more
frequent, and the word must not be a common English word (Zipf below
``WORDLIKE_MAX_ZIPF``): "World Cup" / "World Cap" stay two phrases.

A legal name ("Example Holdings plc", "Example Group S.A.", "Example
Capital Inc") is written one way by the company itself, so two forms of it
that differ in one word are a variant even when the words differ by an
ending ("Holdings" / "Holding") or are ordinary words.
"""

from __future__ import annotations

from checker.variants_data import Forms, Occurrence

WORDLIKE_MAX_ZIPF = 4.0
# Legal forms of companies, folded and without full stops.
LEGAL_FORMS = frozenset(
    """
    inc incorporated ltd limited plc llc llp lp corp corporation co gmbh ag se sa nv bv asa ab oyj
    spa sas kk pte bhd pty srl sarl a/s
    """.split()
)


def legal_name(folded: str) -> bool:
    """Whether a folded multi-word name ends in a legal form ("example holdings plc")."""
    words = folded.split()
    return len(words) >= 2 and words[-1].replace(".", "") in LEGAL_FORMS


def same_document(variant: Forms, reference: Forms) -> tuple[list[Occurrence], list[Occurrence]]:
    """The occurrences of two forms in the documents that write both (empty when none does)."""
    v_occ = [o for occ in variant.values() for o in occ]
    r_occ = [o for occ in reference.values() for o in occ]
    shared = {o.sheet for o in v_occ} & {o.sheet for o in r_occ}
    return [o for o in v_occ if o.sheet in shared], [o for o in r_occ if o.sheet in shared]
