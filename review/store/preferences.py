"""Queries on ``preferences``: a person's kept choices (the interface language), one value per owner and key.

The owner is the name the app knows a person by (the signed-in account, or the reviewer name in solo
use); ``REVIEW_WIDE`` keeps the review's own choice for when nobody is signed in. Values are plain text;
the caller checks them (a value this version does not know is ignored there, never an error)."""

from __future__ import annotations

from sqlalchemy import Connection, select

from review.store import schema
from review.timeutil import now_iso

REVIEW_WIDE = ""  # the owner of a choice kept for the review as a whole


def get_preference(conn: Connection, owner: str, key: str) -> str | None:
    p = schema.preferences
    return conn.execute(select(p.c.value).where(p.c.owner == owner, p.c.key == key)).scalar()


def set_preference(conn: Connection, owner: str, key: str, value: str) -> None:
    """Keep ``value`` for ``owner``, replacing what was kept before (one row per owner and key)."""
    p = schema.preferences
    where = (p.c.owner == owner) & (p.c.key == key)
    if conn.execute(p.update().where(where).values(value=value, updated_at=now_iso())).rowcount == 0:
        conn.execute(p.insert().values(owner=owner, key=key, value=value, updated_at=now_iso()))
