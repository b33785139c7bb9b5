"""Recording decisions. The log is append-only: a changed mind adds a row, and the latest final row
for a work and stage is the one that counts."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable, Optional

from sqlalchemy import Connection, and_, func, select

from review.auth import audit
from review.auth.names import tidy
from review.auth.roles import canonical_name, identities, require
from review.errors import ReviewError
from review.protocol import Protocol
from review.store import Store, schema
from review.timeutil import now_iso

DECISIONS = schema.DECISIONS
CONSENSUS = "consensus"  # reviewer name on the final row written when dual votes agree
PROTOCOL_REVIEWER = "protocol"  # reviewer name on rows written by the protocol's exclusion rules
RESERVED_REVIEWERS = (CONSENSUS, PROTOCOL_REVIEWER)  # rows written by rules, never by a person


@dataclass
class Decision:
    work_id: int
    stage: int
    decision: str
    reviewer: str
    reasons: list[str] = field(default_factory=list)
    note: Optional[str] = None
    final: bool = True
    automatic: bool = False
    order_mode: Optional[str] = None


@dataclass
class Recorded:
    decision_id: int
    warnings: list[str] = field(default_factory=list)  # e.g. quality ratings missing: flagged, not refused
    custom_reasons: list[str] = field(default_factory=list)  # reasons added to the protocol's list


def ensure_reviewer(conn: Connection, name: str, role: str = "reviewer") -> bool:
    """Add a reviewer the first time their name is seen; True when added. 'anna' beside 'Anna' is not
    new: names are compared without case and accents (review.auth.names)."""
    name = (name or "").strip()
    if not name:
        raise ReviewError("a decision needs a reviewer name")
    if name.casefold() in RESERVED_REVIEWERS:
        raise ReviewError(f"'{name}' is reserved for decisions made by rules "
                          f"({', '.join(RESERVED_REVIEWERS)}); a person needs their own name")
    if canonical_name(conn, name) != tidy(name) or conn.execute(
            select(schema.reviewers.c.name).where(schema.reviewers.c.name == name)).first():
        return False
    conn.execute(schema.reviewers.insert().values(name=name, role=role, added_at=now_iso()))
    return True


def reasons_for(conn: Connection, protocol: Protocol, stage: int, viewer: Optional[str] = None) -> list[str]:
    """The protocol's reasons for a stage followed by the custom ones reviewers have added.

    For a ``viewer`` in dual screening, a custom reason another reviewer has used only in votes still
    hidden from the viewer is left out: offering it would hint at that vote.
    """
    c = schema.custom_reasons
    custom = conn.execute(select(c.c.reason, c.c.added_by).where(c.c.stage == stage).order_by(c.c.added_at)).all()
    listed = list(protocol.stage(stage).reasons)
    if viewer is not None and protocol.stage(stage).mode == "dual":
        from screening.blinding import visible_decision_rows  # blinding builds on this module

        seen = {reason for row in visible_decision_rows(conn, protocol, viewer) if row["stage"] == stage
                for reason in json.loads(row["reasons"])}
        custom = [(reason, who) for reason, who in custom if who == viewer or reason in seen]
    return listed + [reason for reason, _ in custom if reason not in listed]


def _keep_custom_reasons(conn: Connection, protocol: Protocol, d: Decision) -> list[str]:
    known = set(reasons_for(conn, protocol, d.stage))
    added = []
    for reason in d.reasons:
        if reason not in known:
            conn.execute(schema.custom_reasons.insert().values(stage=d.stage, reason=reason, added_by=d.reviewer,
                                                               added_at=now_iso()))
            known.add(reason)
            added.append(reason)
    return added


def latest_final(conn: Connection, stage: int, work_ids: Optional[Iterable[int]] = None) -> dict[int, dict]:
    """work id -> the latest final decision row at a stage (the one that counts)."""
    d = schema.decisions
    newest = (select(d.c.work_id, func.max(d.c.id).label("id"))
              .where(d.c.stage == stage, d.c.final.is_(True)).group_by(d.c.work_id).subquery())
    query = select(d).join(newest, d.c.id == newest.c.id)
    if work_ids is not None:
        query = query.where(d.c.work_id.in_(list(work_ids)))
    return {row.work_id: row._asdict() for row in conn.execute(query)}


def latest_votes(conn: Connection, stage: int, work_id: Optional[int] = None) -> dict[int, dict[str, dict]]:
    """work id -> reviewer -> that reviewer's latest vote (a non-final decision) at a stage.

    Votes exist in dual screening; final rows (consensus, the lead's reconciliation) are not votes.
    """
    d = schema.decisions
    newest = (select(func.max(d.c.id).label("id"))
              .where(d.c.stage == stage, d.c.final.is_(False), d.c.automatic.is_(False))
              .group_by(d.c.work_id, d.c.reviewer))
    if work_id is not None:
        newest = newest.where(d.c.work_id == work_id)
    votes: dict[int, dict[str, dict]] = {}
    for row in conn.execute(select(d).where(d.c.id.in_(newest.scalar_subquery()))):
        votes.setdefault(row.work_id, {})[row.reviewer] = row._asdict()
    return votes


def passed(conn: Connection, stage: int) -> set[int]:
    """Works whose final decision at a stage is include."""
    return {w for w, row in latest_final(conn, stage).items() if row["decision"] == "include"}


def check_eligible(conn: Connection, work_id: int, stage: int) -> None:
    work = conn.execute(select(schema.works.c.id, schema.works.c.merged_into)
                        .where(schema.works.c.id == work_id)).first()
    if work is None:
        raise ReviewError(f"no work with id {work_id}")
    if work.merged_into is not None:
        raise ReviewError(f"work {work_id} was merged into work {work.merged_into}; decide on that one")
    if stage > 1:
        prev = latest_final(conn, stage - 1, [work_id]).get(work_id)
        if prev is None or prev["decision"] != "include":
            raise ReviewError(f"work {work_id} cannot enter stage {stage}: its final decision at stage "
                              f"{stage - 1} is {prev['decision'] if prev else 'missing'}, not include")


def validate(protocol: Protocol, d: Decision) -> None:
    if not d.automatic and d.reviewer.strip().casefold() in RESERVED_REVIEWERS:
        raise ReviewError(f"'{d.reviewer.strip()}' is reserved for decisions made by rules "
                          f"({', '.join(RESERVED_REVIEWERS)}); a person's decision needs their own name")
    if d.decision not in DECISIONS:
        raise ReviewError(f"decision must be one of {', '.join(DECISIONS)}, not '{d.decision}'")
    stage = protocol.stage(d.stage)
    if d.decision == "exclude" and stage.reason_required and not [r for r in d.reasons if r.strip()]:
        raise ReviewError(f"an exclusion at stage {d.stage} ({stage.name}) needs a reason; "
                          f"the protocol lists: {'; '.join(stage.reasons)}")


def write_decision(conn: Connection, protocol: Protocol, d: Decision) -> Recorded:
    """Validate and append one decision inside the caller's transaction."""
    from screening.quality import stage2_warnings  # quality depends on decisions, not the reverse

    d.reasons = [r.strip() for r in d.reasons if r and r.strip()]
    validate(protocol, d)
    check_eligible(conn, d.work_id, d.stage)
    if not d.automatic:
        d.reviewer = canonical_name(conn, d.reviewer)  # one person, one spelling in the log
        require(conn, protocol, d.reviewer, "screen")
        ensure_reviewer(conn, d.reviewer)
    added = _keep_custom_reasons(conn, protocol, d)
    decision_id = conn.execute(schema.decisions.insert().values(
        work_id=d.work_id, stage=d.stage, reviewer=d.reviewer, decision=d.decision, reasons=json.dumps(
            d.reasons, ensure_ascii=False), note=d.note, final=d.final, automatic=d.automatic,
        order_mode=d.order_mode, created_at=now_iso())).inserted_primary_key[0]
    if not d.automatic:
        audit.log_event(conn, d.reviewer, "decision", f"work {d.work_id}",
                        {"stage": d.stage, "decision": d.decision, "final": bool(d.final), "id": decision_id})
    warnings = stage2_warnings(conn, protocol, d) if d.stage == 2 and d.decision == "include" else []
    return Recorded(decision_id=decision_id, warnings=warnings, custom_reasons=added)


def record(store: Store, protocol: Protocol, d: Decision) -> Recorded:
    """Store one decision durably: it is committed before this returns.

    In a stage screened by two reviewers a vote is not final by itself; when the second vote agrees
    with the first, a final consensus row is appended in the same transaction.
    """
    return store.transact(lambda conn: record_in(conn, protocol, d))


def record_in(conn: Connection, protocol: Protocol, d: Decision) -> Recorded:
    """``record`` inside the caller's transaction (the page and ``review decide --csv`` share it)."""
    dual = protocol.stage(d.stage).mode == "dual"
    if dual and not d.automatic:
        d.final = False  # a vote; final once both agree or the lead reconciles
    recorded = write_decision(conn, protocol, d)
    if dual and not d.final:
        _consensus_if_agreed(conn, protocol, d)
    return recorded


def _consensus_if_agreed(conn: Connection, protocol: Protocol, d: Decision) -> None:
    votes = latest_votes(conn, d.stage, d.work_id).get(d.work_id, {})
    if len(identities(votes)) < 2:  # two spellings of one name are one reviewer, never a consensus
        return
    values = {v["decision"] for v in votes.values()}
    if len(values) == 1 and values != {"maybe"}:
        reasons = sorted({r for v in votes.values() for r in json.loads(v["reasons"])})
        write_decision(conn, protocol, Decision(work_id=d.work_id, stage=d.stage, decision=values.pop(),
                                                reviewer=CONSENSUS, reasons=reasons, final=True, automatic=True,
                                                note="both reviewers agreed"))


def history(conn: Connection, work_id: int, stage: Optional[int] = None) -> list[dict]:
    d = schema.decisions
    query = select(d).where(d.c.work_id == work_id).order_by(d.c.id)
    if stage is not None:
        query = query.where(d.c.stage == stage)
    return [row._asdict() for row in conn.execute(query)]


def decided_by(conn: Connection, stage: int, reviewer: str) -> set[int]:
    d = schema.decisions
    return set(conn.execute(select(d.c.work_id).where(and_(d.c.stage == stage, d.c.reviewer == reviewer))
                            .distinct()).scalars())
