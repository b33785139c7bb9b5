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

pytestmark = pytest.mark.slow  # every test runs the bundled review (385 works) end to end: seconds each

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
    # Scholar cannot filter theses out: the team excluded the 51 at stage 1, as the report did
    assert st["stages"]["1"]["excluded_by_reason"]["Studentoppgave"] == 51
    assert st["stages"]["1"]["excluded_automatically"] == 0
    assert st["uncertain_pairs"] == 0  # the lead's verdicts in decisions/pairs.csv


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
    decisions.write_text(
        f"work_id,stage,decision,reason,reviewer,final\n{work_id},3,exclude,Svakt empirisk grunnlag,Anna,true\n",
        encoding="utf-8",
    )
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
    from review.bundled import bundled_root, copy_bundled_review
    from review.pipeline import run_review

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
    manifest = copy / "exports" / "update-2023-2025" / "searches.toml"
    assert cli("update", copy, "--years", "2023-2025", "--manifest", manifest) == 0
    assert cli("dedup", copy) == 0
    with sqlite3.connect(db) as conn:
        after = conn.execute("select id, work_id, stage, decision, final from decisions order by id").fetchall()
        again = conn.execute(
            "select distinct w.id from works w join work_links l on l.work_id = w.id join raw_records r "
            "on r.id = l.raw_id join imports i on i.id = r.import_id where i.round_id = 2 and w.round_id = 1"
        ).fetchall()
        new_works = conn.execute("select count(*) from works where round_id = 2 and merged_into is null").fetchone()[0]
    assert after[: len(before)] == before  # nothing lost or changed
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


# --- issue 24: the bundled review exactly as published, with stand-ins that cannot leak -----------------

GENERATOR = Path(__file__).resolve().parents[1] / "fafo_data"


def _tools():
    import sys

    if str(GENERATOR) not in sys.path:
        sys.path.insert(0, str(GENERATOR))


def test_example_runs_quietly_and_status_says_the_pair_queue_is_empty(tmp_path, capsys):
    assert cli("example", tmp_path / "fafo") == 0
    out = capsys.readouterr().out
    assert "Flagged" not in out  # every stage-2 work the records do not vouch for is rated
    assert "recorded verdicts on uncertain pairs applied" in out
    assert cli("status", tmp_path / "fafo") == 0
    assert "Uncertain duplicate pairs: none waiting" in capsys.readouterr().out


def test_flow_diagram_screens_what_table_3_1_counts_at_stage_1(bundled, tmp_path, capsys):
    svg = tmp_path / "flow.svg"
    assert cli("export", bundled, "flow", "-o", svg) == 0
    labels = svg_text(svg).splitlines()
    screened = labels[labels.index("Poster screenet") + 1]
    st = status(bundled, capsys)
    assert screened == f"(n = {st['stages']['1']['screened']})" == "(n = 385)"
    table = tmp_path / "t.csv"
    assert cli("export", bundled, "table", "-o", table) == 0
    total = list(csv.reader(open(table, encoding="utf-8-sig")))[-1]
    assert total[2:] == ["385", "88", "37", "24"]


def test_vedlegg_1_matches_the_reports_24_entries(bundled, tmp_path):
    _tools()
    from vedlegg1_reference import REFERENCES, differences

    md = tmp_path / "v.md"
    assert cli("export", bundled, "appendix", "-o", md) == 0
    entries, group = [], ""
    for line in md.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            group = line[3:]
        elif line.startswith("**"):
            entries.append((group, line.strip("*").replace("\\", "")))
    assert len(entries) == len(REFERENCES) == 24
    for (group, line), ref in zip(entries, REFERENCES, strict=True):
        assert group == ref["group"] and differences(line, ref) == [], line


def test_reference_comparison_catches_what_the_issue_found():
    _tools()
    from vedlegg1_reference import REFERENCES, differences

    soholt, hansen = REFERENCES[5], REFERENCES[13]
    cut = (
        "Søholt, S., Liodden, T., Aasen, B. m.fl. (2020). Kunnskapsoppsummeringer – om fem strategier for å "
        "styrke flyktningenes … oda.oslomet.no."
    )
    assert differences(cut, soholt)
    assert differences("Hansen, J. S. (2021). Kritisk refleksion og etisk ansvarlighed i karrierevejledningen.", hansen)


def test_data_checker_passes_and_names_a_pair_without_verdict(tmp_path, capsys):
    _tools()
    import check

    assert check.main([]) == 0, capsys.readouterr().out
    from review.bundled import REVIEW_PARTS, bundled_root

    repo = tmp_path / "repo"
    repo.mkdir()
    for part in REVIEW_PARTS:
        source = bundled_root() / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, repo / part)
    pairs = repo / "decisions" / "pairs.csv"
    lines = pairs.read_text(encoding="utf-8").splitlines(keepends=True)
    dropped = lines.pop(1)
    pairs.write_text("".join(lines), encoding="utf-8")
    capsys.readouterr()
    assert check.main(["--repo", str(repo)]) == 1
    out = capsys.readouterr().out
    first, second = dropped.split(",")[:2]
    assert "FAIL  every uncertain pair has a verdict" in out and first in out and second in out


def test_summary_overlap_check_finds_a_clause_of_the_report():
    _tools()
    import overlap

    known = overlap.load_fingerprint()
    clause = (
        "Datagrunnlaget er kvalitative intervjuer med tre unge afrikanske kvinner som har bodd og reist "
        "sammen siden barndommen."
    )
    assert overlap.overlaps(clause, known)[0][0] >= 15
    assert overlap.overlaps("Studien bygger på samtaler med tre unge kvinner fra Afrika.", known) == []


def test_every_tabular_export_marks_stand_ins(bundled, tmp_path):
    def rows(what):
        out = tmp_path / f"{what}.csv"
        assert cli("export", bundled, what, "-o", out) == 0
        return list(csv.DictReader(open(out, encoding="utf-8-sig")))

    works = rows("works")
    assert sum(r["synthetic"] == "1" for r in works) == 357 and len(works) == 385
    assert {r["synthetic"] for r in rows("raw")} == {"0", "1"}
    assert {r["synthetic"] for r in rows("decisions")} == {"0", "1"}
    assert all(r["synthetic"] == "0" for r in included_rows(bundled, tmp_path))


def test_an_included_stand_in_is_labelled_in_every_export_and_in_status(copy, tmp_path, capsys):
    works = list(csv.DictReader(open(_export(copy, tmp_path, "works", "csv"), encoding="utf-8-sig")))
    stand_in = next(r["work_id"] for r in works if r["synthetic"] == "1")
    change = tmp_path / "include.csv"
    change.write_text(
        "work_id,stage,decision,reason,reviewer,final\n"
        + "".join(f"{stand_in},{stage},include,,Anna,true\n" for stage in (1, 2, 3)),
        encoding="utf-8",
    )
    assert cli("decide", copy, "--csv", change) == 0
    csv_text = _export(copy, tmp_path, "included", "csv").read_text(encoding="utf-8-sig")
    assert csv_text.startswith("# Advarsel: 1 av disse arbeidene er syntetiske")
    assert "Syntetisk stand-in-post" in _export(copy, tmp_path, "included", "ris").read_text(encoding="utf-8")
    assert "Syntetisk stand-in-post" in _export(copy, tmp_path, "included", "bib").read_text(encoding="utf-8")
    appendix = _export(copy, tmp_path, "appendix", "md").read_text(encoding="utf-8").splitlines()
    assert appendix[2].startswith("> **Advarsel: 1 av disse")
    assert sum(ln.startswith("**") and "[SYNTETISK]" in ln.replace("\\", "") for ln in appendix) == 1
    assert "[SYNTETISK]" in docx_text(_export(copy, tmp_path, "appendix", "docx"))
    page = _export(copy, tmp_path, "appendix", "html").read_text(encoding="utf-8")
    assert page.index('class="synthetic-warning"') < page.index('class="study"')
    from openpyxl import load_workbook

    sheet = load_workbook(_export(copy, tmp_path, "included", "xlsx")).worksheets[0]
    assert str(sheet["A1"].value).startswith("Advarsel: 1 av disse") and sheet["A2"].value == "work_id"
    from review.protocol import load_protocol
    from review.store import open_store
    from review.ui.report_views import appendix_preview_html

    store = open_store(copy)
    try:
        assert "Advarsel: 1 av disse" in appendix_preview_html(store, load_protocol(copy))[1]
    finally:
        store.close()
    capsys.readouterr()
    assert cli("status", copy) == 0
    out = capsys.readouterr().out
    assert "Warning: 357 of 385 works are synthetic stand-ins" in out and "1 of them included" in out


def _export(review: Path, tmp_path: Path, what: str, suffix: str) -> Path:
    out = tmp_path / f"{what}-export.{suffix}"
    assert cli("export", review, what, "-o", out) == 0
    return out


def test_update_gives_no_synthetic_value_to_a_real_work(copy, tmp_path):
    manifest = copy / "exports" / "update-2023-2025" / "searches.toml"
    assert cli("update", copy, "--years", "2023-2025", "--manifest", manifest) == 0
    assert cli("dedup", copy) == 0
    rows = included_rows(copy, tmp_path)
    kjaergard = next(r for r in rows if r["title"].startswith("Karriereveiledning for NAV-brukere"))
    assert kjaergard["doi"] == "" and kjaergard["synthetic"] == "0"
    assert not any(r["doi"].startswith("10.5555/") for r in rows)
    for suffix in ("ris", "bib"):
        assert "10.5555/" not in _export(copy, tmp_path, "included", suffix).read_text(encoding="utf-8")


def test_a_malformed_verdict_file_is_named_and_nothing_is_recorded(tmp_path, capsys):
    from review.bundled import copy_bundled_review

    target = tmp_path / "fafo"
    copy_bundled_review(target)
    pairs = target / "decisions" / "pairs.csv"
    lines = pairs.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",distinct,", ",maybe,")
    pairs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from review.errors import ReviewError
    from review.pipeline import run_review

    with pytest.raises(ReviewError, match=r"pairs.csv.*line 3.*verdict must be one of duplicate, distinct"):
        run_review(target)
    import sqlite3

    with sqlite3.connect(target / "review.sqlite") as conn:
        assert conn.execute("select count(*) from pair_verdicts").fetchone()[0] == 0
