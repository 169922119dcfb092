"""ENC001: a file that is not valid UTF-8."""

from __future__ import annotations

from checker.rule import Rule


class NonUtf8File(Rule):
    """A file that is not valid UTF-8 and was decoded by detection.

    What it checks
    --------------
    Reports a file whose bytes are not valid UTF-8. The file is still
    checked: its encoding is detected (charset-normalizer) and the finding
    names the encoding assumed and the first byte that is not UTF-8, as the
    reader noted it (``Document.reading``).

    Why it matters
    --------------
    A legacy encoding is read differently by different tools: the same
    bytes become "café" in one and "cafÃ©" or "caf�" in another. Published
    text should be UTF-8 so that everyone reads the same characters.

    Flagged
    -------
        The caf<0xE9> on the quay opened in 2020.

    (``<0xE9>`` stands for the byte E9, "é" in Windows-1252 and not UTF-8.)

    Passes
    ------
        The café on the quay opened in 2020.

    (The same text saved as UTF-8.)
    """

    code = "ENC001"
    name = "non-utf8-file"
    severity = "warning"

    def check(self, doc, facts):
        notes = getattr(doc, "reading", None)
        bad = notes.undecodable if notes is not None else None
        if bad is None:
            return
        yield self.finding(
            bad.offset,
            min(bad.offset + 1, len(doc.text)),
            f"file is not valid UTF-8 (byte 0x{bad.byte:02X} at byte offset {bad.byte_offset}, line {bad.line}); "
            f"read as {bad.encoding}",
            evidence=f"assumed encoding: {bad.encoding}",
        )
