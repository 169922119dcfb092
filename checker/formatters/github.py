"""``github``: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from checker.formatters import printable

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    # Line breaks are the format's own escapes; other control characters are escaped for the log.
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result, stream, settings=None, color=False, quiet=False) -> None:
    for d in result.diagnostics:
        props = ",".join(
            [
                f"file={_property(d.path)}",
                f"line={d.line}",
                f"col={d.column}",
                f"endLine={d.end_line}",
                f"endColumn={d.end_column}",
                f"title={_property(f'{d.rule} {d.name}')}",
            ]
        )
        message = (f"{d.location}: " if getattr(d, "location", None) else "") + d.message + (f" ({d.evidence})" if d.evidence else "")
        stream.write(f"::{_LEVEL[d.severity]} {props}::{_data(message)}\n")
    for entry in (getattr(result, "baseline", None) or {}).get("stale", ()):
        times = f" ({entry['count']} times)" if entry["count"] > 1 else ""
        note = f"The baseline entry {entry['rule']} \"{entry['text']}\"{times} no longer matches a finding (fixed or reworded); --write-baseline prunes it"
        stream.write(f"::notice file={_property(entry['path'])},title={_property('factlint stale baseline entry')}::{_data(note)}\n")
