"""Telling prose in another language from English (checker.language), for the names rules."""

from __future__ import annotations

from checker import language
from checker.testing import lint_sources

SPANISH = (
    "Esta guía es un resumen de los pasos para contribuir al proyecto. Cada colaborador puede responder a las "
    "preguntas de la comunidad y revisar los cambios que se proponen en el repositorio. "
) * 8
ENGLISH = (
    "This guide is a summary of the steps to contribute to the project. Each contributor can answer the "
    "questions of the community and review the changes that are proposed in the repository. "
) * 8
ROSTER = " ".join(f"alice{n} bobsmith{n} carolj{n} dmitri{n}" for n in range(40))  # handles: no common words of any language


def test_the_commonest_words_are_those_wordfreq_gives():
    import wordfreq

    from checker.language_words import COMMON

    assert COMMON == {code: frozenset(wordfreq.top_n_list(code, language.TOP)) for code in ("en", *language.CANDIDATES)}


def test_prose_in_another_language_is_told_and_english_lists_and_short_texts_are_not():
    assert language.other_language(SPANISH.split()) == "es"
    assert language.other_language(ENGLISH.split()) == ""
    assert language.other_language(ROSTER.split()) == ""  # a list of names is not judged: checked as English
    assert language.other_language(SPANISH.split()[:50]) == ""  # too short to tell


def test_names_are_not_compared_in_a_page_in_another_language():
    pages = {
        "guia.md": "# Guía\n\n" + SPANISH + "Podemos responder o responderá el equipo de Brightwater.\n",
        "guide.md": "# Guide\n\n" + ENGLISH + "Brightwater and Brightwatter reviewed the Quorvantix results.\n",
        "notes.md": "# Notes\n\nQuorvantix is well tolerated at Brightwater. Quorvantix was approved.\n",
    }
    found = [d.message for d in lint_sources(pages, select=["NAM001"]).diagnostics]
    assert not any("responder" in message for message in found), found
    assert any("'Brightwatter'" in message for message in found), found
