"""Who screens: the protocol's reviewers plus everyone who has signed in or decided before."""

from __future__ import annotations

from sqlalchemy import Connection

from review.auth.roles import canonical_name
from review.errors import ReviewError
from review.messages import Message
from review.names import same_person
from review.protocol import Protocol
from review.store import Store
from review.store.reviewers import ensure_reviewer, reviewer_names
from review.vocabulary import RESERVED_NAMES

SYSTEM_NAMES = RESERVED_NAMES  # rows written by rules, not by people
MAX_NAME = 200


def reviewer_choices(conn: Connection, protocol: Protocol) -> list[str]:
    """Protocol reviewers first (lead included), then others known to the store, alphabetically."""
    listed = list(dict.fromkeys(([protocol.lead] if protocol.lead else []) + protocol.reviewers))
    known = reviewer_names(conn)
    return listed + [n for n in known if n not in listed and n not in SYSTEM_NAMES]


def add_reviewer(store: Store, protocol: Protocol, name: str) -> str:
    """Register a new reviewer name (trimmed); returns the name to sign in with."""
    name = " ".join((name or "").split())
    if not name:
        raise ReviewError(Message("type a name to add a reviewer"))
    if len(name) > MAX_NAME:
        raise ReviewError(Message("a reviewer name has at most {MAX_NAME} characters", MAX_NAME=MAX_NAME))
    if name.casefold() in SYSTEM_NAMES:
        raise ReviewError(Message("'{name}' is reserved for decisions made by rules; choose another name", name=name))
    role = "lead" if protocol.lead and same_person(name, protocol.lead) else "reviewer"

    def work(conn) -> str:
        ensure_reviewer(conn, name, role)
        return canonical_name(conn, name)  # 'anna' signs in as the 'Anna' already known

    return store.transact(work)
