"""CPU time per rule family, as whole processes, for two or more installs of factlint side by side.

    python bench/families.py --mb 10 --python ../before/.venv/bin/python --python .venv/bin/python

Builds the generated corpus of ``bench.py`` (``--mb`` MB, kept in ``--dir`` if given), then
runs ``python -m checker --no-cache -j 1 --select <family> .`` over it with each interpreter in
turn, ``--runs`` times, alternating, and prints the median user+system CPU seconds per family
and each interpreter's ratio to the first. The families are the rules of the version before
the architecture work (issue 10): what a change to one family costs, start-up and reading
included (the ``TXT100`` line is start-up and reading alone).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import build_corpus  # noqa: E402

FAMILIES = {
    "NAM": "NAM001,NAM002,NAM003,NAM004",
    "NUM": "NUM001,NUM002,NUM003,NUM004,NUM005,NUM006,NUM101,NUM102,NUM103",
    "DAT": "DAT001,DAT002,DAT003,DAT004,DAT005,DAT006",
    "TXT+ENC": "TXT001,TXT002,TXT003,TXT004,TXT005,TXT100,ENC001,ENC002,ENC003,ENC004,ENC005,ENC006,ENC007,ENC008",
    "TXT100": "TXT100",
}


def cpu_seconds(python: str, select: str, corpus: Path) -> float:
    """User and system CPU seconds of one whole ``factlint`` process over ``corpus``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [python, "-m", "checker", "--exit-zero", "-q", "-f", "concise", "--select", select, "--no-cache", "-j", "1", "."]
    subprocess.run(command, cwd=corpus, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   env={**os.environ, "PYTHONHASHSEED": "0"})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", required=True, help="an interpreter with factlint installed (repeat)")
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--dir", type=Path, help="where to build (or find) the corpus (default: a temporary directory)")
    parser.add_argument("--runs", type=int, default=3, help="runs per interpreter and family (default 3)")
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES), help="families to measure (default: all)")
    args = parser.parse_args(argv)
    pythons = [os.path.abspath(python) if os.sep in python else python for python in args.python]  # the runs change directory
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.dir or Path(scratch) / "corpus"
        if not corpus.is_dir():
            size, files = build_corpus(corpus, args.mb)
            (corpus / "factlint.toml").write_text("", encoding="utf-8")  # no project configuration applies
            print(f"corpus: {size / 1e6:.1f} MB in {files} files", flush=True)
        for family in args.family or list(FAMILIES):
            times: list[list[float]] = [[] for _ in pythons]
            for _ in range(args.runs):
                for index, python in enumerate(pythons):
                    times[index].append(cpu_seconds(python, FAMILIES[family], corpus))
            medians = [statistics.median(found) for found in times]
            shown = "  ".join(f"{median:5.2f} s ({median / medians[0]:.2f}x)" for median in medians)
            print(f"{family:8s} {shown}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
