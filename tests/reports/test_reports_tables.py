"""Table 3.1 from a hand-built SYNTHETIC flow, in CSV, Markdown and XLSX."""

import csv

from reports_testdata import check_golden, synthetic_flow, xlsx_text

from review.reports.table31 import table_3_1
from review.reports.tabular import sheet_name, write_csv, write_markdown, write_xlsx
from screening.flowtypes import FamilyCount


def test_columns_come_from_the_protocol_and_total_row_adds_up(protocol):
    table = table_3_1(synthetic_flow(), protocol)
    assert table.columns == [
        "Kilde",
        "Søkeord",
        "Søkeresultater",
        "Første vurdering",
        "Andre vurdering",
        "Inkluderte bidrag",
    ]
    assert table.rows[0][:2] == ["Google Scholar/Oria", "Karriereveiledning + flyktninger/innvandrere"]
    assert table.rows[-1] == ["Totalt", "", 6, 5, 5, 4]
    body = table.rows[:-1]
    assert [sum(r[i] for r in body) for i in range(2, 6)] == table.rows[-1][2:]


def test_works_without_a_family_get_their_own_row(protocol):
    flow = synthetic_flow()
    flow.families = [f for f in flow.families if f.family != "sv"] + [FamilyCount("xx", "gone", 0, {})]
    table = table_3_1(flow, protocol)
    assert table.rows[-2] == ["", "Uten søkefamilie", 1, 1, 1, 1]
    assert table.rows[-1][2:] == [6, 5, 5, 4]


def test_table_3_1_golden_files(protocol, tmp_path):
    table = table_3_1(synthetic_flow(), protocol)
    write_csv(table, tmp_path / "t.csv")
    write_markdown(table, tmp_path / "t.md")
    write_xlsx([("Tabell 3.1", table)], tmp_path / "t.xlsx")
    raw = (tmp_path / "t.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads the file as UTF-8
    check_golden("table_3_1.csv", (tmp_path / "t.csv").read_text(encoding="utf-8-sig"))
    check_golden("table_3_1.md", (tmp_path / "t.md").read_text(encoding="utf-8"))
    check_golden("table_3_1.xlsx.txt", xlsx_text(tmp_path / "t.xlsx"))
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle))[0] == "Kilde"


def test_sheet_names_are_valid_and_unique():
    taken: set[str] = set()
    assert sheet_name("Norske/danske: rapporter [2016]", taken) == "Norske danske  rapporter  2016"
    long = "x" * 40
    assert sheet_name(long, taken) == "x" * 31
    assert sheet_name(long, taken) == "x" * 27 + " (2)"
