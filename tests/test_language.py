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
KOREAN = "이 안내서는 프로젝트에 기여하는 단계를 요약합니다. 모든 기여자는 커뮤니티의 질문에 답하고 저장소에 제안된 변경 사항을 검토할 수 있습니다. " * 8
JAPANESE = "このガイドはプロジェクトに貢献する手順をまとめたものです。各貢献者はコミュニティの質問に答え、リポジトリで提案された変更を確認できます。" * 8
CHINESE = "本指南总结了为项目做出贡献的步骤。每位贡献者都可以回答社区的问题，并审查仓库中提出的更改。" * 8
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


def test_korean_japanese_and_chinese_are_told_by_their_scripts():
    assert language.other_language(KOREAN.split()) == "ko"
    assert language.other_language(JAPANESE.split()) == "ja"
    assert language.other_language(CHINESE.split()) == "zh"
    # English terms among them do not make the page English; a few names in those scripts do not make English prose theirs.
    assert language.other_language(("Pull Request " + KOREAN + " GitHub Kubernetes ").split()) == "ko"
    assert language.other_language((ENGLISH + "The team met 김민준 and 田中太郎 in 北京.").split()) == ""
    assert language.other_language(KOREAN.split()[:5]) == ""  # too few letters to tell


def test_names_are_not_compared_in_a_page_in_another_language():
    pages = {
        "guia.md": "# Guía\n\n" + SPANISH + "Podemos responder o responderá el equipo de Brightwater.\n",
        "guide.md": "# Guide\n\n" + ENGLISH + "Brightwater and Brightwatter reviewed the Quorvantix results.\n",
        "notes.md": "# Notes\n\nQuorvantix is well tolerated at Brightwater. Quorvantix was approved.\n",
    }
    found = [d.message for d in lint_sources(pages, select=["NAM001"]).diagnostics]
    assert not any("responder" in message for message in found), found
    assert any("'Brightwatter'" in message for message in found), found
