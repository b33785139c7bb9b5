"""What a reviewer screens next, and how far each stage has come."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Optional

from sqlalchemy import Connection, func, select

from review.protocol import Protocol
from review.store import schema
from screening.decisions import CONSENSUS, latest_final, latest_votes, passed
from screening.works import active_work_ids

ORDERS = ("import", "random", "ranked")


def eligible(conn: Connection, stage: int, round_id: Optional[int] = None) -> list[int]:
    """Works that may be screened at a stage: all active works at 1, works passed at N-1 after that."""
    works = active_work_ids(conn, round_id)
    if stage == 1:
        return works
    ok = passed(conn, stage - 1)
    return [w for w in works if w in ok]


def open_for(conn: Connection, protocol: Protocol, stage: int, reviewer: str,
             round_id: Optional[int] = None) -> list[int]:
    """Works still waiting for this reviewer: no final decision yet, not voted on by them, and in
    dual mode not already voted on by two reviewers."""
    candidates = eligible(conn, stage, round_id)
    final = latest_final(conn, stage)
    votes = latest_votes(conn, stage)
    dual = protocol.stage(stage).mode == "dual"
    out = []
    for work_id in candidates:
        if work_id in final:
            continue
        voters = votes.get(work_id, {})
        if reviewer in voters or (dual and len(voters) >= 2):
            continue
        out.append(work_id)
    return out


def _shuffle_key(reviewer: str, work_id: int) -> str:
    # Stable per reviewer, so the "next" work does not jump around between page reloads.
    return hashlib.sha1(f"{reviewer}:{work_id}".encode()).hexdigest()


def ordered(work_ids: list[int], order: str, reviewer: str) -> list[int]:
    if order == "random":
        return sorted(work_ids, key=lambda w: _shuffle_key(reviewer, w))
    return sorted(work_ids)


def next_work(conn: Connection, protocol: Protocol, stage: int, reviewer: str, *, order: str = "import",
              round_id: Optional[int] = None, ranking: Optional[list[int]] = None) -> Optional[int]:
    """The next work for a reviewer, or None when their queue is empty.

    ``ranking`` (from the prioritiser) puts the open works in that order; works it does not know
    follow in import order.
    """
    open_ids = open_for(conn, protocol, stage, reviewer, round_id)
    if not open_ids:
        return None
    if order == "ranked" and ranking:
        position = {w: i for i, w in enumerate(ranking)}
        return min(open_ids, key=lambda w: (position.get(w, len(position)), w))
    return ordered(open_ids, order, reviewer)[0]


@dataclass
class Progress:
    stage: int
    eligible: int
    decided: int  # works with a final decision
    pending: int
    by_reviewer: dict[str, int] = field(default_factory=dict)  # reviewer -> works they decided on

    @property
    def share(self) -> float:
        return self.decided / self.eligible if self.eligible else 1.0


def progress(conn: Connection, stage: int, round_id: Optional[int] = None) -> Progress:
    works = set(eligible(conn, stage, round_id))
    final = {w for w in latest_final(conn, stage) if w in works}
    d = schema.decisions
    rows = conn.execute(select(d.c.reviewer, func.count(func.distinct(d.c.work_id)))
                        .where(d.c.stage == stage, d.c.reviewer != CONSENSUS, d.c.automatic.is_(False))
                        .group_by(d.c.reviewer)).all()
    return Progress(stage=stage, eligible=len(works), decided=len(final), pending=len(works - final),
                    by_reviewer={r: n for r, n in rows})
