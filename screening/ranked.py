"""Stage-1 queue in ranked order, from the prioritiser (``screening.prioritise``) when it is installed.

The labels are the final stage-1 decisions people made, alone or as two who agreed (include 1,
exclude 0; maybe and rule-based exclusions are left out, they say nothing about topic relevance)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy import Connection

from review.store.decisions import people_labels
from review.store.works import (
    work_texts,
    works_signature,  # noqa: F401  (re-exported: the cache key of an order)
)
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
    """Stage-1 decisions people made (one reviewer, two who agreed, the lead), in the order made."""
    return people_labels(conn, 1)


def _inputs(conn: Connection, round_id: Optional[int]) -> tuple[list[int], list[str]]:
    work_ids = eligible(conn, 1, round_id)
    return work_ids, work_texts(conn, work_ids)


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
