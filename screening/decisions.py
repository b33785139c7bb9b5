"""Recording decisions. The log is append-only: a changed mind adds a row, and the latest final row
for a work and stage is the one that counts (see ``review.store.decisions`` for every count).

``decide`` is the one way a person's or a rule's decision enters the log, whether it comes from the
screening page, ``review decide --csv`` or a protocol rule; ``outcome_of_votes`` is the one rule for
what a set of votes decides.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection

from review import vocabulary as vocab
from review.auth import audit
from review.auth.roles import canonical_name, identities, require
from review.errors import ReviewError
from review.messages import Message
from review.protocol import Protocol
from review.store import Store, schema
from review.store.decisions import (  # noqa: F401
    decided_by,
    history,
    insert_decision,
    is_decided,
    latest_final,
    latest_votes,
    passed,
    reaching_query,
    reasons_of,
)
from review.store.reviewers import ensure_reviewer  # noqa: F401  (re-exported for callers)
from review.store.works import work_state
from review.vocabulary import CONSENSUS, DECISIONS, PROTOCOL_REVIEWER  # noqa: F401
from review.vocabulary import RESERVED_NAMES as RESERVED_REVIEWERS
from screening.quality import stage2_warnings
from screening.reasons import keep_custom_reasons, reasons_for  # noqa: F401


@dataclass
class Decision:
    work_id: int
    stage: int
    decision: str
    reviewer: str
    reasons: list[str] = field(default_factory=list)
    note: str | None = None
    final: bool = True  # in a dual stage: False for a vote, True for the lead's (reconciling) decision
    automatic: bool = False  # made by a protocol rule, not a person
    order_mode: str | None = None


@dataclass
class Recorded:
    decision_id: int
    warnings: list[str] = field(default_factory=list)  # e.g. quality ratings missing: flagged, not refused
    custom_reasons: list[str] = field(default_factory=list)  # reasons added to the protocol's list
    basis: str = vocab.REVIEWER  # who decided (vocabulary.BASES)
    settled: str | None = None  # a vote that completed an agreement: the decision it settled on


def outcome_of_votes(votes: Mapping[str, str], needed: int = vocab.VOTES_NEEDED) -> str | None:
    """What a work's latest votes (reviewer -> decision) decide: the shared decision when at least
    ``needed`` different people voted and all agree on include or exclude; None while votes are
    missing, differ (a conflict for the lead) or agree on maybe (still open). Two spellings of one
    name ('anna', 'Anna') are one person (``identities``), never a consensus alone."""
    values = list(votes.values())
    if len(identities(votes)) < needed or len(set(values)) != 1 or values[0] not in vocab.DECIDED:
        return None
    return values[0]


def basis_for(protocol: Protocol, d: Decision) -> str:
    """Who decides: a rule; in a dual stage a vote (or, when final, the lead's reconciliation); else one reviewer."""
    if d.automatic:
        return vocab.RULE
    if protocol.stage(d.stage).mode == "dual":
        return vocab.RECONCILED if d.final else vocab.VOTE
    return vocab.REVIEWER


def check_eligible(conn: Connection, work_id: int, stage: int) -> None:
    work = work_state(conn, work_id)
    if work is None:
        raise ReviewError(Message("no work with id {work_id}", work_id=work_id))
    if work.merged_into is not None:
        raise ReviewError(
            Message(
                "work {work_id} was merged into work {merged_into}; decide on that one",
                work_id=work_id,
                merged_into=work.merged_into,
            )
        )
    if stage > 1 and conn.execute(reaching_query(stage).where(schema.works.c.id == work_id)).first() is None:
        prev = latest_final(conn, stage - 1, [work_id]).get(work_id)
        said = prev["decision"] if prev else "missing"
        raise ReviewError(
            Message(
                "work {work_id} cannot enter stage {stage}: its final decision at stage {previous_stage} is "
                "{said}, not include",
                work_id=work_id,
                stage=stage,
                previous_stage=stage - 1,
                said=said,
            )
            if said != "include"
            else Message(
                "work {work_id} cannot enter stage {stage}: it was not included at an earlier stage",
                work_id=work_id,
                stage=stage,
            )
        )


def validate(protocol: Protocol, d: Decision) -> None:
    if d.decision not in vocab.DECISIONS:
        raise ReviewError(
            Message(
                "decision must be one of {items}, not '{decision}'",
                items=", ".join(vocab.DECISIONS),
                decision=d.decision,
            )
        )
    stage = protocol.stage(d.stage)
    if d.decision == "exclude" and stage.reason_required and not [r for r in d.reasons if r.strip()]:
        raise ReviewError(
            Message(
                "an exclusion at stage {stage} ({name}) needs a reason; the protocol lists: {items}",
                stage=d.stage,
                name=stage.name,
                items="; ".join(stage.reasons),
            )
        )


def decide(conn: Connection, protocol: Protocol, d: Decision) -> Recorded:
    """Validate and append one decision inside the caller's transaction; a vote that completes an
    agreement appends the agreed final row in the same transaction (``settle_votes``)."""
    d.reasons = [r.strip() for r in d.reasons if r and r.strip()]
    d.decision = (d.decision or "").strip().lower()
    validate(protocol, d)
    check_eligible(conn, d.work_id, d.stage)
    basis = basis_for(protocol, d)
    if basis != vocab.RULE:
        if (d.reviewer or "").strip().casefold() in RESERVED_REVIEWERS:
            raise ReviewError(
                Message(
                    "'{name}' is reserved for decisions made by rules ({items}); a person's decision needs "
                    "their own name",
                    name=d.reviewer.strip(),
                    items=", ".join(RESERVED_REVIEWERS),
                )
            )
        d.reviewer = canonical_name(conn, d.reviewer)  # one person, one spelling in the log
        require(conn, protocol, d.reviewer, "screen")
        ensure_reviewer(conn, d.reviewer)
    d.final = basis in vocab.FINAL_BASES
    added = keep_custom_reasons(conn, protocol, d.stage, d.reasons, d.reviewer)
    decision_id = insert_decision(
        conn,
        work_id=d.work_id,
        stage=d.stage,
        reviewer=d.reviewer,
        decision=d.decision,
        reasons=d.reasons,
        note=d.note,
        basis=basis,
        order_mode=d.order_mode,
    )
    if basis != vocab.RULE:
        audit.log_event(
            conn,
            d.reviewer,
            "decision",
            f"work {d.work_id}",
            {"stage": d.stage, "decision": d.decision, "final": bool(d.final), "id": decision_id},
        )
    warnings = stage2_warnings(conn, protocol, d) if d.stage == 2 and d.decision == "include" else []
    settled = settle_votes(conn, d.work_id, d.stage) if basis == vocab.VOTE else None
    return Recorded(decision_id=decision_id, warnings=warnings, custom_reasons=added, basis=basis, settled=settled)


write_decision = decide  # the name older callers use


def settle_votes(conn: Connection, work_id: int, stage: int) -> str | None:
    """Append the agreed final row (its reasons the union of the votes') when the work's latest votes
    decide it and nothing was settled after them; returns the agreed decision, else None."""
    votes = latest_votes(conn, stage, work_id).get(work_id, {})
    outcome = outcome_of_votes({name: v["decision"] for name, v in votes.items()})
    if outcome is None:
        return None
    final = latest_final(conn, stage, [work_id]).get(work_id)
    if final is not None and final["id"] > max(v["id"] for v in votes.values()):
        return None  # already settled after these votes (the agreed row, or the lead's decision)
    reasons = sorted({r for v in votes.values() for r in reasons_of(v)})
    insert_decision(
        conn,
        work_id=work_id,
        stage=stage,
        reviewer=CONSENSUS,
        decision=outcome,
        reasons=reasons,
        note="both reviewers agreed" if len(votes) == 2 else f"all {len(votes)} reviewers agreed",
        basis=vocab.AGREEMENT,
    )
    return outcome


def record(store: Store, protocol: Protocol, d: Decision) -> Recorded:
    """Store one decision from the screening page durably: committed before this returns.

    In a stage screened by two reviewers a person's press is a vote, never final by itself: the
    agreement of the votes (``outcome_of_votes``) or the lead's reconciliation decides.
    """
    return store.transact(lambda conn: record_in(conn, protocol, d))


def record_in(conn: Connection, protocol: Protocol, d: Decision) -> Recorded:
    """``record`` inside the caller's transaction (the page and ``review decide --csv`` share it)."""
    if protocol.stage(d.stage).mode == "dual" and not d.automatic:
        d.final = False  # a vote; final once the votes agree or the lead reconciles
    return decide(conn, protocol, d)


def is_open(row: dict | None) -> bool:
    """No decision yet (no final row, or a final maybe)."""
    return not is_decided(row)
