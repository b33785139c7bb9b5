"""Going back to earlier decisions. Nothing is deleted: an undo re-opens a work the reviewer already
decided, and the changed decision is appended to the log like any other."""

from __future__ import annotations

import json
from typing import Optional

from sqlalchemy import Connection, func, select

from review.store import schema


def recent_works(conn: Connection, stage: int, reviewer: str, limit: int = 200) -> list[int]:
    """Works this reviewer decided at a stage, the most recently decided first, each once."""
    d = schema.decisions
    last = func.max(d.c.id).label("last")
    query = (select(d.c.work_id, last)
             .where(d.c.stage == stage, d.c.reviewer == reviewer, d.c.automatic.is_(False))
             .group_by(d.c.work_id).order_by(last.desc()).limit(limit))
    return [row.work_id for row in conn.execute(query)]


def step_back(conn: Connection, stage: int, reviewer: str, steps: int) -> Optional[int]:
    """The work decided ``steps`` decisions ago (1: the last one), or None when there are fewer."""
    if steps < 1:
        return None
    recent = recent_works(conn, stage, reviewer, limit=steps)
    return recent[steps - 1] if len(recent) >= steps else None


def own_latest(conn: Connection, work_id: int, stage: int, reviewer: str) -> Optional[dict]:
    """The reviewer's latest decision on a work at a stage (to pre-fill the form when going back)."""
    d = schema.decisions
    row = conn.execute(select(d).where(d.c.work_id == work_id, d.c.stage == stage, d.c.reviewer == reviewer)
                       .order_by(d.c.id.desc()).limit(1)).first()
    if row is None:
        return None
    found = row._asdict()
    found["reasons"] = json.loads(found["reasons"] or "[]")
    return found
