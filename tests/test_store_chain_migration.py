"""A store made by the version before the hash chain (old triggers, no row_hash) is upgraded on open:
every history row sealed in id order, the new triggers in place, and `review verify` content."""

import sqlite3

import pytest

from review.cli import main
from review.store import Store, schema
from review.store.migrations import LATEST
from screening.decisions import Decision, record


def _as_previous_version(path):
    """Turn a current store back into what the previous version made: old triggers, no row_hash."""
    conn = sqlite3.connect(path, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for table in schema.APPEND_ONLY_TABLES:
        conn.execute(f"ALTER TABLE {table} DROP COLUMN row_hash")
        for op in ("UPDATE", "DELETE"):
            conn.execute(
                f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    conn.execute("DELETE FROM schema_version WHERE version = ?", (LATEST,))
    conn.close()


def test_a_store_from_the_previous_version_is_sealed_on_upgrade(review_dir, store, protocol, works, capsys):
    for work in works[:4]:
        record(store, protocol, Decision(work_id=work, stage=1, decision="include", reviewer="Anna"))
    store.close()
    path = review_dir / "review.sqlite"
    _as_previous_version(path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT OR REPLACE INTO decisions (id, work_id, stage, reviewer, decision, reasons, final, "
        "automatic, basis, created_at) VALUES (1, 1, 1, 'Anna', 'exclude', '[]', 1, 0, 'reviewer', 'then')"
    )  # the old hole
    conn.commit()
    conn.close()

    Store(f"sqlite:///{path}").close()  # opening upgrades
    assert main(["verify", str(review_dir)]) == 0, capsys.readouterr().out
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM decisions WHERE row_hash IS NULL").fetchone()[0] == 0
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == LATEST
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute(
            "INSERT OR REPLACE INTO decisions (id, work_id, stage, reviewer, decision, reasons, final, "
            "automatic, created_at) VALUES (2, 1, 1, 'Anna', 'exclude', '[]', 1, 0, 'now')"
        )
    conn.close()


def test_a_later_migration_adding_a_column_to_a_history_table_keeps_it_protected(tmp_path, monkeypatch):
    """Another engineer's migration adds a column to decisions: the update trigger must cover it after
    the upgrade, and the store must not take the regenerated trigger for tampering."""
    from sqlalchemy import text

    from review.store import migrations

    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    Store(url).close()

    def add_shown_work(conn):
        conn.execute(text("ALTER TABLE decisions ADD COLUMN shown_work_id INTEGER"))

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [add_shown_work])
    monkeypatch.setattr(migrations, "LATEST", migrations.LATEST + 1)
    store = Store(url)
    assert store.damaged is None
    store.close()
    conn = sqlite3.connect(tmp_path / "x.sqlite")
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'decisions_no_update'").fetchone()[0]
    conn.close()
    assert "shown_work_id" in sql
