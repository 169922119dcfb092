"""Recall of the numbers rules on planted defects.

Two generators, each perturbing one figure of a consistent claim beyond its
rounding interval and counting the perturbed claims the NUM rules catch:

- written claims: templates of the phrasings the rules are meant to read
  (percent and absolute changes, points, multiples, shares, totals, CAGR),
  filled with random figures. Each consistent sentence must pass, and each
  perturbation is checked independently (plain interval arithmetic here,
  not the extractor's) to be inconsistent before it counts;
- real claims: every consistent claim the extractor recognises in the
  TAT-QA annual-report paragraphs, with its stated result doubled or one of
  its figures multiplied by 1.5 (skipped when the corpus is absent).

The floors asserted are the measured recall rounded down.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from checker.testing import lint, lint_sources

ROOT = Path(__file__).resolve().parents[1]
TATQA = ROOT.parent / "shared" / "corpora" / "tatqa-dev"


# --- written claims --------------------------------------------------------------------------


def _half(decimals: int) -> float:
    return 0.5 * 10.0**-decimals


def _fmt(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


def _money(rng: random.Random) -> tuple[float, int, str]:
    """A starting amount in millions with its decimals and currency symbol."""
    decimals = rng.choice([1, 1, 1, 2, 0])
    value = round(rng.uniform(20, 900), decimals)
    return value, decimals, rng.choice(["$", "$", "€", "£"])


def _change_case(rng: random.Random, template: str, perturb: str):
    """A percent-change sentence (consistent) and a perturbed copy, with whether the copy is inconsistent."""
    a, d, cur = _money(rng)
    growth = rng.choice([-1, 1]) * rng.uniform(0.06, 0.6)
    b = round(a * (1 + growth), d)
    pd = rng.choice([0, 1, 1])
    p = round(abs(b / a - 1) * 100, pd)
    up = b > a

    def text(a_, b_, p_):
        words = {
            "verb": "rose" if up else "fell",
            "noun": "an increase" if up else "a decrease",
            "dir": "up" if up else "down",
            "A": f"{cur}{_fmt(a_, d)} million",
            "B": f"{cur}{_fmt(b_, d)} million",
            "P": f"{_fmt(p_, pd)}%",
        }
        return template.format(**words)

    def consistent(a_, b_, p_):
        lo = (b_ - _half(d)) / (a_ + _half(d)) - 1
        hi = (b_ + _half(d)) / (a_ - _half(d)) - 1
        if not up:
            lo, hi = -hi, -lo
        return lo * 100 <= p_ + _half(pd) + 1e-9 and p_ - _half(pd) - 1e-9 <= hi * 100

    factor = rng.choice([0.5, 0.6, 1.5, 1.8])
    if perturb == "result":
        p2, a2, b2 = round(p * factor, pd), a, b
    else:
        p2, a2, b2 = p, round(a * factor, d), b
    return text(a, b, p), text(a2, b2, p2), not consistent(a2, b2, p2) and (up == (b2 > a2) or perturb == "result")


CHANGE_TEMPLATES = [
    "Net revenue {verb} to {B} from {A}, {noun} of {P}.",
    "Net revenue {verb} {P} to {B} from {A}.",
    "Net revenue of {B} in 2024 {verb} {P} from {A} in 2023.",
    "Net revenue was {B}, {dir} {P} from {A}.",
    "Net revenue was {B} compared with {A} in the prior year, {noun} of {P}.",
    "Net revenue {verb} {P} to {B} in fiscal 2024, compared to {A} in fiscal 2023.",
    "Net revenue {verb} from {A} to {B}, {noun} of {P}.",
    "Net revenue {verb} {P} year over year to {B} from {A}.",
]


def _delta_case(rng: random.Random, perturb: str):
    a = rng.randint(2000, 90000)
    b = a + rng.choice([-1, 1]) * rng.randint(200, a // 3)
    delta = abs(b - a)
    p = round(delta / a * 100, 1)
    up = b > a

    def text(delta_, p_):
        verb = "increased" if up else "decreased"
        return f"Selling expenses {verb} by ${delta_:,} or {p_:.1f}% to ${b:,} from ${a:,}."

    if perturb == "result":
        delta2, p2 = delta, round(p * rng.choice([0.5, 1.6]), 1)
        bad = True
    else:
        delta2, p2 = int(delta * rng.choice([0.5, 1.6])), p
        bad = abs(delta2 - delta) > 1
    return text(delta, p), text(delta2, p2), bad


def _points_case(rng: random.Random, perturb: str):
    a = round(rng.uniform(20, 60), 1)
    b = round(a + rng.choice([-1, 1]) * rng.uniform(1.0, 6.0), 1)
    bp = round(abs(b - a) * 100)
    up = b > a
    verb = "increased" if up else "decreased"
    bp2 = bp * 2 if perturb == "result" else bp
    b2 = b if perturb == "result" else round(b + (3.0 if up else -3.0), 1)

    def text(bp_, b_):
        return f"Gross margin {verb} by {bp_} basis points to {b_:.1f}% from {a:.1f}%."

    return text(bp, b), text(bp2, b2), True


def _multiple_case(rng: random.Random, perturb: str):
    word, factor = rng.choice([("doubled", 2.0), ("tripled", 3.0), ("more than doubled", 2.3), ("halved", 0.5)])
    a = round(rng.uniform(20, 400), 1)
    b = round(a * factor * rng.uniform(0.97, 1.03), 1)
    if word == "more than doubled":
        b = round(a * rng.uniform(2.1, 2.6), 1)
    b2 = round(b * (0.6 if factor >= 2 else 1.5), 1) if perturb == "result" else b
    a2 = a if perturb == "result" else round(a * (1.6 if factor >= 2 else 0.6), 1)

    def text(a_, b_):
        return f"Subscription revenue {word} to ${b_:.1f} million from ${a_:.1f} million."

    ratio_hi = (b2 + 0.05) / (a2 - 0.05)
    ratio_lo = (b2 - 0.05) / (a2 + 0.05)
    if word == "more than doubled":
        bad = ratio_hi < 2
    elif factor < 1:
        bad = not (0.45 <= ratio_hi and ratio_lo <= 0.56)
    else:
        bad = ratio_hi < factor * 0.9 or ratio_lo > factor * 1.1
    return text(a, b), text(a2, b2), bad


def _share_case(rng: random.Random, perturb: str):
    whole = rng.randint(40, 900)
    n = rng.randint(5, whole - 5)
    p = round(n / whole * 100)
    form = rng.choice(["{P}% ({n} of {N})", "{n} of {N} patients ({P}%)", "{P}% ({n}/{N})"])
    p2 = p + rng.choice([-1, 1]) * rng.randint(4, 12) if perturb == "result" else p
    n2 = n if perturb == "result" else min(whole, n + max(3, whole // 8))
    bad = abs(n2 / whole * 100 - p2) > 0.5 + 1e-9 and 0 < p2 <= 100

    def text(p_, n_):
        return "Of the patients enrolled, " + form.format(P=p_, n=n_, N=whole) + " responded to treatment."

    return text(p, n), text(p2, n2), bad


def _total_case(rng: random.Random, perturb: str):
    d = rng.choice([0, 1])
    parts = [round(rng.uniform(5, 300), d) for _ in range(rng.choice([2, 2, 3]))]
    total = round(sum(parts), d)
    form = rng.choice(["for", "comprising", "together"])

    def text(parts_, total_):
        written = [f"${_fmt(x, d)} million" for x in parts_]
        if form == "for":
            listed = ", ".join(written[:-1]) + f" and {written[-1]}"
            return f"The segments earned {listed}, for total revenue of ${_fmt(total_, d)} million."
        if form == "comprising":
            listed = ", ".join(f"revenue of {w}" for w in written[:-1]) + f" and revenue of {written[-1]}"
            return f"Total revenue of ${_fmt(total_, d)} million comprised {listed}."
        names = ["Alpha", "Beta", "Gamma"]
        sentences = " ".join(f"{names[i]} generated sales of {w}." for i, w in enumerate(written))
        count = ["two", "three"][len(parts_) - 2]
        return f"{sentences} Together, these {count} products generated total revenue of ${_fmt(total_, d)} million."

    if perturb == "result":
        total2, parts2 = round(total * rng.choice([0.7, 1.3]), d), parts
    else:
        parts2 = [round(parts[0] * 1.5, d)] + parts[1:]
        total2 = total
    slack = _half(d) * (len(parts2) + 1)
    bad = abs(sum(parts2) - total2) > slack + 1e-9
    return text(parts, total), text(parts2, total2), bad


def _cagr_case(rng: random.Random, perturb: str):
    y1 = rng.randint(2018, 2025)
    n = rng.randint(4, 10)
    a = round(rng.uniform(1, 40), 1)
    rate = rng.uniform(0.03, 0.25)
    b = round(a * (1 + rate) ** n, 1)
    c = round(((b / a) ** (1 / n) - 1) * 100, 1)
    c2 = round(c * rng.choice([0.5, 1.6]), 1) if perturb == "result" else c
    b2 = b if perturb == "result" else round(b * 1.6, 1)

    def text(b_, c_):
        return (f"The market is expected to grow from ${a:.1f} billion in {y1} to ${b_:.1f} billion in {y1 + n}, "
                f"a CAGR of {c_:.1f}%.")

    lo = ((b2 - 0.05) / (a + 0.05)) ** (1 / n) * 100 - 100
    hi = ((b2 + 0.05) / (a - 0.05)) ** (1 / n) * 100 - 100
    bad = c2 + 0.05 < lo or c2 - 0.05 > hi
    return text(b, c), text(b2, c2), bad


GENERATORS = {
    **{f"change-{i}": (lambda rng, perturb, t=t: _change_case(rng, t, perturb)) for i, t in enumerate(CHANGE_TEMPLATES)},
    "absolute-change": _delta_case,
    "points": _points_case,
    "multiple": _multiple_case,
    "share": _share_case,
    "total": _total_case,
    "cagr": _cagr_case,
}
SAMPLES = 12  # per generator and perturbation


def _written_cases():
    rng = random.Random(20260514)
    for name, generator in GENERATORS.items():
        for perturb in ("result", "source"):
            for _ in range(SAMPLES):
                yield name, perturb, *generator(rng, perturb)


def test_written_claims_consistent_pass_and_perturbed_are_caught():
    false_positives = []
    caught = total = 0
    misses = []
    for name, perturb, good, bad, inconsistent in _written_cases():
        found = list(lint(good, select=["NUM"]))
        if found:
            false_positives.append((good, [d.message for d in found]))
        if not inconsistent:
            continue
        total += 1
        if any(d.rule.startswith("NUM") for d in lint(bad, select=["NUM"])):
            caught += 1
        else:
            misses.append((name, perturb, bad))
    assert false_positives == []
    recall = caught / total
    print(f"\nwritten claims: caught {caught} of {total} perturbed claims ({recall:.1%})", file=sys.stderr)
    assert total >= 250
    assert recall >= 0.97, misses[:40]


# --- real claims ------------------------------------------------------------------------------


def _perturb(text: str, start: int, end: int, factor: float) -> str | None:
    import re

    match = re.search(r"\d[\d,]*(?:\.\d+)?", text[start:end])
    if match is None:
        return None
    written = match.group()
    decimals = len(written.split(".")[1]) if "." in written else 0
    value = float(written.replace(",", "")) * factor
    new = f"{value:,.{decimals}f}" if "," in written else f"{value:.{decimals}f}"
    if new == written:
        return None
    at = start + match.start()
    return text[:at] + new + text[at + len(written):]


@pytest.mark.skipif(not TATQA.is_dir(), reason="TAT-QA corpus not available")
def test_real_claims_perturbed_are_caught():
    documents = {p.name: p.read_text(encoding="utf-8") for p in sorted(TATQA.glob("*.txt"))}
    result = lint_sources(documents, select=["NUM"])
    assert result.stats["claims_checked"] >= 40
    assert result.stats["claims_inconsistent"] == 0
    planted: dict[str, str] = {}
    for sheet in result.sheets:
        text = documents[sheet.path]
        for index, claim in enumerate(sheet.claims):
            figures = sorted(claim.parts)
            if claim.kind == "direction":
                (a0, a1), (b0, b1) = figures[0], figures[1]
                variants = [text[:a0] + text[b0:b1] + text[a1:b0] + text[a0:a1] + text[b1:]]
            else:
                variants = [_perturb(text, claim.start, claim.end, 2.0)]
                if figures:
                    variants.append(_perturb(text, figures[0][0], figures[0][1], 1.5))
            for number, variant in enumerate(v for v in variants if v):
                planted[f"{sheet.path}#{index}.{number}"] = variant
    checked = lint_sources(planted, select=["NUM"])
    flagged = {d.path for d in checked.diagnostics}
    recall = len(flagged) / len(planted)
    print(f"\nreal claims: caught {len(flagged)} of {len(planted)} perturbed claims ({recall:.1%})", file=sys.stderr)
    assert recall >= 0.95, sorted(set(planted) - flagged)
