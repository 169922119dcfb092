"""Benchmark factlint as a whole process: MB/s, files/s, one-file latency, peak memory.

    python bench/bench.py                 # default: ~20 MB corpus, jobs 1 and all cores
    python bench/bench.py --mb 5 --jobs 1

The corpus is built from real prose (TAT-QA paragraphs from ../shared/corpora
when present, Python's pydoc topics otherwise), written as many files of a
few kilobytes each, like a documentation tree. Not a test: figures depend on
the machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from realprose import documents  # noqa: E402

# Figures: one-file latency without corpus; a pre-commit run in a project, with and
# without the fact-sheet cache; corpus throughput cold (--no-cache) per job count,
# and warm (nothing changed since the last run); the same over every real-prose
# document once (the generated corpus repeats documents, which flatters memos);
# peak memory.

FACTLINT = [sys.executable, "-m", "checker"]


def build_corpus(directory: Path, megabytes: float) -> tuple[int, int]:
    docs = [(name, text) for name, text, fmt in documents(("tatqa", "pydoc")) if fmt == "text" and text.strip()]
    target = int(megabytes * 1_000_000)
    size = files = 0
    while size < target:
        for _name, text in docs:
            path = directory / f"d{files // 500:03d}" / f"{files:06d}.{'md' if files % 2 else 'txt'}"
            path.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            size += len(data)
            files += 1
            if size >= target:
                break
    return size, files


def build_distinct(directory: Path) -> tuple[int, int]:
    """Every real-prose document once, in its own format: no repetition for per-process memos to profit from."""
    size = files = 0
    for _name, text, fmt in documents():
        if not text.strip():
            continue
        path = directory / f"{files:06d}.{'md' if fmt == 'markdown' else 'txt'}"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        size += len(data)
        files += 1
    return size, files


# As a user runs it: with bytecode caches (some CI images set PYTHONDONTWRITEBYTECODE,
# which makes every run recompile every module it imports).
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def run(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run([*FACTLINT, *args], cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def _precommit(root: Path, one: Path, common: list[str], documents: int = 300) -> None:
    """A pre-commit run: one edited file named, the rest of a project as corpus evidence."""
    project = root / "project"
    sources = sorted((root / "corpus").rglob("*.*"))[:documents]
    for source in sources:
        target = project / "docs" / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    (project / "factlint.toml").write_text("", encoding="utf-8")
    edited = project / one.name
    text = one.read_bytes()
    size = sum(p.stat().st_size for p in project.rglob("*.*"))
    cold, warm = [], []
    for attempt in range(5):
        edited.write_bytes(text + b"\n" * attempt)  # an edit: this file's sheet is never in the cache
        cold.append(run([*common, "--no-cache", edited.name], project))
        edited.write_bytes(text + b"\n" * (attempt + 10))
        warm.append(run([*common, edited.name], project))
    print(f"pre-commit run (one edited file, {len(sources)} other documents, {size / 1e6:.1f} MB, as corpus): "
          f"without cache median {statistics.median(cold) * 1000:.0f} ms, "
          f"with cache median {statistics.median(warm[1:]) * 1000:.0f} ms")  # (the first warm run fills the cache)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--jobs", type=int, action="append", help="job counts to measure (default: 1 and CPU count)")
    parser.add_argument("--select", default="ALL")
    args = parser.parse_args(argv)
    jobs = args.jobs or sorted({1, os.cpu_count() or 1})
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "factlint.toml").write_text("", encoding="utf-8")
        corpus = root / "corpus"
        size, files = build_corpus(corpus, args.mb)
        (corpus / "factlint.toml").write_text("", encoding="utf-8")  # its own project: nothing else is corpus
        # One-file latency on a realistic document: the largest sample document in seeds/.
        seeds = sorted((HERE.parent / "seeds").glob("*.txt"), key=lambda p: p.stat().st_size)
        one = seeds[-1] if seeds else next(corpus.rglob("*.txt"))
        common = ["--exit-zero", "-q", "-f", "concise", "--select", args.select]
        run([*common, "--no-corpus", str(one)], root)  # warm-up: bytecode caches, the lexicon index, compiled patterns
        latencies = [run([*common, "--no-corpus", "--no-cache", str(one)], root) for _ in range(7)]
        print(f"one-file latency ({one.stat().st_size} bytes, no corpus): median {statistics.median(latencies) * 1000:.0f} ms, "
              f"min {min(latencies) * 1000:.0f} ms")
        print("  (a fresh install's very first run also compiles and stores the patterns and the word index)")
        _precommit(root, one, common)
        for count in jobs:
            seconds = run([*common, "--no-cache", "--jobs", str(count), "."], corpus)
            print(f"corpus {size / 1e6:.1f} MB in {files} files, --jobs {count}, cold (--no-cache): {seconds:.2f} s, "
                  f"{size / 1e6 / seconds:.2f} MB/s, {files / seconds:.0f} files/s, "
                  f"{size / 1e6 / seconds / count:.2f} MB/s per core")
        distinct = root / "distinct"
        distinct_size, distinct_files = build_distinct(distinct)
        (distinct / "factlint.toml").write_text("", encoding="utf-8")
        seconds = run([*common, "--no-cache", "--jobs", "1", "."], distinct)
        print(f"distinct documents ({distinct_size / 1e6:.1f} MB in {distinct_files} files, each once), --jobs 1, cold: "
              f"{seconds:.2f} s, {distinct_size / 1e6 / seconds:.2f} MB/s")
        run([*common, "--jobs", "1", "."], corpus)  # fills the fact-sheet cache
        seconds = run([*common, "--jobs", "1", "."], corpus)
        print(f"corpus {size / 1e6:.1f} MB, --jobs 1, warm (nothing changed, sheets from the cache): {seconds:.2f} s, "
              f"{size / 1e6 / seconds:.2f} MB/s")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of one factlint process: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
