"""The PDF reader: reading order, hyphenation, locations; scanned, encrypted and damaged files; no fixes."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from checker.readers import UnreadableDocument, read_document
from checker.readers.pdf import join_hyphenation
from checker.testing import lint_sources

DATA = Path(__file__).parent / "data" / "formats"
GROFF = DATA / "groff-report.pdf"  # typeset by groff -ms -Tpdf from report.ms: real hyphenation
sys.path.insert(0, str(Path(__file__).parent / "formats"))
import make  # noqa: E402


def _pdf(*pages: list[tuple[float, float, str]], encrypt: bool = False) -> bytes:
    """A PDF with text placed at (x, y) millimetres on each page."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("body", fname=make.FONT)
    pdf.set_font("body", size=10)
    for page in pages:
        pdf.add_page()
        for x, y, text in page:
            pdf.text(x, y, text)
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    return bytes(pdf.output())


def test_a_real_pdf_with_hyphenation_joined() -> None:
    doc = read_document("report.pdf", GROFF.read_bytes())[0]
    assert doc.format == "pdf"
    assert "internationalization" in doc.text and "manufacturing" in doc.text
    assert "in-\n" not in doc.text and "manufac-" not in doc.text
    assert "first- and second-generation" in doc.text  # a suspended hyphen stays
    assert doc.locations[0] == "page 1, line 1"


def test_findings_give_page_and_line(project, run_cli) -> None:
    shutil.copy(GROFF, project / "report.pdf")
    code, out, err = run_cli("report.pdf", "--select", "TXT004", "-f", "json", "--no-cache")
    assert code == 1, err
    [finding] = json.loads(out)["findings"]
    assert (finding["line"], finding["location"]) == (2, "page 1, line 2")


@pytest.mark.parametrize(
    "lines, joined",
    [
        (["the infor-", "mation is here"], ["the information", "is here"]),
        (["a well-", "known name"], ["a well-known", "name"]),
        (["first- and second-", "line therapy"], ["first- and second-line", "therapy"]),
        (["pre-", "and post-operative"], ["pre-", "and post-operative"]),
        (["the manufac-", "turing."], ["the manufacturing.", ""]),
        (["Ends with a dash -", "next"], ["Ends with a dash -", "next"]),
    ],
)
def test_join_hyphenation(lines: list[str], joined: list[str]) -> None:
    assert join_hyphenation(lines) == joined


def test_two_columns_are_read_one_after_the_other() -> None:
    left = [(10, 20 + 5 * i, f"Left column line {i} of the first story.") for i in range(8)]
    right = [(110, 20 + 5 * i, f"Right column line {i} of the second story.") for i in range(8)]
    doc = read_document("columns.pdf", _pdf(left + right))[0]
    assert doc.text.index("Left column line 7") < doc.text.index("Right column line 0")
    assert doc.text.index("Left column line 0") < doc.text.index("Left column line 7")


def test_pages_and_lines_on_each_page() -> None:
    doc = read_document("pages.pdf", _pdf([(10, 20, "First page.")], [(10, 20, "Second page."), (10, 60, "Far below.")]))[0]
    assert doc.locations == ["page 1, line 1", "page 2, line 1", "page 2, line 2"]


def test_ligatures_and_cid_codes_reach_the_encoding_rules() -> None:
    data = _pdf([(10, 20, "The \ufb01ve patients were treated.")])
    result = lint_sources({"lig.pdf": data}, select=["ENC"])
    assert [d.rule for d in result.diagnostics] == ["ENC008"]
    # Without its font map (ToUnicode), a PDF's glyphs come out as (cid:N) codes.
    broken = data.replace(b"/ToUnicode", b"/ToUnicodX")
    doc = read_document("cid.pdf", broken)[0]
    assert "(cid:" in doc.text


def test_a_scanned_pdf_has_no_text_to_check() -> None:
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    pdf.add_page()
    pdf.image(Image.new("L", (200, 100), 255), x=10, y=10, w=100)
    with pytest.raises(UnreadableDocument, match="no text to check"):
        read_document("scan.pdf", bytes(pdf.output()))


def test_an_encrypted_pdf_is_a_clear_notice() -> None:
    with pytest.raises(UnreadableDocument, match="encrypted PDF"):
        read_document("locked.pdf", _pdf([(10, 20, "Secret text.")], encrypt=True))


@pytest.mark.parametrize("data", [b"%PDF-1.7\n garbage", GROFF.read_bytes()[:2000], b"not a pdf at all"])
def test_a_damaged_pdf_is_a_notice(data: bytes) -> None:
    with pytest.raises(UnreadableDocument):
        read_document("broken.pdf", data)


def test_a_named_scanned_or_damaged_pdf_fails_the_run(project, run_cli) -> None:
    (project / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    code, _, err = run_cli("broken.pdf")
    assert code == 2
    assert "broken.pdf: not checked:" in err and "Traceback" not in err


def test_fix_leaves_a_pdf_alone(project, run_cli) -> None:
    shutil.copy(GROFF, project / "report.pdf")
    before = (project / "report.pdf").read_bytes()
    code, _, err = run_cli("report.pdf", "--select", "TXT004", "--fix", "--no-cache")
    assert code == 1
    assert "report.pdf: not fixed: factlint does not rewrite PDF documents" in err
    assert (project / "report.pdf").read_bytes() == before


def test_a_pdf_under_another_name_is_recognised() -> None:
    assert read_document("report.txt", GROFF.read_bytes())[0].format == "pdf"


def _form_xobject_pdf(text: str) -> bytes:
    """A one-page PDF whose text is drawn inside a form XObject, as some producers write every page."""
    form = f"BT /F1 12 Tf 72 700 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Fm1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length 8 >>\nstream\n/Fm1 Do\nendstream",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> >> /Length "
        + str(len(form)).encode() + b" >>\nstream\n" + form + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_text_inside_a_form_xobject_is_read() -> None:
    result = lint_sources({"form.pdf": _form_xobject_pdf("It was the the best result.")}, select=["TXT004"])
    assert [(d.rule, d.location) for d in result.diagnostics] == [("TXT004", "page 1, line 1")]


@pytest.mark.parametrize("fmt", ["full", "sarif"])
def test_a_pdf_is_parsed_once_per_run(project, run_cli, monkeypatch, fmt: str) -> None:
    """The formatters' source lines and the SARIF fingerprints reuse the document read by the run."""
    import checker.readers as readers
    import checker.readers.pdf as pdf

    shutil.copy(GROFF, project / "report.pdf")
    monkeypatch.setattr(readers, "_BINARY_MEMO", type(readers._BINARY_MEMO)())
    calls = []
    original = pdf.read_bytes
    monkeypatch.setattr(pdf, "read_bytes", lambda path, data: calls.append(path) or original(path, data))
    code, out, err = run_cli("report.pdf", "--select", "TXT004", "-f", fmt, "--no-cache")
    assert code == 1, err
    assert "TXT004" in out
    assert calls == ["report.pdf"]
