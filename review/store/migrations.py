"""Versioned schema migrations.

Each step is a function applied once, in order, inside one transaction, and recorded in
``schema_version``. A small hand-rolled runner rather than Alembic: the store is opened by the CLI,
the UI and tests alike, and must upgrade itself on open without an Alembic environment on disk.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy import Connection, exists, inspect, select, text, update

from review import vocabulary
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


def _allow_changes(conn: Connection, table: str) -> None:
    """Lift the append-only guard for a migration that must correct old rows (put back at once after)."""
    if conn.dialect.name == "sqlite":
        for op in ("update", "delete"):
            conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_{op}"))
    elif conn.dialect.name == "postgresql":
        conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}"))
        conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}"))


def _decision_basis(conn: Connection) -> None:
    """Record who decided (``basis``): a rule, one reviewer, two who agreed, the lead, or a vote.

    Older stores wrote the agreement of two reviewers as an ``automatic`` row by ``consensus``, so the
    flow counted it as a protocol rule's exclusion. Those rows become agreements (and lose the
    automatic flag); a person's final row that follows votes on the same work and stage is the
    lead's reconciliation.
    """
    d = schema.decisions
    if "basis" not in {c["name"] for c in inspect(conn).get_columns("decisions")}:
        conn.execute(text("ALTER TABLE decisions ADD COLUMN basis VARCHAR(20) CONSTRAINT decision_basis CHECK ("
                          + vocabulary.sql_in("basis", vocabulary.BASES) + ")"))
    if conn.execute(select(d.c.id).where(d.c.basis.is_(None)).limit(1)).first() is None:
        return  # a fresh store: nothing to correct, the guard stays as it is
    _allow_changes(conn, "decisions")
    undecided = d.c.basis.is_(None)
    conn.execute(update(d).where(undecided, d.c.reviewer == vocabulary.CONSENSUS, d.c.final.is_(True))
                 .values(basis=vocabulary.AGREEMENT, automatic=False))
    conn.execute(update(d).where(undecided, d.c.automatic.is_(True)).values(basis=vocabulary.RULE, final=True))
    conn.execute(update(d).where(undecided, d.c.final.is_(False)).values(basis=vocabulary.VOTE))
    earlier = d.alias("earlier")
    after_votes = exists().where(earlier.c.work_id == d.c.work_id, earlier.c.stage == d.c.stage,
                                 earlier.c.id < d.c.id, earlier.c.final.is_(False))
    conn.execute(update(d).where(undecided, after_votes).values(basis=vocabulary.RECONCILED))
    conn.execute(update(d).where(undecided).values(basis=vocabulary.REVIEWER))
    _forbid_changes(conn, "decisions")


def _dedup_actions(conn: Connection) -> None:
    """Remember what each merge, split and verdict moved, so an undo restores exactly what was there."""
    schema.metadata.create_all(conn, tables=[schema.dedup_actions])


MIGRATIONS: list[Callable[[Connection], None]] = [
    _v1_initial,
    _stopping_decisions,
    _decision_basis,
    _dedup_actions,
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
