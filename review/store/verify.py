"""``review verify``: is the store whole, and is its history as it was written?

Read-only. Checks SQLite's full integrity check and foreign keys, the schema version, that every
history table still has its append-only triggers, and that each history row still matches the
hash chain (store/chain.py). The head hash of each chain is reported so a team can note it down
(in a lab book, a release, an e-mail): a later head that does not descend from it means the
history was rebuilt.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, inspect

from review.errors import StoreError
from review.store import chain, health, migrations, schema
from review.store.db import Store


@dataclass
class Check:
    name: str
    problems: list[str] = field(default_factory=list)
    detail: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Report:
    store: str
    checks: list[Check]

    @property
    def problems(self) -> int:
        return sum(len(c.problems) for c in self.checks)

    def lines(self) -> list[str]:
        out = [f"Verifying {self.store}"]
        for check in self.checks:
            out.append(
                f"  {'ok  ' if check.ok else 'FAIL'}  {check.name}" + (f": {check.detail}" if check.detail else "")
            )
            out += [f"        - {p}" for p in check.problems]
        out.append("Result: " + ("no problems found" if not self.problems else f"{self.problems} problem(s) found"))
        return out


def _integrity(conn: Connection) -> Check:
    check = Check("integrity")
    if conn.dialect.name != "sqlite":
        check.detail = "left to the database server"
        return check
    results = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check(20)")]
    if results != ["ok"]:
        check.problems += results
    else:
        check.detail = "SQLite integrity_check ok"
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        check.problems.append(
            f"{len(broken)} row(s) point at rows that do not exist (first: table {broken[0][0]} row {broken[0][1]})"
        )
    return check


def _version(conn: Connection) -> Check:
    found = migrations.current_version(conn)
    check = Check("schema version", detail=f"{found} (this program: {migrations.LATEST})")
    if found != migrations.LATEST:
        check.problems.append(f"the store is at version {found}; this program expects {migrations.LATEST}")
    return check


def _history(conn: Connection, table: str) -> Check:
    check = Check(f"history table {table}")
    columns = {c["name"] for c in inspect(conn).get_columns(table)}
    if chain.CHAIN_COLUMN not in columns:
        check.problems.append(f"{table} has no {chain.CHAIN_COLUMN} column (a store older than version 2?)")
        return check
    check.problems += chain.trigger_problems(conn, table)
    result = chain.check_chain(conn, table)
    check.problems += result.problems
    check.detail = f"{result.rows:,} rows, head {result.head or '(empty)'}"
    return check


def _run(store: Store, name: str, check) -> Check:
    """One check; a store too damaged to answer it is a problem of that check, not a crash."""
    try:
        with store.read() as conn:
            return check(conn)
    except StoreError as exc:
        return Check(name, problems=[str(exc)])


def verify_store(store: Store) -> Report:
    checks = [_run(store, "integrity", _integrity), _run(store, "schema version", _version)]
    present = _run(store, "tables", lambda conn: Check("tables", detail=",".join(inspect(conn).get_table_names())))
    tables = set(present.detail.split(",")) if present.ok else set()
    if not present.ok:
        checks.append(present)
    for table in schema.APPEND_ONLY_TABLES:
        name = f"history table {table}"
        if table in tables:
            checks.append(_run(store, name, lambda conn, t=table: _history(conn, t)))
        elif present.ok:
            checks.append(Check(name, problems=[f"table {table} is missing"]))
    return Report(store=store.where if store.path else f"{store.dialect} store", checks=checks)


def verify(url: str) -> Report:
    """Open without the checks on open (they would refuse the store this is meant to describe)."""
    path = health.sqlite_path(url)
    if path is not None and not path.exists():
        return Report(store=str(path), checks=[Check("file", problems=["there is no store file"])])
    if path is not None and path.stat().st_size == 0:
        return Report(
            store=str(path),
            checks=[
                Check(
                    "file",
                    problems=["the file is empty (0 bytes): the store's contents were lost; restore the last backup"],
                )
            ],
        )
    try:
        store = Store(url, check=False)
    except StoreError as exc:
        return Report(store=str(path or url), checks=[Check("open", problems=[str(exc)])])
    try:
        return verify_store(store)
    except StoreError as exc:
        return Report(store=store.where, checks=[Check("read", problems=[str(exc)])])
    finally:
        store.close()


def backup(store: Store, target: Path) -> Path:
    """A consistent copy of a SQLite store taken while others may be writing (SQLite's online backup)."""
    target = Path(target)
    if store.path is None:
        raise StoreError(
            "this review is on a database server: back it up with the server's tools, e.g. "
            "'pg_dump --format=custom --file=review.dump DATABASE' (restore with pg_restore); "
            "see docs/reliability.md"
        )
    if target.exists():
        raise StoreError(f"{target} exists; choose a new file name (a backup never overwrites a file)")
    if not target.parent.is_dir():
        raise StoreError(f"{target.parent}: no such directory")
    partial = target.with_name(f".{target.name}.partial")
    try:
        source = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            result = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
            source.close()
        if result != "ok":
            raise StoreError(f"the copy fails SQLite's integrity check ({result}); the store itself may be damaged")
        partial.replace(target)
    except sqlite3.Error as exc:
        raise StoreError(f"the backup failed ({exc}); nothing was written to {target}") from None
    finally:
        if partial.exists():
            partial.unlink()
    return target
