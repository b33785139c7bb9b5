"""Going back to earlier decisions. Nothing is deleted: an undo re-opens a work the reviewer already
decided, and the changed decision is appended to the log like any other."""

from __future__ import annotations

from sqlalchemy import Connection

from review.store.decisions import own_latest, recent_works  # noqa: F401  (the queries live with the table)


def step_back(conn: Connection, stage: int, reviewer: str, steps: int) -> int | None:
    """The work decided ``steps`` decisions ago (1: the last one), or None when there are fewer."""
    if steps < 1:
        return None
    recent = recent_works(conn, stage, reviewer, limit=steps)
    return recent[steps - 1] if len(recent) >= steps else None
