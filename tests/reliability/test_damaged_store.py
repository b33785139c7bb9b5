"""Damaged, full, read-only and tampered stores, used as a person would: through `review`.

Each ends in one `Error:` line and leaves the store as it was. SYNTHETIC records (tests/fixtures).
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

import review.store.db as db
from review.cli import main
from review.store import open_store, schema
from tests.conftest import REPO

pytestmark = pytest.mark.slow  # every test builds, damages and reopens a store: seconds each

FIXTURES = REPO / "tests" / "fixtures"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def review(tmp_path, capsys) -> Path:
    """A review with three imported records, deduplicated, and three decisions."""
    directory = tmp_path / "rev"
    assert run(capsys, "init", directory)[0] == 0
    assert run(capsys, "import", directory, FIXTURES / "ris_oria.ris", "--family", "no")[0] == 0
    assert run(capsys, "dedup", directory)[0] == 0
    decisions = tmp_path / "d.csv"
    decisions.write_text(
        "work_id,stage,decision,reason,reviewer,final\n1,1,include,,Anna,true\n"
        "2,1,exclude,Studentoppgave,Anna,true\n3,1,include,,Bjørn,true\n",
        encoding="utf-8",
    )
    assert run(capsys, "decide", directory, "--csv", decisions)[0] == 0
    checkpoint(directory)
    return directory


def checkpoint(directory: Path) -> None:
    """Fold the WAL into the file, so the file alone holds the store (as after a clean shutdown)."""
    conn = sqlite3.connect(directory / "review.sqlite")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def more_decisions(tmp_path: Path, n: int = 1) -> Path:
    path = tmp_path / "more.csv"
    path.write_text(
        "work_id,stage,decision,reason,reviewer,final\n" + "".join("1,2,include,,Anna,true\n" for _ in range(n)),
        encoding="utf-8",
    )
    return path


def count_decisions(directory: Path) -> int:
    conn = sqlite3.connect(directory / "review.sqlite")
    try:
        return conn.execute("SELECT count(*) FROM decisions").fetchone()[0]
    finally:
        conn.close()


WRITES = [("decide", "--csv"), ("import", FIXTURES / "endnote_library.xml", "--family", "sv"), ("dedup",)]


# --- an empty file is not a new review


def test_a_zero_length_store_is_refused_not_taken_for_a_new_review(review, tmp_path, capsys):
    store = review / "review.sqlite"
    store.write_bytes(b"")
    for argv in (
        ["status", review],
        ["decide", review, "--csv", more_decisions(tmp_path)],
        ["import", review, FIXTURES / "endnote_library.xml", "--family", "sv"],
        ["dedup", review],
        ["export", review, "works", "-o", tmp_path / "w.csv"],
        ["backup", review, tmp_path / "b.sqlite"],
    ):
        code, _, err = run(capsys, *argv)
        assert code == 1, argv
        line = one_error_line(err)
        assert "is empty (0 bytes)" in line and "review backup" in line
        assert store.stat().st_size == 0  # nothing was created in its place
    code, out, err = run(capsys, "verify", review)
    assert code == 1 and "empty (0 bytes)" in out


def test_a_file_that_is_not_a_database_is_refused(review, capsys):
    store = review / "review.sqlite"
    store.write_bytes(b"PK\x03\x04 this is a zip file, copied over the store by mistake" * 100)
    before = digest(store)
    code, _, err = run(capsys, "status", review)
    assert code == 1 and "is not a SQLite database" in one_error_line(err)
    assert digest(store) == before


# --- corruption


def _corrupt_table_page(directory: Path, table: str) -> None:
    conn = sqlite3.connect(directory / "review.sqlite")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    with open(directory / "review.sqlite", "r+b") as handle:
        handle.seek(page_size * (root - 1))
        handle.write(b"\x0d\x00\x00\xff\xff\xff\xff\xff\x00")


def _swap_index_roots(directory: Path) -> None:
    """Two indexes trade their pages: every page is sound, but the indexes disagree with the table.
    SQLite's quick_check does not look at index contents; its integrity_check does."""
    conn = sqlite3.connect(directory / "review.sqlite", isolation_level=None)
    a = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_raw_doi'").fetchone()[0]
    b = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_raw_source_id'").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'ix_raw_doi'", (b,))
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'ix_raw_source_id'", (a,))
    conn.close()
    check = sqlite3.connect(directory / "review.sqlite")
    assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert check.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    check.close()


@pytest.mark.parametrize("damage", ["table-page", "index-contents"])
def test_a_corrupted_store_refuses_every_command_and_is_not_written(review, tmp_path, capsys, damage):
    if damage == "table-page":
        _corrupt_table_page(review, "raw_records")
    else:
        _swap_index_roots(review)
    store = review / "review.sqlite"
    before = digest(store)
    for argv in (
        ["status", review],
        ["decide", review, "--csv", more_decisions(tmp_path, 300)],
        ["import", review, FIXTURES / "endnote_library.xml", "--family", "sv"],
        ["dedup", review],
    ):
        code, _, err = run(capsys, *argv)
        assert code == 1, argv
        line = one_error_line(err)
        assert str(store) in line and ("integrity check" in line or "damaged" in line), line
        assert "review backup" in line
    assert digest(store) == before
    code, out, _ = run(capsys, "verify", review)
    assert code == 1 and "FAIL  integrity" in out


# --- a full disk


def test_a_full_disk_is_one_error_line_and_keeps_what_was_stored(review, capsys, monkeypatch):
    plain = db._sqlite_pragmas

    def tiny_disk(dbapi_conn, record):
        plain(dbapi_conn, record)
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # SQLite answers SQLITE_FULL beyond this

    monkeypatch.setattr(db, "_sqlite_pragmas", tiny_disk)
    code, _, err = run(capsys, "import", review, FIXTURES / "pop_26col.csv", "--family", "sv", "--source", "scholar")
    assert code == 1
    assert "disk holding" in one_error_line(err) and "is full" in err
    monkeypatch.setattr(db, "_sqlite_pragmas", plain)
    code, out, _ = run(capsys, "status", review)
    assert code == 0 and "Records identified: 3" in out
    assert count_decisions(review) == 3


# --- a read-only store


def test_a_read_only_store_can_be_read_and_refuses_writes_in_one_line(review, tmp_path, capsys, monkeypatch):
    # SQLite opens a file it may not write read-only and answers SQLITE_READONLY on the first write;
    # mode=ro gives the same answer here, where the tests run as a user that may write anything.
    monkeypatch.setenv("REVIEW_DATABASE_URL", f"sqlite:///file:{review / 'review.sqlite'}?mode=ro&uri=true")
    store = review / "review.sqlite"
    before = digest(store)
    code, out, _ = run(capsys, "status", review)
    assert code == 0 and "Records identified: 3" in out
    assert run(capsys, "export", review, "decisions", "-o", tmp_path / "d.csv")[0] == 0
    for argv in (
        ["decide", review, "--csv", more_decisions(tmp_path)],
        ["import", review, FIXTURES / "endnote_library.xml", "--family", "sv"],
        ["dedup", review],
    ):
        code, _, err = run(capsys, *argv)
        assert code == 1, argv
        assert "is read-only" in one_error_line(err)
    assert digest(store) == before


# --- tampering with the append-only history


def test_insert_or_replace_cannot_rewrite_a_decision(review):
    conn = sqlite3.connect(review / "review.sqlite")  # another program, default settings
    for statement in (
        "INSERT OR REPLACE INTO decisions (id, work_id, stage, reviewer, decision, reasons, final, automatic, "
        "created_at) VALUES (1, 1, 1, 'Anna', 'exclude', '[]', 1, 0, '2020-01-01')",
        "REPLACE INTO decisions (id, work_id, stage, reviewer, decision, reasons, final, automatic, created_at) "
        "VALUES (1, 1, 1, 'Anna', 'exclude', '[]', 1, 0, '2020-01-01')",
        "INSERT INTO decisions (id, work_id, stage, reviewer, decision, reasons, final, automatic, created_at) "
        "VALUES (2, 1, 1, 'Anna', 'exclude', '[]', 1, 0, '2020-01-01') "
        "ON CONFLICT(id) DO UPDATE SET decision = 'exclude'",
        "UPDATE decisions SET row_hash = 'forged' WHERE id = 1",
        "UPDATE decisions SET decision = 'exclude', row_hash = NULL WHERE id = 1",
    ):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(statement)
    conn.close()
    store = open_store(review)
    with store.read() as c:
        first = c.execute(select(schema.decisions).where(schema.decisions.c.id == 1)).one()
    store.close()
    assert first.decision == "include"


def test_verify_passes_a_sound_store_and_prints_each_chain_head(review, capsys):
    code, out, err = run(capsys, "verify", review)
    assert code == 0, out + err
    assert "Result: no problems found" in out
    assert "history table decisions: 3 rows, head " in out
    head = out.split("history table decisions: 3 rows, head ")[1].split()[0]
    assert len(head) == 64


def test_an_edited_decision_is_found_by_verify_and_writes_are_refused(review, tmp_path, capsys):
    conn = sqlite3.connect(review / "review.sqlite", isolation_level=None)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'decisions_no_update'").fetchone()[0]
    conn.execute("DROP TRIGGER decisions_no_update")
    conn.execute("UPDATE decisions SET decision = 'exclude', reasons = '[\"Studentoppgave\"]' WHERE id = 1")
    code, out, err = run(capsys, "verify", review)
    assert code == 1
    assert "trigger decisions_no_update is missing" in out
    assert "decisions row 1 does not match its hash" in out
    assert one_error_line(err).startswith("Error: the review store failed verification")
    # With the trigger missing the store is read but not written to.
    code, _, err = run(capsys, "decide", review, "--csv", more_decisions(tmp_path))
    assert code == 1
    assert "append-only protection" in one_error_line(err) and "review verify" in err
    assert count_decisions(review) == 3
    # Putting the trigger back does not hide the edit: the chain still breaks at row 1.
    conn.execute(sql)
    conn.close()
    code, out, _ = run(capsys, "verify", review)
    assert code == 1 and "decisions row 1 does not match its hash" in out
    assert "trigger" not in out.split("decisions row 1")[0].split("history table decisions")[1]


def test_a_removed_row_breaks_the_chain_of_the_rows_after_it(review, capsys):
    conn = sqlite3.connect(review / "review.sqlite", isolation_level=None)
    conn.execute("DROP TRIGGER decisions_no_delete")
    conn.execute("DELETE FROM decisions WHERE id = 2")
    conn.close()
    code, out, _ = run(capsys, "verify", review)
    assert code == 1 and "decisions row 3 does not match its hash" in out


def test_a_disabled_check_on_a_renamed_trigger_is_noticed(review, capsys):
    """A trigger kept by name but emptied of its rule is a changed trigger, not a present one."""
    conn = sqlite3.connect(review / "review.sqlite", isolation_level=None)
    conn.execute("DROP TRIGGER decisions_no_delete")
    conn.execute("CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions WHEN 0 BEGIN SELECT 1; END")
    conn.close()
    code, out, _ = run(capsys, "verify", review)
    assert code == 1 and "trigger decisions_no_delete differs" in out


def test_rows_written_by_the_program_are_sealed_in_the_same_transaction(review, tmp_path, capsys):
    assert run(capsys, "decide", review, "--csv", more_decisions(tmp_path, 5))[0] == 0
    conn = sqlite3.connect(review / "review.sqlite")
    assert conn.execute("SELECT count(*) FROM decisions WHERE row_hash IS NULL").fetchone()[0] == 0
    conn.close()
    assert run(capsys, "verify", review)[0] == 0


# --- backup


def test_backup_is_a_verified_copy_that_restores(review, tmp_path, capsys):
    target = tmp_path / "copy.sqlite"
    code, out, _ = run(capsys, "backup", review, target)
    assert code == 0 and "Backup written" in out
    code, _, err = run(capsys, "backup", review, target)
    assert code == 1 and "exists" in one_error_line(err)
    # restore as docs/reliability.md says, after the store was lost
    (review / "review.sqlite").write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        Path(f"{review / 'review.sqlite'}{suffix}").unlink(missing_ok=True)
    (review / "review.sqlite").write_bytes(target.read_bytes())
    assert run(capsys, "verify", review)[0] == 0
    assert count_decisions(review) == 3


def test_a_write_error_mid_session_marks_the_store_damaged(review, monkeypatch):
    store = open_store(review)
    try:
        from sqlalchemy.exc import DatabaseError

        class Malformed(Exception):
            pass

        def broken(conn):
            raise DatabaseError("INSERT", {}, Malformed("database disk image is malformed"))

        from review.errors import StoreError

        with pytest.raises(StoreError, match="damaged"):
            store.transact(broken)
        with pytest.raises(StoreError, match="damaged"):
            with store.write() as conn:
                conn.execute(select(func.count()).select_from(schema.decisions))
    finally:
        store.close()
