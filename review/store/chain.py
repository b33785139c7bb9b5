"""Append-only tables whose rows are chained by hash, so a rewritten history is refused or seen.

Two layers, because a database file can be edited by other programs:

- **Refused where the database can refuse it.** Triggers reject UPDATE and DELETE, an INSERT that
  reuses an existing id (SQLite's ``INSERT OR REPLACE`` deletes the old row *without* firing delete
  triggers unless ``recursive_triggers`` is on, so the insert itself is refused), and on PostgreSQL
  TRUNCATE. The one update allowed is sealing: setting ``row_hash`` once on a row that has none.
- **Detected where it cannot.** Each row carries ``row_hash`` = SHA-256 over the table name, the
  previous row's hash and the row's own values. Someone who drops the triggers and edits row 1
  breaks every later link; ``review verify`` recomputes the chain and names the first broken row.

Any table can join: give it a nullable ``row_hash`` Text column, add its name to
``schema.APPEND_ONLY_TABLES`` and call ``protect(conn, name)`` in its migration. ``Store.write``
seals new rows at the end of every transaction (``seal``), so no insert site needs to know.

A chain without a secret cannot stop someone who recomputes every hash after an edit; what stops
that is a head hash kept elsewhere (``review verify`` prints the head of each chain).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, MetaData, Table, bindparam, inspect, select, text, update

from review.store import schema

CHAIN_COLUMN = "row_hash"
GENESIS = ""


def _table(conn: Connection, name: str) -> Table:
    if name in schema.metadata.tables and CHAIN_COLUMN in schema.metadata.tables[name].c:
        return schema.metadata.tables[name]
    return Table(name, MetaData(), autoload_with=conn)


def _value(value: Any) -> Any:
    if isinstance(value, (bool, int, str)) or value is None:
        return value
    if isinstance(value, float):
        return repr(value)
    return str(value)


def row_digest(table: str, previous: str, row: dict[str, Any]) -> str:
    """The hash of one row: its table, the previous row's hash and every column except the hash."""
    values = {k: _value(v) for k, v in sorted(row.items()) if k != CHAIN_COLUMN}
    payload = json.dumps([table, previous, values], ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def chained_tables(conn: Connection) -> list[str]:
    """The append-only tables present in this database that carry the chain column."""
    inspector = inspect(conn)
    present = set(inspector.get_table_names())
    return [
        t
        for t in schema.APPEND_ONLY_TABLES
        if t in present and CHAIN_COLUMN in {c["name"] for c in inspector.get_columns(t)}
    ]


def seal(conn: Connection, tables: Iterable[str]) -> int:
    """Give every row that has no hash yet its link in the chain; returns how many were sealed.

    New rows sit at the end (ids grow), so this reads backwards from the newest row to the last
    sealed one: one short query per table when nothing is new.
    """
    sealed = 0
    for name in tables:
        table = _table(conn, name)
        pending: list[dict[str, Any]] = []
        previous = GENESIS
        result = conn.execute(select(table).order_by(table.c.id.desc()))
        for row in result:
            values = row._asdict()
            if values[CHAIN_COLUMN] is not None:
                previous = values[CHAIN_COLUMN]
                break
            pending.append(values)
        result.close()
        if not pending:
            continue
        updates = []
        for values in reversed(pending):
            previous = row_digest(name, previous, values)
            updates.append({"row_id": values["id"], "digest": previous})
        conn.execute(
            update(table).where(table.c.id == bindparam("row_id")).values({CHAIN_COLUMN: bindparam("digest")}), updates
        )
        sealed += len(updates)
    return sealed


# --- triggers


def _sqlite_triggers(table: str, columns: list[str]) -> dict[str, str]:
    abort = f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
    fixed = ", ".join(c for c in columns if c != CHAIN_COLUMN)
    return {
        f"{table}_no_update": f"CREATE TRIGGER {table}_no_update BEFORE UPDATE OF {fixed} ON {table} {abort}",
        f"{table}_seal_once": f"CREATE TRIGGER {table}_seal_once BEFORE UPDATE OF {CHAIN_COLUMN} ON {table} "
        f"WHEN OLD.{CHAIN_COLUMN} IS NOT NULL {abort}",
        f"{table}_no_delete": f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} {abort}",
        # An explicit id at or below the newest one: INSERT OR REPLACE of an old row, or a row slipped
        # into a gap. (An id the database assigns is -1 in a BEFORE INSERT trigger.)
        f"{table}_no_replace": f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} "
        f"WHEN NEW.id >= 0 AND NEW.id <= (SELECT coalesce(max(id), -1) FROM {table}) "
        f"{abort}",
    }


PG_FUNCTION = (
    "CREATE OR REPLACE FUNCTION review_append_only() RETURNS trigger AS $$ "
    "BEGIN "
    "  IF TG_OP = 'UPDATE' THEN "
    f"    IF OLD.{CHAIN_COLUMN} IS NULL AND NEW.{CHAIN_COLUMN} IS NOT NULL "
    f"       AND (to_jsonb(NEW) - '{CHAIN_COLUMN}') = (to_jsonb(OLD) - '{CHAIN_COLUMN}') THEN "
    "      RETURN NEW; "  # sealing: the hash is set once and nothing else changes
    "    END IF; "
    "  END IF; "
    "  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; "
    "END; $$ LANGUAGE plpgsql"
)


def _pg_triggers(table: str) -> dict[str, str]:
    return {
        f"{table}_append_only": f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION review_append_only()",
        # TRUNCATE bypasses row triggers; SQLite has no TRUNCATE (its DELETE without WHERE fires them).
        f"{table}_no_truncate": f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION review_append_only()",
    }


def expected_triggers(conn: Connection, table: str) -> dict[str, str]:
    """Trigger name -> the statement that creates it, for this dialect and the table's columns now."""
    if conn.dialect.name == "sqlite":
        return _sqlite_triggers(table, [c["name"] for c in inspect(conn).get_columns(table)])
    if conn.dialect.name == "postgresql":
        return _pg_triggers(table)
    return {}


OLD_TRIGGERS = ("no_update", "no_delete", "no_replace", "seal_once", "append_only", "no_truncate")


def protect(conn: Connection, table: str) -> None:
    """Make ``table`` append-only and chained: the column, the triggers, and a seal on rows already there.

    Safe to run again (after a migration adds a column to the table, run it so the update trigger
    covers the new column too).
    """
    if CHAIN_COLUMN not in {c["name"] for c in inspect(conn).get_columns(table)}:
        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {CHAIN_COLUMN} TEXT"))
    for suffix in OLD_TRIGGERS:
        if conn.dialect.name == "postgresql":
            conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_{suffix} ON {table}"))
        else:
            conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_{suffix}"))
    if conn.dialect.name == "postgresql":
        conn.execute(text(PG_FUNCTION))
    for statement in expected_triggers(conn, table).values():
        conn.execute(text(statement))
    seal(conn, [table])


def trigger_problems(conn: Connection, table: str) -> list[str]:
    """What is missing or switched off in the protection of ``table`` (empty when all is in place)."""
    expected = expected_triggers(conn, table)
    if conn.dialect.name == "sqlite":
        found = {
            r.name: " ".join(r.sql.split())
            for r in conn.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"), {"t": table}
            )
        }
        problems = []
        for name, statement in expected.items():
            if name not in found:
                problems.append(f"trigger {name} is missing")
            elif found[name] != " ".join(statement.split()):
                problems.append(f"trigger {name} differs from the one the program made")
        return problems
    if conn.dialect.name == "postgresql":
        found = {
            r.tgname: r.tgenabled
            for r in conn.execute(
                text("SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = to_regclass(:t) AND NOT tgisinternal"),
                {"t": table},
            )
        }
        problems = [f"trigger {n} is missing" for n in expected if n not in found]
        problems += [f"trigger {n} is disabled" for n in expected if found.get(n) == "D"]
        return problems
    return []


# --- verification


@dataclass
class ChainCheck:
    table: str
    rows: int
    head: str  # the newest row's hash: note it down to detect a recomputed chain later
    problems: list[str]


def check_chain(conn: Connection, name: str, *, limit: int = 5) -> ChainCheck:
    """Recompute the chain of ``name`` from its first row; name the first rows that do not fit."""
    table = _table(conn, name)
    problems: list[str] = []
    previous, rows, broken = GENESIS, 0, 0
    for row in conn.execute(select(table).order_by(table.c.id)):
        values = row._asdict()
        rows += 1
        stored = values[CHAIN_COLUMN]
        expected = row_digest(name, previous, values)
        if stored is None:
            broken += 1
            if len(problems) < limit:
                problems.append(f"{name} row {values['id']} has no hash (written outside the program)")
            previous = expected
            continue
        if stored != expected:
            broken += 1
            if len(problems) < limit:
                problems.append(
                    f"{name} row {values['id']} does not match its hash: the row or one "
                    f"before it was changed, removed or inserted out of order"
                )
        previous = stored
    if broken > limit:
        problems.append(f"{name}: {broken - limit} more rows do not fit the chain")
    return ChainCheck(table=name, rows=rows, head=previous, problems=problems)


def head_of(conn: Connection, name: str) -> str | None:
    table = _table(conn, name)
    return conn.execute(select(table.c[CHAIN_COLUMN]).order_by(table.c.id.desc()).limit(1)).scalar()
