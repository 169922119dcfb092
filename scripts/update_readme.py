"""Regenerate the README's rule and option tables from the registry: ``python scripts/update_readme.py``."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from checker.ruledoc import options_table, rules_table

README = Path(__file__).resolve().parents[1] / "README.md"


def main() -> int:
    text = README.read_text(encoding="utf-8")
    table = rules_table("markdown")
    new = re.sub(
        r"(<!-- rules-table:start -->\n).*?(\n<!-- rules-table:end -->)",
        lambda m: m.group(1) + table + m.group(2),
        text,
        flags=re.S,
    )
    new = re.sub(
        r"(<!-- options-table:start -->\n).*?(\n<!-- options-table:end -->)",
        lambda m: m.group(1) + options_table() + m.group(2),
        new,
        flags=re.S,
    )
    if new != text:
        README.write_text(new, encoding="utf-8")
        print("README.md: rule table updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
