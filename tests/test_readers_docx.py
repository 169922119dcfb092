"""The Word reader: reading order, locations, footnotes, tables; damaged files; no fixes."""

from __future__ import annotations

import io
import json
import shutil
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from checker.readers import UnreadableDocument, read_document

DATA = Path(__file__).parent / "data"
PANDOC = DATA / "formats" / "pandoc-report.docx"  # saved by pandoc from formats/report.md


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_real_document_in_reading_order_with_locations() -> None:
    doc = read_document("report.docx", PANDOC.read_bytes())[0]
    assert doc.format == "docx"
    assert doc.locations == [
        "paragraph 1", "paragraph 2",
        "table 1, row 1, cell 1", "table 1, row 1, cell 2", "table 1, row 2, cell 1", "table 1, row 2, cell 2",
        "paragraph 3", "paragraph 4", "paragraph 5", "footnote 1",
    ]
    assert [b.kind for b in doc.paragraphs][:3] == ["heading", "paragraph", "table"]
    assert doc.line_text(10) == "The figure is from the the unaudited accounts."
    assert "AT&T" in doc.text


def test_findings_give_paragraph_character_and_location(project, run_cli) -> None:
    shutil.copy(PANDOC, project / "report.docx")
    code, out, err = run_cli("report.docx", "--select", "TXT004", "-f", "json", "--no-cache")
    assert code == 1, err
    found = [(f["line"], f["column"], f["location"]) for f in json.loads(out)["findings"]]
    assert found == [(2, 57, "paragraph 2"), (6, 17, "table 1, row 2, cell 2"), (8, 18, "paragraph 4"), (10, 20, "footnote 1")]


def test_sarif_gives_a_logical_location(project, run_cli) -> None:
    import jsonschema

    shutil.copy(PANDOC, project / "report.docx")
    code, out, _ = run_cli("report.docx", "--select", "TXT004", "-f", "sarif", "--no-cache")
    log = json.loads(out)
    jsonschema.validate(log, json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    location = log["runs"][0]["results"][1]["locations"][0]
    assert location["logicalLocations"] == [{"name": "table 1, row 2, cell 2", "kind": "element"}]
    assert "region" not in location["physicalLocation"]


def test_full_output_shows_the_paragraph(project, run_cli) -> None:
    shutil.copy(PANDOC, project / "report.docx")
    code, out, _ = run_cli("report.docx", "--select", "TXT004", "--no-cache")
    assert "= at: table 1, row 2, cell 2" in out
    assert "It was approved in in July." in out


def test_merged_cells_once_and_cells_with_several_paragraphs() -> None:
    document = docx.Document()
    document.add_heading("Results", 1)
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Sales by product"
    table.cell(1, 0).text = "Lisafoclax"
    table.cell(1, 1).text = "First line"
    table.cell(1, 1).add_paragraph("Second line")
    document.add_paragraph("After the table.")
    doc = read_document("t.docx", _save(document))[0]
    assert doc.locations == [
        "paragraph 1", "table 1, row 1, cell 1", "table 1, row 2, cell 1",
        "table 1, row 2, cell 2, paragraph 1", "table 1, row 2, cell 2, paragraph 2", "paragraph 2",
    ]
    assert doc.text.count("Sales by product") == 1


def test_tracked_deletions_and_field_codes_are_not_text() -> None:
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("Kept ")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.append(parse_xml(f'<w:del {w} w:id="1" w:author="a"><w:r><w:delText>deleted the the</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins {w} w:id="2" w:author="a"><w:r><w:t>inserted</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:r {w}><w:instrText> PAGE </w:instrText></w:r>'))
    doc = read_document("t.docx", _save(document))[0]
    assert doc.text == "Kept inserted"


@pytest.mark.parametrize(
    "data, says",
    [
        (b"PK\x03\x04 this is not a zip archive at all", "not a readable Word document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "encrypted Word document"),
        (b"just text in a file named .docx", "not a readable Word document"),
    ],
)
def test_damaged_documents_are_a_notice_not_a_traceback(data: bytes, says: str) -> None:
    with pytest.raises(UnreadableDocument, match=says):
        read_document("broken.docx", data)


def test_a_zip_that_is_not_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(UnreadableDocument):
        read_document("broken.docx", out.getvalue())


def test_a_named_corrupt_docx_fails_the_run_with_a_clear_message(project, run_cli) -> None:
    (project / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    code, out, err = run_cli("broken.docx")
    assert code == 2
    assert "broken.docx: not checked: not a readable Word document" in err
    assert "Traceback" not in err


def test_fix_leaves_a_word_document_alone(project, run_cli) -> None:
    shutil.copy(PANDOC, project / "report.docx")
    before = (project / "report.docx").read_bytes()
    code, out, err = run_cli("report.docx", "--select", "TXT004", "--fix", "--no-cache")
    assert code == 1
    assert "report.docx: not fixed: factlint does not rewrite Word documents" in err
    assert (project / "report.docx").read_bytes() == before


def test_a_docx_without_a_docx_extension_is_recognised() -> None:
    assert read_document("report.bin", PANDOC.read_bytes())[0].format == "docx"


@pytest.mark.parametrize("module, path, data", [("docx", "a.docx", PANDOC.read_bytes()), ("pdfminer.high_level", "a.pdf", b"%PDF-1.4\n")])
def test_without_the_office_extra_the_notice_says_how_to_install_it(monkeypatch, module: str, path: str, data: bytes) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    with pytest.raises(UnreadableDocument, match=r"pip install 'factlint\[office\]'"):
        read_document(path, data)
