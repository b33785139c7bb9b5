from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.errors import ReviewError
from review.protocol import Family, TermGroup
from review.search.config import OriaConfig
from review.search.oria import EXPORT_SUBDIR, import_search, read_log, search_family
from review.search.primo_client import PrimoClient
from review.search.primo_query import build_primo_query
from tests.search.primo_stub import Reply, paged

KEY = "l7xx-synthetic-secret-key"
TODAY = "2024-05-02"
FAMILY = Family(
    id="no",
    label="no",
    language="no",
    sources=["oria"],
    groups=[TermGroup("a", ["karriereveiledning*"]), TermGroup("b", ["flyktning*", "innvandrer*"])],
    exclude_doc_types=["thesis"],
)
QUERY = build_primo_query(FAMILY, (2016, 2022))


def make_client(stub, sleeps, **overrides) -> PrimoClient:
    settings = dict(endpoint=stub.url, min_interval=0.0, backoff_base=0.01, max_retries=1, timeout=2.0)
    settings.update(overrides)
    return PrimoClient(OriaConfig(**settings), KEY, sleep=sleeps)


def run(stub, sleeps, tmp_path, **kwargs):
    client_settings = kwargs.pop("client", {})
    return search_family(
        make_client(stub, sleeps, **client_settings), QUERY, tmp_path, searched=TODAY, progress=False, **kwargs
    )


def test_pages_through_all_hits_and_saves_each_raw_page(stub, sleeps, tmp_path):
    stub.respond = paged(120)
    result = run(stub, sleeps, tmp_path)
    assert [s.params["offset"] for s in stub.seen] == ["0", "50", "100"]
    assert {s.params["limit"] for s in stub.seen} == {"50"}
    first = stub.seen[0].params
    assert first["q"] == QUERY.q and first["qExclude"] == "facet_rtype,exact,dissertations"
    assert first["vid"] == "47BIBSYS_NETWORK:Oria" and "apikey" not in first
    assert result.total == 120 and result.retrieved == 120 and result.complete
    folder = tmp_path / EXPORT_SUBDIR
    files = sorted(p.name for p in folder.glob("no-2024-05-02-p*.json"))
    assert files == ["no-2024-05-02-p01.json", "no-2024-05-02-p02.json", "no-2024-05-02-p03.json"]
    third = json.loads((folder / files[2]).read_text(encoding="utf-8"))
    assert len(third["docs"]) == 20 and third["info"]["total"] == 120
    log = read_log(folder, "no", TODAY)
    assert log["total"] == 120 and log["retrieved"] == 120 and log["complete"] and not log["imported"]
    assert log["query"] == QUERY.query and "apikey" not in log["params"]
    assert KEY not in "".join(p.read_text(encoding="utf-8") for p in folder.iterdir())


def test_max_records_asks_only_for_what_is_left(stub, sleeps, tmp_path):
    stub.respond = paged(500)
    result = run(stub, sleeps, tmp_path, max_records=70)
    assert [(s.params["offset"], s.params["limit"]) for s in stub.seen] == [("0", "50"), ("50", "20")]
    assert result.retrieved == 70 and "--max-records" in result.stopped_because


def test_stops_at_the_offset_limit_and_says_how_many_were_left(stub, sleeps, tmp_path):
    stub.respond = paged(260)
    result = run(stub, sleeps, tmp_path, client={"offset_limit": 100})
    assert result.retrieved == 100 and len(stub.seen) == 2
    assert "160 reported hits not retrieved" in result.stopped_because
    assert any("retrieved 100 of 260" in n for n in result.notes)


def test_records_outside_the_years_stay_in_the_raw_page_but_not_in_the_import_file(stub, sleeps, tmp_path):
    stub.respond = paged(5, year_of=lambda n: 2010 if n == 3 else (2020 if n != 4 else 0))
    result = run(stub, sleeps, tmp_path)
    assert result.pages[0].out_of_range == 1 and result.out_of_range == 1
    folder = tmp_path / EXPORT_SUBDIR
    raw = json.loads((folder / result.pages[0].file).read_text(encoding="utf-8"))
    records = json.loads((folder / result.records_file).read_text(encoding="utf-8"))
    assert len(raw["docs"]) == 5 and len(records["docs"]) == 4  # the record without a year stays in
    assert "cdi_synthetic_3" not in json.dumps(records["docs"]) and "cdi_synthetic_4" in json.dumps(records)
    assert records["nordic_review"]["removed_outside_years"] == 1
    assert any("outside 2016–2022" in note for note in result.notes)


def test_failure_mid_search_keeps_saved_pages_and_imports_nothing(stub, sleeps, tmp_path):
    good = paged(120)
    stub.respond = lambda seen: good(seen) if seen.params["offset"] == "0" else Reply(status=502, body="Bad gateway")
    with pytest.raises(ReviewError, match="1 page\\(s\\) saved.*nothing imported"):
        run(stub, sleeps, tmp_path)
    folder = tmp_path / EXPORT_SUBDIR
    assert (folder / "no-2024-05-02-p01.json").is_file()
    log = read_log(folder, "no", TODAY)
    assert not log["complete"] and "HTTP 502" in log["error"]


def test_a_rerun_replaces_an_unfinished_attempt_but_not_an_imported_one(stub, sleeps, tmp_path):
    folder = tmp_path / EXPORT_SUBDIR
    folder.mkdir(parents=True)
    (folder / "no-2024-05-02-p07.json").write_text("{}", encoding="utf-8")  # left over from a failed run
    stub.respond = paged(10)
    result = run(stub, sleeps, tmp_path)
    assert not (folder / "no-2024-05-02-p07.json").exists()
    calls = []
    import_search(object(), object(), tmp_path, result, import_file=lambda *a, **k: calls.append((a, k)) or 10)
    with pytest.raises(ReviewError, match="already searched and imported"):
        run(stub, sleeps, tmp_path)


def test_records_of_all_pages_are_imported_once_with_hits_and_filters(stub, sleeps, tmp_path):
    stub.respond = paged(60, year_of=lambda n: 2030 if n == 55 else 2018)
    result = run(stub, sleeps, tmp_path)
    calls = []

    def fake_import(store, protocol, path, **kwargs):
        calls.append((Path(path).name, kwargs))
        return {"records": len(json.loads(Path(path).read_text(encoding="utf-8"))["docs"])}

    import_search("store", "protocol", tmp_path, result, import_file=fake_import)
    assert [name for name, _ in calls] == ["no-2024-05-02-records.json"]
    kwargs = calls[0][1]
    assert kwargs["source"] == "oria" and kwargs["family"] == "no" and kwargs["query"] == QUERY.query
    assert kwargs["searched"] == TODAY and kwargs["hits"] == 60
    assert "years 2016–2022" in kwargs["filters"] and "qExclude=facet_rtype,exact,dissertations" in kwargs["filters"]
    log = read_log(tmp_path / EXPORT_SUBDIR, "no", TODAY)
    assert log["imported"] and log["import_results"][0]["result"] == {"records": 59}


def test_a_search_without_hits_imports_nothing_and_says_so(stub, sleeps, tmp_path):
    stub.respond = paged(0)
    result = run(stub, sleeps, tmp_path)
    import_search("store", "protocol", tmp_path, result, import_file=lambda *a, **k: pytest.fail("imported"))
    assert result.total == 0 and "no records to import" in result.notes


def test_an_import_failure_keeps_the_search_files_and_explains(stub, sleeps, tmp_path):
    stub.respond = paged(3)
    result = run(stub, sleeps, tmp_path)

    def refuse(*args, **kwargs):
        raise ReviewError("synthetic: no reader for this file")

    with pytest.raises(ReviewError, match="search itself succeeded.*review import"):
        import_search("store", "protocol", tmp_path, result, import_file=refuse)
    assert (tmp_path / EXPORT_SUBDIR / result.records_file).is_file()
    assert not read_log(tmp_path / EXPORT_SUBDIR, "no", TODAY)["imported"]


def test_an_unfinished_search_is_never_imported(stub, sleeps, tmp_path):
    stub.respond = paged(3)
    result = run(stub, sleeps, tmp_path)
    result.complete = False
    with pytest.raises(ReviewError, match="did not finish"):
        import_search("store", "protocol", tmp_path, result, import_file=lambda *a, **k: 0)
