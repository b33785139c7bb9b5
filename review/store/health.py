"""Is this store fit to use? Checks made when a store is opened, and storage errors in plain words.

A store that cannot be trusted is refused before anything is written to it: an empty file is not
an empty review (the decisions it held would be hidden behind a fresh one), a file that fails
SQLite's integrity check would keep accepting decisions into damaged pages, and a store whose
append-only triggers are gone no longer guarantees its history. Every database error that reaches
a user becomes one sentence saying what happened, that nothing was stored, and what to do.
"""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import Connection, inspect
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from review.errors import StoreError
from review.messages import Message
from review.store import chain, migrations, schema

SQLITE_HEADER = b"SQLite format 3\x00"
NEW_FILE_GRACE = 1.0  # seconds an empty store file may take to get its header from the program creating it
RESTORE = (
    "restore the last backup made with 'review backup DIR FILE' (stop every program using the review, "
    "delete review.sqlite-wal and review.sqlite-shm, copy the backup to review.sqlite; "
    "docs/reliability.md), or on PostgreSQL the last pg_dump"
)


class DamagedStore(StoreError):
    """The store fails a check; nothing is written to it."""


def sqlite_path(url: str) -> Path | None:
    """The file behind a sqlite URL (None for in-memory stores and other databases)."""
    if not url.startswith("sqlite"):
        return None
    rest = url.split(":///", 1)[1] if ":///" in url else ""
    if rest.startswith("file:"):
        rest = rest[len("file:") :]
    rest = rest.split("?", 1)[0]
    return Path(rest) if rest and rest != ":memory:" else None


def check_file(path: Path | None) -> None:
    """Before SQLite opens ``path``: an existing file must be a non-empty SQLite database."""
    if path is None or not path.exists():
        return
    if not path.is_file():
        raise DamagedStore(f"{path} is not a regular file; the review store must be a SQLite file")
    # Another program creating this store right now leaves it empty for the few milliseconds between
    # creating the file and writing its header (WAL mode writes it at once); wait that out first.
    deadline = time.monotonic() + NEW_FILE_GRACE
    while True:
        try:
            with open(path, "rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise StoreError(
                Message("{path}: cannot be read ({error})", path=path, error=exc.strerror or exc)
            ) from None
        if header or time.monotonic() >= deadline:
            break
        time.sleep(0.05)
    if not header:
        raise DamagedStore(
            f"{path} is empty (0 bytes): it is not a new review but a store whose contents "
            f"were lost (a full disk or an interrupted copy); nothing was written. To go on, "
            f"{RESTORE}. To start afresh on purpose, delete the empty file first"
        )
    if header != SQLITE_HEADER:
        raise DamagedStore(
            f"{path} is not a SQLite database (it starts with {header[:8]!r}); "
            f"nothing was written. {RESTORE[0].upper()}{RESTORE[1:]}"
        )


def check_open(conn: Connection, where: str, verify_hint: str = "review verify DIR") -> int:
    """After opening: SQLite's integrity check and a known schema version (a failure is refused); returns
    the store's schema version (older ones are upgraded by the caller)."""
    if conn.dialect.name == "sqlite":
        # The full check, not quick_check: it also finds indexes that disagree with their tables, and
        # costs about 0.5 s against 0.35 s on a 50,000-record store (benchmarks/store_open.py).
        results = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check(3)")]
        if results != ["ok"]:
            raise DamagedStore(
                f"{where} fails SQLite's integrity check ({'; '.join(results)[:200]}); "
                f"nothing was written to it. Run '{verify_hint}' for a report, then {RESTORE}"
            )
    tables = set(inspect(conn).get_table_names())
    if tables and "schema_version" not in tables:
        raise DamagedStore(
            f"{where} holds tables but no schema_version: it is not a review store made by "
            f"this program; nothing was written"
        )
    version = migrations.current_version(conn)
    if version > migrations.LATEST:
        raise StoreError(
            Message(
                "the review store has schema version {version}, newer than this program ({LATEST}); "
                "upgrade nordic-review",
                version=version,
                LATEST=migrations.LATEST,
            )
        )
    return version


def protection_problem(conn: Connection, where: str, verify_hint: str = "review verify DIR") -> str | None:
    """Why writes must be refused when the history's triggers were changed (reads may go on), or None."""
    tables = set(inspect(conn).get_table_names())
    missing = [p for t in schema.APPEND_ONLY_TABLES if t in tables for p in chain.trigger_problems(conn, t)]
    if not missing:
        return None
    return (
        f"{where}: the append-only protection of the history was changed outside the program "
        f"({'; '.join(missing[:3])}); nothing is written to it. Run '{verify_hint}' to see whether "
        f"history was rewritten, then {RESTORE}"
    )


def _sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)


def describe(exc: BaseException, where: str = "the review store") -> str:
    """One sentence for a database error, saying what happened and what to do."""
    orig = getattr(exc, "orig", None) or exc
    detail = " ".join(str(orig).split("\n")[0].split())[:200]
    low = detail.lower()
    state = _sqlstate(exc) or ""
    if "disk is full" in low or "no space left" in low or state == "53100":
        return (
            f"the disk holding {where} is full; this action was not stored (everything before it is). "
            f"Free some space and try again"
        )
    if "readonly" in low or "read-only" in low or state == "25006":
        return (
            f"{where} is read-only (file permissions, or a disk mounted read-only); this action was not "
            f"stored. Reading still works (review status, review export); to record changes make the "
            f"store file and its folder writable"
        )
    if "malformed" in low or "not a database" in low or "corrupt" in low or state == "XX001":
        return f"{where} is damaged ({detail}); nothing more is written to it. {RESTORE[0].upper()}{RESTORE[1:]}"
    if "disk i/o error" in low or state.startswith("58"):
        return (
            f"a disk error while using {where} ({detail}); this action was not stored. Check the disk, then {RESTORE}"
        )
    if "unable to open database file" in low:
        return f"cannot open {where} (the folder is missing or not accessible)"
    if state == "42501" or "permission denied" in low or "must be owner" in low:
        return (
            f"the database role may not do this ({detail}); the program's role can read and add rows only. "
            f"Schema upgrades run as the owner role (docs/reliability.md)"
        )
    if state.startswith("08") or "could not connect" in low or "connection refused" in low:
        return f"cannot reach the database server ({detail})"
    if "append-only" in low:
        return f"{where} refused to change its history ({detail}); history is only ever added to"
    return f"{where} refused the operation ({detail})"


def as_store_error(exc: SQLAlchemyError, where: str = "the review store") -> StoreError:
    cls = DamagedStore if isinstance(exc, DBAPIError) and "malformed" in str(exc).lower() else StoreError
    return cls(describe(exc, where))
