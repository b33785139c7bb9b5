"""Versioned schema migrations.

Each step is a function applied once, in order, inside one transaction, and recorded in
``schema_version``. A small hand-rolled runner rather than Alembic: the store is opened by the CLI,
the UI and tests alike, and must upgrade itself on open without an Alembic environment on disk.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy import Connection, inspect, select, text

from review.errors import StoreError
from review.store import schema
from review.timeutil import now_iso


# The tables version 1 created. A table added later is created by its own migration, so this list
# never grows: a new table in schema.py plus a migration that creates it.
V1_TABLES = ("rounds", "reviewers", "imports", "raw_records", "works", "work_links", "candidate_pairs",
             "pair_verdicts", "decisions", "quality_ratings", "summaries", "custom_reasons", "attachments")
V1_APPEND_ONLY = ("decisions", "quality_ratings", "summaries", "pair_verdicts")


def _v1_initial(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.metadata.tables[name] for name in V1_TABLES])
    for table in V1_APPEND_ONLY:
        _forbid_changes(conn, table)


def _forbid_changes(conn: Connection, table: str) -> None:
    """History tables are append-only: a changed mind adds a row. Enforced in the database itself."""
    if conn.dialect.name == "sqlite":
        for op in ("UPDATE", "DELETE"):
            conn.execute(text(
                f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"))
    elif conn.dialect.name == "postgresql":
        conn.execute(text(
            "CREATE OR REPLACE FUNCTION review_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql"))
        conn.execute(text(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION review_append_only()"))
        # TRUNCATE bypasses row triggers; SQLite has no TRUNCATE (its DELETE without WHERE fires them).
        conn.execute(text(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION review_append_only()"))


def _stopping_decisions(conn: Connection) -> None:
    """When and why a team stopped screening a stage (ranked screening's stopping rule)."""
    schema.stopping_decisions.create(conn)
    _forbid_changes(conn, "stopping_decisions")


def _add_synthetic_marks(conn: Connection) -> None:
    """Raw records and works carry the synthetic stand-in mark (review.synthetic); older stores read it
    back from each record's fields as imported."""
    import json

    from review.synthetic import fields_say_synthetic

    for table in ("raw_records", "works"):
        if "synthetic" not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN synthetic BOOLEAN NOT NULL DEFAULT FALSE"))
    raw = schema.raw_records
    marked = [row.id for row in conn.execute(select(raw.c.id, raw.c.fields))
              if fields_say_synthetic(json.loads(row.fields or "{}"))]
    if marked:
        conn.execute(raw.update().where(raw.c.id.in_(marked)).values(synthetic=True))
        links = schema.work_links
        real_works = select(links.c.work_id).join(raw, raw.c.id == links.c.raw_id).where(raw.c.synthetic.is_(False))
        any_link = select(links.c.work_id)
        conn.execute(schema.works.update().where(schema.works.c.id.in_(any_link))
                     .where(schema.works.c.id.not_in(real_works)).values(synthetic=True))


MIGRATIONS: list[Callable[[Connection], None]] = [
    _v1_initial,
    _stopping_decisions,
    _add_synthetic_marks,
]
LATEST = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    version = conn.execute(select(schema.schema_version.c.version)
                           .order_by(schema.schema_version.c.version.desc()).limit(1)).scalar()
    return version or 0


def upgrade(conn: Connection) -> int:
    """Bring the schema to the latest version; returns the version found before."""
    schema.metadata.create_all(conn, tables=[schema.schema_version])
    found = current_version(conn)
    if found > LATEST:
        raise StoreError(f"the review store has schema version {found}, newer than this program "
                         f"({LATEST}); upgrade nordic-review")
    for version in range(found + 1, LATEST + 1):
        MIGRATIONS[version - 1](conn)
        conn.execute(schema.schema_version.insert().values(version=version, applied_at=now_iso()))
    return found
