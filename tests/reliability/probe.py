"""What the store under test actually does, asked from inside the process that writes.

The crash and concurrency tests pass on a weaker store too: SIGKILL does not lose what the operating
system has cached (so ``synchronous = OFF`` survives it), and ``Store.transact`` retries hide a write
lock taken lazily. So each session reports the settings those guarantees rest on, taken from its own
write connection, and the tests assert them.
"""

from __future__ import annotations

import sqlite3

from review.store import Store
from review.store.db import WRITE_LOCK_KEY


def _sqlite_lock_held_at_begin(store: Store) -> bool:
    """Inside a write transaction that has run no statement yet, may another connection start writing?"""
    with store.write():
        other = sqlite3.connect(str(store.path), timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError as exc:
            return "locked" in str(exc)
        finally:
            other.close()


def write_settings(store: Store) -> dict[str, str]:
    """``durability`` and ``lock`` as the writing connection has them."""
    if store.dialect == "sqlite":
        with store.write() as conn:
            synchronous = conn.exec_driver_sql("PRAGMA synchronous").scalar()
            journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        lock = "at-begin" if _sqlite_lock_held_at_begin(store) else "lazy"
        return {
            "synchronous": {0: "off", 1: "normal", 2: "full", 3: "extra"}[synchronous],
            "journal": journal,
            "lock": lock,
        }
    with store.write() as conn:
        synchronous = conn.exec_driver_sql("SHOW synchronous_commit").scalar()
        held = conn.exec_driver_sql(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() "
            f"AND ((classid::bigint << 32) | objid::bigint) = {WRITE_LOCK_KEY}"
        ).scalar()
    return {"synchronous": synchronous, "journal": "wal", "lock": "at-begin" if held else "lazy"}


def format_settings(settings: dict[str, str]) -> str:
    return "settings " + " ".join(f"{k}={v}" for k, v in sorted(settings.items()))


def parse_settings(lines: list[str]) -> dict[str, str]:
    for line in lines:
        if line.startswith("settings "):
            return dict(part.split("=", 1) for part in line.split()[1:])
    raise AssertionError(f"the session reported no settings: {lines[:5]}")
