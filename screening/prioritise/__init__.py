"""Order the stage-1 (title/abstract) queue: by predicted relevance, at random, or as imported.

``order_candidates`` is what the screening queue calls. Ranked order needs at least
``MIN_INCLUDES`` includes and ``MIN_EXCLUDES`` excludes among the decisions so far; until then it
orders by the protocol's own terms when the caller gives their scores (``cold_start``, mode
"protocol"), else falls back to random order, and says so in ``QueueInfo``. The mode actually used is meant to be
stored with each decision (``decisions.order_mode``), so a report can tell which records were
screened in which order. Model details: ``screening.prioritise.model``; stopping advice:
``screening.prioritise.stopping``; retraining off the request path: ``screening.prioritise.background``.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from review.messages import Message
from screening.prioritise.model import (
    DEFAULT_SETTINGS,
    Features,
    ModelSettings,
    calibrated_probabilities,
    rank,
    score_matrix,
)
from screening.prioritise.stopping import (
    DEFAULT_CONFIDENCE,
    DEFAULT_RECALL_TARGET,
    RecallTest,
    StoppingAdvice,
    estimate_relevant_remaining,
    recall_stopping_test,
    stopping_advice,
)

ORDER_MODES = ("random", "ranked", "import")  # what a reviewer may ask for
# What decisions.order_mode may record: the modes above, plus "protocol" for the cold start that ranked
# order uses before the model can train.
ORDERS_USED = ORDER_MODES + ("protocol",)
MIN_INCLUDES = 1  # a model needs an example of each class; one of each is enough to start,
MIN_EXCLUDES = 1  # and the ranking improves with every decision after that

__all__ = [
    "ORDER_MODES",
    "ORDERS_USED",
    "MIN_INCLUDES",
    "MIN_EXCLUDES",
    "QueueInfo",
    "order_candidates",
    "rank",
    "estimate_relevant_remaining",
    "stopping_advice",
    "recall_stopping_test",
    "RecallTest",
]


@dataclass
class QueueInfo:
    mode_requested: str
    mode_used: str  # what to record in decisions.order_mode
    reason: str  # why mode_used differs from mode_requested ("" when it does not)
    n_labelled: int
    n_includes: int
    expected_remaining: float | None  # relevant records expected among the unscreened
    stopping: StoppingAdvice  # the heuristic hint
    scores: dict = field(default_factory=dict)  # work id -> probability of relevance (ranked only)
    recall_test: RecallTest | None = None  # the statistical stopping criterion over the decisions so far


def ready_for_ranking(labelled: Mapping[Any, int]) -> bool:
    includes = sum(1 for v in labelled.values() if v == 1)
    return includes >= MIN_INCLUDES and len(labelled) - includes >= MIN_EXCLUDES


def _check(work_ids: Sequence, texts: Sequence[str], labelled: Mapping, mode: str) -> None:
    if mode not in ORDER_MODES:
        raise ValueError(f"unknown order mode {mode!r}; use one of {', '.join(ORDER_MODES)}")
    if len(work_ids) != len(texts):
        raise ValueError("work_ids and texts differ in length")
    if len(set(work_ids)) != len(work_ids):
        raise ValueError("work_ids contains duplicates")
    known = set(work_ids)
    unknown = [w for w in labelled if w not in known]
    if unknown:
        raise ValueError(f"labelled works not among work_ids: {unknown[:5]}")
    bad = [w for w, v in labelled.items() if v not in (0, 1)]
    if bad:
        raise ValueError(f"labels must be 0 (exclude) or 1 (include); works {bad[:5]} are not")


def random_order(work_ids: Sequence, seed: int) -> list:
    """The same shuffle of the whole set for a given seed, so that the order of what is left stays
    put as decisions are made (only decided works drop out)."""
    shuffled = list(work_ids)
    random.Random(seed).shuffle(shuffled)
    return shuffled


def order_candidates(
    work_ids: Sequence,
    texts: Sequence[str],
    labelled: Mapping[Any, int],
    mode: str = "ranked",
    *,
    history: Sequence | None = None,
    seed: int = 0,
    settings: ModelSettings | None = None,
    features: Features | None = None,
    prior_scores: Sequence[float] | None = None,
    recall_target: float = DEFAULT_RECALL_TARGET,
    confidence: float = DEFAULT_CONFIDENCE,
) -> tuple[list, QueueInfo]:
    """Undecided works in screening order, plus what the UI shows beside the queue.

    ``work_ids``/``texts``: every work in stage 1 (decided or not), texts as title + abstract.
    ``labelled``: work id -> 1 (include) or 0 (exclude) for the decisions so far; leave "maybe"
    out. ``history``: decided work ids in the order the decisions were made (default: the order of
    ``labelled``), used for the run of exclusions in the stopping advice. ``features``: a
    ``Features`` built for exactly ``texts`` (saves refitting TF-IDF on every call).
    ``prior_scores``: the protocol's score of each text (``cold_start.protocol_scores``), used for the
    order until the model can train, and after that as a feature by a model with ``protocol_weight``
    (pass ``features`` built with the same scores). ``recall_target``/``confidence``: the stopping criterion's.
    """
    _check(work_ids, texts, labelled, mode)
    settings = settings or (features.settings if features is not None else DEFAULT_SETTINGS)
    history_ids = list(history) if history is not None else list(labelled)
    history_labels = [labelled[w] for w in history_ids if w in labelled]
    n_includes = sum(labelled.values())
    undecided_idx = [i for i, w in enumerate(work_ids) if w not in labelled]
    if prior_scores is not None and len(prior_scores) != len(work_ids):
        raise ValueError("prior_scores and work_ids differ in length")
    mode_used, reason = mode, ""
    if mode == "ranked" and not ready_for_ranking(labelled):
        cold_start = prior_scores is not None and any(
            prior_scores[i] > 0 for i, w in enumerate(work_ids) if w not in labelled
        )
        mode_used = "protocol" if cold_start else "random"
        reason = Message(
            "the model starts after at least {includes} include(s) and {excludes} exclude(s) (so far {found_includes} "
            "and {found_excludes}); until then {order}",
            includes=MIN_INCLUDES,
            excludes=MIN_EXCLUDES,
            found_includes=n_includes,
            found_excludes=len(labelled) - n_includes,
            order=Message("works matching the protocol's search terms come first")
            if cold_start
            else Message("random order"),
        )
    if mode == "ranked" and not undecided_idx:
        mode_used, reason = "import", Message("nothing left to screen")

    scores: dict = {}
    if mode_used == "ranked":
        labelled_idx = [i for i, w in enumerate(work_ids) if w in labelled]
        y = np.array([labelled[work_ids[i]] for i in labelled_idx])
        if features is not None:
            if features.size != len(work_ids):
                raise ValueError("features were built for a different set of texts")
            matrix = features.matrix
        else:
            matrix = Features(texts, settings, prior_scores).matrix
        x_labelled, x_undecided = matrix[labelled_idx], matrix[undecided_idx]
        raw = score_matrix(x_labelled, y, x_undecided, settings)
        by_score = np.argsort(-raw, kind="stable")  # ties keep the given order
        ordered = [work_ids[undecided_idx[k]] for k in by_score]
        probs = calibrated_probabilities(x_labelled, y, x_undecided, settings, raw=raw)
        scores = {work_ids[undecided_idx[k]]: float(probs[k]) for k in range(len(undecided_idx))}
        expected = estimate_relevant_remaining(probs)
    elif mode_used == "protocol":
        assert prior_scores is not None
        score_of = dict(zip(work_ids, prior_scores, strict=True))
        # Ties (often many works with no term at all) keep the random order, not the file's.
        ordered = sorted((w for w in random_order(work_ids, seed) if w not in labelled), key=lambda w: -score_of[w])
        expected = None
    else:
        pool = random_order(work_ids, seed) if mode_used == "random" else list(work_ids)
        ordered = [w for w in pool if w not in labelled]
        # In random order the screened works are a random sample: their include rate is a fair
        # estimate for the rest. Not so for import order (files are often sorted by relevance).
        expected = n_includes / len(labelled) * len(ordered) if mode_used == "random" and labelled else None
    advice = stopping_advice(history_labels, len(work_ids), expected)
    test = recall_stopping_test(history_labels, len(work_ids), recall_target, confidence)
    info = QueueInfo(mode, mode_used, reason, len(labelled), n_includes, expected, advice, scores, test)
    return ordered, info
