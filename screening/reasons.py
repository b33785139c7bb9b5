"""The exclusion reasons on offer at a stage: the protocol's list, then the custom ones reviewers added."""

from __future__ import annotations

from sqlalchemy import Connection, select

from review.protocol import Protocol
from review.store import schema
from review.store.decisions import reasons_of
from review.timeutil import now_iso
from screening.blinding import visible_decision_rows


def reasons_for(conn: Connection, protocol: Protocol, stage: int, viewer: str | None = None) -> list[str]:
    """The protocol's reasons for a stage followed by the custom ones reviewers have added.

    For a ``viewer`` in dual screening, a custom reason another reviewer has used only in votes still
    hidden from the viewer is left out: offering it would hint at that vote.
    """
    c = schema.custom_reasons
    custom = [
        (r.reason, r.added_by)
        for r in conn.execute(select(c.c.reason, c.c.added_by).where(c.c.stage == stage).order_by(c.c.added_at))
    ]
    listed = list(protocol.stage(stage).reasons)
    if viewer is not None and protocol.stage(stage).mode == "dual":
        seen = {
            reason
            for row in visible_decision_rows(conn, protocol, viewer)
            if row["stage"] == stage
            for reason in reasons_of(row)
        }
        custom = [(reason, who) for reason, who in custom if who == viewer or reason in seen]
    return listed + [reason for reason, _ in custom if reason not in listed]


def keep_custom_reasons(
    conn: Connection, protocol: Protocol, stage: int, reasons: list[str], reviewer: str
) -> list[str]:
    """Store every reason outside the stage's list as a custom reason; returns those added now."""
    known = set(reasons_for(conn, protocol, stage))
    added = []
    for reason in reasons:
        if reason not in known:
            conn.execute(
                schema.custom_reasons.insert().values(stage=stage, reason=reason, added_by=reviewer, added_at=now_iso())
            )
            known.add(reason)
            added.append(reason)
    return added
