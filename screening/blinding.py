"""Blinding in dual screening: nobody reads another reviewer's vote on a work before both have voted.

Every view and export of decisions for a named viewer goes through these functions.
"""

from __future__ import annotations

from sqlalchemy import Connection

from review.auth.roles import identities, require
from review.names import same_person
from review.protocol import Protocol
from review.store.decisions import all_rows, latest_votes
from review.vocabulary import VOTES_NEEDED


def votes_visible(protocol: Protocol, stage: int, votes: dict[str, dict], viewer: str | None) -> bool:
    if viewer is None or protocol.stage(stage).mode == "single":
        return True
    return len(identities(votes)) >= VOTES_NEEDED


def visible_votes(conn: Connection, protocol: Protocol, stage: int, work_id: int, viewer: str) -> dict[str, dict]:
    """The votes on a work this viewer may see: always their own, others' only once both voted."""
    votes = latest_votes(conn, stage, work_id).get(work_id, {})
    if votes_visible(protocol, stage, votes, viewer):
        return votes
    return {r: v for r, v in votes.items() if same_person(r, viewer)}


def visible_decision_rows(conn: Connection, protocol: Protocol, viewer: str | None) -> list[dict]:
    """The decision log as a viewer may see it: their own votes always, others' votes on a work only
    once its votes are all in. With no viewer (an export for the whole team) no blinded vote shows."""
    rows = all_rows(conn)
    blinded: set[tuple[int, int]] = set()
    for stage in protocol.stages:
        if stage.mode == "single":
            continue
        for work_id, votes in latest_votes(conn, stage.number).items():
            if len(identities(votes)) < VOTES_NEEDED:
                blinded.add((work_id, stage.number))
    return [
        r
        for r in rows
        if r["final"]
        or (viewer is not None and same_person(r["reviewer"], viewer))
        or (r["work_id"], r["stage"]) not in blinded
    ]


def full_decision_rows(conn: Connection, actor: str | None, protocol: Protocol) -> list[dict]:
    """The whole log, blinded votes included: the lead's alone (checked here, in the core)."""
    require(conn, protocol, actor, "full-log")
    return all_rows(conn)  # the store's query
