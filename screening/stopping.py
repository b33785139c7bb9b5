"""Recording that a team stopped screening stage 1 before every work was seen, and why.

Ranked screening lets a team stop early; a methods section must then say when, on what grounds, and how
many works no person ever screened. A stop is either on the statistical criterion (its statement and
p-value are stored as they stood, and it is refused while the criterion is not met) or the reviewers'
own decision, which must say why. The flow counts the works left unscreened in a box of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from review.auth import audit
from review.auth.roles import require
from review.errors import ReviewError
from review.messages import Message
from review.protocol import Protocol
from review.rounds import current_round
from review.store import Store, schema
from review.store.db import inserted_id
from review.timeutil import now_iso
from screening.decisions import latest_final
from screening.queue import eligible
from screening.ranked import labels

if TYPE_CHECKING:  # the prioritiser loads numpy, scipy and scikit-learn: only when a stop is computed
    from screening.prioritise.stopping import RecallTest

BASES = ("criterion", "reviewers")
STAGE = 1  # ranked screening, and so its stopping rule, is a title/abstract matter


@dataclass(frozen=True)
class StopRecord:
    id: int
    stage: int
    round_id: int
    basis: str
    statement: str
    unscreened: int


def criterion_now(conn: Connection, protocol: Protocol, round_id: int | None = None) -> RecallTest:
    """The stopping criterion over people's stage-1 decisions so far, in the order they were made."""
    from screening.prioritise.stopping import recall_stopping_test

    works = eligible(conn, STAGE, round_id)
    known = set(works)
    history = [label for work, label in labels(conn).items() if work in known]
    return recall_stopping_test(history, len(works), protocol.recall_target, protocol.confidence)


def stop_screening(
    store: Store, protocol: Protocol, decided_by: str, *, basis: str, note: str | None = None, stage: int = STAGE
) -> StopRecord:
    """Record a stop for the current round; the criterion's statement is taken as it stands now."""
    if stage != STAGE:
        raise ReviewError(
            Message(
                "screening can be stopped early at stage {STAGE} only (ranked title/abstract screening)", STAGE=STAGE
            )
        )
    if basis not in BASES:
        raise ReviewError(
            Message("the basis of a stop is one of {items}, not {basis!r}", items=", ".join(BASES), basis=basis)
        )
    if basis == "reviewers" and not (note or "").strip():
        raise ReviewError(
            Message("a stop decided by the reviewers needs a note saying why (it goes into the methods record)")
        )

    def work(conn: Connection) -> StopRecord:
        require(conn, protocol, decided_by, "stop")
        round_id = current_round(conn, protocol)
        test = criterion_now(conn, protocol, round_id)
        if basis == "criterion" and not test.reached:
            raise ReviewError(
                Message(
                    "the stopping criterion is not met: {statement} To stop anyway, record the reviewers' own "
                    "decision with a note.",
                    statement=test.statement(),
                )
            )
        works = eligible(conn, STAGE, round_id)
        decided = latest_final(conn, STAGE, works)
        unscreened = len(works) - len(decided)
        statement = (
            test.statement()
            if basis == "criterion"
            else Message(
                "The reviewers stopped screening: {note} (at that point: {statement})",
                note=(note or "").strip(),
                statement=test.statement(),
            )
        )
        row_id = inserted_id(
            conn.execute(
                schema.stopping_decisions.insert().values(
                    stage=STAGE,
                    round_id=round_id,
                    basis=basis,
                    statement=statement,
                    p_value=test.p_value,
                    recall_target=test.recall_target,
                    confidence=test.confidence,
                    screened=len(decided),
                    unscreened=unscreened,
                    note=note,
                    decided_by=decided_by,
                    created_at=now_iso(),
                )
            )
        )
        audit.log_event(conn, decided_by, "stop", f"stage {STAGE}", {"basis": basis, "round": round_id})
        return StopRecord(row_id, STAGE, round_id, basis, statement, unscreened)

    return store.transact(work)


def stops(conn: Connection, round_id: int | None = None) -> list[dict]:
    """Every stop recorded, oldest first (of one round, or of the whole review)."""
    s = schema.stopping_decisions
    query = select(s).order_by(s.c.id)
    if round_id is not None:
        query = query.where(s.c.round_id == round_id)
    return [row._asdict() for row in conn.execute(query)]


def stopped_rounds(conn: Connection, stage: int) -> set[int]:
    """Rounds in which screening at ``stage`` was stopped: their undecided works were never screened."""
    s = schema.stopping_decisions
    return set(conn.execute(select(s.c.round_id).where(s.c.stage == stage)).scalars())
