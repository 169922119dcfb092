"""``factlint abbreviations``: the table of abbreviations of a set of documents."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _rows(out: str) -> dict[str, list[str]]:
    rows = [line.strip("|").split(" | ") for line in out.splitlines()[2:]]
    return {row[0].strip(): [cell.strip() for cell in row] for row in rows}


def test_seeds_table(project, run_cli) -> None:
    shutil.copytree(ROOT / "seeds", project / "seeds")
    code, out, _ = run_cli("abbreviations", "seeds/")
    assert code == 0
    assert out.splitlines()[0] == "| Abbreviation | Definition | Defined | First used | Count |"
    rows = _rows(out)
    assert rows["NRDL"][1:4] == ["National Reimbursement Drug List", "seeds/002_e270d6855d8f2230.txt:43", "seeds/002_e270d6855d8f2230.txt:43"]
    assert rows["TKI"][1] == "tyrosine kinase inhibitor"  # the plural definition in the other seed is the same long form
    assert rows["NMPA"][1].startswith("National Medical Products Administration")
    assert rows["CML"][1] == "chronic myeloid leukemia"
    assert rows["NRDLC"][2] == "not defined"  # a slip for NRDL, used once
    assert rows["HR-MDS"][2] == "by its parts"
    assert rows["CEO"][2] == "well known"
    assert "CP" not in rows  # part of the defined "CP CML"


def test_used_before_definition_and_counts(project, run_cli) -> None:
    (project / "a.md").write_text(
        "# Report\n\nThe ORR rose. The objective response rate (ORR) was 40%; ORR held. The XYZ arm closed.\n", encoding="utf-8"
    )
    code, out, _ = run_cli("abbreviations", "--format", "csv", "a.md")
    assert code == 0
    rows = {row["Abbreviation"]: row for row in csv.DictReader(io.StringIO(out))}
    assert rows["ORR"]["Definition"] == "objective response rate"
    assert rows["ORR"]["Defined"] == "a.md:3" and rows["ORR"]["First used"] == "a.md:3"
    assert rows["ORR"]["Count"] == "3"
    assert rows["XYZ"]["Defined"] == "not defined"


def test_json(project, run_cli) -> None:
    (project / "a.txt").write_text("A tyrosine kinase inhibitor (TKI) works. TKIs work.\n", encoding="utf-8")
    code, out, _ = run_cli("abbreviations", "--format", "json", "a.txt")
    assert code == 0
    (row,) = json.loads(out)
    assert row == {
        "acronym": "TKI",
        "long_form": "tyrosine kinase inhibitor",
        "defined": "a.txt:1",
        "first_used": "a.txt:1",
        "count": 2,
        "other_long_forms": [],
    }


def test_missing_path_exits_2(project, run_cli) -> None:
    code, _, err = run_cli("abbreviations", "nowhere.md")
    assert code == 2 and "nowhere.md" in err
