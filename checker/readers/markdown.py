"""Markdown: a line scanner that blanks what is not prose and labels blocks.

Not prose, and never linted: front matter, fenced and indented code blocks,
inline code, HTML comments and tags, link and image targets, autolinks and
bare URLs, reference definitions, and Markdown syntax itself (heading marks,
list markers, quote marks, table pipes, emphasis marks, the backslash of an
escape such as ``\\$``). What remains keeps its offsets, so every position
refers to the original file. This is deliberately a scanner, not a full
CommonMark parser: linting needs to know what is prose, not how to render it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from checker.document import Block, BlockKind, Document, line_starts, new_block
from checker.readers.markdown_inline import comments as _comments
from checker.readers.markdown_inline import images as _images
from checker.readers.markdown_inline import inline_code as _inline_code
from checker.readers.markdown_inline import links as _links

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_THEMATIC = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?(?:[ \t]+|$)")
_QUOTE = re.compile(r"[ \t]{0,3}>[ \t]?")
# A table's delimiter row: one dash per cell is enough after a pipe ("|-|---|", as GFM reads it); without a
# leading pipe the first cell takes two, so that a list item's "-" is not one.
_TABLE_SEPARATOR = re.compile(r"[ \t]*(?:\|[ \t]*:?-+:?|:?-{2,}:?)[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)*\|?[ \t]*$")
_REFERENCE_DEF = re.compile(r" {0,3}\[[^\]]+\]:[ \t]*\S+")
_HTML_BLOCK = re.compile(r" {0,3}</?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?/?>[ \t]*$")

# Inline constructs that are not prose, blanked entirely. Inline code, HTML comments,
# images and links are found by the one-pass scanners of markdown_inline.
# Each pattern opens with its literal first character(s), and what must not
# precede a match is checked just after that character by a look-behind that
# spans it (``h(?<!\wh)`` in the bare-URL pattern: no letter before the "h"): the engine
# then skips straight to the candidates (several times faster than a leading
# look-behind or look-ahead, which it cannot skip with).
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>")
_BARE_URL = re.compile(r"(?:h(?<!\wh)ttps?://|f(?<!\wf)tp://|w(?<!\ww)ww\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_ESCAPE = re.compile(r"\\(?=[!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
# A run of one to three "*" or "_", or "~~", that opens (nothing but a blank or punctuation before it,
# something after it) or closes (something before it, no letter or digit after it) emphasis: one
# pattern per mark, each searched only in a text holding its mark. (A match is a run of one mark,
# so the three find together what their alternation finds; each, opening with its literal mark,
# is searched several times faster than the alternation, which tests every character.)
_EMPHASIS = (
    ("*", re.compile(r"\*(?:(?<![\w\\]\*)\*{0,2}(?=\S)|(?<=\S\*)\*{0,2}(?!\w))")),
    ("_", re.compile(r"_(?:(?<![\w\\]_)_{0,2}(?=\S)|(?<=\S_)_{0,2}(?!\w))")),
    ("~", re.compile(r"~(?:(?<![\w\\]~)~(?=\S)|(?<=\S~)~(?!\w))")),
)


def read(path: str, text: str) -> Document:
    blank: list[tuple[int, int]] = []
    code: list[tuple[int, int]] = []
    lines, starts = _lines(text)
    blocks = _scan_blocks(text, lines, starts, blank, code)
    # HTML comments outside code (a comment shown inside a code block is an example, not a comment)
    comments: list[tuple[int, int]] = []
    if "<!--" in text:  # blanking only turns characters into spaces: it never makes a "<!--"
        without_code = apply_blanks(text, list(code))
        without_code = apply_blanks(without_code, _inline_code(without_code))
        comments = _comments(without_code)
        blank.extend(comments)
    prose = apply_blanks(text, blank)
    prose = _blank_inline(prose)
    document = Document(path, text, prose=prose, format="markdown", blocks=_trim_blocks(prose, blocks), comments=comments)
    document.line_starts = starts  # (a cached property: computed once, here)
    return document


def _lines(text: str) -> tuple[list[str], list[int]]:
    """Each line's content, without its line break (a last empty line is left out), and the text's ``line_starts``."""
    if "\r" not in text:
        # Line feeds only: one split gives both, each line starting one past the end of the one before.
        contents = text.split("\n")
        starts = list(accumulate(map(_succ, map(len, contents)), initial=0))
        starts.pop()  # (one past the text's end)
    else:
        starts = line_starts(text)
        ends = starts[1:]
        ends.append(len(text))
        contents = [text[start:end].rstrip("\r\n") for start, end in zip(starts, ends)]
    if contents and not contents[-1] and starts[-1] == len(text):  # (only the last line can be empty)
        contents.pop()
    return contents, starts


_succ = (1).__add__


def _scan_blocks(
    text: str, lines: list[str], starts: list[int], blank: list[tuple[int, int]], code: list[tuple[int, int]]
) -> list[tuple[int, int, BlockKind]]:
    """The blocks as ``(start, end, kind)`` (``lines`` and ``starts``: see ``_lines``); what is not prose is added to
    ``blank``, code also to ``code``.

    One pass over the lines. The open block is kept in three locals (``kind`` None: none is open),
    and most lines, prose that starts with a letter, take the first test's short way.
    """
    count = len(lines)
    blocks: list[tuple[int, int, BlockKind]] = []
    add_block = blocks.append
    add_blank = blank.append
    add_code = code.append
    open_start = open_end = 0
    open_kind: BlockKind | None = None

    i = 0
    front = _FRONT_MATTER.match(text)
    if front:
        marker = text[: 3]
        for j in range(1, count):
            content = lines[j].strip()
            if content == marker or (marker == "---" and content == "..."):
                add_blank((0, starts[j + 1] if j + 1 < len(starts) else len(text)))
                i = j + 1
                break

    # Runs of lines starting with an ASCII letter and without "|" (paragraph lines) are passed over
    # by one match; line feeds only, where the lines are the text's split at "\n".
    prose_lines = _PROSE_LINES.match if "\r" not in text else None
    previous_blank = True
    in_list = False
    while i < count:
        content = lines[i]
        start = starts[i]
        line_end = start + len(content)
        i += 1
        if not content or content.isspace():
            if open_kind is not None:
                add_block((open_start, open_end, open_kind))
                open_kind = None
            previous_blank = True
            continue
        if content[0].isalpha() and "|" not in content:
            # Most lines: prose starting with a letter. No block construct starts with a letter
            # (each needs a space, "#", ">", "-", "*", "+", "_", "=", "`", "~", "<", "[" or a digit first).
            # It continues an open paragraph or list, or opens a paragraph.
            previous_blank = False
            if open_kind != "paragraph" and open_kind != "list":
                if open_kind is not None:
                    add_block((open_start, open_end, open_kind))
                open_start, open_kind = start, "paragraph"
            open_end = line_end
            if prose_lines is not None and i < count:
                # The following lines of the same kind, each of which would continue this block.
                run = prose_lines(text, line_end + 1)
                if run is not None:
                    open_end = run.end()
                    i += text.count("\n", line_end + 1, open_end)
                    if text.endswith("\n", 0, open_end):
                        open_end -= 1
                    else:  # the last line, without a line break
                        i += 1
            continue
        # The first character other than a blank: each block pattern is tried only
        # when it is the character the construct must start with.
        first = content.lstrip(" \t")[0]
        fence_match = _FENCE.match(content) if first in "`~" else None
        if fence_match:
            if open_kind is not None:
                add_block((open_start, open_end, open_kind))
                open_kind = None
            # A fenced block is blanked as one span, from its opening line to its closing one
            # (an unclosed fence runs to the end of the last line).
            i = _closing_fence(text, starts, lines, i, fence_match.group(1)) + 1
            fence_end = starts[i - 1] + len(lines[i - 1])
            add_blank((start, fence_end))
            add_code((start, fence_end))
            continue
        if "<!--" in content and content.lstrip().startswith("<!--") and "-->" not in content:
            if open_kind is not None:
                add_block((open_start, open_end, open_kind))
                open_kind = None
            # The lines up to the one that closes the comment, that one too, are passed over.
            close = text.find("-->", starts[i]) if i < count else -1
            i = count if close < 0 else bisect_right(starts, close)
            continue
        if previous_blank and not in_list and content.startswith(("    ", "\t")):
            if open_kind is not None:
                add_block((open_start, open_end, open_kind))
                open_kind = None
            add_blank((start, line_end))
            add_code((start, line_end))
            continue
        previous_blank = False
        if (first == "[" and _REFERENCE_DEF.match(content)) or (first == "<" and _HTML_BLOCK.match(content)):
            if open_kind is not None:
                add_block((open_start, open_end, open_kind))
                open_kind = None
            add_blank((start, line_end))
            continue
        heading = _HEADING.match(content) if first == "#" else None
        if heading:
            if open_kind is not None:
                add_block((open_start, open_end, open_kind))
                open_kind = None
            add_blank((start, start + heading.end()))
            trailing = _TRAILING_HASHES.search(content)
            if trailing:
                add_blank((start + trailing.start(), line_end))
            add_block((start, line_end, "heading"))
            in_list = False
            continue
        if first in "*-_" and _THEMATIC.match(content):
            if open_kind is not None:
                add_block((open_start, open_end, open_kind))
                open_kind = None
            add_blank((start, line_end))
            continue
        if first in "=-" and open_kind == "paragraph" and _SETEXT.match(content):
            add_blank((start, line_end))
            add_block((open_start, open_end, "heading"))
            open_kind = None
            continue
        quote = _QUOTE.match(content) if first == ">" else None
        kind: BlockKind = "paragraph"
        if quote:
            add_blank((start, start + quote.end()))
            kind = "quote"
        elif "|" in content and (_TABLE_SEPARATOR.match(content) or open_kind == "table" or (i < count and _TABLE_SEPARATOR.match(lines[i]))):
            if _TABLE_SEPARATOR.match(content):
                add_blank((start, line_end))
            else:
                offset = content.find("|")
                while offset != -1:
                    add_blank((start + offset, start + offset + 1))
                    offset = content.find("|", offset + 1)
            kind = "table"
        else:
            item = _LIST_ITEM.match(content) if first in "-*+" or first.isdecimal() else None
            if item and open_kind == "paragraph" and not _may_interrupt(content, item.end()):
                # CommonMark: a list interrupts a paragraph only with an item that is not empty and, if ordered,
                # numbered 1 ("opened Saturday, October 19,\n2024. It closes" goes on with the year).
                item = None
            if item:
                if open_kind is not None:
                    add_block((open_start, open_end, open_kind))
                    open_kind = None
                add_blank((start, start + item.end()))
                kind = "list"
                in_list = True
            elif open_kind == "list":
                kind = "list"
        if open_kind == kind:
            open_end = line_end
        else:
            if open_kind is not None:
                add_block((open_start, open_end, open_kind))
            open_start, open_end, open_kind = start, line_end, kind
    if open_kind is not None:
        add_block((open_start, open_end, open_kind))
    return blocks


def _may_interrupt(content: str, marker_end: int) -> bool:
    """Whether the list item that opens ``content`` (its marker ending at ``marker_end``) may interrupt a paragraph."""
    if not content[marker_end:].strip():
        return False
    number = content[: marker_end].strip().split(None, 1)[0].rstrip(".)")
    return not number.isdecimal() or int(number) == 1


_TRAILING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
# One or more whole lines each starting with an ASCII letter, without "|" (text with line feeds only).
_PROSE_LINES = re.compile(r"(?:[A-Za-z][^|\n]*(?:\n|\Z))+")


def _closing_fence(text: str, starts: list[int], lines: list[str], i: int, fence: str) -> int:
    """The number of the line, from line ``i`` on, that closes a fence opened by ``fence`` (the last line if none does).

    A closing line holds nothing but the fence's character, at least as many as ``fence``, and blanks:
    only the lines holding ``fence`` are looked at, found by a search of the text.
    """
    count = len(lines)
    fence_char = fence[0]
    at = text.find(fence, starts[i]) if i < count else -1
    while at != -1:
        line = bisect_right(starts, at) - 1
        stripped = lines[line].strip()
        if stripped.startswith(fence) and not stripped.lstrip(fence_char):
            return line
        if line + 1 >= count:
            break
        at = text.find(fence, starts[line + 1])
    return count - 1


def apply_blanks(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    spans.sort()
    pieces: list[str] = []
    add = pieces.append
    position = 0
    find = text.find
    lf_only = "\r" not in text
    for start, end in spans:
        if start < position:
            start = position
        if end <= start:
            continue
        add(text[position:start])
        # Spaces for the span, its line breaks kept (most spans lie within one line).
        if find("\n", start, end) < 0 and (lf_only or find("\r", start, end) < 0):
            add(" " * (end - start))
        elif lf_only:
            add("\n".join([" " * len(line) for line in text[start:end].split("\n")]))
        else:
            add(_NOT_BREAK.sub(" ", text[start:end]))
        position = end
    add(text[position:])
    return "".join(pieces)


_NOT_BREAK = re.compile(r"[^\r\n]")


def _blank_inline(prose: str) -> str:
    # Each pattern is tried only when the text holds a string every match of it contains.
    spans: list[tuple[int, int]] = []
    if "`" in prose:
        spans += _inline_code(prose)
    if "<" in prose:
        spans += [m.span() for m in _AUTOLINK.finditer(prose)]
    if "![" in prose:
        spans += _images(prose)
    if "<" in prose:
        spans += [m.span() for m in _HTML_TAG.finditer(prose)]
    prose = apply_blanks(prose, spans)
    if "]" in prose:
        spans = []
        for start, text_end, end in _links(prose):
            spans.append((start, start + 1))
            spans.append((text_end, end))
        prose = apply_blanks(prose, spans)
    spans = []
    if "://" in prose or "www." in prose:
        spans += _bare_urls(prose)
    if "\\" in prose:
        spans += [m.span() for m in _ESCAPE.finditer(prose)]
    for mark, emphasis in _EMPHASIS:
        if mark in prose:
            spans += [m.span() for m in emphasis.finditer(prose)]
    return apply_blanks(prose, spans)


def _bare_urls(prose: str) -> list[tuple[int, int]]:
    """The spans of ``_BARE_URL.finditer(prose)``, the pattern tried only where "://" or "www." puts a candidate.

    Every match starts at "http", "https" or "ftp" just before a "://", or at a "www.": trying the pattern
    at those places, left to right and past each match, finds the same matches as the search, which tried
    it at every "h", "f" and "w" of the text.
    """
    candidates: list[int] = []
    find = prose.find
    at = find("://")
    while at != -1:
        candidates.extend((at - 5, at - 4, at - 3))
        at = find("://", at + 3)
    at = find("www.")
    while at != -1:
        candidates.append(at)
        at = find("www.", at + 1)
    spans = []
    last = 0
    match = _BARE_URL.match
    for start in sorted(set(candidates)):
        if start < last:
            continue
        found = match(prose, start)
        if found is not None:
            spans.append(found.span())
            last = found.end()
    return spans


def _trim_blocks(prose: str, blocks: list[tuple[int, int, BlockKind]]) -> list[Block]:
    """The blocks narrowed past the blanks at both ends (``trim_span``); those left empty are dropped."""
    out: list[Block] = []
    append = out.append
    for start, end, kind in blocks:
        if start >= end:
            continue
        # Most blocks start with a blank (a list marker, a heading's "#", a table's pipe): their blanks
        # are measured by stripping a copy of the block, not stepped over one by one.
        if prose[start].isspace() or prose[end - 1].isspace():
            block = prose[start:end]
            kept = block.strip()
            if not kept:
                continue
            start += len(block) - len(block.lstrip())
            end = start + len(kept)
        append(new_block(start, end, kind))
    return out
