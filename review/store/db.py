"""Opening a store with the settings that make every write durable and concurrent writers safe."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError

from review.errors import StoreError
from review.messages import Message
from review.store import chain, health, migrations
from review.store.schema import inserted_id  # noqa: F401  (callers import it from here)

T = TypeVar("T")
log = logging.getLogger(__name__)

STORE_FILE = "review.sqlite"
BUSY_TIMEOUT_MS = 30_000
LOCK_RETRIES = 8
# PostgreSQL: every write transaction holds this transaction-level advisory lock (scoped to the
# database), so writers run one at a time as they do on SQLite. The domain code reads, then writes
# (is this reviewer known? do both votes agree?), which at READ COMMITTED would race.
WRITE_LOCK_KEY = 0x6E6F7264_69630001
# SQLSTATEs meaning "another transaction was in the way; running it again will work".
RETRYABLE_SQLSTATES = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock timeout


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    # A REPLACE that removes a row fires its delete triggers (and so is refused on history tables).
    cur.execute("PRAGMA recursive_triggers = ON")
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    _switch_to_wal(cur)
    # FULL: a commit is on disk before it returns, so an acknowledged decision survives a crash.
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _switch_to_wal(cur) -> None:
    # Turning a new store to WAL needs an exclusive lock, and SQLite refuses that at once, without
    # waiting out busy_timeout, while another connection is writing (waiting could deadlock). Several
    # programs opening a new store together meet exactly that; wait for the writer as busy_timeout would.
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not _is_lock_error(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _is_lock_error(exc: Exception) -> bool:
    if getattr(getattr(exc, "orig", None), "sqlstate", None) in RETRYABLE_SQLSTATES:
        return True
    text = str(exc).lower()
    return "locked" in text or "busy" in text or "could not serialize" in text


def _begin_deferred(conn) -> None:
    conn.exec_driver_sql("BEGIN")


def _begin_immediate(conn) -> None:
    # Take the write lock at BEGIN, so concurrent writers queue on busy_timeout instead of failing
    # with "database is locked" when a read transaction tries to upgrade.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


class Store:
    """A review's database. Use ``with store.write() as conn:`` for one atomic change.

    Opening checks the store (``health``) and refuses a damaged one; ``check=False`` skips that for
    ``review verify``, which reports on a store instead of refusing it, and never writes.
    """

    def __init__(self, url: str, *, check: bool = True):
        self.url = url
        self.path = health.sqlite_path(url)
        self.where = str(self.path) if self.path else "the review store"
        self.damaged: str | None = None  # set when a write meets a damaged store: later writes refuse
        self._watch: sqlite3.Connection | None = None  # see ``version``
        self._watch_lock = threading.Lock()
        self._token = os.urandom(6).hex()
        if check:
            health.check_file(self.path)
        try:
            self.engine: Engine = self._make_engine(url, writer=True)
            # Reads get their own engine: on SQLite they must not take the write lock.
            self.reader: Engine = self._make_engine(url, writer=False) if url.startswith("sqlite") else self.engine
        except SQLAlchemyError as exc:
            raise health.as_store_error(exc, self.where) from None
        try:
            if check:
                self._open_checked()
            self.chained = self._read(chain.chained_tables)
        except Exception:
            self.close()
            raise

    def _open_checked(self) -> None:
        # Read first: a store at the latest version is not written to on open, so a read-only
        # store can still be read (review status, review export).
        hint = f"review verify {self.path.parent}" if self.path else "review verify DIR"
        if self._read(lambda conn: health.check_open(conn, self.where, hint)) < migrations.LATEST:
            self.transact(migrations.upgrade)
        self.damaged = self._read(lambda conn: health.protection_problem(conn, self.where, hint))
        if self.damaged:
            log.warning(
                "Warning: the history protection of %s was changed outside the program; "
                "nothing is written to it. Run '%s'",
                self.where,
                hint,
            )

    def _read(self, work: Callable[[Connection], T]) -> T:
        with self.read() as conn:
            return work(conn)

    @staticmethod
    def _make_engine(url: str, *, writer: bool) -> Engine:
        if url.startswith("postgresql"):
            # lock_timeout bounds the wait for the write lock like busy_timeout does on SQLite.
            return create_engine(
                url, pool_pre_ping=True, connect_args={"options": f"-c lock_timeout={BUSY_TIMEOUT_MS}"}
            )
        if not url.startswith("sqlite"):
            return create_engine(url, pool_pre_ping=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "isolation_level": None})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin_immediate if writer else _begin_deferred)
        return engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction; committed on leaving the block, rolled back on any error.

        New rows in the history tables are sealed into their hash chains just before the commit.
        Storage failures (full disk, read-only or damaged store) become one StoreError; lock waits
        stay OperationalError for ``transact`` to retry; constraint violations pass through as they are.
        """
        if self.damaged:
            raise health.DamagedStore(self.damaged)
        try:
            with self.engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
                yield conn
                chain.seal(conn, getattr(self, "chained", None) or chain.chained_tables(conn))
        except (IntegrityError, StoreError):
            raise
        except DBAPIError as exc:
            if _is_lock_error(exc):
                raise
            error = health.as_store_error(exc, self.where)
            if isinstance(error, health.DamagedStore):
                self.damaged = str(error)
            raise error from None

    def transact(self, work: Callable[[Connection], T]) -> T:
        """Run ``work`` in one transaction, retrying it when another writer holds the lock too long."""
        for attempt in range(LOCK_RETRIES):
            try:
                with self.write() as conn:
                    return work(conn)
            except OperationalError as exc:
                if not _is_lock_error(exc) or attempt == LOCK_RETRIES - 1:
                    if _is_lock_error(exc):
                        raise StoreError(
                            Message(
                                "the review store stayed busy; another program is writing to it, try again in a moment"
                            )
                        ) from exc
                    raise
                time.sleep(0.05 * (2**attempt))
        raise AssertionError("unreachable")

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.reader.connect() as conn:
                yield conn
        except (IntegrityError, StoreError):
            raise
        except DBAPIError as exc:
            raise health.as_store_error(exc, self.where) from None

    def version(self) -> tuple[str, int] | None:
        """A value that changes whenever a write is committed to the store, by this process or any other
        (the CLI, a second app): the key under which the app caches what it read.

        SQLite counts commits made by other connections in ``PRAGMA data_version``; it is read on one
        connection kept for this alone, which never writes, so every commit counts. The value is only
        comparable on that connection, hence the token of this Store object beside it. None for a
        server database: there the app reads afresh each time."""
        if self.path is None:
            return None
        with self._watch_lock:
            try:
                if self._watch is None:
                    self._watch = sqlite3.connect(
                        f"file:{quote(str(self.path))}?mode=ro", uri=True, check_same_thread=False, isolation_level=None
                    )
                return self._token, int(self._watch.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error as exc:
                raise StoreError(
                    Message("{where}: could not read the store ({exc})", where=self.where, exc=exc)
                ) from None

    def close(self) -> None:
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        for engine in {id(e): e for e in (getattr(self, "engine", None), getattr(self, "reader", None)) if e}.values():
            engine.dispose()


def store_url(review_dir: Path) -> str:
    """REVIEW_DATABASE_URL points a review at a team server; otherwise a SQLite file in the directory."""
    url = os.environ.get("REVIEW_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{Path(review_dir).resolve() / STORE_FILE}"


def open_store(review_dir: Path) -> Store:
    review_dir = Path(review_dir)
    if not (review_dir / "review.toml").is_file():
        raise StoreError(
            Message(
                "{review_dir} is not a review directory (no review.toml); create one with 'review init {review_dir}'",
                review_dir=review_dir,
            )
        )
    return Store(store_url(review_dir))
