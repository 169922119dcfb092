"""Compare factlint with codespell and typos on the speed corpus, as whole processes.

    python bench/compare.py                  # the whole corpus (90.7 MB), 3 alternating runs
    python bench/compare.py --mb 10 --runs 5 # a deterministic 10 MB sample

The corpus is ``../shared/corpora/perf-prose.tar.gz`` (``--archive`` for another
copy), extracted to a temporary directory. codespell and typos come from the
package registry into this script's own environment (a virtual environment in
the user cache directory, made on first use with pip; ``--tools DIR`` uses the
executables in DIR instead): they are never dependencies of factlint.

Each case runs ``--runs`` times, the cases alternating (so that a load that
comes and goes on a shared machine falls on all of them alike). Every figure
is the median over the runs: wall time, CPU time (user + system, the process
and its children; on a machine shared with other work, MB per CPU second is
the steadier measure of throughput) and peak memory (maxrss of the process; for ``--jobs 2`` the
largest of its processes). Cases:

- factlint on the corpus with ``--jobs 1`` and ``--jobs 2``, cold (``--no-cache``);
- factlint on the corpus again, nothing changed, with the fact-sheet cache warm;
- factlint with the cache warm after one file of the corpus was edited (a sentence naming a person and a
  product appended to the file of about 8 kB below; the file is restored, and the cache brought up to date
  by an unmeasured run, before the next case);
- one file of about 8 kB (cache warm), against codespell and typos on the same file;
- ``--engine dask`` on a local cluster of 2 worker processes, when this factlint has that option;
- codespell and typos (one thread) on the corpus.

Not a test: the figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import functools
import math
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "corpora" / "perf-prose.tar.gz"
TOOLS = {"codespell": "codespell==2.4.3", "typos": "typos==1.52.0"}
# As a user runs it: with bytecode caches.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def extract(archive: Path, target: Path, megabytes: float | None = None, every: int | None = None) -> tuple[int, int]:
    """Extract the archive's regular files (every k-th one for a sample of about ``megabytes``, or every
    ``every``-th one); return (bytes, files)."""
    with tarfile.open(archive, "r:gz") as tar:
        members = [m for m in tar.getmembers() if m.isfile()]
        if every is None:
            total = sum(m.size for m in members)
            every = max(1, math.floor(total / (megabytes * 1e6))) if megabytes else 1
        picked = members[::every]
        for member in picked:
            tar.extract(member, target, filter="data")
    return sum(m.size for m in picked), len(picked)


def tools(directory: str | None) -> dict[str, str]:
    """Paths of the codespell and typos executables, installed into the bench's own environment if needed."""
    if directory:
        found = {name: str(Path(directory) / name) for name in TOOLS}
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factlint-bench" / "venv"
        found = {name: str(base / "bin" / name) for name in TOOLS}
        if not all(Path(path).exists() for path in found.values()):
            print(f"installing {', '.join(TOOLS.values())} into {base} (once)", flush=True)
            subprocess.run([sys.executable, "-m", "venv", str(base)], check=True)
            subprocess.run([str(base / "bin" / "pip"), "install", "-q", *TOOLS.values()], check=True)
    for name, path in found.items():
        if not Path(path).exists():
            raise SystemExit(f"{name} not found at {path}")
    return found


def alternate(cases: dict[Any, Callable[[], tuple[float, float, float]]], runs: int) -> dict[Any, tuple[float, ...]]:
    """Run every case ``runs`` times, the cases alternating; the median wall seconds, CPU seconds and peak MiB of each."""
    results: dict[Any, list[tuple[float, float, float]]] = {case: [] for case in cases}
    for run in range(runs):
        for case, once in cases.items():
            results[case].append(once())
        print(f"  run {run + 1} of {runs} done", flush=True)
    return {case: tuple(statistics.median(r[i] for r in rows) for i in range(3)) for case, rows in results.items()}


def measure(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (with children) and peak MiB of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    # wait4 reports the process and the children it waited for (the --jobs workers).
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


EDIT = "\nThe Halvorsen review of Quillmark was signed by Dana Okafor in March.\n"


def _edited(path: Path, command: list[str], cwd: Path) -> tuple[float, float, float]:
    """One warm run after appending a sentence to ``path``; then the file is restored and the cache brought
    up to date again (not measured), so that the other warm cases still find nothing changed."""
    original = path.read_bytes()
    stat = path.stat()
    try:
        path.write_bytes(original + EDIT.encode("utf-8"))
        return measure(command, cwd)
    finally:
        path.write_bytes(original)
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        measure(command, cwd)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, help="a deterministic sample of about this many MB (default: the whole corpus)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each case (default 3)")
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    parser.add_argument("--tools", help="directory holding the codespell and typos executables")
    args = parser.parse_args(argv)
    if not args.archive.is_file():
        raise SystemExit(f"{args.archive}: not found")
    found = tools(args.tools)
    factlint = [sys.executable, "-m", "checker", "--exit-zero", "-q", "-f", "concise"]
    with tempfile.TemporaryDirectory(prefix="factlint-compare-") as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        size, files = extract(args.archive, corpus, args.mb)
        (corpus / "factlint.toml").write_text("", encoding="utf-8")  # its own project
        paths = sorted(p for p in corpus.rglob("*") if p.is_file() and p.name != "factlint.toml")
        one = min(paths, key=lambda p: abs(p.stat().st_size - 8300))  # a file of about 8 kB, as a pre-commit run sees
        single = root / "single"
        single.mkdir()
        (single / "factlint.toml").write_text("", encoding="utf-8")
        shutil.copy(one, single / one.name)
        cache = ["--cache-dir", str(root / "cache")]
        cases: dict[str, tuple[list[str], Path, int]] = {
            "factlint --jobs 1 (cold)": ([*factlint, "--no-cache", "--jobs", "1", "."], corpus, 1),
            "factlint --jobs 2 (cold)": ([*factlint, "--no-cache", "--jobs", "2", "."], corpus, 2),
            "factlint warm (unchanged)": ([*factlint, *cache, "--jobs", "1", "."], corpus, 1),
        }
        if "--engine" in subprocess.run([*factlint, "--help"], env=ENV, capture_output=True, text=True).stdout:
            # A local cluster of 2 worker processes, against --jobs 2: what the Dask engine costs on one machine.
            cases["factlint --engine dask, 2 workers (cold)"] = ([*factlint, "--no-cache", "--engine", "dask", "--jobs", "2", "."], corpus, 2)
        cases["factlint warm (one file edited)"] = ([*factlint, *cache, "--jobs", "1", "."], corpus, 1)
        cases |= {
            "codespell": ([found["codespell"], "."], corpus, 1),
            "typos (one thread)": ([found["typos"], "--threads", "1", "."], corpus, 1),
            "one file: factlint (warm)": ([*factlint, *cache, one.name], single, 1),
            "one file: codespell": ([found["codespell"], one.name], single, 1),
            "one file: typos": ([found["typos"], "--threads", "1", one.name], single, 1),
        }
        print(f"corpus: {size / 1e6:.1f} MB in {files} files; one file: {one.stat().st_size} bytes; {args.runs} alternating runs")
        measure(cases["factlint warm (unchanged)"][0], corpus)  # fills the cache (and the bytecode caches)
        measure(cases["one file: factlint (warm)"][0], single)
        runs = {name: functools.partial(measure, command, cwd) for name, (command, cwd, _jobs) in cases.items()}
        runs["factlint warm (one file edited)"] = functools.partial(_edited, one, *cases["factlint warm (one file edited)"][:2])
        median = alternate(runs, args.runs)
        print()
        print("| case | wall s | CPU s | MB/s per core | MB per CPU s | peak MiB | wall vs codespell | CPU vs codespell | wall vs typos |")
        print("|---|---|---|---|---|---|---|---|---|")
        for name, (wall, cpu, peak) in median.items():
            single_file = name.startswith("one file")
            reference = "one file: " if single_file else ""
            codespell, codespell_cpu = median[f"{reference}codespell"][:2]
            typos = median[f"{reference}typos" if single_file else "typos (one thread)"][0]
            rate = "" if single_file else f"{size / 1e6 / wall / cases[name][2]:.2f}"
            per_cpu = "" if single_file else f"{size / 1e6 / cpu:.2f}"
            ratios = f"{wall / codespell:.2f}x | {cpu / codespell_cpu:.2f}x | {wall / typos:.2f}x"
            print(f"| {name} | {wall:.3f} | {cpu:.3f} | {rate} | {per_cpu} | {peak:.0f} | {ratios} |")
        jobs1, jobs2 = median["factlint --jobs 1 (cold)"][0], median["factlint --jobs 2 (cold)"][0]
        print(f"\n--jobs 2 is {jobs1 / jobs2:.2f}x as fast as --jobs 1")
        dask = median.get("factlint --engine dask, 2 workers (cold)")
        if dask:
            jobs2_cpu = median["factlint --jobs 2 (cold)"][1]
            print(f"--engine dask with 2 workers: {dask[0] / jobs2:.2f}x the wall time and {dask[1] / jobs2_cpu:.2f}x the CPU time of --jobs 2")
    return 0


if __name__ == "__main__":
    sys.exit(main())
