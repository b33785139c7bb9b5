from __future__ import annotations

import json
import re
import sys

import pytest

from review.cli import main
from review.errors import ReviewError
from review.search.oria import EXPORT_SUBDIR
from tests.search.primo_stub import paged


def test_oria_command_saves_every_family_against_a_local_endpoint(stub, review_dir, capsys):
    stub.respond = paged(75)
    code = main(["search", "oria", str(review_dir), "--endpoint", stub.url, "--no-key", "--no-import"])
    assert code == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "no: 75 of 75 reported hits in 2 page(s), saved, not imported" in out
    folder = review_dir / EXPORT_SUBDIR
    for family in ("no", "sv", "da", "en"):  # every family lists oria as a source
        logs = list(folder.glob(f"{family}-*-search.json"))
        assert len(logs) == 1
        assert len(list(folder.glob(f"{family}-*-p0[12].json"))) == 2
    en_params = [s.params for s in stub.seen if "career" in s.params["q"]]
    assert en_params and all(p["qInclude"] == "facet_tlevel,exact,peer_reviewed" for p in en_params)


def test_one_family_and_a_record_cap(stub, review_dir, capsys):
    stub.respond = paged(400)
    assert (
        main(
            [
                "search",
                "oria",
                str(review_dir),
                "--family",
                "sv",
                "--endpoint",
                stub.url,
                "--no-key",
                "--no-import",
                "--max-records",
                "10",
            ]
        )
        == 0
    )
    assert len(stub.seen) == 1 and stub.seen[0].params["limit"] == "10"
    assert "karriärvägledning*" in stub.seen[0].params["q"]


def test_missing_api_key_is_a_clear_error_before_any_request(stub, review_dir, capsys, monkeypatch):
    monkeypatch.delenv("PRIMO_API_KEY", raising=False)
    assert main(["search", "oria", str(review_dir), "--endpoint", stub.url, "--no-import"]) == 1
    err = capsys.readouterr().err
    assert "Error:" in err and "PRIMO_API_KEY" in err and "--no-key" in err
    assert stub.seen == []


def test_key_from_the_environment_is_sent_but_never_printed_or_saved(stub, review_dir, capsys, monkeypatch):
    monkeypatch.setenv("PRIMO_API_KEY", "l7xx-synthetic-env-key")
    stub.respond = paged(3)
    assert main(["-v", "search", "oria", str(review_dir), "--family", "no", "--endpoint", stub.url, "--no-import"]) == 0
    assert stub.seen[0].headers["authorization"] == "apikey l7xx-synthetic-env-key"
    captured = capsys.readouterr()
    assert "l7xx-synthetic-env-key" not in captured.out + captured.err
    saved = "".join(p.read_text(encoding="utf-8") for p in (review_dir / EXPORT_SUBDIR).iterdir())
    assert "l7xx-synthetic-env-key" not in saved


def test_dry_run_shows_the_requests_and_sends_nothing(stub, review_dir, capsys, monkeypatch):
    monkeypatch.delenv("PRIMO_API_KEY", raising=False)
    assert main(["search", "oria", str(review_dir), "--dry-run", "--endpoint", stub.url]) == 0
    out = capsys.readouterr().out
    assert "Family en" in out and "facet_tlevel,exact,peer_reviewed" in out and stub.url in out
    assert stub.seen == [] and not (review_dir / EXPORT_SUBDIR).exists()


def test_search_and_import_into_the_store_end_to_end(stub, review_dir, capsys):
    """The real ingest and PNX reader; needs the importer registry with the "pnx-json" reader."""
    importers = pytest.importorskip("review.importers")
    if "pnx-json" not in getattr(importers, "READERS", {"pnx-json": None}):
        pytest.skip("no pnx-json reader in this version")
    from sqlalchemy import func, select

    from review.store import open_store, schema

    stub.respond = paged(3, year_of=lambda n: 2012 if n == 0 else 2020)
    code = main(["search", "oria", str(review_dir), "--family", "no", "--endpoint", stub.url, "--no-key"])
    assert code == 0, capsys.readouterr().err
    store = open_store(review_dir)
    try:
        with store.read() as conn:
            imports = conn.execute(select(schema.imports)).mappings().all()
            n_raw = conn.execute(select(func.count()).select_from(schema.raw_records)).scalar_one()
    finally:
        store.close()
    assert len(imports) == 1 and n_raw == 2  # the 2012 record stays in the raw page only
    row = imports[0]
    assert row["source"] == "oria" and row["family"] == "no" and row["format"] == "pnx-json"
    assert row["query"].startswith("karriereveiledning*") and '"hits"' not in (row["filters"] or "")
    store = open_store(review_dir)
    try:
        with store.read() as conn:
            [search] = conn.execute(select(schema.searches)).mappings().all()
    finally:
        store.close()
    # The live client records the PRISMA-S facts itself: interface and its settings, string, hits, filters.
    assert (search["database"], search["interface"], search["method"]) == ("Oria", "primo-api", "live API")
    assert search["query"] == row["query"] and search["query_origin"] == "sent by the tool"
    assert search["hits"] == 3 and "years 2016–2022" in search["filters"]
    settings = json.loads(search["settings"])
    assert settings["view"] == "47BIBSYS_NETWORK:Oria" and settings["expanded"] == "yes"
    assert settings["tab"] == "default_tab" and settings["scope"] == "default_scope"
    assert search["reuses"] is None and row["search_id"] == search["id"]


def test_import_failure_keeps_the_saved_search(stub, review_dir, capsys, monkeypatch):
    import review.ingest

    def refuse(*args, **kwargs):
        raise ReviewError("synthetic refusal")

    monkeypatch.setattr(review.ingest, "import_file", refuse)
    stub.respond = paged(2)
    assert main(["search", "oria", str(review_dir), "--family", "no", "--endpoint", stub.url, "--no-key"]) == 1
    err = capsys.readouterr().err
    assert "synthetic refusal" in err and "search itself succeeded" in err
    assert list((review_dir / EXPORT_SUBDIR).glob("no-*-records.json"))


def test_bad_config_is_a_protocol_error(review_dir, capsys):
    path = review_dir / "review.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("min_interval = 0.0", 'min_interval = "fast"'), encoding="utf-8"
    )
    assert main(["search", "oria", str(review_dir), "--dry-run"]) == 1
    assert "min_interval" in capsys.readouterr().err


def test_scholar_sheet_lists_queries_years_and_import_steps(review_dir, tmp_path, capsys):
    out_file = tmp_path / "scholar.md"
    assert main(["search", "scholar", str(review_dir), "-o", str(out_file)]) == 0
    text = out_file.read_text(encoding="utf-8")
    for family in ("no", "sv", "da"):
        assert f"--source scholar --family {family}" in text
    assert "Family `en`" not in text  # English was searched in Oria only
    assert "2016–2022" in text and "Publish or Perish" in text
    queries = re.findall(r"^\d+\. `(.+)`", text, flags=re.MULTILINE)
    assert len(queries) == 3 and all("*" not in q and len(q) <= 256 for q in queries)
    assert "flyktningene" in text


def test_scholar_for_an_oria_only_family_is_refused(review_dir, capsys):
    assert main(["search", "scholar", str(review_dir), "--family", "en"]) == 1
    assert "does not list scholar" in capsys.readouterr().err


def test_core_search_modules_do_not_load_streamlit():
    import importlib

    for name in ("review.search.runner", "review.commands.search"):
        importlib.import_module(name)
    assert "streamlit" not in sys.modules or pytest.skip("another test loaded streamlit")
