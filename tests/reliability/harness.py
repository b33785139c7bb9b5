"""Running scripted sessions (session.py) as separate processes and reading back what they acknowledged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from review.protocol import load_protocol
from review.store import Store, schema
from tests.conftest import REPO, add_records, singleton_works, synthetic_records

SESSION = Path(__file__).resolve().parent / "session.py"
BULK_SESSION = Path(__file__).resolve().parent / "bulk_session.py"


@dataclass(frozen=True)
class Ack:
    decision_id: int
    work_id: int
    stage: int
    decision: str
    note: str


@dataclass
class Session:
    """One session process; a reader thread collects its stdout lines as they arrive."""

    process: subprocess.Popen
    lines: list[str] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event)
    first_ack: threading.Event = field(default_factory=threading.Event)
    reader: threading.Thread | None = None

    def _read(self) -> None:
        for line in self.process.stdout:
            line = line.rstrip("\n")
            self.lines.append(line)
            if line == "ready":
                self.ready.set()
            elif line.startswith("ack "):
                self.first_ack.set()
        self.ready.set()  # also on an early exit, so nobody waits forever
        self.first_ack.set()

    def acks(self) -> list[Ack]:
        found = []
        for line in list(self.lines):
            parts = line.split(" ")
            # a line cut short by a kill has fewer parts; it was never a complete acknowledgement
            if parts[0] == "ack" and len(parts) == 6:
                found.append(Ack(int(parts[1]), int(parts[2]), int(parts[3]), parts[4], parts[5]))
        return found

    def kill(self) -> None:
        """SIGKILL: no cleanup, no atexit, no flushing; what is on disk is all that is left."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(60)
        self.reader.join(10)

    def finish(self, timeout: float) -> tuple[int, str]:
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise
        self.reader.join(10)
        return self.process.returncode, self.process.stderr.read()


def start_process(args: list[str], database_url: str) -> Session:
    """Run a script with the review's store at ``database_url``; its stdout is collected as it comes."""
    env = dict(os.environ)
    env.pop("REVIEW_DATABASE_URL", None)
    if not database_url.startswith("sqlite"):
        env["REVIEW_DATABASE_URL"] = database_url
    process = subprocess.Popen(
        [sys.executable, *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    session = Session(process)
    session.reader = threading.Thread(target=session._read, daemon=True)
    session.reader.start()
    return session


def start_session(
    review_dir: Path,
    database_url: str,
    *,
    reviewer: str,
    tag: str,
    works: list[int],
    count: int = 250,
    seed: int = 0,
    go_file: Path | None = None,
    shared_reasons: bool = False,
) -> Session:
    args = [
        str(SESSION),
        str(review_dir),
        "--reviewer",
        reviewer,
        "--tag",
        tag,
        "--count",
        str(count),
        "--works",
        ",".join(map(str, works)),
        "--seed",
        str(seed),
    ]
    if go_file is not None:
        args += ["--go-file", str(go_file)]
    if shared_reasons:
        args.append("--shared-reasons")
    return start_process(args, database_url)


def prepare_review(review_dir: Path, database_url: str, n_works: int) -> list[int]:
    """Synthetic works in the review's store; returns their ids."""
    store = Store(database_url)
    try:
        add_records(store, load_protocol(review_dir), synthetic_records(n_works))
        return singleton_works(store)
    finally:
        store.close()


def stored_decisions(store) -> dict[int, dict]:
    """decision id -> its row, for every decision in the store."""
    with store.read() as conn:
        return {row.id: row._asdict() for row in conn.execute(select(schema.decisions))}


def assert_acked_are_stored(acks: list[Ack], rows: dict[int, dict]) -> None:
    for ack in acks:
        row = rows.get(ack.decision_id)
        assert row is not None, f"acknowledged decision {ack} is missing from the store"
        assert (row["work_id"], row["stage"], row["decision"], row["note"]) == (
            ack.work_id,
            ack.stage,
            ack.decision,
            ack.note,
        ), f"stored row {row} differs from acknowledged {ack}"
