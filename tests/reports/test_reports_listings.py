"""Search log, ASReview hand-off, raw/works/decisions listings from the SYNTHETIC store."""

import csv

import pandas as pd
from reports_testdata import check_golden

from review.reports import collect
from review.reports.listings import asreview_table, decisions_table, raw_table, search_log_table, works_table
from review.reports.tabular import write_csv, write_markdown


def test_search_log_golden(store, protocol, tmp_path):
    with store.read() as conn:
        table = search_log_table(collect.collect_search_log(conn, protocol))
    write_csv(table, tmp_path / "log.csv")
    write_markdown(table, tmp_path / "log.md")
    check_golden("search_log.csv", (tmp_path / "log.csv").read_text(encoding="utf-8-sig"))
    check_golden("search_log.md", (tmp_path / "log.md").read_text(encoding="utf-8"))


def test_asreview_labels_come_from_stage_1_and_pandas_reads_them(store, protocol, tmp_path):
    with store.read() as conn:
        table = asreview_table(collect.collect_screening_works(conn, protocol))
    path = tmp_path / "asreview.csv"
    write_csv(table, path, excel=False)
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(path)
    assert list(frame.columns) == [
        "record_id",
        "title",
        "abstract",
        "authors",
        "year",
        "doi",
        "url",
        "label_included",
        "synthetic",
    ]
    labels = dict(zip(frame["record_id"], frame["label_included"], strict=True))
    assert labels[4] == 0 and labels[1] == 1 and labels[5] == 1
    check_golden("asreview.csv", path.read_text(encoding="utf-8"))


def test_unscreened_works_have_an_empty_label(tmp_path):
    from review.reports.collect import ScreeningWork

    work = ScreeningWork(
        work_id=9,
        title="t",
        abstract=None,
        authors=[],
        year=None,
        venue=None,
        publisher=None,
        doc_type="other",
        language=None,
        doi=None,
        url=None,
        peer_reviewed=None,
        family=None,
        final={2: "include"},
    )
    assert asreview_table([work]).rows[0][7] is None


def test_decisions_use_the_decide_csv_columns(store, protocol, tmp_path):
    with store.read() as conn:
        table = decisions_table(collect.collect_decisions(conn, protocol))
    path = tmp_path / "decisions.csv"
    write_csv(table, path, excel=False)
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:6] == ["work_id", "stage", "decision", "reason", "reviewer", "final"]
    assert rows[0]["final"] == "0" and rows[1]["final"] == "1"
    assert rows[6]["reason"] == "For perifert for problemstillingene"
    check_golden("decisions.csv", path.read_text(encoding="utf-8"))


def test_raw_and_works_golden(store, protocol, tmp_path):
    with store.read() as conn:
        raw = raw_table(collect.collect_raw(conn))
        works = works_table(collect.collect_screening_works(conn, protocol))
    write_csv(raw, tmp_path / "raw.csv", excel=False)
    write_csv(works, tmp_path / "works.csv", excel=False)
    check_golden("raw.csv", (tmp_path / "raw.csv").read_text(encoding="utf-8"))
    check_golden("works.csv", (tmp_path / "works.csv").read_text(encoding="utf-8"))
