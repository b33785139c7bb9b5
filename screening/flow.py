"""The flow (PRISMA counts) and the per-family table, always recomputed from the decision log."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Connection, func, select

from review import vocabulary as vocab
from review.protocol import Protocol
from review.rounds import check_round
from review.store import Store, schema
from review.store.decisions import latest_final, maybes_among, passed, reaching, reasons_of
from review.store.stopping import stopped_rounds
from review.store.works import earlier_live_work_ids, live_work_ids
from screening.flowtypes import FamilyCount, Flow, StageCount

NO_REASON = "No reason given"


def _raw_counts(conn: Connection, round_id: int | None) -> tuple[int, dict, dict, int]:
    r, i, links = schema.raw_records, schema.imports, schema.work_links
    base = select(r.c.source, r.c.family, func.count().label("n")).join(i, i.c.id == r.c.import_id)
    unlinked = (
        select(func.count()).select_from(r.join(i, i.c.id == r.c.import_id)).where(~r.c.id.in_(select(links.c.raw_id)))
    )
    if round_id is not None:
        base = base.where(i.c.round_id == round_id)
        unlinked = unlinked.where(i.c.round_id == round_id)
    by_source: Counter = Counter()
    by_family: Counter = Counter()
    for row in conn.execute(base.group_by(r.c.source, r.c.family)):
        by_source[row.source] += row.n
        by_family[row.family or ""] += row.n
    return sum(by_source.values()), dict(by_source), dict(by_family), conn.execute(unlinked).scalar_one()


def _stage_count(
    conn: Connection, protocol: Protocol, number: int, label: str, round_id: int | None
) -> tuple[StageCount, set[int]]:
    """One stage's counts over the works that reach it; returns them and the works that pass."""
    in_stage = set(reaching(conn, number, round_id))
    final = {w: row for w, row in latest_final(conn, number, in_stage).items()} if in_stage else {}
    count = StageCount(number=number, label=label)
    reasons: Counter = Counter()
    passing = set()
    for work_id, row in final.items():
        if row["decision"] == "include":
            count.included += 1
            passing.add(work_id)
        elif row["decision"] == "exclude":
            count.excluded += 1
            given = reasons_of(row)
            reasons[given[0] if given else NO_REASON] += 1
            count.excluded_automatically += row["basis"] == vocab.RULE
    maybes = maybes_among(conn, number, in_stage)
    count.maybe = len(maybes)
    count.screened = count.included + count.excluded
    count.pending = len(in_stage) - count.screened - count.maybe
    decided = {w for w, row in final.items() if row["decision"] in vocab.DECIDED}
    _move_stopped(conn, count, in_stage - decided - maybes)
    count.entered = len(in_stage) - count.excluded_automatically
    count.excluded_by_reason = dict(reasons.most_common())
    return count, passing


def _found_again_records(conn: Connection, round_id: int) -> int:
    """Records of this round's searches joined to a work first found in an earlier round."""
    r, i, links, w = schema.raw_records, schema.imports, schema.work_links, schema.works
    return conn.execute(
        select(func.count())
        .select_from(
            r.join(i, i.c.id == r.c.import_id).join(links, links.c.raw_id == r.c.id).join(w, w.c.id == links.c.work_id)
        )
        .where(i.c.round_id == round_id, w.c.round_id < round_id)
    ).scalar_one()


def compute_flow_conn(conn: Connection, protocol: Protocol, round_id: int | None = None) -> Flow:
    if round_id is not None:
        check_round(conn, round_id)  # a round that does not exist is an error, not a flow of zeros
    identified, by_source, by_family, unlinked = _raw_counts(conn, round_id)
    by_family = dict(sorted(by_family.items(), key=lambda kv: (protocol.family_rank(kv[0] or None), kv[0])))
    works = live_work_ids(conn, round_id)
    families = (
        dict(conn.execute(select(schema.works.c.id, schema.works.c.family).where(schema.works.c.id.in_(works))).all())
        if works
        else {}
    )
    stages: dict[int, StageCount] = {}
    passed_by_stage: dict[int, set[int]] = {}
    for stage in protocol.stages:
        stages[stage.number], passed_by_stage[stage.number] = _stage_count(
            conn, protocol, stage.number, stage.label, round_id
        )
    first = protocol.stages[0].number if protocol.stages else 1
    rule_removed = (
        {
            w
            for w, row in latest_final(conn, first, works).items()
            if row["basis"] == vocab.RULE and row["decision"] == "exclude"
        }
        if works
        else set()
    )

    family_rows = []
    for fam in protocol.families:
        mine = {w for w, f in families.items() if f == fam.id}
        family_rows.append(
            FamilyCount(
                family=fam.id,
                label=fam.label,
                unique=len(mine),
                screened=len(mine - rule_removed),
                passed={n: len(mine & ids) for n, ids in passed_by_stage.items()},
            )
        )
    last = max(passed_by_stage) if passed_by_stage else 3
    flow = Flow(
        identified=identified,
        identified_by_source=by_source,
        identified_by_family=by_family,
        duplicates_removed=identified - unlinked - len(works),
        unique=len(works),
        stages=stages,
        families=family_rows,
        included=len(passed_by_stage.get(last, set())),
        undeduplicated=unlinked,
    )
    if round_id is not None:
        rnd = conn.execute(select(schema.rounds).where(schema.rounds.c.id == round_id)).first()
        flow.round_label = rnd.label if rnd else None
        if conn.execute(select(schema.rounds.c.id).where(schema.rounds.c.id < round_id)).first() is not None:
            # An update: the studies included in earlier rounds form PRISMA's "previous studies" column.
            flow.previous_included = len(set(earlier_live_work_ids(conn, round_id)) & passed(conn, last))
            flow.duplicates_of_earlier = _found_again_records(conn, round_id)
    return flow


def _move_stopped(conn: Connection, count: StageCount, undecided: set[int]) -> None:
    """Works left undecided in a round where the team stopped screening this stage are not awaiting a
    decision: no person will screen them, and the diagram shows them in a box of their own."""
    rounds = stopped_rounds(conn, count.number)
    if not rounds or not undecided:
        return
    w = schema.works
    stopped = conn.execute(
        select(func.count()).select_from(w).where(w.c.id.in_(undecided), w.c.round_id.in_(rounds))
    ).scalar_one()
    count.not_screened_stopped = stopped
    count.pending -= stopped


def compute_flow(store: Store, protocol: Protocol, round_id: int | None = None) -> Flow:
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
        "screened": flow.screened,
        "stages": {
            str(n): {
                "label": s.label,
                "entered": s.entered,
                "screened": s.screened,
                "included": s.included,
                "excluded": s.excluded,
                "maybe": s.maybe,
                "pending": s.pending,
                "excluded_by_reason": s.excluded_by_reason,
                "excluded_automatically": s.excluded_automatically,
                "not_screened_stopped": s.not_screened_stopped,
            }
            for n, s in flow.stages.items()
        },
        "families": {
            f.family: {
                "label": f.label,
                "unique": f.unique,
                "screened": f.screened,
                **{str(n): v for n, v in f.passed.items()},
            }
            for f in flow.families
        },
        "included": flow.included,
        **(
            {
                "duplicates_of_earlier_rounds": flow.duplicates_of_earlier,
                "duplicates_within_new_searches": flow.duplicates_within,
            }
            if flow.duplicates_of_earlier is not None
            else {}
        ),
    }
