"""Replay screening on a labelled set to measure how well an ordering finds the relevant records.

Used by ``benchmarks/prioritisation.py``; kept here, beside the model, so that the metrics and the
replay loop have unit tests of their own.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from screening.prioritise.model import ModelSettings, calibrated_probabilities, score_matrix
from screening.prioritise.stopping import (
    consecutive_exclusions,
    estimate_relevant_remaining,
    exclusion_run_needed,
    recall_stopping_test,
    stopping_advice,
)


def batch_size(n_records: int) -> int:
    """Records screened between two retrains in a simulation: every decision up to 200 records,
    then 0.5 % of the set (13 for 2,544). Keeps a full benchmark run within the time budget."""
    return max(1, math.ceil(n_records / 200))


def wss(order: Sequence[int], labels: np.ndarray, recall: float = 0.95) -> float:
    """Work saved over sampling at ``recall``: share of records not screened when ``recall`` of the
    relevant ones have been found, minus the share (1 - recall) random order would save."""
    labels = np.asarray(labels)
    n, n_relevant = len(labels), int(labels.sum())
    target = math.ceil(recall * n_relevant)
    found = np.cumsum(labels[np.asarray(order, dtype=int)])
    reached = np.nonzero(found >= target)[0]
    if not len(reached):
        raise ValueError("the order does not reach the requested recall")
    screened = int(reached[0]) + 1
    return (n - screened) / n - (1 - recall)


def recall_after(order: Sequence[int], labels: np.ndarray, fraction: float = 0.10) -> float:
    labels = np.asarray(labels)
    head = np.asarray(order, dtype=int)[: math.ceil(fraction * len(labels))]
    return float(labels[head].sum() / labels.sum())


def prior_knowledge(labels: np.ndarray, seed: int, n_include: int = 1, n_exclude: int = 1) -> list[int]:
    """The records labelled before the model starts: random includes and excludes, by seed."""
    rng = np.random.default_rng(seed)
    labels = np.asarray(labels)
    includes = rng.choice(np.nonzero(labels == 1)[0], n_include, replace=False)
    excludes = rng.choice(np.nonzero(labels == 0)[0], n_exclude, replace=False)
    return [int(i) for i in includes] + [int(i) for i in excludes]


def first_labels(start_order: Sequence[int], labels: np.ndarray) -> list[int]:
    """The head of ``start_order`` up to and including the first include and the first exclude: what a
    team screens before the model can train (the rest of the queue then follows the model)."""
    labels = np.asarray(labels)
    head: list[int] = []
    seen: set[int] = set()
    for index in start_order:
        head.append(int(index))
        seen.add(int(labels[index]))
        if seen == {0, 1}:
            break
    return head


def random_order(n_records: int, prior: Sequence[int], seed: int) -> list[int]:
    rest = np.setdiff1d(np.arange(n_records), np.asarray(prior, dtype=int))
    return list(prior) + [int(i) for i in np.random.default_rng(seed).permutation(rest)]


@dataclass
class Simulation:
    order: list[int]  # record positions in the order they were screened
    retrain_seconds: list[float] = field(default_factory=list)
    stop_at: int | None = None  # records screened when the heuristic hint first said stop
    criterion_at: int | None = None  # records screened when the statistical criterion was first met


def simulate(
    matrix,
    labels: np.ndarray,
    prior: Sequence[int],
    settings: ModelSettings,
    batch: int | None = None,
    follow_stopping: bool = True,
    limit: int | None = None,
    hint: bool = True,
) -> Simulation:
    """Screen in model order, retraining after every ``batch`` decisions.

    Runs until every relevant record is found and, with ``follow_stopping``, until both the heuristic
    hint and the statistical criterion have fired (so their recall and effort can be measured), or the
    set is exhausted. ``limit``: stop once this many records are screened (for early-recall figures).
    ``hint=False`` leaves the heuristic out (its calibrated estimate costs five extra fits per check), so
    only the statistical criterion is followed.
    """
    labels = np.asarray(labels, dtype=int)
    n, n_relevant = len(labels), int(labels.sum())
    batch = batch or batch_size(n)
    order = list(prior)
    pool = np.ones(n, dtype=bool)
    pool[order] = False
    result = Simulation(order=order)
    found = int(labels[order].sum())
    needed = exclusion_run_needed(n)
    while pool.any() and (limit is None or len(order) < limit):
        if follow_stopping and result.criterion_at is None and recall_stopping_test(labels[order], n).reached:
            result.criterion_at = len(order)
        hint_done = result.stop_at is not None or not hint
        stopped = hint_done and result.criterion_at is not None
        if found == n_relevant and (not follow_stopping or stopped):
            break
        if found == n_relevant and hint_done:
            # Only the criterion is left to fire, and it reads labels alone: every record left is
            # irrelevant, so the order of the rest does not matter and no model is needed.
            for index in np.nonzero(pool)[0][:batch]:
                order.append(int(index))
                pool[index] = False
            continue
        started = time.perf_counter()
        pool_idx = np.nonzero(pool)[0]
        x_labelled, y, x_pool = matrix[order], labels[order], matrix[pool_idx]
        scores = score_matrix(x_labelled, y, x_pool, settings)
        result.retrain_seconds.append(time.perf_counter() - started)
        if follow_stopping and hint and result.stop_at is None and consecutive_exclusions(y) >= needed:
            # the costly calibrated estimate is only needed once the run of exclusions is long enough
            expected = estimate_relevant_remaining(
                calibrated_probabilities(x_labelled, y, x_pool, settings, raw=scores)
            )
            if stopping_advice(y.tolist(), n, expected).stop:
                result.stop_at = len(order)
        for rank_pos in np.argsort(-scores, kind="stable")[:batch]:
            index = int(pool_idx[rank_pos])
            order.append(index)
            pool[index] = False
            found += int(labels[index])
    order.extend(int(i) for i in np.nonzero(pool)[0])  # unscreened tail, in file order
    return result
