"""The `review` command as a user meets it: exit codes, one-line errors, and the basic pipeline."""

import json
import sqlite3

import pytest

from review.cli import main
from tests.conftest import REPO

RIS = REPO / "tests" / "fixtures" / "ris_oria.ris"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_has_help(capsys):
    from review.cli import build_parser

    commands = build_parser()._subparsers._group_actions[0].choices
    for name in commands:
        with pytest.raises(SystemExit) as stop:
            main([name, "--help"])
        assert stop.value.code == 0
        assert "usage: review " + name in capsys.readouterr().out


def test_each_command_module_registers_exactly_the_commands_listed_for_it():
    """A command line naming a command imports only the module listed for it, so the list must be right."""
    import argparse
    import importlib

    from review.cli import COMMAND_MODULES

    for module, commands in COMMAND_MODULES.items():
        subparsers = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(subparsers)
        assert tuple(subparsers.choices) == commands, module


@pytest.mark.parametrize("argv", [["--help"], ["-h", "status"], ["-v", "--help", "status"]])
def test_the_top_level_help_lists_every_command(argv, capsys):
    from review.cli import COMMAND_MODULES

    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 0
    listed = capsys.readouterr().out
    assert all(f"\n    {name} " in listed for names in COMMAND_MODULES.values() for name in names)


@pytest.mark.parametrize("argv", [["bogus"], ["-v", "bogus"], []])
def test_a_missing_or_unknown_command_names_every_command(argv, capsys):
    code, _, err = run(capsys, *argv)
    assert code == 1 and err.count("\n") == 1
    if argv:
        assert "invalid choice: 'bogus'" in err and "'status'" in err and "'restore'" in err


def test_options_of_a_command_work_before_and_after_its_arguments(tmp_path, capsys):
    run(capsys, "init", tmp_path / "r")
    _, before, _ = run(capsys, "-v", "status", "--json", tmp_path / "r")
    _, after, _ = run(capsys, "status", tmp_path / "r", "--json")
    assert json.loads(before) == json.loads(after) and "identified" in json.loads(after)


def test_init_writes_the_starter_protocol_in_family_order(tmp_path, capsys):
    code, out, _ = run(capsys, "init", tmp_path / "r")
    assert code == 0
    from review.protocol import load_protocol

    protocol = load_protocol(tmp_path / "r")
    assert [f.id for f in protocol.families] == ["no", "sv", "da", "en"]
    assert [s.number for s in protocol.stages] == [1, 2, 3]
    assert len(protocol.quality_criteria) == 6 and all(s.reasons for s in protocol.stages)
    code, _, err = run(capsys, "init", tmp_path / "r")
    assert code == 1 and err.startswith("Error: ") and "already holds a review" in err


def test_import_needs_a_declared_family(tmp_path, capsys):
    run(capsys, "init", tmp_path / "r")
    code, out, err = run(capsys, "import", tmp_path / "r", RIS, "--family", "fi")
    assert code == 1
    assert err.count("\n") == 1 and "unknown query family 'fi'" in err and "no, sv, da, en" in err


def test_user_errors_are_one_line_without_traceback(tmp_path, capsys):
    code, _, err = run(capsys, "status", tmp_path / "nowhere")
    assert code == 1 and err.startswith("Error: ") and "Traceback" not in err
    run(capsys, "init", tmp_path / "r")
    empty = tmp_path / "empty.ris"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "import", tmp_path / "r", empty, "--family", "no")
    assert code == 1 and "empty.ris" in err and "Traceback" not in err


def test_init_import_status_on_a_small_ris_file(tmp_path, capsys):
    review = tmp_path / "r"
    run(capsys, "init", review)
    code, out, _ = run(capsys, "import", review, RIS, "--source", "oria", "--family", "no", "--searched", "2022-09-26")
    assert code == 0 and "records read as ris" in out
    code, out, _ = run(capsys, "import", review, RIS, "--family", "no")
    assert "already imported" in out  # same content: nothing added
    code, out, _ = run(capsys, "status", review, "--json")
    status = json.loads(out)
    with sqlite3.connect(review / "review.sqlite") as db:
        stored = db.execute("select count(*) from raw_records").fetchone()[0]
        family, searched = db.execute("select family, searched from imports").fetchone()
    assert status["identified"] == stored > 0
    assert (family, searched) == ("no", "2022-09-26")
    assert set(status["stages"]) == {"1", "2", "3"}
    assert set(status["families"]) == {"no", "sv", "da", "en"}


def test_export_raw_lists_every_record_with_provenance(tmp_path, capsys):
    review = tmp_path / "r"
    run(capsys, "init", review)
    run(capsys, "import", review, RIS, "--source", "oria", "--family", "no")
    out_file = tmp_path / "raw.csv"
    code, out, err = run(capsys, "export", review, "raw", "-o", out_file)
    assert code == 0, err
    import csv

    with open(out_file, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with sqlite3.connect(review / "review.sqlite") as db:
        stored = db.execute("select position, title from raw_records order by position").fetchall()
    assert [(int(r["position"]), r["title"]) for r in rows] == stored
    assert {r["file"] if "file" in r else r["file_name"] for r in rows} == {RIS.name}
    assert {r["source"] for r in rows} == {"oria"} and {r["family"] for r in rows} == {"no"}
    code, _, err = run(capsys, "export", review, "raw", "-o", tmp_path / "raw.pdf")
    assert code == 1 and "supports: .csv, .md, .xlsx" in err


def test_a_peer_reviewed_only_search_marks_its_records(tmp_path, capsys):
    review = tmp_path / "r"
    run(capsys, "init", review)
    run(capsys, "import", review, RIS, "--source", "oria", "--family", "en")
    with sqlite3.connect(review / "review.sqlite") as db:
        flags = {row[0] for row in db.execute("select peer_reviewed from raw_records")}
    assert flags == {1}  # en is limited to peer-reviewed work in the protocol


def test_version_prints_the_package_version(capsys):
    from review import __version__

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"review {__version__}"
