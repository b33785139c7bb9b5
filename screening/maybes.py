"""Maybe is not decided: a work whose latest decision at a stage is maybe still waits for one.

The normal queue leaves these works out (a reviewer already looked at them), so they get their own
queue, oldest maybe first, and the stage is not finished while any remain."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Connection, func, select

from review.protocol import Protocol
from review.store import schema
from screening.queue import _eligible_query, _latest_final_rows


def maybe_queue(conn: Connection, protocol: Protocol, stage: int, reviewer: str,
                round_id: Optional[int] = None) -> list[int]:
    """Works waiting as maybe for this reviewer, the longest waiting first.

    One reviewer per work: the latest final decision is maybe (whoever made it). Two reviewers:
    no final decision yet and this reviewer's own latest vote is maybe (the other vote stays blind)."""
    d = schema.decisions
    eligible = _eligible_query(stage, round_id).subquery()
    if protocol.stage(stage).mode != "dual":
        final = _latest_final_rows(stage)
        newest = (select(final.c.work_id, func.max(d.c.id).label("last"))
                  .join(d, (d.c.work_id == final.c.work_id) & (d.c.stage == stage) & d.c.final.is_(True))
                  .where(final.c.decision == "maybe", final.c.work_id.in_(select(eligible.c.id)))
                  .group_by(final.c.work_id))
    else:
        decided = select(_latest_final_rows(stage).c.work_id)
        own = (select(d.c.work_id, func.max(d.c.id).label("last"))
               .where(d.c.stage == stage, d.c.reviewer == reviewer, d.c.final.is_(False),
                      d.c.automatic.is_(False)).group_by(d.c.work_id).subquery())
        newest = (select(own.c.work_id, own.c.last).join(d, d.c.id == own.c.last)
                  .where(d.c.decision == "maybe", own.c.work_id.in_(select(eligible.c.id)),
                         ~own.c.work_id.in_(decided)))
    rows = conn.execute(newest.order_by("last")).all()
    return [row.work_id for row in rows]
