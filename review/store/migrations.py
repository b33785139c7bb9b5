"""Versioned schema migrations.

Each step is a function applied once, in order, inside one transaction, and recorded in
``schema_version``. A small hand-rolled runner rather than Alembic: the store is opened by the CLI,
the UI and tests alike, and must upgrade itself on open without an Alembic environment on disk.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy import Connection, inspect, select, text

from review.errors import StoreError
from review.store import chain, schema
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
    """History tables are append-only: a changed mind adds a row. Enforced in the database itself,
    and every row chained by hash (store/chain.py)."""
    chain.protect(conn, table)


def _chained_history(conn: Connection) -> None:
    """Hash-chain the history tables and refuse INSERT OR REPLACE (stores made before this version
    get the column, the new triggers, and their rows sealed in id order)."""
    present = set(inspect(conn).get_table_names())
    for table in schema.APPEND_ONLY_TABLES:
        if table in present:  # a history table added by a later migration is protected there
            _forbid_changes(conn, table)


def _stopping_decisions(conn: Connection) -> None:
    """When and why a team stopped screening a stage (ranked screening's stopping rule)."""
    schema.stopping_decisions.create(conn)
    _forbid_changes(conn, "stopping_decisions")


MIGRATIONS: list[Callable[[Connection], None]] = [
    _v1_initial,
    _stopping_decisions,
    _chained_history,
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
    if found < LATEST and found >= 1:
        # A migration may have added a column to a history table; its update trigger must name it.
        present = set(inspect(conn).get_table_names())
        for table in schema.APPEND_ONLY_TABLES:
            if table in present:
                _forbid_changes(conn, table)
    return found
