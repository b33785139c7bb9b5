"""Stage-1 queue in ranked order, from the prioritiser (``screening.prioritise``) when it is installed.

The labels are the final stage-1 decisions people made (include 1, exclude 0; maybe and rule-based
exclusions are left out, they say nothing about topic relevance)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy import Connection, func, select

from review.store import schema
from screening.decisions import latest_final
from screening.queue import eligible


@dataclass
class RankedQueue:
    order: list[int]  # undecided works, most likely relevant first
    mode_used: str  # "ranked", or what the prioritiser fell back to
    note: str  # why it fell back ("" when ranked)
    expected_remaining: Optional[float]  # relevant works expected among the unscreened


def prioritiser_available() -> bool:
    try:
        import screening.prioritise  # noqa: F401
    except ImportError:
        return False
    return True


def labels(conn: Connection) -> dict[int, int]:
    final = latest_final(conn, 1)
    return {w: 1 if row["decision"] == "include" else 0 for w, row in sorted(final.items(), key=lambda kv: kv[1]["id"])
            if row["decision"] in ("include", "exclude") and not row["automatic"]}


def ranked_queue(conn: Connection, round_id: Optional[int] = None) -> Optional[RankedQueue]:
    """None when the prioritiser is not installed."""
    try:
        from screening.prioritise import order_candidates
    except ImportError:
        return None
    work_ids = eligible(conn, 1, round_id)
    if not work_ids:
        return RankedQueue([], "import", "nothing to screen", None)
    w = schema.works
    rows = conn.execute(select(w.c.id, w.c.title, w.c.abstract).where(w.c.id.in_(work_ids)))
    text = {r.id: f"{r.title or ''} {r.abstract or ''}" for r in rows}
    labelled = {k: v for k, v in labels(conn).items() if k in text}
    order, info = order_candidates(work_ids, [text[i] for i in work_ids], labelled, "ranked")
    return RankedQueue(list(order), info.mode_used, info.reason, info.expected_remaining)


def decisions_signature(conn: Connection) -> tuple[int, int]:
    """Changes whenever a decision is added: a cache key for a ranking."""
    d = schema.decisions
    row = conn.execute(select(func.count(d.c.id), func.max(d.c.id))).one()
    return int(row[0]), int(row[1] or 0)


def works_signature(conn: Connection) -> tuple[int, int]:
    """Changes whenever works are added or merged: a cache key for a shuffled order."""
    w = schema.works
    row = conn.execute(select(func.count(w.c.id), func.max(w.c.id)).where(w.c.merged_into.is_(None))).one()
    return int(row[0]), int(row[1] or 0)
