"""Write checker/language_words.py: the commonest words of English and of the languages ``checker.language`` tells
apart, from wordfreq's own lists (a table kept in the package, so that a run loads no word list of another language).

    python scripts/make_language_words.py

tests/test_language.py checks that the table is what the installed wordfreq gives.
"""

from __future__ import annotations

from pathlib import Path

import wordfreq

from checker.language import CANDIDATES, TOP

OUT = Path(__file__).resolve().parents[1] / "checker" / "language_words.py"


def table() -> dict[str, tuple[str, ...]]:
    return {language: tuple(wordfreq.top_n_list(language, TOP)) for language in ("en", *CANDIDATES)}


def main() -> None:
    lines = [
        '"""The commonest words of English and of the languages ``checker.language`` tells apart."""',
        "",
        "# Made by scripts/make_language_words.py from wordfreq's lists: do not edit by hand.",
        "COMMON = {",
    ]
    for language, words in table().items():
        # The words as one string split at spaces (no word holds one), in lines of at most 100 characters.
        pieces: list[str] = []
        for word in words:
            if pieces and len(pieces[-1]) + len(word) < 100:
                pieces[-1] += word + " "
            else:
                pieces.append(word + " ")
        lines.append(f'    "{language}": frozenset(')
        lines.extend(f'        "{piece}"' for piece in pieces)
        lines.append("        .split()")
        lines.append("    ),")
    lines.append("}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
