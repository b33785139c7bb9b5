"""The store's constraints, migrations and durability settings."""

import subprocess
import sys

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from review.store import Store, schema
from review.store.migrations import LATEST
from review.timeutil import now_iso
from tests.conftest import REPO


def insert_decision(conn, work_id, **over):
    values = dict(
        work_id=work_id,
        stage=1,
        reviewer="Anna",
        decision="include",
        reasons="[]",
        final=True,
        basis="reviewer",
        created_at=now_iso(),
    )
    values.update(over)
    conn.execute(schema.decisions.insert().values(**values))


def test_migrations_record_version_and_are_idempotent(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    Store(url).close()
    store = Store(url)  # second open must not re-run v1
    with store.read() as conn:
        versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    assert versions == list(range(1, LATEST + 1))


def test_newer_schema_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    store = Store(url)
    with store.write() as conn:
        conn.execute(schema.schema_version.insert().values(version=LATEST + 5, applied_at=now_iso()))
    store.close()
    from review.errors import StoreError

    with pytest.raises(StoreError, match="newer than this program"):
        Store(url)


def test_foreign_keys_are_enforced(store):
    with pytest.raises(IntegrityError):
        with store.write() as conn:
            insert_decision(conn, 9999)


@pytest.mark.parametrize("column,value", [("stage", 4), ("stage", 0), ("decision", "perhaps"), ("reviewer", "")])
def test_decision_checks(store, works, column, value):
    with pytest.raises(IntegrityError):
        with store.write() as conn:
            insert_decision(conn, works[0], **{column: value})


def test_decisions_are_append_only(store, works):
    with store.write() as conn:
        insert_decision(conn, works[0])
    for statement in ("UPDATE decisions SET decision = 'exclude'", "DELETE FROM decisions"):
        with pytest.raises(Exception, match="append-only"):
            with store.write() as conn:
                conn.execute(text(statement))
    with store.read() as conn:
        assert conn.execute(select(schema.decisions.c.decision)).scalars().all() == ["include"]


HISTORY_ROWS = {
    "quality_ratings": dict(reviewer="A", criterion="validity", rating="yes"),
    "summaries": dict(aim="a", method="m", findings="f", author="A"),
    "pair_verdicts": dict(raw_a=1, raw_b=2, verdict="distinct", reviewer="A"),
    "events": dict(actor="A", action="sign-in", target="a"),
}


@pytest.mark.parametrize("table", sorted(HISTORY_ROWS))
def test_history_tables_are_append_only(store, works, table):
    values = dict(HISTORY_ROWS[table])
    values[{"pair_verdicts": "decided_at", "events": "at"}.get(table, "created_at")] = now_iso()
    if table not in ("pair_verdicts", "events"):
        values["work_id"] = works[0]
    with store.write() as conn:
        conn.execute(schema.metadata.tables[table].insert().values(**values))
    for statement in (f"UPDATE {table} SET id = id + 100", f"DELETE FROM {table}"):
        with pytest.raises(Exception, match="append-only"):
            with store.write() as conn:
                conn.execute(text(statement))


def test_rating_value_check(store, works):
    with pytest.raises(IntegrityError):
        with store.write() as conn:
            conn.execute(
                schema.quality_ratings.insert().values(
                    work_id=works[0], reviewer="A", criterion="validity", rating="great", created_at=now_iso()
                )
            )


def test_raw_record_checks(store, works):
    with store.read() as conn:
        row = conn.execute(select(schema.raw_records)).first()._asdict()
    row.pop("id")
    for column, value in [("position", 0), ("source", "pubmed"), ("doc_type", "poem")]:
        bad = dict(row, **{column: value, "position": value if column == "position" else row["position"] + 100})
        with pytest.raises(IntegrityError):
            with store.write() as conn:
                conn.execute(schema.raw_records.insert().values(**bad))
    dup = dict(row)  # same import and position twice
    with pytest.raises(IntegrityError):
        with store.write() as conn:
            conn.execute(schema.raw_records.insert().values(**dup))


def test_import_source_and_unique_hash(store, works):
    with store.read() as conn:
        row = conn.execute(select(schema.imports)).first()._asdict()
    row.pop("id")
    with pytest.raises(IntegrityError):  # same content hash twice
        with store.write() as conn:
            conn.execute(schema.imports.insert().values(**row))
    with pytest.raises(IntegrityError):
        with store.write() as conn:
            conn.execute(schema.imports.insert().values(**dict(row, file_hash="other", source="web")))


def test_pair_and_round_checks(store, works):
    with pytest.raises(IntegrityError):
        with store.write() as conn:
            conn.execute(
                schema.pair_verdicts.insert().values(
                    raw_a=2, raw_b=1, verdict="distinct", reviewer="A", decided_at=now_iso()
                )
            )
    with pytest.raises(IntegrityError):
        with store.write() as conn:
            conn.execute(
                schema.pair_verdicts.insert().values(
                    raw_a=1, raw_b=2, verdict="maybe", reviewer="A", decided_at=now_iso()
                )
            )
    with pytest.raises(IntegrityError):
        with store.write() as conn:
            conn.execute(schema.rounds.insert().values(label="x", year_from=2025, year_to=2023, opened_at=now_iso()))
    with pytest.raises(IntegrityError):
        with store.write() as conn:
            conn.execute(schema.works.update().where(schema.works.c.id == works[0]).values(merged_into=works[0]))


def test_failed_transaction_leaves_nothing(store, works):
    with pytest.raises(IntegrityError):
        with store.write() as conn:
            insert_decision(conn, works[0])
            insert_decision(conn, works[0], decision="nonsense")
    with store.read() as conn:
        assert conn.execute(select(schema.decisions)).all() == []


def test_sqlite_settings_for_durability(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.slow
def test_core_does_not_import_streamlit():
    code = (
        "import sys, review.cli, review.ingest, review.store, screening.flow, screening.queue, "
        "screening.bulk; build = review.cli.build_parser(); "
        "assert 'streamlit' not in sys.modules, 'streamlit imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
