"""The parts of the SARIF log that code-scanning services read beyond results: rule help, fixes,
the invocation (exit status, notifications) and the limits GitHub code scanning puts on an upload.

GitHub's documented limits for one SARIF upload (docs: "SARIF support for code
scanning", "Validating your SARIF file"): at most 25,000 results per run (only the
5,000 most severe are shown), 1,000 locations per result (100 shown), 25,000 rules
per run, 20 tags per rule, and 10 MB for the gzip-compressed file. factlint keeps a
log within them: results beyond :data:`MAX_RESULTS` are left out (errors first
kept, then warnings, then info; the surer first) with a notification saying so,
and a result's related places beyond :data:`MAX_RELATED` are left out with their
count in its properties.
"""

from __future__ import annotations

import inspect
import re

from checker.finding import CONFIDENCE_RANK, SEVERITY_RANK

MAX_RESULTS = 25_000
MAX_RELATED = 100
# The rules' documentation as published: the README's Rules section on the package's page.
HELP_URI = "https://pypi.org/project/factlint/#rules"
_UNDERLINE = re.compile(r"^(?P<title>\S[^\n]*)\n-{3,}$", re.MULTILINE)


def rule_help(rule) -> dict:
    """``help`` for a rule: its documentation as text and as Markdown (section titles as headings)."""
    text = inspect.cleandoc(rule.__doc__ or "")
    markdown = _UNDERLINE.sub(lambda m: f"#### {m.group('title')}", text)
    return {"text": text, "markdown": f"**{rule.code} {rule.name}**\n\n{markdown}"}


def region(sheet, start: int, end: int) -> dict:
    """A region from character offsets of a document's text (code points, as ``columnKind`` says)."""
    line, column = sheet.position(start)
    end_line, end_column = sheet.position(max(start, end))
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def fixes(diagnostic, sheet, uri: str) -> list[dict] | None:
    """The finding's fix as SARIF ``fixes``, for safe fixes in documents with lines of their own (not Word or PDF)."""
    fix = diagnostic.fix
    if fix is None or fix.applicability != "safe" or sheet is None or diagnostic.location is not None or not fix.edits:
        return None
    replacements = [
        {"deletedRegion": region(sheet, edit.start, edit.end), "insertedContent": {"text": edit.replacement}}
        for edit in sorted(fix.edits, key=lambda e: (e.start, e.end))
    ]
    return [
        {
            "description": {"text": fix.message or "Apply the fix"},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
        }
    ]


def within_limits(diagnostics: list) -> tuple[list, int]:
    """The diagnostics to report (at most MAX_RESULTS, the most severe and surest kept, in their order) and how many were left out."""
    if len(diagnostics) <= MAX_RESULTS:
        return diagnostics, 0
    order = sorted(
        range(len(diagnostics)),
        key=lambda i: (-SEVERITY_RANK[diagnostics[i].severity], -CONFIDENCE_RANK[diagnostics[i].confidence], i),
    )
    kept = sorted(order[:MAX_RESULTS])
    return [diagnostics[i] for i in kept], len(diagnostics) - MAX_RESULTS


def invocation(result, omitted: int) -> dict:
    """The run's invocation: exit status, and notifications for what is not a result (stale baseline entries, skipped files)."""
    code = result.stats.get("exit_code")
    notes: list[dict] = []
    for entry in getattr(result, "baseline", {}).get("stale", ()):
        times = f" ({entry['count']} times)" if entry["count"] > 1 else ""
        notes.append(
            {
                "level": "note",
                "descriptor": {"id": "stale-baseline-entry"},
                "message": {
                    "text": f"The baseline entry {entry['rule']} \"{entry['text']}\"{times} no longer matches a finding "
                    "(fixed or reworded); --write-baseline prunes it"
                },
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": entry["path"].replace("\\", "/")}}}],
            }
        )
    for notice in result.notices:
        notes.append(
            {
                "level": "warning",
                "descriptor": {"id": "document-not-checked"},
                "message": {"text": notice.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": notice.path.replace("\\", "/")}}}],
            }
        )
    for error in result.errors:
        notes.append({"level": "error", "descriptor": {"id": "internal-error"}, "message": {"text": error}})
    if omitted:
        notes.append(
            {
                "level": "warning",
                "descriptor": {"id": "results-left-out"},
                "message": {
                    "text": f"{omitted} findings left out: code scanning accepts at most {MAX_RESULTS} results per run "
                    "(the least severe and least sure were left out; the json format has them all)"
                },
            }
        )
    item: dict = {"executionSuccessful": not result.errors and code in (None, 0, 1)}
    if code is not None:
        item["exitCode"] = code
    if notes:
        item["toolExecutionNotifications"] = notes
    return item
