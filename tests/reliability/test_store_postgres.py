"""The store and screening suites again, on a PostgreSQL server instead of a SQLite file.

The tests are the ones in tests/test_store.py, tests/test_screening.py, the identity tests and the
duplicate queue's (its window functions), imported here so pytest
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
from tests.dedup import test_dedup_work_pairs

pytestmark = [pytest.mark.postgres, pytest.mark.slow]  # a server and a database per test

SQLITE_ONLY = {
    "test_migrations_record_version_and_are_idempotent",
    "test_newer_schema_is_refused",
    "test_sqlite_settings_for_durability",
    "test_core_does_not_import_streamlit",
}


def _is_fixture(obj) -> bool:
    return hasattr(obj, "_fixture_function_marker") or hasattr(obj, "_pytestfixturefunction")


for _module in (test_store, test_screening, test_identity, test_dedup_work_pairs):
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


# --- an owner role for migrations, a less privileged role for the program


@pytest.fixture
def two_roles(postgres_url):
    """An owner role that owns the database (and so the tables the migrations create) and an app
    role granted only what review.store.roles gives it. Both are dropped afterwards."""
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    suffix = uuid.uuid4().hex[:10]
    owner, app, password = f"review_owner_{suffix}", f"review_app_{suffix}", uuid.uuid4().hex
    url = make_url(postgres_url)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for role in (owner, app):
            conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
        conn.exec_driver_sql(f'ALTER DATABASE "{url.database}" OWNER TO {owner}')
    try:
        yield (
            url.set(username=owner, password=password).render_as_string(hide_password=False),
            url.set(username=app, password=password).render_as_string(hide_password=False),
            app,
        )
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
            for role in (owner, app):
                conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
        admin.dispose()


def test_the_app_role_cannot_switch_off_or_bypass_the_history_protection(two_roles, review_dir, monkeypatch):
    from sqlalchemy.exc import DBAPIError

    from review.protocol import load_protocol
    from review.store.roles import grant_app_role
    from review.store.verify import verify
    from screening.decisions import Decision, record
    from tests.conftest import add_records, singleton_works, synthetic_records

    owner_url, app_url, app_role = two_roles
    owner = Store(owner_url)  # the migrations run as the owner
    owner.transact(lambda conn: grant_app_role(conn, app_role))
    owner.close()

    monkeypatch.setenv("REVIEW_DATABASE_URL", app_url)
    protocol = load_protocol(review_dir)
    app = Store(app_url)
    try:
        add_records(app, protocol, synthetic_records(3))
        works = singleton_works(app)
        for work in works:  # the program works as usual under the app role, sealing included
            record(app, protocol, Decision(work_id=work, stage=1, decision="include", reviewer="Anna"))
        for statement in (
            "ALTER TABLE decisions DISABLE TRIGGER ALL",
            "ALTER TABLE decisions DISABLE TRIGGER decisions_append_only",
            "DROP TRIGGER decisions_append_only ON decisions",
            "SET session_replication_role = replica",
            "UPDATE decisions SET decision = 'exclude' WHERE id = 1",
            "UPDATE decisions SET row_hash = 'forged' WHERE id = 1",
            "DELETE FROM decisions WHERE id = 1",
            "TRUNCATE decisions CASCADE",
            "INSERT INTO decisions (id, work_id, stage, reviewer, decision, reasons, final, automatic, "
            "created_at) VALUES (1, 1, 1, 'Anna', 'exclude', '[]', true, false, 'x') "
            "ON CONFLICT (id) DO UPDATE SET decision = 'exclude'",
            "DROP TABLE decisions CASCADE",
            "CREATE TABLE evil (x int)",
        ):
            with pytest.raises((DBAPIError, StoreError), match="(?i)owner|permission|append-only|denied"):
                with app.engine.begin() as conn:
                    conn.exec_driver_sql(statement)
    finally:
        app.close()
    report = verify(app_url)
    assert report.problems == 0, report.lines()
    assert any("3 rows" in line for line in report.lines())


def test_the_owner_can_see_a_rewrite_it_was_allowed_to_make(two_roles, review_dir, monkeypatch):
    """The owner could disable the triggers; the chain still shows the edit."""
    from review.protocol import load_protocol
    from review.store.verify import verify
    from screening.decisions import Decision, record
    from tests.conftest import add_records, singleton_works, synthetic_records

    owner_url, _, _ = two_roles
    monkeypatch.setenv("REVIEW_DATABASE_URL", owner_url)
    store = Store(owner_url)
    protocol = load_protocol(review_dir)
    add_records(store, protocol, synthetic_records(2))
    for work in singleton_works(store):
        record(store, protocol, Decision(work_id=work, stage=1, decision="include", reviewer="Anna"))
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE decisions DISABLE TRIGGER decisions_append_only")
        conn.exec_driver_sql("UPDATE decisions SET decision = 'exclude' WHERE id = 1")
    store.close()
    lines = verify(owner_url).lines()
    assert any("trigger decisions_append_only is disabled" in line for line in lines), lines
    assert any("decisions row 1 does not match its hash" in line for line in lines), lines
