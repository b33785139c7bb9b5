"""Dual screening: conflicts, reconciliation by the lead, and agreement (Cohen's kappa)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import combinations
from typing import Optional

from sqlalchemy import Connection

from review.auth import audit
from review.auth.names import same_person
from review.auth.roles import has_accounts, identities, require
from review.errors import ReviewError
from review.protocol import Protocol
from review.store import Store
from screening.decisions import Decision, latest_final, latest_votes, write_decision


@dataclass
class Conflict:
    work_id: int
    votes: dict[str, str]  # reviewer -> decision
    reasons: dict[str, list[str]]


def conflicts(conn: Connection, stage: int) -> list[Conflict]:
    """Works where reviewers voted differently and no final decision was made after the votes."""
    final = latest_final(conn, stage)
    out = []
    for work_id, votes in sorted(latest_votes(conn, stage).items()):
        if len(identities(votes)) < 2 or len({v["decision"] for v in votes.values()}) == 1:
            continue
        if work_id in final and final[work_id]["id"] > max(v["id"] for v in votes.values()):
            continue
        out.append(Conflict(work_id, {r: v["decision"] for r, v in votes.items()},
                            {r: json.loads(v["reasons"]) for r, v in votes.items()}))
    return out


def reconcile(store: Store, protocol: Protocol, work_id: int, stage: int, lead: str, decision: str,
              reasons: Optional[list[str]] = None, note: Optional[str] = None) -> int:
    """The lead's final decision on a work (usually one in conflict); the role is checked in here."""
    d = Decision(work_id=work_id, stage=stage, decision=decision, reviewer=lead, reasons=reasons or [],
                 note=note, final=True)

    def work(conn: Connection) -> int:
        if not protocol.lead and not has_accounts(conn):
            raise ReviewError("the protocol names no lead ([team] lead in review.toml) to reconcile conflicts")
        require(conn, protocol, lead, "reconcile")
        decision_id = write_decision(conn, protocol, d).decision_id
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
    def percent(self) -> Optional[float]:
        return 100.0 * (self.both_include + self.both_exclude) / self.n if self.n else None

    @property
    def kappa(self) -> Optional[float]:
        return cohen_kappa(self.both_include, self.first_only, self.second_only, self.both_exclude)


def cohen_kappa(a: int, b: int, c: int, d: int) -> Optional[float]:
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
    """One 2×2 table per pair of reviewers who both voted on some work at this stage."""
    tables: dict[tuple[str, str], list[int]] = {}
    for votes in latest_votes(conn, stage).values():
        for first, second in combinations(sorted(votes), 2):
            if same_person(first, second):
                continue
            cell = tables.setdefault((first, second), [0, 0, 0, 0])
            inc1, inc2 = votes[first]["decision"] == "include", votes[second]["decision"] == "include"
            cell[0 if inc1 and inc2 else 1 if inc1 else 2 if inc2 else 3] += 1
    return [Agreement(stage, pair, *cells) for pair, cells in sorted(tables.items())]
