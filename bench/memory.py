"""Peak memory of a cold run on the speed corpus and on a fraction of it: does memory grow with the corpus?

    python bench/memory.py                    # the whole corpus and a quarter of it, 3 alternating runs
    python bench/memory.py --fraction 0.5 --runs 5

The corpus is ``../shared/corpora/perf-prose.tar.gz`` (``--archive`` for another
copy), extracted to a temporary directory twice: whole, and every k-th file for
``--fraction`` (k = round(1 / fraction): the same files each time). factlint runs
on each as ``bench/compare.py`` runs it (``--exit-zero -q -f concise --no-cache``,
an empty ``factlint.toml``) with ``--jobs 1`` and ``--jobs 2``, the cases
alternating. Each figure is the median over the runs: peak memory (maxrss; for
``--jobs 2`` the largest of the processes) and CPU seconds (user + system,
children included). The last lines give the ratio of the fraction's peak to the
whole corpus's next to the ratio of their sizes: memory that grows with the corpus
has the two equal, memory that does not has a peak ratio near 1.

Not a test: the figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from compare import ARCHIVE, alternate, extract, measure  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fraction", type=float, default=0.25, help="the part of the corpus compared with the whole (default 0.25)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each case (default 3)")
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    args = parser.parse_args(argv)
    if not args.archive.is_file():
        raise SystemExit(f"{args.archive}: not found")
    if not 0 < args.fraction < 1:
        raise SystemExit("--fraction must be between 0 and 1")
    every = max(2, round(1 / args.fraction))
    factlint = [sys.executable, "-m", "checker", "--exit-zero", "-q", "-f", "concise", "--no-cache"]
    with tempfile.TemporaryDirectory(prefix="factlint-memory-") as tmp:
        corpora = {"whole": Path(tmp) / "whole", f"1/{every}": Path(tmp) / "part"}
        sizes = {name: extract(args.archive, path, every=1 if name == "whole" else every) for name, path in corpora.items()}
        for path in corpora.values():
            (path / "factlint.toml").write_text("", encoding="utf-8")  # its own project
        for name, (size, files) in sizes.items():
            print(f"{name}: {size / 1e6:.1f} MB in {files} files")
        cases = {(name, jobs): ([*factlint, "--jobs", str(jobs), "."], path) for jobs in (1, 2) for name, path in corpora.items()}
        median = alternate({case: functools.partial(measure, command, cwd) for case, (command, cwd) in cases.items()}, args.runs)
        print()
        print("| corpus | MB | --jobs | CPU s | peak MiB |")
        print("|---|---|---|---|---|")
        for (name, jobs), (_wall, cpu, peak) in median.items():
            print(f"| {name} | {sizes[name][0] / 1e6:.1f} | {jobs} | {cpu:.1f} | {peak:.0f} |")
        part = f"1/{every}"
        size_ratio = sizes[part][0] / sizes["whole"][0]
        print()
        for jobs in (1, 2):
            ratio = median[part, jobs][2] / median["whole", jobs][2]
            print(f"--jobs {jobs}: the {part} sample ({size_ratio:.2f} of the bytes) peaks at {ratio:.2f} of the whole corpus's memory")
    return 0


if __name__ == "__main__":
    sys.exit(main())
