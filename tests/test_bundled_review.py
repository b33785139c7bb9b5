"""The bundled Fafo review, run end to end from its data: 385 → 88 → 37 → 24, Table 3.1 and Vedlegg 1.

The expected figures below are the published ones (the report's Table 3.1); the tool computes its
own from the export files and recorded decisions, and these tests compare the two.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from review.cli import main
from tests.golden_files import GOLDEN_ROOT, check_golden_file
from tests.reports.reports_testdata import docx_text, svg_text

GOLDEN = GOLDEN_ROOT / "bundled"
PUBLISHED = {"no": (190, 31, 12, 9), "sv": (112, 22, 6, 3), "da": (15, 6, 2, 2), "en": (68, 29, 17, 10)}


def cli(*args) -> int:
    return main([str(a) for a in args])


def status(review: Path, capsys) -> dict:
    capsys.readouterr()
    assert cli("status", review, "--json") == 0
    return json.loads(capsys.readouterr().out)


def check_golden(name: str, text: str) -> None:
    check_golden_file(GOLDEN / name, text)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("bundled") / "fafo"
    assert cli("example", target, "--quiet") == 0
    return target


@pytest.fixture
def copy(bundled, tmp_path) -> Path:
    target = tmp_path / "fafo"
    shutil.copytree(bundled, target)
    return target


def family_counts(st: dict) -> dict:
    return {f: (v["unique"], v["1"], v["2"], v["3"]) for f, v in st["families"].items()}


def test_reproduces_the_published_flow(bundled, capsys):
    st = status(bundled, capsys)
    assert st["unique"] == 385 and st["undeduplicated"] == 0
    assert [st["stages"][s]["included"] for s in "123"] == [88, 37, 24]
    assert [st["stages"][s]["pending"] for s in "123"] == [0, 0, 0]
    assert family_counts(st) == PUBLISHED
    assert st["identified"] == st["unique"] + st["duplicates_removed"]
    assert st["stages"]["1"]["excluded_by_reason"]["Studentoppgave"] == st["stages"]["1"]["excluded_automatically"]


def test_table_3_1_golden(bundled, tmp_path):
    for suffix in ("md", "csv"):
        out = tmp_path / f"table.{suffix}"
        assert cli("export", bundled, "table", "-o", out) == 0
        check_golden(f"table_3_1.{suffix}", out.read_text(encoding="utf-8-sig"))


def test_vedlegg_1_golden_and_grouping(bundled, tmp_path):
    md = tmp_path / "vedlegg1.md"
    assert cli("export", bundled, "appendix", "-o", md) == 0
    text = md.read_text(encoding="utf-8")
    check_golden("vedlegg_1.md", text)
    assert sum(line.startswith("**") for line in text.splitlines()) == 24
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## Norske rapporter", "## Svenske og danske rapporter", "## Fagfellevurderte artikler"]
    docx = tmp_path / "vedlegg1.docx"
    assert cli("export", bundled, "appendix", "-o", docx) == 0
    check_golden("vedlegg_1.docx.txt", docx_text(docx))


def test_flow_diagram_golden(bundled, tmp_path):
    svg = tmp_path / "flow.svg"
    assert cli("export", bundled, "flow", "-o", svg) == 0
    check_golden("flow.svg.txt", svg_text(svg))


def included_rows(review: Path, tmp_path: Path) -> list[dict]:
    out = tmp_path / "included.csv"
    assert cli("export", review, "included", "-o", out) == 0
    with open(out, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_excluding_one_included_work_gives_23_everywhere(copy, tmp_path, capsys):
    rows = included_rows(copy, tmp_path)
    assert len(rows) == 24
    work_id = rows[0][next(k for k in rows[0] if k.lower() in ("work_id", "work"))]
    decisions = tmp_path / "change.csv"
    decisions.write_text("work_id,stage,decision,reason,reviewer,final\n"
                         f"{work_id},3,exclude,Svakt empirisk grunnlag,Anna,true\n", encoding="utf-8")
    assert cli("decide", copy, "--csv", decisions) == 0
    st = status(copy, capsys)
    assert st["stages"]["3"]["included"] == 23
    assert sum(v["3"] for v in st["families"].values()) == 23
    assert len(included_rows(copy, tmp_path)) == 23
    table = tmp_path / "t.csv"
    cli("export", copy, "table", "-o", table)
    total = list(csv.reader(open(table, encoding="utf-8-sig")))[-1]
    assert total[-1] == "23"
    appendix = tmp_path / "a.md"
    cli("export", copy, "appendix", "-o", appendix)
    entries = [line for line in appendix.read_text(encoding="utf-8").splitlines() if line.startswith("**")]
    assert len(entries) == 23


def test_removing_one_export_file_makes_the_counts_drop(tmp_path, capsys):
    from review.bundled import bundled_root, copy_bundled_review, run_review
    target = tmp_path / "fafo"
    copy_bundled_review(target)
    (target / "exports" / "oria" / "da.ris").unlink()
    report = run_review(target)
    assert any("da.ris" in w and "missing" in w for w in report.warnings)
    st = status(target, capsys)
    full = PUBLISHED["da"][0]
    assert st["unique"] < 385 and st["families"]["da"]["unique"] < full
    assert bundled_root() != target


def test_update_2023_2025_keeps_every_earlier_decision(copy, tmp_path, capsys):
    import sqlite3
    db = copy / "review.sqlite"
    with sqlite3.connect(db) as conn:
        before = conn.execute("select id, work_id, stage, decision, final from decisions order by id").fetchall()
        works_before = conn.execute("select count(*) from works where merged_into is null").fetchone()[0]
    manifest = copy / "exports" / "update-2023-2025" / "searches.toml"
    assert cli("update", copy, "--years", "2023-2025", "--manifest", manifest) == 0
    assert cli("dedup", copy) == 0
    with sqlite3.connect(db) as conn:
        after = conn.execute("select id, work_id, stage, decision, final from decisions order by id").fetchall()
        again = conn.execute(
            "select distinct w.id from works w join work_links l on l.work_id = w.id join raw_records r "
            "on r.id = l.raw_id join imports i on i.id = r.import_id where i.round_id = 2 and w.round_id = 1").fetchall()
        new_works = conn.execute("select count(*) from works where round_id = 2 and merged_into is null").fetchone()[0]
    assert after[:len(before)] == before  # nothing lost or changed
    assert len(again) == 3  # DOI added, title shortened, new issue year: recognised as earlier works

    from review.protocol import load_protocol
    from review.store import open_store
    from screening.queue import open_for
    protocol = load_protocol(copy)
    store = open_store(copy)
    try:
        with store.read() as conn:
            queue = set(open_for(conn, protocol, 1, "Anna"))
    finally:
        store.close()
    assert not queue & {w for (w,) in again}  # never asked for again
    st = status(copy, capsys)
    assert st["stages"]["3"]["included"] == 24  # the new round has not been screened yet
    capsys.readouterr()
    assert cli("status", copy, "--round", "2", "--json") == 0
    second = json.loads(capsys.readouterr().out)
    assert second["unique"] == new_works and second["duplicates_removed"] == second["identified"] - new_works
    # `review dedup` applied the protocol rules to the new works: a 2021 record outside the new years and a
    # master's thesis, each excluded with its reason
    flagged = 2
    assert second["stages"]["1"]["excluded_automatically"] == flagged
    assert set(second["stages"]["1"]["excluded_by_reason"]) == {"Utenfor tidsrommet", "Studentoppgave"}
    assert len(queue) == new_works - flagged
    assert "years = [2016, 2025]" in (copy / "review.toml").read_text(encoding="utf-8")
    flow_svg = tmp_path / "update.svg"
    assert cli("export", copy, "flow", "--round", "2", "-o", flow_svg) == 0
    labels = svg_text(flow_svg)
    assert "Tidligere studier" in labels and "(n = 24)" in labels  # the 24 of the first round
    log = tmp_path / "log.csv"
    assert cli("export", copy, "search-log", "--round", "2", "-o", log) == 0
    logged = list(csv.DictReader(open(log, encoding="utf-8-sig")))
    run_searches = [r for r in logged if r["files"]]
    assert len(run_searches) == 3 and all("2025-10-14" in ",".join(r.values()) for r in run_searches)
