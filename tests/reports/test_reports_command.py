"""`review export` end to end on the SYNTHETIC review, plus the registry's error messages."""

import subprocess
import sys

import pytest
from reports_testdata import is_zip, synthetic_flow

from review.cli import main
from review.errors import ReviewError
from review.reports.registry import EXPORTS, ExportData, export


@pytest.mark.parametrize(
    "what, suffix",
    [
        ("included", ".csv"),
        ("included", ".xlsx"),
        ("included", ".ris"),
        ("included", ".bib"),
        ("included", ".docx"),
        ("appendix", ".md"),
        ("appendix", ".html"),
        ("appendix", ".docx"),
        ("search-log", ".csv"),
        ("search-log", ".md"),
        ("search-appendix", ".md"),
        ("search-appendix", ".docx"),
        ("search-appendix", ".csv"),
        ("asreview", ".csv"),
        ("raw", ".csv"),
        ("works", ".xlsx"),
        ("decisions", ".csv"),
    ],
)
def test_cli_writes_each_store_export(review_dir, tmp_path, capsys, what, suffix):
    out = tmp_path / f"out{suffix}"
    assert main(["export", str(review_dir), what, "-o", str(out)]) == 0
    assert out.stat().st_size > 0
    if suffix in (".xlsx", ".docx"):
        assert is_zip(out)
    assert f"wrote {out}" in capsys.readouterr().out


@pytest.mark.slow
@pytest.mark.parametrize(
    "what, suffix", [("flow", ".svg"), ("flow", ".png"), ("table", ".csv"), ("table", ".md"), ("table", ".xlsx")]
)
def test_flow_exports_from_a_given_flow(store, protocol, tmp_path, what, suffix):
    out = export(ExportData(store, protocol, flow=synthetic_flow()), what, tmp_path / f"x{suffix}")
    assert out.stat().st_size > 0


def test_unsupported_format_lists_what_is_supported(review_dir, tmp_path, capsys):
    assert main(["export", str(review_dir), "appendix", "-o", str(tmp_path / "a.ris")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: 'appendix' cannot be written as .ris; 'appendix' supports: .docx, .html, .md")


def test_unknown_export_and_missing_directory(store, protocol, tmp_path):
    data = ExportData(store, protocol)
    with pytest.raises(ReviewError, match="unknown export 'prisma'; choose one of: flow, included"):
        export(data, "prisma", tmp_path / "x.svg")
    with pytest.raises(ReviewError, match="no such directory"):
        export(data, "included", tmp_path / "missing" / "x.csv")


def test_a_failing_export_leaves_no_file(store, protocol, tmp_path, monkeypatch):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "keep.csv"
    target.write_text("old content", encoding="utf-8")

    def broken(_data, path):
        path.write_text("half", encoding="utf-8")
        raise ReviewError("broken on purpose")

    monkeypatch.setitem(EXPORTS["included"], ".csv", broken)
    with pytest.raises(ReviewError):
        export(ExportData(store, protocol), "included", target)
    assert target.read_text(encoding="utf-8") == "old content"
    assert [p.name for p in out_dir.iterdir()] == ["keep.csv"]


def test_every_export_the_brief_names_is_registered():
    assert set(EXPORTS) == {
        "flow",
        "included",
        "search-log",
        "search-appendix",
        "asreview",
        "table",
        "appendix",
        "raw",
        "works",
        "decisions",
        "screening-methods",
    }


@pytest.mark.slow
def test_reports_do_not_import_streamlit():
    code = "import sys, review.reports.registry, review.commands.export; print('streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_hand_built_flow_matches_compute_flow_on_the_synthetic_store(store, protocol):
    from screening.flow import compute_flow

    computed, built = compute_flow(store, protocol), synthetic_flow()
    for name in (
        "identified",
        "identified_by_source",
        "identified_by_family",
        "duplicates_removed",
        "unique",
        "included",
    ):
        assert getattr(computed, name) == getattr(built, name), name
    for number, stage in built.stages.items():
        got = computed.stages[number]
        assert (got.included, got.excluded, got.excluded_by_reason) == (
            stage.included,
            stage.excluded,
            stage.excluded_by_reason,
        )
    assert [(f.family, f.unique, f.passed) for f in computed.families] == [
        (f.family, f.unique, f.passed) for f in built.families
    ]


@pytest.mark.slow
@pytest.mark.parametrize("what, suffix", [("flow", ".svg"), ("flow", ".png"), ("table", ".md")])
def test_cli_flow_and_table_use_compute_flow(review_dir, tmp_path, what, suffix):
    out = tmp_path / f"out{suffix}"
    assert main(["export", str(review_dir), what, "-o", str(out)]) == 0
    if suffix == ".md":
        assert "| **Totalt** |  | **6** | **5** | **5** | **4** |" in out.read_text(encoding="utf-8")


@pytest.mark.slow
def test_round_option_draws_the_updated_review_layout(review_dir, tmp_path, capsys):
    out = tmp_path / "round.svg"
    assert main(["export", str(review_dir), "flow", "--round", "1", "-o", str(out)]) == 0
    assert "Tidligere studier" not in out.read_text(encoding="utf-8")  # the first round is a new review
    assert main(["update", str(review_dir), "--years", "2023-2025"]) == 0
    assert main(["export", str(review_dir), "flow", "--round", "2", "-o", str(out)]) == 0
    labels = out.read_text(encoding="utf-8")
    assert "Tidligere studier" in labels and "Totalt antall studier inkludert i oversikten" in labels
    assert main(["export", str(review_dir), "flow", "--round", "9", "-o", str(out)]) == 1
    assert "no round 9; this review has rounds 1" in capsys.readouterr().err
    assert main(["export", str(review_dir), "raw", "--round", "1", "-o", str(tmp_path / "r.csv")]) == 1
    assert "--round applies to flow, table, included" in capsys.readouterr().err


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_exported_files_follow_the_umask(review_dir, tmp_path, mask, mode):
    """Co-authors on a shared folder can read an export: it gets the mode the user's umask gives any new
    file (a temporary file from mkstemp alone would stay 0600)."""
    import os
    import stat

    previous = os.umask(mask)
    try:
        out = tmp_path / "works.csv"
        assert main(["export", str(review_dir), "works", "-o", str(out)]) == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == mode
