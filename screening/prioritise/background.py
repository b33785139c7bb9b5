"""Retrain the relevance model in a worker thread so that asking for the next record never waits.

The UI calls ``submit`` after each decision and ``next_work`` whenever it needs the queue. The
worker always trains on the newest decisions it has been given (older pending requests are
dropped), and ``next_work`` serves the latest *finished* ranking with the since-decided works
taken out. A ranking a few decisions old is fine; a reviewer staring at a spinner is not.
Until the first ranking exists, the queue falls back to random order (recorded as such).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass

from review.messages import Message
from screening.prioritise import QueueInfo, order_candidates
from screening.prioritise.cold_start import ProtocolTerms, protocol_scores
from screening.prioritise.model import DEFAULT_SETTINGS, Features, ModelSettings
from screening.prioritise.stopping import DEFAULT_CONFIDENCE, DEFAULT_RECALL_TARGET

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Ranking:
    ordered: list  # undecided work ids when the ranking was made, best first
    info: QueueInfo
    trained_on: dict  # the decisions the model was trained on
    finished_at: float  # time.monotonic()


class BackgroundRanker:
    """One per stage-1 work set; make a new one when works are added (a new import)."""

    def __init__(
        self,
        work_ids: Sequence,
        texts: Sequence[str],
        *,
        settings: ModelSettings | None = None,
        seed: int = 0,
        order_fn: Callable = order_candidates,
        protocol_terms: ProtocolTerms | None = None,
        recall_target: float = DEFAULT_RECALL_TARGET,
        confidence: float = DEFAULT_CONFIDENCE,
    ):
        self.work_ids = list(work_ids)
        self.texts = list(texts)
        self.settings = settings or DEFAULT_SETTINGS
        self.seed = seed
        self.protocol_terms = protocol_terms  # for the cold start, scored in the worker thread
        self._prior_scores: list[float] | None = None
        self.recall_target, self.confidence = recall_target, confidence
        self._order_fn = order_fn
        self._features: Features | None = None
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._pending: tuple[dict, list | None] | None = None
        self._busy = False
        self._closed = False
        self._latest: Ranking | None = None
        self.error: BaseException | None = None  # the last failure; the previous ranking stays served
        self.retrains = 0
        self._thread = threading.Thread(target=self._run, name="background-ranker", daemon=True)
        self._thread.start()

    # ---- called from the UI thread: never blocks on training ----
    def submit(self, labelled: Mapping[Hashable, int], history: Sequence | None = None) -> None:
        """Ask for a ranking trained on these decisions; replaces any request not yet started."""
        with self._wake:
            self._pending = (dict(labelled), list(history) if history is not None else None)
            self._wake.notify()

    def latest(self) -> Ranking | None:
        with self._lock:
            return self._latest

    def next_work(
        self, labelled: Mapping[Hashable, int], mode: str = "ranked", history: Sequence | None = None
    ) -> tuple[list, QueueInfo]:
        """The queue to show now. In ranked mode: the latest finished ranking minus works decided
        since, and a retrain is requested if the ranking is older than the decisions."""
        if mode != "ranked":
            return order_candidates(self.work_ids, self.texts, labelled, mode, history=history, seed=self.seed)
        ranking = self.latest()
        if ranking is None or ranking.trained_on != dict(labelled):
            self.submit(labelled, history)
        if ranking is None:
            ordered, info = order_candidates(
                self.work_ids, self.texts, labelled, "random", history=history, seed=self.seed
            )
            info.mode_requested = "ranked"
            info.reason = Message("the first ranking is still being computed")
            return ordered, info
        return [w for w in ranking.ordered if w not in labelled], ranking.info

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Block until no request is pending or running (for tests and scripts, not the UI)."""
        deadline = time.monotonic() + timeout
        with self._wake:
            while self._pending is not None or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._wake.wait(min(left, 0.05))
        return True

    def close(self) -> None:
        with self._wake:
            self._closed = True
            self._wake.notify_all()
        self._thread.join(timeout=5)

    def __enter__(self) -> BackgroundRanker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- worker thread ----
    def _run(self) -> None:
        while True:
            with self._wake:
                while self._pending is None and not self._closed:
                    self._wake.wait()
                if self._closed:
                    return
                pending = self._pending
                if pending is None:  # woken without work (the loop above waits for it)
                    continue
                labelled, history = pending
                self._pending = None
                self._busy = True
            try:
                ranking = self._rank(labelled, history)
                with self._lock:
                    self._latest = ranking
                    self.retrains += 1
                    self.error = None
            except Exception as exc:  # a failed retrain must not kill the worker or the queue
                log.exception("background ranking failed; serving the previous ranking")
                with self._lock:
                    self.error = exc
            finally:
                with self._wake:
                    self._busy = False
                    self._wake.notify_all()

    def _rank(self, labelled: dict, history: list | None) -> Ranking:
        kwargs: dict = {}
        if self._order_fn is order_candidates:
            if self._prior_scores is None and self.protocol_terms is not None:
                self._prior_scores = protocol_scores(self.protocol_terms, self.texts)
            if self._features is None:  # a model with protocol_weight reads the protocol's scores too
                self._features = Features(self.texts, self.settings, self._prior_scores)
            kwargs = {
                "features": self._features,
                "settings": self.settings,
                "prior_scores": self._prior_scores,
                "recall_target": self.recall_target,
                "confidence": self.confidence,
            }
        ordered, info = self._order_fn(
            self.work_ids, self.texts, labelled, "ranked", history=history, seed=self.seed, **kwargs
        )
        return Ranking(ordered, info, labelled, time.monotonic())
