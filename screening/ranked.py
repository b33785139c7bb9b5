"""Stage-1 queue in ranked order, from the prioritiser (``screening.prioritise``) when it is installed.

The labels are the final stage-1 decisions people made, alone or as two who agreed (include 1,
exclude 0; maybe and rule-based exclusions are left out, they say nothing about topic relevance)."""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from review.messages import Message
from review.store.decisions import people_labels
from review.store.works import (
    work_texts,
    works_signature,  # noqa: F401  (re-exported: the cache key of an order)
)
from screening.queue import eligible

if TYPE_CHECKING:  # scikit-learn loads only when ranked order is asked for
    from screening.prioritise.background import BackgroundRanker

log = logging.getLogger(__name__)
WAITING = Message("Random order until the model is ready")  # what the page says while no ranking exists


@dataclass
class RankedQueue:
    order: list[int]  # undecided works, most likely relevant first
    mode_used: str  # "ranked", or what the prioritiser fell back to
    note: str  # why it fell back ("" when ranked)
    expected_remaining: float | None  # relevant works expected among the unscreened
    stopping: str = ""  # the heuristic stopping hint, as a sentence
    recall_test: object | None = None  # screening.prioritise.stopping.RecallTest: the stopping criterion
    estimate: str = ""  # expected_remaining as the reviewer reads it ("about 3 relevant works")


def prioritiser_available() -> bool:
    """Whether the prioritiser can be imported, found without importing it (the model library
    takes seconds to import; that happens in the ranker's own thread)."""
    return all(importlib.util.find_spec(name) is not None for name in ("numpy", "sklearn"))


def labels(conn: Connection) -> dict[int, int]:
    """Stage-1 decisions people made (one reviewer, two who agreed, the lead), in the order made."""
    return people_labels(conn, 1)


def _inputs(conn: Connection, round_id: int | None) -> tuple[list[int], list[str]]:
    work_ids = eligible(conn, 1, round_id)
    return work_ids, work_texts(conn, work_ids)


def ranked_queue(conn: Connection, round_id: int | None = None) -> RankedQueue | None:
    """Trains and ranks right now (seconds on a few hundred works); None without the prioritiser."""
    try:
        from screening.prioritise import order_candidates
    except ImportError:
        return None
    work_ids, texts = _inputs(conn, round_id)
    if not work_ids:
        return RankedQueue([], "import", Message("nothing to screen"), None)
    known = set(work_ids)
    labelled = {k: v for k, v in labels(conn).items() if k in known}
    order, info = order_candidates(work_ids, texts, labelled, "ranked")
    return RankedQueue(list(order), info.mode_used, info.reason, info.expected_remaining)


def background_ranker(conn: Connection, round_id: int | None = None, protocol=None):
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
    return BackgroundRanker(
        work_ids,
        texts,
        protocol_terms=ProtocolTerms.from_protocol(protocol),
        recall_target=protocol.recall_target,
        confidence=protocol.confidence,
    )


def ranked_from(conn: Connection, ranker) -> RankedQueue:
    """The queue from the ranker's latest finished ranking; never waits for training (until the
    first ranking is ready the prioritiser serves its random order and says so)."""
    known = set(ranker.work_ids)
    labelled = {k: v for k, v in labels(conn).items() if k in known}
    from screening.prioritise.stopping import relevant_left_text  # imported already by the ranker

    order, info = ranker.next_work(labelled, "ranked", history=list(labelled))
    advice = getattr(info.stopping, "message", "") if getattr(info, "stopping", None) else ""
    estimate = relevant_left_text(info.expected_remaining) if info.expected_remaining is not None else ""
    return RankedQueue(
        list(order),
        info.mode_used,
        info.reason,
        info.expected_remaining,
        advice,
        getattr(info, "recall_test", None),
        estimate,
    )


class RankerStarter:
    """Builds a background ranker in a thread of its own and hands it out once it exists.

    Importing the model library and reading every text took 10.7 s on the first switch to ranked
    order, with the page blocked; now the page asks ``ranker`` (None until built) and shows
    random order meanwhile."""

    def __init__(self, build: Callable[[], BackgroundRanker | None]):
        self._ranker: BackgroundRanker | None = None
        self._built = threading.Event()
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._build, args=(build,), name="ranker-start", daemon=True)
        self._thread.start()

    def _build(self, build: Callable[[], BackgroundRanker | None]) -> None:
        try:
            self._ranker = build()
        except Exception as exc:  # the queue falls back to random order and says why
            log.exception("the ranker could not be started")
            self.error = exc
        finally:
            self._built.set()

    @property
    def ranker(self):
        return self._ranker if self._built.is_set() else None

    def wait(self, timeout: float = 60.0) -> bool:
        """For tests and scripts; the page never waits."""
        return self._built.wait(timeout)

    def close(self) -> None:
        self._thread.join(timeout=60)
        if self._ranker is not None:
            self._ranker.close()


def start_ranker(store, round_id: int | None = None, protocol=None) -> RankerStarter:
    """A ``RankerStarter`` over the stage-1 works of a store (``background_ranker`` in a thread)."""

    def build():
        with store.read() as conn:
            return background_ranker(conn, round_id, protocol=protocol)

    return RankerStarter(build)
