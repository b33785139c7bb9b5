"""Stage-1 queue in ranked order, from the prioritiser (``screening.prioritise``) when it is installed.

The labels are the final stage-1 decisions people made (include 1, exclude 0; maybe and rule-based
exclusions are left out, they say nothing about topic relevance)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy import Connection, func, select

from review.store import schema
from screening.decisions import latest_final
from screening.queue import eligible


@dataclass
class RankedQueue:
    order: list[int]  # undecided works, most likely relevant first
    mode_used: str  # "ranked", or what the prioritiser fell back to
    note: str  # why it fell back ("" when ranked)
    expected_remaining: Optional[float]  # relevant works expected among the unscreened
    stopping: str = ""  # the heuristic stopping hint, as a sentence
    recall_test: Optional[object] = None  # screening.prioritise.stopping.RecallTest: the stopping criterion


def prioritiser_available() -> bool:
    try:
        import screening.prioritise  # noqa: F401
    except ImportError:
        return False
    return True


def labels(conn: Connection) -> dict[int, int]:
    final = latest_final(conn, 1)
    return {w: 1 if row["decision"] == "include" else 0 for w, row in sorted(final.items(), key=lambda kv: kv[1]["id"])
            if row["decision"] in ("include", "exclude") and not row["automatic"]}


def _inputs(conn: Connection, round_id: Optional[int]) -> tuple[list[int], list[str]]:
    work_ids = eligible(conn, 1, round_id)
    w = schema.works
    rows = conn.execute(select(w.c.id, w.c.title, w.c.abstract).where(w.c.id.in_(work_ids))) if work_ids else []
    text = {r.id: f"{r.title or ''} {r.abstract or ''}" for r in rows}
    return work_ids, [text[i] for i in work_ids]


def ranked_queue(conn: Connection, round_id: Optional[int] = None) -> Optional[RankedQueue]:
    """Trains and ranks right now (seconds on a few hundred works); None without the prioritiser."""
    try:
        from screening.prioritise import order_candidates
    except ImportError:
        return None
    work_ids, texts = _inputs(conn, round_id)
    if not work_ids:
        return RankedQueue([], "import", "nothing to screen", None)
    known = set(work_ids)
    labelled = {k: v for k, v in labels(conn).items() if k in known}
    order, info = order_candidates(work_ids, texts, labelled, "ranked")
    return RankedQueue(list(order), info.mode_used, info.reason, info.expected_remaining)


def background_ranker(conn: Connection, round_id: Optional[int] = None, protocol=None):
    """A ranker that retrains in a worker thread (``screening.prioritise.background``), for one set
    of stage-1 works; None without the prioritiser. The caller keeps it and closes it. With the
    ``protocol``, the queue starts in the protocol's order (cold start) and the stopping criterion uses
    its recall target and confidence."""
    try:
        from screening.prioritise.background import BackgroundRanker
        from screening.prioritise.cold_start import ProtocolTerms
    except ImportError:
        return None
    work_ids, texts = _inputs(conn, round_id)
    if protocol is None:
        return BackgroundRanker(work_ids, texts)
    return BackgroundRanker(work_ids, texts, protocol_terms=ProtocolTerms.from_protocol(protocol),
                            recall_target=protocol.recall_target, confidence=protocol.confidence)


def ranked_from(conn: Connection, ranker) -> RankedQueue:
    """The queue from the ranker's latest finished ranking; never waits for training (until the
    first ranking is ready the prioritiser serves its random order and says so)."""
    known = set(ranker.work_ids)
    labelled = {k: v for k, v in labels(conn).items() if k in known}
    order, info = ranker.next_work(labelled, "ranked", history=list(labelled))
    advice = getattr(info.stopping, "message", "") if getattr(info, "stopping", None) else ""
    return RankedQueue(list(order), info.mode_used, info.reason, info.expected_remaining, advice,
                       getattr(info, "recall_test", None))


def works_signature(conn: Connection) -> tuple[int, int]:
    """Changes whenever works are added or merged: a cache key for a shuffled order."""
    w = schema.works
    row = conn.execute(select(func.count(w.c.id), func.max(w.c.id)).where(w.c.merged_into.is_(None))).one()
    return int(row[0]), int(row[1] or 0)
