"""Each round has its own years: searches run after `review update` cover the new round's years, and an
Oria search re-runs the string stored for the family's earlier search (synthetic stub endpoint)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from review.cli import main
from tests.conftest import REPO
from tests.search.primo_stub import paged

RIS = REPO / "tests" / "fixtures" / "ris_oria.ris"
TYPED = "karriereveiledning* AND (flyktning* OR innvandrer*)"  # what the lead typed into Oria in round 1


def _update(review_dir):
    assert (
        main(
            [
                "import",
                str(review_dir),
                str(RIS),
                "--source",
                "oria",
                "--family",
                "no",
                "--query",
                TYPED,
                "--searched",
                "2022-09-26",
            ]
        )
        == 0
    )
    assert main(["update", str(review_dir), "--years", "2023-2025"]) == 0


def test_dry_run_uses_the_years_of_the_current_round_not_the_widened_protocol(stub, review_dir, capsys):
    assert main(["search", "oria", str(review_dir), "--dry-run", "--no-key", "--family", "no"]) == 0
    assert "Family no (2016–2022)" in capsys.readouterr().out
    _update(review_dir)
    assert "years = [2016, 2025]" in (review_dir / "review.toml").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["search", "oria", str(review_dir), "--dry-run", "--no-key", "--family", "no"]) == 0
    out = capsys.readouterr().out
    assert "Family no (2023–2025)" in out and "[2023 TO 2025]" in out and "2016" not in out
    assert f"query:   {TYPED}" in out and "re-runs the string of search 1" in out


@pytest.mark.slow
def test_scholar_sheet_uses_the_new_rounds_years(review_dir, capsys):
    _update(review_dir)
    capsys.readouterr()
    assert main(["search", "scholar", str(review_dir), "--family", "no"]) == 0
    out = capsys.readouterr().out
    assert "**2023–2025**" in out and "as_ylo=2023" in out and "2016" not in out


def test_a_live_rerun_in_a_later_round_sends_the_stored_string_with_the_new_years(stub, review_dir, capsys):
    _update(review_dir)
    stub.respond = paged(4, year_of=lambda n: 2024)
    code = main(
        ["search", "oria", str(review_dir), "--family", "no", "--endpoint", stub.url, "--no-key", "--run-by", "Anna"]
    )
    assert code == 0, capsys.readouterr().err
    sent = stub.seen[0].params
    assert sent["q"] == f"any,contains,{TYPED}"  # the stored string, not the protocol's longer query
    assert sent["multiFacets"] == "facet_searchcreationdate,include,[2023 TO 2025]"
    with sqlite3.connect(review_dir / "review.sqlite") as db:
        db.row_factory = sqlite3.Row
        rows = [dict(r) for r in db.execute("select * from searches order by id")]
    first, rerun = rows
    assert (first["round_id"], rerun["round_id"]) == (1, 2)
    assert rerun["reuses"] == first["id"] and rerun["query"] == TYPED and rerun["run_by"] == "Anna"
    assert rerun["hits"] == 4 and "2023–2025" in rerun["filters"]
    assert json.loads(rerun["settings"])["expanded"] == "yes"
    out = review_dir / "appendix.md"
    assert main(["export", str(review_dir), "search-appendix", "--round", "2", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "re-ran the string of search 1" in text or "kjørte søkestrengen fra søk 1" in text
