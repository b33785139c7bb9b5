"""Queries on ``stopping_decisions``: the stops a team recorded (append-only), and the rounds they cover.

The workflow that decides whether a stop may be recorded is ``screening.stopping``; the flow and the
methods report read the stops from here, without loading the screening queue and its ranker."""

from __future__ import annotations

from sqlalchemy import Connection, select

from review.store import schema
from review.store.db import inserted_id
from review.timeutil import now_iso

s = schema.stopping_decisions


def insert_stop(
    conn: Connection,
    *,
    stage: int,
    round_id: int,
    basis: str,
    statement: str,
    p_value: float,
    recall_target: float,
    confidence: float,
    screened: int,
    unscreened: int,
    note: str | None,
    decided_by: str,
) -> int:
    """Append one stop; returns its id."""
    return inserted_id(
        conn.execute(
            s.insert().values(
                stage=stage,
                round_id=round_id,
                basis=basis,
                statement=statement,
                p_value=p_value,
                recall_target=recall_target,
                confidence=confidence,
                screened=screened,
                unscreened=unscreened,
                note=note,
                decided_by=decided_by,
                created_at=now_iso(),
            )
        )
    )


def stops(conn: Connection, round_id: int | None = None) -> list[dict]:
    """Every stop recorded, oldest first (of one round, or of the whole review)."""
    query = select(s).order_by(s.c.id)
    if round_id is not None:
        query = query.where(s.c.round_id == round_id)
    return [row._asdict() for row in conn.execute(query)]


def stopped_rounds(conn: Connection, stage: int) -> set[int]:
    """Rounds in which screening at ``stage`` was stopped: their undecided works were never screened."""
    return set(conn.execute(select(s.c.round_id).where(s.c.stage == stage)).scalars())
