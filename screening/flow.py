"""The flow (PRISMA counts) and the per-family table, always recomputed from the decision log."""

from __future__ import annotations

import json
from collections import Counter
from typing import Optional

from sqlalchemy import Connection, func, select

from review.protocol import Protocol
from review.store import Store, schema
from screening.decisions import latest_final
from screening.flowtypes import FamilyCount, Flow, StageCount
from screening.stopping import stopped_rounds
from screening.works import active_work_ids

NO_REASON = "No reason given"


def _raw_counts(conn: Connection, round_id: Optional[int]) -> tuple[int, dict, dict, int]:
    r, i, links = schema.raw_records, schema.imports, schema.work_links
    base = select(r.c.source, r.c.family, func.count().label("n")).join(i, i.c.id == r.c.import_id)
    unlinked = (select(func.count()).select_from(r.join(i, i.c.id == r.c.import_id))
                .where(~r.c.id.in_(select(links.c.raw_id))))
    if round_id is not None:
        base = base.where(i.c.round_id == round_id)
        unlinked = unlinked.where(i.c.round_id == round_id)
    by_source: Counter = Counter()
    by_family: Counter = Counter()
    for row in conn.execute(base.group_by(r.c.source, r.c.family)):
        by_source[row.source] += row.n
        by_family[row.family or ""] += row.n
    return sum(by_source.values()), dict(by_source), dict(by_family), conn.execute(unlinked).scalar_one()


def compute_flow_conn(conn: Connection, protocol: Protocol, round_id: Optional[int] = None) -> Flow:
    identified, by_source, by_family, unlinked = _raw_counts(conn, round_id)
    by_family = dict(sorted(by_family.items(), key=lambda kv: (protocol.family_rank(kv[0] or None), kv[0])))
    works = active_work_ids(conn, round_id)
    families = dict(conn.execute(select(schema.works.c.id, schema.works.c.family)
                                 .where(schema.works.c.id.in_(works))).all()) if works else {}
    stages: dict[int, StageCount] = {}
    in_stage = set(works)
    passed_by_stage: dict[int, set[int]] = {}
    for stage in protocol.stages:
        final = {w: row for w, row in latest_final(conn, stage.number).items() if w in in_stage}
        count = StageCount(number=stage.number, label=stage.label)
        reasons: Counter = Counter()
        for row in final.values():
            if row["decision"] == "include":
                count.included += 1
            elif row["decision"] == "exclude":
                count.excluded += 1
                given = json.loads(row["reasons"])
                reasons[given[0] if given else NO_REASON] += 1
                count.excluded_automatically += bool(row["automatic"])
            else:
                count.maybe += 1
        count.screened = len(final)
        count.pending = len(in_stage) - len(final)
        _move_stopped(conn, count, in_stage - set(final))
        count.excluded_by_reason = dict(reasons.most_common())
        stages[stage.number] = count
        in_stage = {w for w, row in final.items() if row["decision"] == "include"}
        passed_by_stage[stage.number] = in_stage

    family_rows = []
    for fam in protocol.families:
        mine = {w for w, f in families.items() if f == fam.id}
        family_rows.append(FamilyCount(family=fam.id, label=fam.label, unique=len(mine),
                                       passed={n: len(mine & ids) for n, ids in passed_by_stage.items()}))
    last = max(passed_by_stage) if passed_by_stage else 3
    flow = Flow(identified=identified, identified_by_source=by_source, identified_by_family=by_family,
                duplicates_removed=identified - unlinked - len(works), unique=len(works), stages=stages,
                families=family_rows, included=len(passed_by_stage.get(last, set())), undeduplicated=unlinked)
    if round_id is not None:
        rnd = conn.execute(select(schema.rounds).where(schema.rounds.c.id == round_id)).first()
        flow.round_label = rnd.label if rnd else None
        if conn.execute(select(schema.rounds.c.id).where(schema.rounds.c.id < round_id)).first() is not None:
            # An update: the studies included in earlier rounds form PRISMA's "previous studies" column.
            w = schema.works
            earlier = conn.execute(select(w.c.id).where(w.c.round_id < round_id, w.c.merged_into.is_(None))).scalars()
            final_last = latest_final(conn, last)
            flow.previous_included = sum(1 for wid in earlier
                                         if final_last.get(wid, {}).get("decision") == "include")
    return flow


def _move_stopped(conn: Connection, count: StageCount, undecided: set[int]) -> None:
    """Works left undecided in a round where the team stopped screening this stage are not awaiting a
    decision: no person will screen them, and the diagram shows them in a box of their own."""
    rounds = stopped_rounds(conn, count.number)
    if not rounds or not undecided:
        return
    w = schema.works
    stopped = conn.execute(select(func.count()).select_from(w)
                           .where(w.c.id.in_(undecided), w.c.round_id.in_(rounds))).scalar_one()
    count.not_screened_stopped = stopped
    count.pending -= stopped


def compute_flow(store: Store, protocol: Protocol, round_id: Optional[int] = None) -> Flow:
    with store.read() as conn:
        return compute_flow_conn(conn, protocol, round_id)


def status_dict(flow: Flow) -> dict:
    """The JSON `review status --json` prints (its keys are a contract other tools rely on)."""
    return {
        "identified": flow.identified,
        "duplicates_removed": flow.duplicates_removed,
        "unique": flow.unique,
        "undeduplicated": flow.undeduplicated,
        "identified_by_source": flow.identified_by_source,
        "identified_by_family": flow.identified_by_family,
        "stages": {str(n): {"label": s.label, "screened": s.screened, "included": s.included,
                            "excluded": s.excluded, "maybe": s.maybe, "pending": s.pending,
                            "excluded_by_reason": s.excluded_by_reason,
                            "excluded_automatically": s.excluded_automatically,
                            "not_screened_stopped": s.not_screened_stopped}
                   for n, s in flow.stages.items()},
        "families": {f.family: {"label": f.label, "unique": f.unique, **{str(n): v for n, v in f.passed.items()}}
                     for f in flow.families},
        "included": flow.included,
    }
