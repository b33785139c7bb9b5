"""What a reviewer screens next, and how far each stage has come."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Optional

from sqlalchemy import Connection, exists, func, select

from review.protocol import Protocol
from review.store import schema
from screening.decisions import CONSENSUS

ORDERS = ("import", "random", "ranked")


def _latest_final_rows(stage: int):
    """(work_id, decision) of the latest final decision per work at a stage, as a subquery."""
    d = schema.decisions
    newest = (select(func.max(d.c.id).label("id")).where(d.c.stage == stage, d.c.final.is_(True))
              .group_by(d.c.work_id).subquery())
    return select(d.c.work_id, d.c.decision).join(newest, d.c.id == newest.c.id).subquery()


def _eligible_query(stage: int, round_id: Optional[int]):
    """Works that may be screened at a stage, as one SQL query (the queue runs on every key press,
    so the filtering stays in the database instead of fetching every work id)."""
    w, links = schema.works, schema.work_links
    query = select(w.c.id).where(w.c.merged_into.is_(None), exists().where(links.c.work_id == w.c.id))
    if round_id is not None:
        query = query.where(w.c.round_id == round_id)
    if stage > 1:
        previous = _latest_final_rows(stage - 1)
        query = query.where(w.c.id.in_(select(previous.c.work_id).where(previous.c.decision == "include")))
    return query


def eligible(conn: Connection, stage: int, round_id: Optional[int] = None) -> list[int]:
    """Works that may be screened at a stage: all active works at 1, works passed at N-1 after that."""
    return list(conn.execute(_eligible_query(stage, round_id).order_by(schema.works.c.id)).scalars().all())


def _open_query(protocol: Protocol, stage: int, reviewer: str, round_id: Optional[int]):
    d, w = schema.decisions, schema.works
    final = _latest_final_rows(stage)
    votes = select(d.c.work_id).where(d.c.stage == stage, d.c.final.is_(False), d.c.automatic.is_(False))
    query = (_eligible_query(stage, round_id)
             .where(~w.c.id.in_(select(final.c.work_id)))
             .where(~w.c.id.in_(votes.where(d.c.reviewer == reviewer))))
    if protocol.stage(stage).mode == "dual":
        query = query.where(~w.c.id.in_(votes.group_by(d.c.work_id)
                                         .having(func.count(func.distinct(d.c.reviewer)) >= 2)))
    return query


def open_for(conn: Connection, protocol: Protocol, stage: int, reviewer: str,
             round_id: Optional[int] = None) -> list[int]:
    """Works still waiting for this reviewer: no final decision yet, not voted on by them, and in
    dual mode not already voted on by two reviewers."""
    query = _open_query(protocol, stage, reviewer, round_id).order_by(schema.works.c.id)
    return list(conn.execute(query).scalars().all())


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

    ``ranking`` (from the prioritiser, or ``shuffled``) puts the open works in that order; works it
    does not know follow in import order.
    """
    if ranking:
        return _first_open(conn, protocol, stage, reviewer, round_id, ranking)
    if order != "random":
        query = _open_query(protocol, stage, reviewer, round_id).order_by(schema.works.c.id).limit(1)
        return conn.execute(query).scalar()
    open_ids = open_for(conn, protocol, stage, reviewer, round_id)
    return ordered(open_ids, order, reviewer)[0] if open_ids else None


RANKING_BATCH = 200  # candidates checked per query when walking a given order


def _first_open(conn: Connection, protocol: Protocol, stage: int, reviewer: str, round_id: Optional[int],
                ranking: list[int]) -> Optional[int]:
    """The first open work in ``ranking``; when none is open, the first open work it leaves out.

    Walks the order in batches, so the next work is found without fetching every open work id."""
    for start in range(0, len(ranking), RANKING_BATCH):
        batch = ranking[start:start + RANKING_BATCH]
        found = set(conn.execute(_open_query(protocol, stage, reviewer, round_id)
                                 .where(schema.works.c.id.in_(batch))).scalars())
        for work_id in batch:
            if work_id in found:
                return work_id
    known = set(ranking)
    rest = [w for w in open_for(conn, protocol, stage, reviewer, round_id) if w not in known]
    return rest[0] if rest else None


def shuffled(conn: Connection, stage: int, reviewer: str, round_id: Optional[int] = None) -> list[int]:
    """Every work eligible at a stage in this reviewer's fixed random order; pass it to ``next_work``
    as ``ranking`` (and keep it while the set of works is unchanged) to skip re-shuffling per call."""
    return ordered(eligible(conn, stage, round_id), "random", reviewer)


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
    works = _eligible_query(stage, round_id).subquery()
    final = _latest_final_rows(stage)
    n_eligible = conn.execute(select(func.count()).select_from(works)).scalar_one()
    decided = conn.execute(select(func.count()).select_from(final)
                           .where(final.c.work_id.in_(select(works.c.id)))).scalar_one()
    d = schema.decisions
    rows = conn.execute(select(d.c.reviewer, func.count(func.distinct(d.c.work_id)))
                        .where(d.c.stage == stage, d.c.reviewer != CONSENSUS, d.c.automatic.is_(False))
                        .group_by(d.c.reviewer)).all()
    return Progress(stage=stage, eligible=n_eligible, decided=decided, pending=n_eligible - decided,
                    by_reviewer={r: n for r, n in rows})
