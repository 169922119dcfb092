"""HTML: prose from text nodes, located in the original file.

Parsed with the standard library's tokenizer (``html.parser``), which follows
the HTML5 tokenization rules closely enough for prose and reports where each
token starts. The text keeps the file as it is (so ``--fix`` edits it byte
for byte); the prose view blanks tags, comments, doctype and the content of
``script``, ``style``, ``code``, ``pre``, ``template``, ``textarea``,
``noscript``, ``svg``, ``math`` and hidden elements (``hidden``,
``aria-hidden="true"``, ``style="display:none"``). Block elements (``p``,
``li``, ``td``, headings...) start and end paragraphs. The text users read
in attributes is prose too: an image's ``alt`` text and any element's
``title`` (a tooltip), each a paragraph of its own at the value's place in
the file; other attributes (links, classes, data) are not.

Character references are decoded, so that ``AT&amp;T`` reads as "AT&T" and
``caf&eacute;`` as "café". A word that holds one is written decoded from the
word's first position and padded with spaces to the word's length in the
file: words stay whole, and a finding starts where its word starts. Such a
word's prose differs from the file, so no fix is ever applied inside it.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from checker.document import Block, BlockKind, Document, trim_span

# Elements whose content is not prose (script and style are raw text to the tokenizer anyway).
SKIPPED = frozenset({"script", "style", "code", "pre", "template", "textarea", "noscript", "svg", "math", "kbd", "samp", "var"})
_BLOCK_KINDS: dict[str, BlockKind] = {
    **{f"h{level}": "heading" for level in range(1, 7)},
    "title": "heading",
    "li": "list",
    "dt": "list",
    "dd": "list",
    "blockquote": "quote",
    "td": "table",
    "th": "table",
    "caption": "table",
}
BLOCKS = frozenset(
    {"address", "article", "aside", "body", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "head", "header",
     "hr", "html", "main", "nav", "ol", "p", "section", "summary", "details", "table", "tbody", "thead", "tfoot", "tr", "ul", "br"}
) | frozenset(_BLOCK_KINDS)
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"})
# Attributes whose text users read: an image's text alternative (shown when the image is not, read aloud by
# screen readers) and the tooltip of any element.
READ_ATTRIBUTES = frozenset({"alt", "title"})
_ATTRIBUTE = re.compile(r"""\s([A-Za-z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "hidden" or (name == "aria-hidden" and (value or "").lower() == "true"):
            return True
        if name == "style" and value and _DISPLAY_NONE.search(value):
            return True
    return False


class _Scanner(HTMLParser):
    """Collects text runs (with their offsets), comments and block boundaries."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = text
        # html.parser counts lines by "\n" only, with columns in characters: index them the same way.
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.pieces: list[tuple[int, int, str]] = []  # (start, end, decoded text) of prose in the file
        self.comments: list[tuple[int, int]] = []
        self.breaks: list[tuple[int, BlockKind | None]] = []  # block boundary at offset; kind of the block it opens
        self.skipping: list[list] = []  # [tag, depth] of the skipped elements we are in

    def here(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag == self.skipping[-1][0] and tag not in VOID:
                self.skipping[-1][1] += 1
            elif (tag in SKIPPED or _hidden(attrs)) and tag not in VOID:
                self.skipping.append([tag, 1])
            return
        if tag in BLOCKS:
            self.breaks.append((self.here(), _BLOCK_KINDS.get(tag)))
        if (tag in SKIPPED or _hidden(attrs)) and tag not in VOID:
            self.skipping.append([tag, 1])
        elif any(name in READ_ATTRIBUTES for name, _ in attrs):
            self._attributes()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping and tag in BLOCKS:
            self.breaks.append((self.here(), None))
        if not self.skipping and tag not in SKIPPED and not _hidden(attrs) and any(name in READ_ATTRIBUTES for name, _ in attrs):
            self._attributes()

    def _attributes(self) -> None:
        """The values of the attributes users read (``alt``, ``title``), each a paragraph of its own, in place."""
        raw = self.get_starttag_text() or ""
        start = self.here()
        for match in _ATTRIBUTE.finditer(raw):
            if match.group(1).lower() not in READ_ATTRIBUTES:
                continue
            group = next(k for k in (2, 3, 4) if match.group(k) is not None)
            value_start, value_end = start + match.start(group), start + match.end(group)
            if not match.group(group).strip():
                continue
            self.breaks.append((value_start, None))
            position = value_start
            for reference in _REFERENCE.finditer(self.source, value_start, value_end):
                if reference.start() > position:
                    self.pieces.append((position, reference.start(), self.source[position : reference.start()]))
                self.pieces.append((reference.start(), reference.end(), html.unescape(reference.group(0))))
                position = reference.end()
            if position < value_end:
                self.pieces.append((position, value_end, self.source[position:value_end]))
            self.breaks.append((value_end, None))

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            for index in range(len(self.skipping) - 1, -1, -1):
                if self.skipping[index][0] == tag:
                    self.skipping[index][1] -= 1
                    if self.skipping[index][1] == 0:
                        del self.skipping[index:]
                    break
            return
        if tag in BLOCKS:
            self.breaks.append((self.here(), None))

    def handle_data(self, data: str) -> None:
        if not self.skipping and data:
            start = self.here()
            self.pieces.append((start, start + len(data), data))

    def _reference(self, start: int, prefix: str, name: str) -> None:
        if self.skipping:
            return
        end = start + len(prefix) + len(name)
        if self.source.startswith(";", end):
            end += 1
        raw = self.source[start:end]
        self.pieces.append((start, end, html.unescape(raw)))

    def handle_entityref(self, name: str) -> None:
        self._reference(self.here(), "&", name)

    def handle_charref(self, name: str) -> None:
        self._reference(self.here(), "&#", name)

    def handle_comment(self, data: str) -> None:
        start = self.here()
        end = self.source.find("-->", start)
        self.comments.append((start, len(self.source) if end < 0 else end + 3))


def read(path: str, text: str) -> Document:
    """The HTML document: its text as in the file, prose from its text nodes."""
    scanner = _Scanner(text)
    scanner.feed(text)
    scanner.close()
    prose = _prose(text, scanner.pieces)
    blocks = _blocks(prose, scanner.breaks, len(text))
    return Document(path, text, prose, format="html", blocks=blocks, comments=scanner.comments)


def _prose(text: str, pieces: list[tuple[int, int, str]]) -> str:
    """Blank everything but the pieces; write each word that a reference changes from its first position."""
    blank = _NOT_BREAK.sub(_spaces, text)
    out = list(blank)
    index = 0
    while index < len(pieces):
        # A run of pieces that touch each other in the file: text and references with no tag between.
        run = [pieces[index]]
        index += 1
        while index < len(pieces) and pieces[index][0] == run[-1][1]:
            run.append(pieces[index])
            index += 1
        if len(run) == 1 and run[0][1] - run[0][0] == len(run[0][2]):
            start, end, data = run[0]
            out[start:end] = data
            continue
        _write_run(out, run)
    return "".join(out)


_NOT_BREAK = re.compile(r"[^\r\n]+")


def _spaces(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _write_run(out: list[str], run: list[tuple[int, int, str]]) -> None:
    """Write a run holding character references: each word decoded and left-aligned in its span."""
    chars: list[str] = []
    places: list[tuple[int, int]] = []  # each decoded character's span in the file
    for start, end, data in run:
        if end - start == len(data):
            chars.extend(data)
            places.extend((start + k, start + k + 1) for k in range(len(data)))
        else:  # a reference: its characters share its span
            chars.extend(data)
            places.extend((start, end) for _ in data)
    k = 0
    while k < len(chars):
        if chars[k] in "\r\n" or chars[k].isspace() and places[k][1] - places[k][0] == 1:
            out[places[k][0]] = chars[k]
            k += 1
            continue
        word_start = k
        while k < len(chars) and not (chars[k].isspace() and places[k][1] - places[k][0] == 1):
            k += 1
        begin, finish = places[word_start][0], places[k - 1][1]
        word = "".join(chars[word_start:k])
        if len(word) > finish - begin:  # a reference longer decoded than written (none in HTML5): cut
            word = word[: finish - begin]
        out[begin:finish] = word.ljust(finish - begin)


def _blocks(prose: str, breaks: list[tuple[int, BlockKind | None]], length: int) -> list[Block]:
    """Paragraph blocks between block-element boundaries (and blank lines within them)."""
    from checker.document import split_paragraphs

    blocks: list[Block] = []
    cuts = sorted(breaks) + [(length, None)]
    position, kind = 0, "paragraph"
    for at, opens in cuts:
        for block in split_paragraphs(prose, position, at):
            start, end = trim_span(prose, block.start, block.end)
            if start < end:
                blocks.append(Block(start, end, kind))  # type: ignore[arg-type]
        position = at
        kind = opens or "paragraph"
    return blocks
