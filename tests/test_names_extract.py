"""The names extractor (checker.extract.names) and the name comparison helpers (checker.namecompare)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import namecompare
from checker.document import Document
from checker.extract import name_tokens, names
from checker.facts import FactSheet
from checker.readers import read_document
from checker.rules import acronym_variants
from checker.testing import settings_from


def sheet_of(text: str, path: str = "doc.txt") -> FactSheet:
    doc, _ = read_document(path, text.encode("utf-8"))
    sheet = FactSheet(path=path, format=doc.format, names=[], acronyms=[], aliases=[])
    names.extract(doc, sheet, settings_from())
    return sheet


def definitions(text: str) -> dict[str, str]:
    return {d.short: d.long for d in sheet_of(text).acronyms}


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        ("Coverage on China's National Reimbursement Drug List (NRDL) helped.", "NRDL", "National Reimbursement Drug List"),
        ("NRDL (National Reimbursement Drug List) coverage helped.", "NRDL", "National Reimbursement Drug List"),
        ("patients with chronic-phase chronic myeloid leukemia (CP CML) resistant", "CP CML", "chronic-phase chronic myeloid leukemia"),
        ('the Center for Drug Evaluation (the "CDE") of the agency', "CDE", "Center for Drug Evaluation"),
        (
            "the National Medical Products Administration of the People's Republic of China (the \u201cNMPA\u201d) has",
            "NMPA",
            "National Medical Products Administration of the People's Republic of China",
        ),
        ("He led Cincinnati Bell Technology Solutions Inc. (CBTS) until 2012.", "CBTS", "Cincinnati Bell Technology Solutions Inc."),
        ("Several tyrosine kinase inhibitors (TKIs) are approved.", "TKIs", "tyrosine kinase inhibitors"),
    ],
)
def test_schwartz_hearst_definitions(text, short, long):
    assert definitions(text)[short] == long


def test_definition_offsets_point_at_both_forms():
    text = "Coverage on the National Reimbursement Drug List (NRDL) helped."
    (definition,) = sheet_of(text).acronyms
    assert text[definition.short_start : definition.short_end] == "NRDL"
    assert text[definition.long_start : definition.long_end] == "National Reimbursement Drug List"
    assert text[definition.start : definition.end] == "National Reimbursement Drug List (NRDL)"


def test_odd_parentheses_do_not_crash_or_invent_definitions():
    found = definitions("In intermediate and higher-risk (HR-) MDS, no therapy. Revenue (in millions) rose (see Note 5). ()")
    assert set(found) <= {"HR"}
    assert definitions("The drug (Trial) and the policy (No. 82 of 2020) apply.") == {}


def test_no_definition_when_letters_do_not_match():
    assert definitions("We launched the product in Europe (ABC) last year.") == {}


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Olverembatinib (HQP1351) was recommended.", "Olverembatinib", "HQP1351"),
        ("the novel drug Olverembatinib (the determined English common name of HQP1351) of", "Olverembatinib", "HQP1351"),
        ('Ascentage Pharma Group International (the "Company") announced', "Ascentage Pharma Group International", "Company"),
        ("the first-generation inhibitor imatinib (GLEEVEC\u00ae), and", "imatinib", "GLEEVEC"),
    ],
)
def test_aliases(text, name, alias):
    assert [(a.name, a.alias) for a in sheet_of(text).aliases] == [(name, alias)]


def test_parentheses_that_are_not_aliases():
    assert sheet_of("QUARTERLY FINANCIAL INFORMATION (UNAUDITED) and CAPITAL (Cont.)").aliases == []


@pytest.mark.parametrize(
    "text",
    [
        "Records are no longer supported by CloudFlare (https://example.com/pull/7782).",  # a link
        "See the Example Portal (www.example.com/Forms) for the forms.",
    ],
)
def test_links_are_not_aliases(text):
    assert sheet_of(text).aliases == []


def test_mentions_kinds_possessives_and_plurals():
    text = "We met Pfizer's team about APG-2575 and two TKIs; venetoclax sales grew at Ascentage Pharma."
    sheet = sheet_of(text)
    found = {(m.text, m.kind) for m in sheet.names}
    assert ("Pfizer", "word") in found
    assert ("APG-2575", "code") in found
    assert ("TKIs", "acronym") in found
    assert ("venetoclax", "drug") in found
    assert ("Ascentage Pharma", "phrase") in found
    for mention in sheet.names:
        assert text[mention.start : mention.end] == mention.text


def test_code_identifiers_are_not_names():
    sheet = sheet_of("Call os.path.join or my_function() and getattr(obj) on sys.stdout today.")
    assert {m.text for m in sheet.names} == set()


def test_initial_and_heading_flags():
    text = "Ascentage Products\n\nImatinib works. Patients took imatinib and Gleevec daily.\n"
    by_text = {m.text: m for m in sheet_of(text).names}
    assert by_text["Imatinib"].initial and not by_text["Imatinib"].heading
    assert not by_text["Gleevec"].initial
    assert by_text["Ascentage"].heading


def test_all_capital_headline_is_not_acronyms():
    by_text = {m.text: m for m in sheet_of("Results were strong.\n\nNOTES TO THE CONSOLIDATED FINANCIAL STATEMENTS\n").names}
    assert by_text["NOTES"].heading


@pytest.mark.parametrize(
    ("variant", "anchor", "slip"),
    [
        ("NRDLC", "NRDL", "'C' added"),
        ("NRD", "NRDL", "'L' dropped"),
        ("OOR", "ORR", "doubled letter moved"),
        ("NDRL", "NRDL", "two letters swapped"),
        ("CML", "CLL", None),
        ("ALK", "ALL", None),
        ("AML", "ALL", None),
        ("MDS", "MRD", None),
        ("CL", "CLL", None),
        ("IDNC", "IDMC", "'M' typed as its neighbouring key 'N'"),
        ("IDQC", "IDMC", None),
        ("IDMF", "IDMC", "'C' typed as its neighbouring key 'F'"),
        ("CIU", "CIH", None),
    ],
)
def test_acronym_slips(variant, anchor, slip):
    assert acronym_variants.acronym_slip(variant, anchor) == slip


def test_a_swapped_acronym_that_spells_a_rarer_word_is_a_slip_when_written_once() -> None:
    from checker.testing import lint_sources

    text = (
        "Results\n\nOn-time performance (OTP) was 88.4%. OPT at Cork, the busiest base, reached 91.0%. OTP at Shannon fell.\n\n"
        "Average daily rate (ADR) rose 3.9%. In January, Group ARD is running 2% ahead.\n\n"
        "A third-party administrator (TPA) pays claims. Press TAP to pay.\n"
    )
    found = {(d.line, d.message.split("'")[1]) for d in lint_sources({"a.md": text}).diagnostics if d.rule == "NAM002"}
    # "OPT" and "ARD" (rarer words) once each: slips. "TAP" (a common word) stays a word of its own.
    assert found == {(3, "OPT"), (5, "ARD")}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("inhibitor", "inhibitors", True),
        ("subclassed", "subclasses", True),
        ("hematologic", "hematological", True),
        ("tokenize", "tokenizer", True),
        ("deloitte", "deloittd", False),
        ("lisafoclax", "lisaftoclax", False),
        ("livermore", "livermor", False),
        # One stem with two English endings: an adverb and its adjective, a noun and its verb or adjective.
        ("mutable", "mutably", True),
        ("extensibly", "extensible", True),
        ("idempotent", "idempotence", True),
        ("idempotently", "idempotency", True),
        ("deallocator", "deallocate", True),
        ("instantiable", "instantiate", True),
        ("parenthesis", "parenthesize", True),
        # Slips that look like such endings: the vowel changes, or the stems differ.
        ("independant", "independent", False),
        ("existance", "existence", False),
        ("noticiable", "noticeably", False),
        ("dereferencable", "dereferenceable", False),
        ("scalabilty", "scalability", False),
        ("ably", "able", False),  # no stem
    ],
)
def test_suffix_variants(a, b, expected):
    assert namecompare.suffix_variants(a, b) is expected


def test_drug_stems():
    assert namecompare.drug_stem_pair("venetoclax", "navitoclax")
    assert namecompare.drug_stem_pair("imatinib", "nilotinib")
    assert not namecompare.drug_stem_pair("lisafoclax", "lisaftoclax")
    assert not namecompare.drug_stem_pair("olverembatinib", "olverembatnib")


def test_british_and_american_spellings():
    assert namecompare.spelling_standard("amortisation") == namecompare.spelling_standard("amortization")
    assert namecompare.spelling_standard("colour") == namecompare.spelling_standard("color")
    assert namecompare.spelling_standard("haematology") == namecompare.spelling_standard("hematology")
    assert namecompare.spelling_standard("lisafoclax") != namecompare.spelling_standard("lisaftoclax")


def test_curated_acronyms_load():
    known = acronym_variants.known_acronyms()
    assert {"FDA", "NMPA", "CML", "CLL", "ALL", "ALK", "GAAP", "NYSE"} <= known
    assert "NRDLC" not in known


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("aAbBcC xyzXYZ()-'\u2019.,;\n\"0123_") + ["NRDL", "Lisafoclax", "(the ", "name of "]), max_size=80))
def test_extraction_never_crashes_and_offsets_hold(pieces):
    text = "".join(pieces)
    sheet = sheet_of(text)
    for mention in sheet.names:
        written = text[mention.start : mention.end]
        # A name wrapped across a soft line break is one name: its text reads the break as a space,
        # and a word hyphenated at the line end as one word (checker/extract/name_wraps.py).
        assert mention.text in (written, re.sub(r"[ \t]*\n[ \t]*", " ", written), re.sub(r"-\n[ \t]*", "", written))
    for definition in sheet.acronyms:
        assert 0 <= definition.start <= definition.short_start < definition.short_end <= definition.end <= len(text)


def test_a_name_wrapped_across_a_soft_line_break_reads_the_break_as_a_space():
    # Found by the property test above: a long line ending in a letter, and the name going on after the break.
    text = "a,1BcB\nNRDLname of name of x),byZ,2name of NRDL);Azc\nB"
    wrapped = [m for m in sheet_of(text).names if "\n" in text[m.start : m.end]]
    assert [(text[m.start : m.end], m.text) for m in wrapped] == [("Azc\nB", "Azc B")]


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Annual Report of the Board", True),
        ("  Results and Outlook 2024 \t", True),  # blanks around it
        ("R&D & Sales", True),
        ("One Two Three Four Five Six Seven Eight", True),
        ("One Two Three Four Five Six Seven Eight Nine", False),  # nine words
        ("Results were strong", False),  # a lower-case word that is no connector
        ("the Results", False),  # opens with a lower-case word
        ("& Results", False),  # opens with neither a capital nor a digit
        ("Notes to the Accounts.", False),  # closing punctuation
        ("Results (Unaudited)", False),
        ("Results\u00a0Overview", True),  # any blank but a line feed parts words, as str.split does
        ("Abcdefghij" * 8 + "x", False),  # longer than 80 characters
        ("Abcdefghij" * 8, True),
        ("  " + "Abcdefghij" * 8, True),  # the leading blanks do not count
        ("Annual\rReport", False),  # a carriage return inside the line
    ],
)
def test_heading_lines(line, heading):
    for before in ("", "Some prose.\n"):
        prose = f"{before}{line}\nMore prose here.\n"
        expected = [(len(before), len(before) + len(line))] if heading else []
        assert names._heading_lines(prose) == expected


@pytest.mark.parametrize(
    ("chunk", "rare"),
    [
        ("venetoclax", ("venetoclax",)),
        ("(venetoclax),", ("venetoclax",)),  # punctuation around one token
        ("\u201cvenetoclax\u201d", ("venetoclax",)),
        ("venetoclax's", ("venetoclax's",)),  # a possessive (the token keeps it)
        ("venetoclax/imatinib", ("venetoclax", "imatinib")),
        ("_venetoclax", ("venetoclax",)),
        ("venetoclax_x", ()),  # an identifier
        ("Venetoclax,", ()),  # capitalised: the token scan's business
        ("(therefore),", ()),  # a common word
        ("(clax),", ()),  # too short
        ("year-over-year", ()),  # a compound of common words
    ],
)
def test_rare_tokens_of_a_chunk(chunk, rare):
    assert name_tokens._chunk_rare_tokens(chunk) == rare


@pytest.mark.parametrize(
    ("line", "neutral"),
    [
        ("(1) NOTES TO THE CONSOLIDATED STATEMENTS.", True),  # figures and punctuation before the capitals
        ("1.2 - NOTES TO THE CONSOLIDATED STATEMENTS.", True),
        ("\u00e9 NOTES TO THE CONSOLIDATED STATEMENTS.", True),  # a letter beyond ASCII is no lower-case a-z
        ("(1) NOTES to THE CONSOLIDATED STATEMENTS.", False),  # a lower-case word
        ("(1) A NOTE, 2 B.", False),  # fewer than eight capitals
    ],
)
def test_all_capital_lines_are_neutral(line, neutral):
    prose = f"Results were strong.\n{line}\nMore results.\n"
    span = (21, 21 + len(line))
    assert (span in names._neutral_lines(Document("doc.txt", prose))) == neutral


@pytest.mark.parametrize("ascii_only", [True, False])
def test_marked_tokens_take_inner_joining_marks_only(ascii_only):
    text = "The Rolls-Royce and O'Brien's co-Founder- X--Y A'"
    expected = [(0, "The"), (4, "Rolls-Royce"), (20, "O'Brien's"), (30, "co-Founder"), (42, "X"), (45, "Y"), (47, "A")]
    if not ascii_only:  # the pattern for texts beyond ASCII
        text += " B\u2019 \u00c9cole"
        expected += [(50, "B"), (53, "\u00c9cole")]
    assert text.isascii() == ascii_only
    assert name_tokens._marked_tokens(text) == expected
    assert name_tokens._TOKEN.findall("--co-op's- x_y") == ["co-op's", "x_y"]


@pytest.mark.parametrize("filler", [0, 1])  # with few rare words each is searched in the text; with many, in its chunks
def test_rare_words_are_found_wherever_they_stand(filler):
    text = "Then venetoclax and venetoclax, (venetoclax) caf\u00e9 x-venetoclax venetoclaxes avapritinib.\n"
    text += " ".join(["zorbulite", "quenvarix", "triplumab", "oxadrine", "feltuzumab", "glarvidex"][: 6 * filler]) + "\n"
    places = [m.start for m in sheet_of(text).names if m.text == "venetoclax"]
    assert places == [5, 20, 33]  # "x-venetoclax" is a token of its own


@pytest.mark.parametrize("ascii_only", [True, False])
def test_entities_are_the_capitalised_words_written_mid_sentence(ascii_only):
    text = (
        "The deal, said Roger Bennett. Then Acme's boss met the Foo-bar team and the Ab group at a McDonald site in"
        " Paris2, on lunch, Monday. We call Foo(x), use Abc'd_e and Abc_def, said\tTabbed. The Barco- and"
        " Dexa-based firms visit Quux.com."
    )
    if not ascii_only:  # the token search for texts beyond ASCII
        text += " Not in \u00c9ire and Z\u00fcrich."
    # After a lower-case letter or a comma and one blank, three ASCII letters or more with no word character or
    # hyphen after them, whatever the token scan makes of the word ("Foo(x)" is a call, "Abc'd_e" an identifier,
    # "Quux.com" a dotted name).
    assert sheet_of(text).entities == ["Abc", "Acme", "Bennett", "Foo", "McDonald", "Monday", "Quux", "Roger"]


@pytest.mark.parametrize("filler", [0, 1])  # each rare word searched in the text, or in its chunks
def test_a_rare_word_beyond_ascii_is_one_mention(filler):
    # "z\u00fcrichoise" is a marked token (a letter beyond a-z) and a rare lower-case word: one mention, not two.
    text = "Then the z\u00fcrichoise method and (z\u00fcrichoise) again.\n"
    text += " ".join(["zorbulite", "quenvarix", "triplumab", "oxadrine", "feltuzumab", "glarvidex"][: 6 * filler]) + "\n"
    assert [m.start for m in sheet_of(text).names if m.text == "z\u00fcrichoise"] == [9, 32]


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("We met the Bank of England today.", ["Bank of England"]),
        ("We met the Bank von England today.", ["Bank von England"]),
        ("We met the Bank  of England today.", []),  # two blanks before the connector
        ("We met the Bank and England today.", []),  # not a connector
        ("We met the Bank with the England today.", []),
        ("We met the Bank England today.", ["Bank England"]),
        # A long line of prose wrapped after the connector, or before the name: the break reads as a blank.
        ("Yesterday we went to see the people who work at the Bank of\nEngland.", ["Bank of England"]),
        ("Yesterday we went to see the people who work at the Bank\nof England.", ["Bank of England"]),
        ("Yesterday we went to see the people who work at the Bank\nEngland.", ["Bank England"]),
        ("Bank of\nEngland", []),  # a short line: the break ends it
    ],
)
def test_phrase_runs_go_on_over_one_blank_or_a_connector(text, phrases):
    assert [m.text for m in sheet_of(text).names if m.kind == "phrase"] == phrases


def test_the_rare_word_memo_tells_which_chunks_hold_rare_words_judging_each_chunk_once():
    judged: list[str] = []

    def judge(chunk: str) -> tuple[str, ...]:
        judged.append(chunk)
        return tuple(w for w in chunk.strip("(),").split("/") if w.startswith("x"))

    memo = name_tokens.ChunkMemo(100)
    assert memo.held(frozenset({"xa,", "b", "(xc/xd)"}), judge) == {"xa,": ("xa",), "(xc/xd)": ("xc", "xd")}
    assert memo.held(frozenset({"xa,", "b", "e"}), judge) == {"xa,": ("xa",)}
    assert sorted(judged) == ["(xc/xd)", "b", "e", "xa,"]


@pytest.mark.parametrize(
    "text",
    [
        "Interview With Co-Founder And CEO About The Global Plan",
        "The start. Then xThe The\tOf-Into Into  Its\tAn A\nAre Is",
        "Between In Under. Over, After (For) From By At As Our To On The",
        "\u00c9cole Of The Arts \u2014 An \u00e9t\u00e9 In Paris A",
    ],
)
def test_title_words_are_the_capitalised_function_words_between_blanks(text):
    # What a search for the words themselves finds, with the blank before each checked.
    pattern = re.compile(r"(?:" + "|".join(sorted(name_tokens.TITLE_WORDS, key=len, reverse=True)) + r")(?=[ \t])")
    expected = [m.start() for m in pattern.finditer(text) if m.start() and text[m.start() - 1] in " \t"]
    assert expected  # the case holds some
    assert name_tokens.title_words(text) == expected


def test_an_adverb_beside_its_adjective_is_not_a_variant_but_a_slip_still_is():
    from checker.testing import lint_sources

    text = (
        "# Borrowing\n\nA mutable reference is borrowed mutably. Each mutable value is checked. The mutable "
        "borrow ends here. A dereferenceable pointer is safe; a dereferenceable handle too, and every "
        "dereferenceable slot. Only a dereferencable one is odd.\n"
    )
    found = [(d.rule, d.message) for d in lint_sources({"doc.md": text}, select=["NAM001"]).diagnostics]
    assert not any("mutably" in message for _, message in found), found
    assert any("'dereferencable'" in message for _, message in found), found


def _nam001(pages: dict[str, str]) -> list[str]:
    """The messages of NAM001's findings on these documents."""
    from checker.testing import lint_sources

    return [d.message for d in lint_sources(pages, select=["NAM001"]).diagnostics]


def test_a_name_a_page_is_titled_with_is_not_a_variant_of_another_name():
    pages = {
        "pnmenlarge.md": "# pnmenlarge\n\n> Enlarge a PNM image. Superseded by a newer command.\n",
        "pamenlarge.md": "# pamenlarge\n\n> Enlarge a PAM image.\n\n- Enlarge twice: `pamenlarge 2 in.pam`\n",
        "notes.md": "# Notes\n\nWe used pamenlarge for the icons. Then pamenlarge again for the banner.\n",
    }
    found = _nam001(pages)
    assert not any("'pnmenlarge'" in message for message in found), found
    # A slip of a titled name is still reported: the title makes the name, not its neighbours, right.
    pages["notes.md"] += "Last, pamenlagre shrank the logo.\n"
    found = _nam001(pages)
    assert any("'pamenlagre'" in message for message in found), found
    assert not any("'pnmenlarge'" in message for message in found), found


def test_a_title_is_a_name_only_when_the_first_block_is_a_heading_that_is_the_name_alone():
    from checker.extract import names
    from checker.facts import FactSheet
    from checker.readers import read_document

    def title(text: str) -> str:
        doc, _ = read_document("page.md", text.encode())
        sheet = FactSheet(path="page.md", format="markdown")
        names.extract(doc, sheet, None)
        return sheet.title

    assert title("# pnmenlarge\n\nText.\n") == "pnmenlarge"
    assert title("---\ntitle: x\n---\n# Out-File\n\nText.\n") == "Out-File"
    assert title("# Using pnmenlarge\n\nText.\n") == ""
    assert title("Some text first.\n\n# pnmenlarge\n") == ""
    assert title("pnmenlarge\n\nText.\n") == ""


def test_a_lower_case_page_title_says_nothing_of_a_names_capitals():
    pages = {
        "gitlab.md": "# gitlab\n\n> Interact with GitLab from the command line.\n",
        "glab.md": "# glab\n\n> Work with GitLab issues. GitLab is a forge; GitLab runs CI.\n\n- Open Gitlab in a browser.\n",
    }
    found = _nam001(pages)
    assert any("'Gitlab'" in message for message in found), found
    # Nor does a capitalised one: the page's title is styled as headings are.
    pages["gitlab.md"] = pages["gitlab.md"].replace("# gitlab", "# Gitlab")
    found = _nam001(pages)
    assert any("'Gitlab'" in message for message in found), found


def test_a_title_with_its_own_hyphens_declares_them_against_the_same_letters_joined():
    pages = {
        "out-file.md": "# Out-File\n\n> Send output to a file. Out-File writes text.\n",
        "notes.md": "# Notes\n\nThe OutFile parameter names the file. OutFile is required. OutFile takes a path.\n",
        "other.md": "# Other\n\nUse Out-File for text; OutFile is the parameter of the other command.\n",
    }
    found = _nam001(pages)
    assert not any("'Out-File'" in message for message in found), found
