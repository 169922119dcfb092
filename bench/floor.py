"""What a pass over the words of the speed corpus costs in Python: the floor under factlint's cold throughput.

    python bench/floor.py             # the whole corpus (90.7 MB)
    python bench/floor.py --mb 10     # a deterministic 10 MB sample

Issue 16 asks for 4 MB per CPU second with ``--jobs 1``: 22.7 CPU seconds for the 90.7 MB corpus. This script
times, in CPU seconds of this process, what any design in Python pays before a rule decides anything:
reading and decoding the files, one regular-expression scan over their words (``findall``, and ``finditer``
with a match object per word, which a scanner needs for offsets), and one Python step per word (a test and a
dict update). Each extractor or rule that walks the words in Python pays about the last figure again, so
the budget divided by it is the number of such passes a 4 MB/s design can afford; the rest must happen in
C (regular expressions, str methods) over the whole text, or once for all extractors.

Not a test: the figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import ARCHIVE, extract  # noqa: E402

WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
TARGET = 4.0  # MB per CPU second (issue 16)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, help="a deterministic sample of about this many MB (default: the whole corpus)")
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    args = parser.parse_args(argv)
    if not args.archive.is_file():
        raise SystemExit(f"{args.archive}: not found")
    with tempfile.TemporaryDirectory(prefix="factlint-floor-") as tmp:
        size, files = extract(args.archive, Path(tmp), args.mb)
        paths = sorted(path for path in Path(tmp).rglob("*") if path.is_file())
        start = time.process_time()
        texts = [path.read_bytes().decode("utf-8", "replace") for path in paths]
        read = time.process_time() - start
    megabytes = size / 1e6
    timings = {"read and decode": read}

    start = time.process_time()
    words = sum(len(WORD.findall(text)) for text in texts)
    timings["one regex scan (findall)"] = time.process_time() - start

    start = time.process_time()
    for text in texts:
        for _ in WORD.finditer(text):
            pass
    timings["one regex scan with a match object per word (finditer)"] = time.process_time() - start

    start = time.process_time()
    seen: dict[str, int] = {}
    for text in texts:
        for word in WORD.findall(text):
            if word[0].isupper():
                seen[word] = seen.get(word, 0) + 1
    timings["findall + one Python step per word"] = time.process_time() - start

    budget = megabytes / TARGET
    print(f"{megabytes:.1f} MB in {files} files, {words:,} words ({words / megabytes:,.0f} per MB)")
    print(f"budget at {TARGET} MB per CPU second: {budget:.1f} CPU s")
    for name, seconds in timings.items():
        print(f"  {name:58} {seconds:6.2f} CPU s  {100 * seconds / budget:5.1f}% of the budget")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
