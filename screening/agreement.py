"""Dual screening: conflicts, reconciliation by the lead, and agreement (Cohen's kappa)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from sqlalchemy import Connection

from review.auth import audit
from review.auth.roles import has_accounts, identities, require
from review.errors import ReviewError
from review.messages import Message
from review.names import same_person
from review.protocol import Protocol
from review.store import Store
from review.store.decisions import reasons_of
from screening.decisions import Decision, decide, latest_final, latest_votes, outcome_of_votes


@dataclass
class Conflict:
    work_id: int
    votes: dict[str, str]  # reviewer -> decision
    reasons: dict[str, list[str]]
    notes: dict[str, str] = field(default_factory=dict)  # reviewer -> the note with the vote, where written


def conflicts(conn: Connection, stage: int) -> list[Conflict]:
    """Works where reviewers voted differently and no final decision was made after the votes.

    Two agreeing maybes are not a conflict: the work waits as a maybe (``maybes_waiting``)."""
    final = latest_final(conn, stage)
    out = []
    for work_id, votes in sorted(latest_votes(conn, stage).items()):
        if len(identities(votes)) < 2 or len({v["decision"] for v in votes.values()}) == 1:
            continue
        if outcome_of_votes({name: v["decision"] for name, v in votes.items()}) is not None:
            continue
        if work_id in final and final[work_id]["id"] > max(v["id"] for v in votes.values()):
            continue
        out.append(
            Conflict(
                work_id,
                {r: v["decision"] for r, v in votes.items()},
                {r: reasons_of(v) for r, v in votes.items()},
                {r: v["note"] for r, v in votes.items() if v.get("note")},
            )
        )
    return out


def reconcile(
    store: Store,
    protocol: Protocol,
    work_id: int,
    stage: int,
    lead: str,
    decision: str,
    reasons: list[str] | None = None,
    note: str | None = None,
) -> int:
    """The lead's final decision on a work (usually one in conflict); the role is checked in here."""
    d = Decision(
        work_id=work_id, stage=stage, decision=decision, reviewer=lead, reasons=reasons or [], note=note, final=True
    )

    def work(conn: Connection) -> int:
        if not protocol.lead and not has_accounts(conn):
            raise ReviewError(Message("the protocol names no lead ([team] lead in review.toml) to reconcile conflicts"))
        require(conn, protocol, lead, "reconcile")
        decision_id = decide(conn, protocol, d).decision_id
        audit.log_event(conn, d.reviewer, "reconcile", f"work {work_id}", {"stage": stage, "decision": decision})
        return decision_id

    return store.transact(work)


@dataclass
class Agreement:
    stage: int
    reviewers: tuple[str, str]
    both_include: int
    first_only: int  # first reviewer include, second not
    second_only: int
    both_exclude: int  # neither includes (exclude or maybe)

    @property
    def n(self) -> int:
        return self.both_include + self.first_only + self.second_only + self.both_exclude

    @property
    def percent(self) -> float | None:
        """None when the two reviewers share no work (shown as "–", never as 0 or 100 %)."""
        return 100.0 * (self.both_include + self.both_exclude) / self.n if self.n else None

    @property
    def kappa(self) -> float | None:
        return cohen_kappa(self.both_include, self.first_only, self.second_only, self.both_exclude)


def cohen_kappa(a: int, b: int, c: int, d: int) -> float | None:
    """Kappa for a 2×2 table [[a, b], [c, d]] (rows: first rater include/not; columns: second).

    None when undefined: no pairs, or both raters used one category only and agree fully by chance.
    """
    n = a + b + c + d
    if n == 0:
        return None
    observed = (a + d) / n
    expected = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def agreement(conn: Connection, stage: int) -> list[Agreement]:
    """One 2×2 table per pair of reviewers who voted at this stage; a pair that shares no work gets a
    table of zeros (a third reviewer shows as 0 works, not as a missing row)."""
    every = latest_votes(conn, stage)
    names = sorted({reviewer for votes in every.values() for reviewer in votes})
    tables: dict[tuple[str, str], list[int]] = {
        pair: [0, 0, 0, 0] for pair in combinations(names, 2) if not same_person(*pair)
    }
    for votes in every.values():
        for first, second in combinations(sorted(votes), 2):
            if same_person(first, second):
                continue
            cell = tables.setdefault((first, second), [0, 0, 0, 0])
            inc1, inc2 = votes[first]["decision"] == "include", votes[second]["decision"] == "include"
            cell[0 if inc1 and inc2 else 1 if inc1 else 2 if inc2 else 3] += 1
    return [Agreement(stage, pair, *cells) for pair, cells in sorted(tables.items())]
