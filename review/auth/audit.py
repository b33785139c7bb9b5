"""The audit trail: who did what and when, in the append-only ``events`` table.

Writers call ``log_event`` inside the transaction of the change itself, so an action and its event
are stored together or not at all. A refused attempt (a failed sign-in, a reviewer trying the lead's
action) is logged with ok=False in a transaction of its own. Details never hold a password or hash."""

from __future__ import annotations

import getpass
import json
from typing import Any

from sqlalchemy import Connection, select

from review.store import Store, schema
from review.store.db import inserted_id
from review.timeutil import now_iso
from review.vocabulary import EVENT_ACTIONS

# The actions recorded; one word each, so an export can be filtered with a spreadsheet.
ACTIONS = EVENT_ACTIONS
FORBIDDEN_DETAIL_KEYS = ("password", "password_hash", "hash", "secret")
COLUMNS = ("id", "at", "actor", "action", "target", "ok", "detail")


def command_line_actor() -> str:
    """Who acts from the command line: whoever can open the store file or URL; named by the OS user."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name in a container: still say where it came from
        user = "unknown"
    return f"command line ({user})"


def log_event(
    conn: Connection, actor: str | None, action: str, target: Any = None, detail: dict | None = None, *, ok: bool = True
) -> int:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    detail = dict(detail or {})
    for key in FORBIDDEN_DETAIL_KEYS:
        if key in detail:
            raise ValueError(f"an audit event must not carry {key!r}")
    return inserted_id(
        conn.execute(
            schema.events.insert().values(
                at=now_iso(),
                actor=actor or command_line_actor(),
                action=action,
                target=None if target is None else str(target),
                detail=json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else None,
                ok=ok,
            )
        )
    )


def record(
    store: Store, actor: str | None, action: str, target: Any = None, detail: dict | None = None, *, ok: bool = True
) -> int:
    """One event in its own transaction (for attempts that change nothing else)."""
    return store.transact(lambda conn: log_event(conn, actor, action, target, detail, ok=ok))


def events(
    conn: Connection, *, action: str | None = None, actor: str | None = None, limit: int | None = None
) -> list[dict]:
    """Events oldest first (the newest ``limit`` when given)."""
    e = schema.events
    query = select(e).order_by(e.c.id.desc())
    if action:
        query = query.where(e.c.action == action)
    if actor:
        query = query.where(e.c.actor == actor)
    if limit:
        query = query.limit(limit)
    rows = [row._asdict() for row in conn.execute(query)]
    rows.reverse()
    for row in rows:
        row["ok"] = bool(row["ok"])
    return rows
