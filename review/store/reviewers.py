"""Queries on ``reviewers``: the people known to a review."""

from __future__ import annotations

from sqlalchemy import Connection, select

from review.errors import ReviewError
from review.messages import Message
from review.names import fold
from review.store import schema
from review.timeutil import now_iso
from review.vocabulary import RESERVED_NAMES


def ensure_reviewer(conn: Connection, name: str, role: str = "reviewer") -> bool:
    """Add a reviewer the first time their name is seen; True when added. 'anna' beside 'Anna' is not
    new: names are compared without case and accents (review.names)."""
    name = (name or "").strip()
    if not name:
        raise ReviewError(Message("a decision needs a reviewer name"))
    if name.casefold() in RESERVED_NAMES:
        raise ReviewError(
            Message(
                "'{name}' is reserved for decisions made by rules ({items}); a person needs their own name",
                name=name,
                items=", ".join(RESERVED_NAMES),
            )
        )
    key = fold(name)
    if any(fold(known) == key for known in conn.execute(select(schema.reviewers.c.name)).scalars()):
        return False
    conn.execute(schema.reviewers.insert().values(name=name, role=role, added_at=now_iso()))
    return True


def reviewer_names(conn: Connection) -> list[str]:
    return list(conn.execute(select(schema.reviewers.c.name).order_by(schema.reviewers.c.name)).scalars())
