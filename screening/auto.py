"""Protocol exclusions applied without a person: student theses and works outside the years searched.

They are recorded as stage-1 decisions with basis ``rule`` with the protocol's reason, so a reviewer can see
them and overturn one by recording their own final decision.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from review.protocol import Protocol
from review.store import Store, schema
from review.store.decisions import works_with_decisions
from review.store.works import live_work_ids
from review.vocabulary import PROTOCOL_REVIEWER  # noqa: F401  (re-exported)
from screening.decisions import Decision, decide


def rule_reason(protocol: Protocol, work: dict, years: tuple[int, int]) -> str | None:
    rules = protocol.auto_exclusions
    if "thesis" in rules and work["doc_type"] == "thesis":
        return rules["thesis"]
    year = work["year"]
    if "outside_years" in rules and year is not None and not (years[0] <= year <= years[1]):
        return rules["outside_years"]
    return None


def apply_protocol_exclusions(store: Store, protocol: Protocol) -> int:
    """Exclude, once, every not-yet-screened work a protocol rule excludes; returns how many."""

    def work(conn: Connection) -> int:
        decided = works_with_decisions(conn, 1)
        rounds = {r.id: (r.year_from, r.year_to) for r in conn.execute(select(schema.rounds))}
        w = schema.works
        ids = [i for i in live_work_ids(conn) if i not in decided]
        count = 0
        for row in conn.execute(select(w.c.id, w.c.doc_type, w.c.year, w.c.round_id).where(w.c.id.in_(ids))):
            years = rounds.get(row.round_id, (protocol.year_from, protocol.year_to))
            reason = rule_reason(protocol, row._asdict(), years)
            if reason:
                decide(
                    conn,
                    protocol,
                    Decision(
                        work_id=row.id,
                        stage=1,
                        decision="exclude",
                        reviewer=PROTOCOL_REVIEWER,
                        reasons=[reason],
                        final=True,
                        automatic=True,
                        note="excluded by a protocol rule",
                    ),
                )
                count += 1
        return count

    return store.transact(work)
