"""The encoding rules on real text in many languages and scripts: no false alarms.

Garbled-text and mojibake detection are statistical, so they are tried on
text in every language wordfreq knows (its most frequent words, which
nobody wrote for this project, strung into sentences), on the Chinese,
Japanese and Korean sample texts of CPython's own codec tests, and on the
translated GnuPG help files when the system has them.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from checker.extract.garbled import garbled_runs
from checker.extract.unicode_chars import info, script_of
from checker.testing import lint

CJK_SAMPLES = Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "test" / "cjkencodings"
GNUPG_HELP = Path("/usr/share/gnupg")


def _languages() -> list[str]:
    import wordfreq

    return sorted(wordfreq.available_languages())


def _pseudo_text(language: str) -> str:
    import wordfreq

    words = wordfreq.top_n_list(language, 3000)
    rng = random.Random(language)
    sentences = [" ".join(rng.choice(words) for _ in range(rng.randint(5, 15))) + "." for _ in range(150)]
    return "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))


@pytest.mark.parametrize("language", _languages())
def test_no_garbled_text_or_mojibake_in_real_words_of_any_language(language):
    text = _pseudo_text(language)
    found = lint(text, select=["ENC002", "ENC003", "ENC004", "ENC006", "ENC008"])
    assert found == [], [(d.rule, d.message) for d in found[:5]]


@pytest.mark.skipif(not CJK_SAMPLES.is_dir(), reason="CPython's test data is not installed")
def test_cpython_cjk_samples_are_clean():
    samples = sorted(CJK_SAMPLES.glob("*-utf8.txt"))
    assert samples
    for sample in samples:
        text = sample.read_text(encoding="utf-8")
        assert lint(text, select=["ENC"]) == [], sample.name


@pytest.mark.skipif(not GNUPG_HELP.is_dir(), reason="GnuPG's translated help is not installed")
def test_translated_gnupg_help_is_clean():
    helps = sorted(GNUPG_HELP.glob("help*.txt"))
    for path in helps:
        found = lint(path.read_text(encoding="utf-8"), select=["ENC"])
        assert found == [], (path.name, [(d.rule, d.message) for d in found[:3]])


@pytest.mark.parametrize(
    ("ch", "script", "kind"),
    [
        ("a", "Latin", "letter"),
        ("\u0430", "Cyrillic", "letter"),
        ("\u4e2d", "Han", "letter"),
        ("\u0301", "Inherited", "mark"),
        ("\u0d57", "Malayalam", "mark"),
        ("\u0a37", "Unknown", "unassigned"),
        ("\ue000", "Common", "private"),
        ("\ufffd", "Common", "replacement"),
        ("\u200d", "Common", "format"),
        ("1", "Common", "common"),
    ],
)
def test_character_info(ch, script, kind):
    assert (info(ch).script, info(ch).kind) == (script, kind)


def test_every_script_name_is_known_to_the_regex_module():
    # A name the regex module does not know would raise here.
    assert script_of("\u1000") == "Myanmar" and script_of("\U0001e900") == "Adlam"


def test_garbled_runs_bridge_short_gaps_but_not_words_or_paragraphs():
    garbage = "\u15b9\u06dc\u0d57\u0305\u104d\u0b23\u136c\u062c"
    assert len(garbled_runs(f"({garbage}'(27{garbage})")) == 1
    assert len(garbled_runs(f"({garbage}) and the ({garbage})")) == 2
    assert len(garbled_runs(f"({garbage})\n\n({garbage})")) == 2
