"""Copies of a SQLite review store taken while the app runs, and putting one back.

SQLite's online backup API copies a consistent snapshot even while others write (a plain file copy
of a WAL database may miss committed pages). A PostgreSQL store is backed up with pg_dump instead
(docs/team-server.md); these functions refuse it with that advice."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from review.auth import audit
from review.errors import StoreError
from review.store.db import STORE_FILE, open_store, store_url
from review.timeutil import now_iso

EXPECTED_TABLES = ("schema_version", "decisions", "works", "imports")


def _sqlite_path(review_dir: Path) -> Path:
    url = store_url(review_dir)
    if not url.startswith("sqlite:///"):
        raise StoreError(
            "this review's store is a database server (REVIEW_DATABASE_URL); back it up with "
            "pg_dump and restore with pg_restore (see docs/team-server.md)"
        )
    return Path(url.removeprefix("sqlite:///"))


def check_backup_file(path: Path) -> None:
    """A file fit to restore: a readable SQLite database holding a review store."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        raise StoreError(f"{path}: no backup there (missing or empty file)")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            status = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a SQLite database ({exc})") from None
    if status != "ok":
        raise StoreError(f"{path}: the database is damaged ({status})")
    missing = [t for t in EXPECTED_TABLES if t not in tables]
    if missing:
        raise StoreError(f"{path}: not a review store (no {', '.join(missing)} table)")


def backup(review_dir: Path, target: Path, *, actor: str | None = None) -> Path:
    """Write a consistent copy of the store to ``target`` (which must not exist yet), with the
    event that says when it was taken (review.store.verify.backup makes and checks the copy)."""
    from review.store.verify import backup as copy_store

    _sqlite_path(review_dir)  # a server store: the pg_dump advice
    store = open_store(review_dir)  # upgrades an old store and checks it is a review
    try:
        if Path(target).exists():
            raise StoreError(f"{target} exists; choose a new file name (a backup never overwrites a file)")
        audit.record(store, actor, "backup", Path(target).name)  # the event goes into the copy too
        return copy_store(store, Path(target))
    finally:
        store.close()


def _copy_with_sqlite(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)  # writes through SQLite's locks: a running app waits, never reads half a file
        finally:
            dst.close()
    finally:
        src.close()


def restore(review_dir: Path, source: Path, *, actor: str | None = None) -> Path | None:
    """Put a backup in place of the review's store; the store it replaces is kept beside it.

    The copy goes through SQLite into the live file, so an app that has it open sees the restored
    store. A live file too damaged for that is moved aside and replaced (the app must be restarted)."""
    check_backup_file(source)
    live = _sqlite_path(review_dir)
    if not (Path(review_dir) / "review.toml").is_file():
        raise StoreError(f"{review_dir} is not a review directory (no review.toml)")
    kept = None
    if live.exists():
        kept = live.with_name(f"{STORE_FILE}.before-restore-{now_iso()[:19].replace(':', '')}")
        shutil.copy2(live, kept)  # as it is, even damaged: nothing is lost by restoring
        for suffix in ("-wal", "-shm"):
            side = live.with_name(live.name + suffix)
            if side.exists():
                shutil.copy2(side, kept.with_name(kept.name + suffix))
    try:
        _copy_with_sqlite(Path(source), live)
    except sqlite3.DatabaseError:
        for suffix in ("-wal", "-shm"):
            live.with_name(live.name + suffix).unlink(missing_ok=True)
        partial = live.with_name(live.name + ".restoring")
        partial.unlink(missing_ok=True)
        _copy_with_sqlite(Path(source), partial)
        partial.replace(live)
    store = open_store(review_dir)
    try:
        audit.record(store, actor, "restore", Path(source).name, {"previous": kept.name if kept else None})
    finally:
        store.close()
    return kept
