"""The six-criteria quality appraisal for works that are not peer reviewed (stage 2).

Ratings are appended like decisions; the protocol's rule turns a reviewer's latest ratings into
acceptable or not, with the reason spelled out.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from review.auth.roles import require
from review.errors import ReviewError
from review.messages import Message
from review.protocol import Protocol
from review.store import Store, schema
from review.store.reviewers import ensure_reviewer
from review.timeutil import now_iso
from review.vocabulary import QUALITY_RATINGS


@dataclass
class Assessment:
    acceptable: bool
    reason: str
    counts: dict[str, int]
    missing: list[str]


def save_ratings(
    store: Store, protocol: Protocol, work_id: int, reviewer: str, ratings: dict[str, tuple[str, str | None]]
) -> None:
    """ratings: criterion id -> (yes|partly|no|unclear, note)."""
    known = {c.id for c in protocol.quality_criteria}

    def work(conn: Connection) -> None:
        require(conn, protocol, reviewer, "screen")
        ensure_reviewer(conn, reviewer)
        for criterion, (rating, note) in ratings.items():
            write_rating(conn, known, work_id, reviewer, criterion, rating, note)

    store.transact(work)


def write_rating(
    conn: Connection, known: set[str], work_id: int, reviewer: str, criterion: str, rating: str, note: str | None
) -> None:
    if criterion not in known:
        raise ReviewError(
            Message(
                "unknown quality criterion '{criterion}'; the protocol has: {items}",
                criterion=criterion,
                items=", ".join(sorted(known)),
            )
        )
    if rating not in QUALITY_RATINGS:
        raise ReviewError(
            Message(
                "a quality rating is one of {items}, not '{rating}'", items=", ".join(QUALITY_RATINGS), rating=rating
            )
        )
    conn.execute(
        schema.quality_ratings.insert().values(
            work_id=work_id,
            reviewer=reviewer,
            criterion=criterion,
            rating=rating,
            note=note or None,
            created_at=now_iso(),
        )
    )


def write_changed_ratings(
    conn: Connection, protocol: Protocol, work_id: int, reviewer: str, ratings: dict[str, tuple[str, str | None]]
) -> int:
    """Append the ratings that differ from the latest ones on the work; returns how many were written.

    The stage-2 form is stored with every decision, so an unchanged form must not add rows."""
    from screening.decisions import ensure_reviewer

    known = {c.id for c in protocol.quality_criteria}
    current = latest_ratings(conn, work_id)
    changed = {
        c: (rating, (note or "").strip() or None)
        for c, (rating, note) in ratings.items()
        if (current.get(c, {}).get("rating"), current.get(c, {}).get("note")) != (rating, (note or "").strip() or None)
    }
    if changed:
        ensure_reviewer(conn, reviewer)
    for criterion, (rating, note) in changed.items():
        write_rating(conn, known, work_id, reviewer, criterion, rating, note)
    return len(changed)


def latest_ratings(conn: Connection, work_id: int) -> dict[str, dict]:
    """criterion -> latest rating row for a work, whoever rated it last."""
    q = schema.quality_ratings
    newest = (select(func.max(q.c.id)).where(q.c.work_id == work_id).group_by(q.c.criterion)).scalar_subquery()
    return {row.criterion: row._asdict() for row in conn.execute(select(q).where(q.c.id.in_(newest)))}


def assess(protocol: Protocol, ratings: dict[str, str]) -> Assessment:
    """Apply the protocol's rule to one set of ratings (criterion -> rating)."""
    rule = protocol.quality_rule
    missing = [c.id for c in protocol.quality_criteria if c.id not in ratings]
    counts = {r: sum(1 for v in ratings.values() if v == r) for r in QUALITY_RATINGS}
    problems = []
    if missing:
        problems.append(f"not rated: {', '.join(missing)}")
    if counts["no"] > rule.max_no:
        problems.append(f"{counts['no']} criteria rated no (at most {rule.max_no} allowed)")
    if counts["unclear"] > rule.max_unclear:
        problems.append(f"{counts['unclear']} rated unclear (at most {rule.max_unclear} allowed)")
    if counts["yes"] < rule.min_yes:
        problems.append(f"only {counts['yes']} rated yes (at least {rule.min_yes} needed)")
    if problems:
        return Assessment(False, "; ".join(problems), counts, missing)
    return Assessment(
        True,
        f"acceptable: {counts['yes']} yes, {counts['partly']} partly, {counts['unclear']} unclear, {counts['no']} no",
        counts,
        missing,
    )


def needs_rating(conn: Connection, work_id: int) -> bool:
    """Works not stated to be peer reviewed get the appraisal."""
    peer = conn.execute(select(schema.works.c.peer_reviewed).where(schema.works.c.id == work_id)).scalar()
    return peer is not True


def stage2_warnings(conn: Connection, protocol: Protocol, decision) -> list[str]:
    """Flag (never refuse) a stage-2 include of a non-peer-reviewed work without acceptable ratings."""
    if not protocol.quality_criteria or not needs_rating(conn, decision.work_id):
        return []
    ratings = {c: row["rating"] for c, row in latest_ratings(conn, decision.work_id).items()}
    if not ratings:
        return [
            f"work {decision.work_id} is not marked peer reviewed and has no quality ratings yet: rate it on "
            f"the six criteria, or check that it is peer reviewed"
        ]
    result = assess(protocol, ratings)
    return [] if result.acceptable else [f"work {decision.work_id}: quality not acceptable ({result.reason})"]
