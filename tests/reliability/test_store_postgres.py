"""The store and screening suites again, on a PostgreSQL server instead of a SQLite file.

The tests are the ones in tests/test_store.py and tests/test_screening.py, imported here so pytest
collects them a second time; an autouse fixture points REVIEW_DATABASE_URL at a fresh database, so
their ``store`` fixture (``open_store``) opens PostgreSQL. Tests that are about SQLite itself, or
that build their own SQLite URL, have PostgreSQL versions below.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from review.errors import StoreError
from review.store import Store, schema
from review.store.migrations import LATEST
from review.timeutil import now_iso
from tests import test_screening, test_store
from tests.auth import test_identity

pytestmark = pytest.mark.postgres

SQLITE_ONLY = {"test_migrations_record_version_and_are_idempotent", "test_newer_schema_is_refused",
               "test_sqlite_settings_for_durability", "test_core_does_not_import_streamlit"}



def _is_fixture(obj) -> bool:
    return hasattr(obj, "_fixture_function_marker") or hasattr(obj, "_pytestfixturefunction")


for _module in (test_store, test_screening, test_identity):
    for _name, _obj in vars(_module).items():
        if (_name.startswith("test_") and _name not in SQLITE_ONLY) or _is_fixture(_obj):
            globals()[_name] = _obj


@pytest.fixture(autouse=True)
def on_postgres(postgres_url, monkeypatch):
    monkeypatch.setenv("REVIEW_DATABASE_URL", postgres_url)
    return postgres_url


def test_store_opens_postgres(store):
    assert store.dialect == "postgresql"


def test_migrations_record_version_and_are_idempotent_pg(on_postgres):
    Store(on_postgres).close()
    store = Store(on_postgres)
    with store.read() as conn:
        versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    store.close()
    assert versions == list(range(1, LATEST + 1))


def test_newer_schema_is_refused_pg(on_postgres):
    store = Store(on_postgres)
    with store.write() as conn:
        conn.execute(schema.schema_version.insert().values(version=LATEST + 5, applied_at=now_iso()))
    store.close()
    with pytest.raises(StoreError, match="newer than this program"):
        Store(on_postgres)


def test_history_tables_refuse_truncate(store, works):
    with store.write() as conn:
        test_store.insert_decision(conn, works[0])
    for table in schema.APPEND_ONLY_TABLES:
        with pytest.raises(Exception, match="append-only"):
            with store.write() as conn:
                conn.execute(text(f"TRUNCATE {table} CASCADE"))
    with store.read() as conn:
        assert len(conn.execute(select(schema.decisions)).all()) == 1
