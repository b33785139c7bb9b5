"""`review dedup DIR` end to end through the CLI (synthetic records inserted into the store)."""

from review.cli import main
from review.store import Store
from tests.dedup.synthetic import add_records, rec

TITLE = "Karriereveiledning for nyankomne flyktninger og innvandrere"


def test_dedup_command_runs_lists_resolves_and_undoes(review_dir, capsys):
    store = Store(f"sqlite:///{review_dir / 'review.sqlite'}")
    ids = add_records(
        store,
        [
            rec(TITLE, "Nordmann, Kari", 2021, family="no"),
            rec(TITLE + ".", "K Nordmann", 2021, family="sv", source="scholar"),
            rec(TITLE, "Nordmann, Kari", 2021, doc_type="chapter"),
            rec(TITLE, "Nordmann, Kari", 2021, doc_type="book"),
        ],
    )
    store.close()
    assert main(["dedup", str(review_dir), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("4 records -> ")
    assert main(["dedup", str(review_dir), "--pairs"]) == 0
    listing = capsys.readouterr().out
    assert f"[{ids[0]} ~ {ids[3]}]" in listing and "conflict with each other" in listing
    assert main(["dedup", str(review_dir), "--merge", str(ids[2]), str(ids[3]), "--reviewer", "Bjørn"]) == 0
    said = capsys.readouterr().out
    assert "are duplicate" in said
    work = int(said.split(" is in work ")[1].split(".")[0].split(";")[0])
    assert main(["dedup", str(review_dir), "--undo", str(work)]) == 0  # reviewer defaults to the protocol lead
    assert "undone: restored work #" in capsys.readouterr().out


def test_dedup_command_reports_user_errors_in_one_line(review_dir, capsys):
    assert main(["dedup", str(review_dir), "--undo", "5"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "no work 5" in err and "Traceback" not in err
    assert main(["dedup", str(review_dir / "missing")]) == 1
    assert "not a review directory" in capsys.readouterr().err
