"""What a reviewer screens next, and how far each stage has come."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from review.protocol import Protocol
from review.store import schema
from review.store.decisions import (
    decided_query,
    latest_final_query,
    maybes_query,
    maybes_waiting,
    reaching,
    reaching_query,
    voted_query,
    works_per_reviewer,
)
from review.vocabulary import VOTES_NEEDED

ORDERS = ("import", "random", "ranked")


def eligible(conn: Connection, stage: int, round_id: int | None = None) -> list[int]:
    """Works that may be screened at a stage: live works at 1, works included at every earlier stage after."""
    return reaching(conn, stage, round_id)


def _open_query(protocol: Protocol, stage: int, reviewer: str, round_id: int | None):
    """Works still waiting for this reviewer: no final row yet (a final maybe goes to the maybe queue),
    not voted on by them, and in dual mode not already voted on by enough reviewers."""
    w = schema.works
    final = latest_final_query(stage, "work_id").subquery()
    votes = voted_query(stage).subquery()
    query = (
        reaching_query(stage, round_id)
        .where(~w.c.id.in_(select(final.c.work_id)))
        .where(~w.c.id.in_(select(votes.c.work_id).where(votes.c.reviewer == reviewer)))
    )
    if protocol.stage(stage).mode == "dual":
        query = query.where(
            ~w.c.id.in_(
                select(votes.c.work_id)
                .group_by(votes.c.work_id)
                .having(func.count(func.distinct(votes.c.reviewer)) >= VOTES_NEEDED)
            )
        )
    return query


def open_for(conn: Connection, protocol: Protocol, stage: int, reviewer: str, round_id: int | None = None) -> list[int]:
    """Works still waiting for this reviewer's first look (see ``_open_query``); maybes are apart
    (``maybe_queue``)."""
    query = _open_query(protocol, stage, reviewer, round_id).order_by(schema.works.c.id)
    return list(conn.execute(query).scalars().all())


def maybe_queue(conn: Connection, stage: int, reviewer: str | None = None, round_id: int | None = None) -> list[int]:
    """Works waiting as a maybe at a stage (the reviewer's own maybes when named), oldest first.

    A maybe is not a decision: a stage is finished only when this list and ``open_for`` are empty."""
    return maybes_waiting(conn, stage, round_id, reviewer)


def maybes_for(
    conn: Connection, protocol: Protocol, stage: int, reviewer: str, round_id: int | None = None
) -> list[int]:
    """The maybes a reviewer can settle: in a single stage every maybe (anyone may decide it); in a dual
    stage the works they themselves voted maybe on (the other vote stays blinded until both are in)."""
    dual = protocol.stage(stage).mode == "dual"
    return maybes_waiting(conn, stage, round_id, reviewer if dual else None)


def _shuffle_key(reviewer: str, work_id: int) -> str:
    # Stable per reviewer, so the "next" work does not jump around between page reloads.
    return hashlib.sha1(f"{reviewer}:{work_id}".encode()).hexdigest()


def ordered(work_ids: list[int], order: str, reviewer: str) -> list[int]:
    if order == "random":
        return sorted(work_ids, key=lambda w: _shuffle_key(reviewer, w))
    return sorted(work_ids)


def next_work(
    conn: Connection,
    protocol: Protocol,
    stage: int,
    reviewer: str,
    *,
    order: str = "import",
    round_id: int | None = None,
    ranking: list[int] | None = None,
) -> int | None:
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


def _first_open(
    conn: Connection, protocol: Protocol, stage: int, reviewer: str, round_id: int | None, ranking: list[int]
) -> int | None:
    """The first open work in ``ranking``; when none is open, the first open work it leaves out.

    Walks the order in batches, so the next work is found without fetching every open work id."""
    for start in range(0, len(ranking), RANKING_BATCH):
        batch = ranking[start : start + RANKING_BATCH]
        found = set(
            conn.execute(_open_query(protocol, stage, reviewer, round_id).where(schema.works.c.id.in_(batch))).scalars()
        )
        for work_id in batch:
            if work_id in found:
                return work_id
    known = set(ranking)
    rest = [w for w in open_for(conn, protocol, stage, reviewer, round_id) if w not in known]
    return rest[0] if rest else None


def shuffled(conn: Connection, stage: int, reviewer: str, round_id: int | None = None) -> list[int]:
    """Every work eligible at a stage in this reviewer's fixed random order; pass it to ``next_work``
    as ``ranking`` (and keep it while the set of works is unchanged) to skip re-shuffling per call."""
    return ordered(eligible(conn, stage, round_id), "random", reviewer)


@dataclass
class Progress:
    stage: int
    eligible: int
    decided: int  # works decided (include or exclude) at this stage
    pending: int  # eligible works with nothing decided, maybes not counted
    by_reviewer: dict[str, int] = field(default_factory=dict)  # reviewer -> works they decided or voted on
    maybe: int = 0  # works waiting as a maybe (not decided either)

    @property
    def share(self) -> float:
        """Share decided; an empty stage has nothing done (0.0), never 100 %."""
        return self.decided / self.eligible if self.eligible else 0.0


def progress(conn: Connection, stage: int, round_id: int | None = None) -> Progress:
    works = reaching_query(stage, round_id).subquery()
    n_eligible = conn.execute(select(func.count()).select_from(works)).scalar_one()
    decided = conn.execute(
        select(func.count()).select_from(works).where(works.c.id.in_(decided_query(stage)))
    ).scalar_one()
    maybe = conn.execute(
        select(func.count()).select_from(works).where(works.c.id.in_(maybes_query(stage)))
    ).scalar_one()
    return Progress(
        stage=stage,
        eligible=n_eligible,
        decided=decided,
        pending=n_eligible - decided - maybe,
        by_reviewer=works_per_reviewer(conn, stage),
        maybe=maybe,
    )
