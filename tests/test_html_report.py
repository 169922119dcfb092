"""The html report: one self-contained page, every piece of document text escaped (read with a real HTML parser)."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest

from checker.formatters.html_text import Mark, fix_preview, render_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
# A document written to break a report: markup, a script end tag, an event handler, bidi and control characters.
HOSTILE = (
    "Revenue was \\$62.2 million </script><script>window.pwned = 1</script> and "
    '<img src=x onerror="window.pwned = 2"> and \u202eevil\u202c and a NUL \x00 here.\n'
    "<!-- --> ]]> &amp; &lt;b&gt; ' \" `\n"
)
HOSTILE_NAME = '"><img src=x onerror=alert(1)>.txt'


class Page(HTMLParser):
    """Every element with its attributes, the text inside <script> and <style>, and all other text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._raw: str | None = None

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("script", "style"):
            self._raw = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_endtag(self, tag):
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data):
        if self._raw == "script":
            self.scripts[-1] += data
        elif self._raw == "style":
            self.styles[-1] += data
        else:
            self.text.append(data)

    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.elements if "id" in attrs}

    def all(self, tag: str, **match: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag and all(a.get(k, "").split().count(v) if k == "class" else a.get(k) == v for k, v in match.items())]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def _asset(name: str) -> str:
    return resources.files("checker.formatters").joinpath(name).read_text(encoding="utf-8")


@pytest.fixture
def hostile(project):
    (project / HOSTILE_NAME).write_text(HOSTILE, encoding="utf-8")
    (project / "plain.txt").write_text("We met the the team. Sales were \\$5 million.\n", encoding="utf-8")
    return project


def test_a_hostile_document_cannot_break_the_page(hostile, run_cli):
    code, out, _ = run_cli("-f", "html", "--no-cache", "-j", "1", ".")
    assert code == 1
    page = parse(out)
    # One script, the report's own; no element the documents brought in; no event handler anywhere.
    assert page.scripts == [_asset("report.js")]
    assert page.styles == [_asset("report.css")]
    assert not page.all("img")
    assert all(not name.startswith("on") for _, attrs in page.elements for name in attrs)
    text = "".join(page.text)
    assert "</script><script>window.pwned = 1</script>" in text
    assert '<img src=x onerror="window.pwned = 2">' in text
    assert HOSTILE_NAME in text
    # Bidi and control characters are shown as escapes, never as themselves.
    assert "\u202e" not in out and "\x00" not in out
    assert "\\u202e" in text and "\\x00" in text
    # The document is shown with its findings marked.
    assert page.all("mark", **{"class": "hl"})


def test_the_page_asks_for_nothing_outside_itself(hostile, run_cli):
    _, out, _ = run_cli("-f", "html", "--no-cache", "-j", "1", ".")
    page = parse(out)
    for _, attrs in page.elements:
        for name in ("src", "href", "action", "data", "poster"):
            assert not attrs.get(name) or attrs[name].startswith("#"), (name, attrs[name])
    assert not re.search(r"url\(|@import|https?:", _asset("report.css"))
    policy = next(a["content"] for a in page.all("meta") if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy
    for body in (_asset("report.css"), _asset("report.js")):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        assert f"'sha256-{digest}'" in policy  # the inline style and script, and nothing else, may run


def test_every_link_lands_on_the_page_and_filters_cover_every_finding(run_cli, monkeypatch):
    monkeypatch.chdir(SEEDS.parent)
    _, out, _ = run_cli("-f", "html", "--no-cache", "-j", "1", "seeds/")
    page = parse(out)
    ids = page.ids()
    links = [a["href"][1:] for a in page.all("a") if a.get("href", "").startswith("#")]
    assert links and set(links) <= ids
    findings = page.all("article")
    _, json_out, _ = run_cli("-f", "json", "--no-cache", "-j", "1", "seeds/")
    import json

    expected = json.loads(json_out)["findings"]
    assert len(findings) == len(expected)
    assert [f["data-rule"] for f in findings] == [f["rule"] for f in expected]
    assert [f["data-confidence"] for f in findings] == [f["confidence"] for f in expected]
    confidences = {a["value"] for a in page.all("input") if a.get("data-filter") == "confidence"}
    assert confidences == {f["confidence"] for f in expected}
    rules = {a["value"] for a in page.all("input") if a.get("data-filter") == "rule"}
    assert rules == {f["rule"] for f in expected}
    # Each highlight names findings that exist; each finding has a highlight or a place in the text.
    marked = {ident for m in page.all("mark") for ident in m["data-f"].split()}
    assert marked == {f["id"] for f in findings}
    # Related places (NAM001's other spelling) are marked and linked.
    assert page.all("mark", **{"class": "rel"})
    assert "By rule" in page.text and "By document" in page.text


def test_fix_previews_show_the_old_and_the_new_text(hostile, run_cli):
    _, out, _ = run_cli("-f", "html", "--no-cache", "-j", "1", "plain.txt")
    page = parse(out)
    assert len(page.all("del")) == 2  # the doubled "the" and the escape's backslash
    assert "Fix (safe):" in page.text


def test_a_clean_run_is_a_page_too(project, run_cli):
    (project / "ok.txt").write_text("All is well here.\n", encoding="utf-8")
    code, out, _ = run_cli("-f", "html", "--no-cache", "-o", "report.html", "ok.txt")
    assert code == 0 and out == ""
    page = parse((project / "report.html").read_text(encoding="utf-8"))
    assert any("All clear" in t for t in page.text)


def _lines(html: str) -> list[str]:
    page = parse(html)
    return [a["id"] for a in page.all("span", **{"class": "l"})]


def test_marks_that_overlap_cross_lines_or_have_no_width():
    body = "alpha beta\r\ngamma delta\nlast"
    starts = [0, 12, 24]
    marks = [Mark(6, 16, "f1", "warning"), Mark(8, 10, "f2", "error"), Mark(10, 10, "f3", "info"), Mark(28, 28, "f4", "info")]
    html = render_text("d1", body, starts, marks)
    page = parse(html)
    assert _lines(html) == ["d1L1", "d1L2", "d1L3"]
    covered = [(m["data-f"], m["class"]) for m in page.all("mark")]
    assert ("f1", "hl sev-warning") in covered
    assert ("f1 f2", "hl sev-error") in covered  # the overlap takes the higher severity
    assert ("f3", "hl sev-info pt") in covered  # at a line end: a point, not the line break
    assert any(ids == "f4" for ids, _ in covered)
    assert "".join(page.text).replace("\n", "") == "alpha betagamma deltalast"


def test_a_long_document_shows_only_the_lines_around_its_marks(monkeypatch):
    from checker.formatters import html_text

    monkeypatch.setattr(html_text, "FULL_TEXT_LIMIT", 100)
    body = "".join(f"line {n}\n" for n in range(1, 101))
    starts = [i for i in range(len(body)) if i == 0 or body[i - 1] == "\n"]
    offset = starts[49]
    html = render_text("d1", body, starts, [Mark(offset, offset + 4, "f1", "warning")])
    assert _lines(html) == [f"d1L{n}" for n in range(47, 54)]
    assert "46 lines" in html and "47 lines" in html


def test_fix_preview_escapes_and_shows_spaces():
    assert fix_preview("a <b>x</b> c", 3, 4, "&") == "a &lt;<del>b</del><ins>&amp;</ins>&gt;x&lt;/b&gt; c"
    assert "\u2423" in fix_preview("one\n\ntwo", 3, 5, " ")
