"""Hostile-but-ordinary inputs: each kind at three sizes, timed as a whole process.

    python bench/hostile.py                        # every kind, three sizes each
    python bench/hostile.py --only md-links,names  # some kinds
    python bench/hostile.py --scale 0.5            # smaller files (2: larger)
    python bench/hostile.py --timeout 30           # seconds allowed per run

Every input is something real documents contain (a line of mojibake, a names
index, Markdown with many links or comments, invalid UTF-8...). Each size is
twice the one before, so a linear tool takes about twice as long at each step:
the "ratio" columns show the time at one size divided by the time at the size
before, after subtracting the start-up time of a run on an empty file. A ratio
above 2.5 is flagged SUPER-LINEAR (judged only where the smaller run takes 0.25 s
more than start-up: below that it is noise); a run over 5 s or past the timeout
is SLOW.
Inputs are generated deterministically, nothing is downloaded. Not a test:
figures depend on the machine.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

FACTLINT = [sys.executable, "-m", "checker", "--no-cache", "--exit-zero", "-q", "-f", "concise"]
SLOW_SECONDS = 5.0
SUPER_LINEAR = 2.5

_WORDS = (
    "the report shows that revenue grew in most regions while costs were held flat and the board "
    "expects margins to improve next year as the new plant comes on line and older lines close"
).split()


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _prose(size: int, seed: int, extra: Callable[[random.Random], str] | None = None, every: int = 0) -> list[str]:
    """Words of ordinary prose, ``size`` characters in all; ``extra`` inserted every ``every`` words."""
    rng = random.Random(seed)
    words: list[str] = []
    total = 0
    while total < size:
        word = extra(rng) if every and len(words) % every == every - 1 else rng.choice(_WORDS)
        if words and word == words[-1]:
            continue  # no doubled words: a doubled word is a finding, and ordinary prose has few
        words.append(word)
        total += len(word) + 1
    return words


def mojibake_line(size: int) -> bytes:
    """One line of repeated mojibake."""
    return (_repeat("cafÃ© â€“ ", size) + "\n").encode("utf-8")


def mojibake_words(size: int) -> bytes:
    """One long ASCII line with a mojibake word every 50 words."""
    damaged = ("MÃ¼nchen", "cafÃ©", "naÃ¯ve", "companyâ€™s", "SÃ£o")
    words = _prose(size, 1, lambda rng: rng.choice(damaged), 50)
    return (" ".join(words) + ".\n").encode("utf-8")


def md_links(size: int) -> bytes:
    """Markdown: one line of unclosed links."""
    return ("# Links\n\n" + _repeat("[a](", size) + "\n").encode("utf-8")


def md_comments(size: int) -> bytes:
    """Markdown: unclosed HTML comments."""
    return ("# Notes\n\nSome text " + _repeat("<!-- ", size) + "\n").encode("utf-8")


def paren_numbers(size: int) -> bytes:
    """One line of parenthesised numbers."""
    return (_repeat("see (12) and ", size) + "\n").encode("utf-8")


def invalid_utf8(size: int) -> bytes:
    """Prose with a byte that is not UTF-8 every 20 words, in lines of 12 words."""
    words = _prose(size, 2, lambda rng: rng.choice(("caf\udce9", "na\udcefve", "\udc93quoted\udc94")), 20)
    lines = [" ".join(words[i : i + 12]) for i in range(0, len(words), 12)]
    return "\n".join(lines).encode("utf-8", "surrogateescape") + b"\n"


def lf_prose(size: int) -> bytes:
    """Ordinary prose in one file, lines of 12 words, a blank line every 8 lines, LF only."""
    words = _prose(size, 3)
    lines = [" ".join(words[i : i + 12]) + ("." if i % 96 == 84 else "") for i in range(0, len(words), 12)]
    paragraphs = ["\n".join(lines[i : i + 8]) for i in range(0, len(lines), 8)]
    return ("\n\n".join(paragraphs) + "\n").encode("utf-8")


def names(size: int) -> bytes:
    """A names index: distinct capitalised words, one per line (``size`` is the number of names)."""
    rng = random.Random(4)
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    seen: set[str] = set()
    out = []
    while len(out) < size:
        name = "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 4))).capitalize()
        if name not in seen:
            seen.add(name)
            out.append(f"{name} appears on page {len(out) % 300 + 1}.")
    return ("\n".join(out) + "\n").encode("utf-8")


def dated_clauses(size: int) -> bytes:
    """One paragraph without a full stop (a log or a table flattened by a converter): dated events in clauses."""
    rng = random.Random(5)
    months = ("January", "March", "May", "July", "September", "November")
    out: list[str] = []
    length = 0
    while length < size:
        event = f"{rng.choice(('Acme', 'Borealis', 'Cato'))} plant {rng.choice(('opened', 'closed', 'was sold'))}"
        clause = f"the {event} on {rng.choice(months)} {rng.randint(1, 28)}, {rng.randint(2015, 2025)}"
        out.append(clause + rng.choice((", and ", "; ", " -- ")))
        length += len(out[-1])
    return ("# Plant log\n\n" + "".join(out) + "\n").encode("utf-8")


# name: (generator, file suffix, smallest size, unit of size)
KINDS: dict[str, tuple[Callable[[int], bytes], str, int, str]] = {
    "mojibake-line": (mojibake_line, ".txt", 17_000, "B"),
    "mojibake-words": (mojibake_words, ".txt", 100_000, "B"),
    "md-links": (md_links, ".md", 100_000, "B"),
    "md-comments": (md_comments, ".md", 100_000, "B"),
    "paren-numbers": (paren_numbers, ".txt", 100_000, "B"),
    "invalid-utf8": (invalid_utf8, ".txt", 200_000, "B"),
    "lf-prose": (lf_prose, ".txt", 1_000_000, "B"),
    "names": (names, ".txt", 2_500, "names"),
    "dated-clauses": (dated_clauses, ".md", 50_000, "B"),
}


def run(path: Path, timeout: float) -> float | None:
    """Seconds for one whole-process run on ``path``, or None past ``timeout``."""
    began = time.perf_counter()
    try:
        subprocess.run([*FACTLINT, path.name], cwd=path.parent, stdout=subprocess.DEVNULL, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - began


def _size(amount: int, unit: str) -> str:
    if unit != "B":
        return f"{amount:,} {unit}"
    return f"{amount / 1e6:.1f} MB" if amount >= 1e6 else f"{amount / 1e3:.0f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="comma-separated kinds: " + ", ".join(KINDS))
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size (default 1)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per run (default 60)")
    args = parser.parse_args(argv)
    kinds = list(KINDS) if not args.only else [k.strip() for k in args.only.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        parser.error(f"unknown kind {', '.join(unknown)}; choose from {', '.join(KINDS)}")
    flagged = 0
    with tempfile.TemporaryDirectory(prefix="factlint-hostile-") as tmp:
        folder = Path(tmp)
        empty = folder / "empty" / "empty.txt"
        empty.parent.mkdir()
        empty.write_bytes(b"\n")
        base = min(run(empty, args.timeout) or 0.0 for _ in range(2))
        print(f"start-up (empty file): {base:.2f} s")
        print(f"{'input':16} {'sizes':>30}   {'seconds':>22}   {'ratios':>11}")
        for kind in kinds:
            generate, suffix, smallest, unit = KINDS[kind]
            sizes = [max(1, int(smallest * args.scale * 2**step)) for step in range(3)]
            times: list[float | None] = []
            for size in sizes:
                path = folder / kind / f"{kind}-{size}{suffix}"
                path.parent.mkdir(exist_ok=True)
                path.write_bytes(generate(size))
                times.append(run(path, args.timeout) if not times or times[-1] is not None else None)
                path.unlink()
            ratios = []
            for before, after in zip(times, times[1:]):
                if before is None or after is None:
                    ratios.append(None)
                else:
                    ratios.append(max(after - base, 0.01) / max(before - base, 0.01))
            notes = []
            # A ratio between two short runs is noise: judge only runs well above start-up.
            if any(r is not None and r > SUPER_LINEAR and t is not None and t - base > 0.25 for r, t in zip(ratios, times)):
                notes.append("SUPER-LINEAR")
            if any(t is None or t > SLOW_SECONDS for t in times):
                notes.append("SLOW")
            flagged += bool(notes)
            print(
                f"{kind:16} {' / '.join(_size(s, unit) for s in sizes):>30}   "
                f"{' / '.join(f'>{args.timeout:.0f}' if t is None else f'{t:.2f}' for t in times):>22}   "
                f"{' '.join('-' if r is None else f'{r:.1f}x' for r in ratios):>11}   {' '.join(notes)}",
                flush=True,
            )
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
