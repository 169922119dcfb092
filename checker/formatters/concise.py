"""``concise``: one line per finding, ``path:line:col: CODE message``."""

from __future__ import annotations

from checker.formatters import printable


def render(result, stream, settings=None, color=False, quiet=False) -> None:
    for d in result.diagnostics:
        where = f" ({d.location})" if getattr(d, "location", None) else ""
        stream.write(f"{printable(d.path)}:{d.line}:{d.column}:{where} {d.rule} [{d.severity}] {printable(d.message)}\n")
