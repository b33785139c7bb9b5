"""When may a reviewer stop screening a ranked queue?

Two answers, kept apart because only one of them is a statement a methods section can make:

* ``recall_stopping_test``: the statistical criterion of Callaghan and Müller-Hansen (2020). It tests
  the null hypothesis "recall is below the target" from the most recent decisions and says when it can
  be rejected at the chosen confidence. This is the stopping rule; its statement goes into the report.
* ``stopping_advice``: a heuristic **hint** (a long run of exclusions plus the model's estimate of what
  is left), shown beside the test and never reported as a criterion.

The heuristic, in more detail:

The idea (used widely with active-learning screening tools, e.g. the "data-driven" rule
in the ASReview community and the SAFE procedure of Boetje & van de Schoot, 2024) is that once
the model has run out of promising records, relevant ones become rare at the top of the queue,
so a long unbroken run of exclusions is evidence that few relevant records are left. A fixed run
length is too short for large sets and too long for small ones, so the run scales with the set.

We pair the run with the model's own estimate of what is left, so that the advice is not given
while the model still expects relevant records among those not yet screened.
Both conditions must hold. The advice never stops anything: the reviewer decides.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from review.messages import Message

DEFAULT_RECALL_TARGET = 0.95
DEFAULT_CONFIDENCE = 0.95


@dataclass(frozen=True)
class RecallTest:
    """The outcome of the hypergeometric test after a sequence of decisions."""

    p_value: float  # for "recall is below the target"; 1.0 when nothing could be tested yet
    recall_target: float
    confidence: float
    screened: int
    relevant_found: int
    total: int
    sample_size: int  # how many of the latest decisions formed the sample that gave ``p_value``

    @property
    def reached(self) -> bool:
        return self.p_value < 1 - self.confidence

    def statement(self) -> str:
        """One sentence for the screen and the methods section."""
        figures = {
            "target": f"{self.recall_target:.0%}",
            "confidence": f"{self.confidence:.0%}",
            "p": f"{self.p_value:.3f}",
            "screened": self.screened,
            "total": self.total,
            "found": self.relevant_found,
        }
        if self.reached:
            return Message(
                "The recall target of {target} was reached at {confidence} confidence (hypergeometric stopping "
                "test, p = {p}) after {screened} of {total} records were screened and {found} relevant records "
                "found.",
                **figures,
            )
        return Message(
            'Recall of {target} cannot yet be claimed at {confidence} confidence: p = {p} for "recall is below '
            '{target}" after {screened} of {total} records ({found} relevant found); keep screening.',
            **figures,
        )


def recall_stopping_test(
    history: Sequence[int] | np.ndarray,
    total: int,
    recall_target: float = DEFAULT_RECALL_TARGET,
    confidence: float = DEFAULT_CONFIDENCE,
) -> RecallTest:
    """Callaghan and Müller-Hansen's (2020) test of H0 "recall < target", our own implementation.

    ``history`` holds 1 (relevant) or 0 for the screened records in the order they were screened;
    ``total`` is the number of records in the set. For each n, the last n screened records are taken as
    a sample drawn at random from the "urn" they came from (those n plus every unscreened record). If
    recall were below the target, the urn would hold at least ``K = floor(found / target - found_before)
    + 1`` relevant records, where ``found_before`` are those found before the sample. The p-value for
    that n is the probability of drawing at most the relevant records actually seen in the sample from
    such an urn (the hypergeometric CDF). The test reports the smallest p over all n, as the authors do.
    The sample is only random if the ranking has stopped finding anything the model prefers, which is
    why the test is meant for the tail of a ranked screening (and holds trivially for random order).
    """
    from scipy.stats import hypergeom  # scipy loads slowly; only a stopping check needs it

    if not 0 < recall_target < 1 or not 0 < confidence < 1:
        raise ValueError("recall_target and confidence must lie strictly between 0 and 1")
    labels = np.asarray(history, dtype=int)
    screened = int(labels.size)
    if screened > total:
        raise ValueError("more records screened than the set holds")
    found = int(labels.sum())
    best_p, best_n = 1.0, 0
    if screened and found:
        n = np.arange(1, screened + 1)  # every sample size at once: one vectorised CDF call
        k = np.cumsum(labels[::-1])  # relevant among the last n
        urn = total - (screened - n)
        needed = np.floor(found / recall_target - (found - k)) + 1
        # An urn that cannot hold that many relevant records refutes "recall < target" outright.
        p_values = np.where(needed > urn, 0.0, hypergeom.cdf(k, urn, np.minimum(needed, urn), n))
        best = int(np.argmin(p_values))
        if p_values[best] < 1.0:
            best_p, best_n = float(p_values[best]), best + 1
    return RecallTest(best_p, recall_target, confidence, screened, found, total, best_n)


# Run of consecutive exclusions: at least this many records ...
MIN_EXCLUSION_RUN = 50
# ... and at least this share of all records in the stage-1 set.
EXCLUSION_RUN_SHARE = 0.05
# The model must expect fewer than this many relevant records among the unscreened.
MAX_EXPECTED_REMAINING = 1.0
# No advice to stop before this many includes: with fewer, neither the model nor its calibration
# has seen enough. Added after the benchmark's SkeletalMuscleRelaxants set (9 relevant in 1,643)
# drew a stop after 6.7 % screened with 1 include found.
MIN_INCLUDES_FOR_ADVICE = 5


def exclusion_run_needed(n_records: int) -> int:
    """N = max(50, 5 % of the set), capped at the set size."""
    return min(n_records, max(MIN_EXCLUSION_RUN, math.ceil(EXCLUSION_RUN_SHARE * n_records)))


def consecutive_exclusions(history: Iterable[int]) -> int:
    """Length of the run of 0s at the end of the decisions in the order they were made."""
    run = 0
    for label in history:
        run = run + 1 if label == 0 else 0
    return run


def estimate_relevant_remaining(probabilities: Sequence[float] | np.ndarray) -> float:
    """Expected number of relevant records among the unscreened: the sum of their probabilities.

    The probabilities should be calibrated (``screening.prioritise.model.calibrated_probabilities``): the
    raw model probabilities carry the include rate of the screened records, which ranked screening
    inflates, and their sum then overstates what is left many times over.
    """
    values = np.asarray(probabilities, dtype=float)
    if values.size and (np.any(values < 0) or np.any(values > 1) or not np.all(np.isfinite(values))):
        raise ValueError("probabilities must lie in [0, 1]")
    return float(values.sum())


def relevant_left_text(expected_remaining: float) -> str:
    """The model's estimate as a reviewer reads it: a whole number of works (a sum of
    probabilities such as 2.37 is an expectation, and decimals suggest a precision it lacks)."""
    if expected_remaining < 0.5:
        return Message("fewer than 1 relevant work")
    n = round(expected_remaining)
    return Message("about {n} relevant works", n=n) if n != 1 else Message("about 1 relevant work")


@dataclass(frozen=True)
class StoppingAdvice:
    stop: bool
    consecutive_exclusions: int
    exclusions_needed: int
    expected_remaining: float | None  # None: no model (random order or too few decisions)
    message: str


def stopping_advice(history: Sequence[int], n_records: int, expected_remaining: float | None) -> StoppingAdvice:
    """Advise whether screening may stop; ``history`` holds 1/0 in the order decisions were made."""
    run = consecutive_exclusions(history)
    needed = exclusion_run_needed(n_records)
    if expected_remaining is None:
        return StoppingAdvice(
            False,
            run,
            needed,
            None,
            Message("No model estimate yet (random order or too few decisions): keep screening."),
        )
    run_ok = run >= needed
    estimate_ok = expected_remaining < MAX_EXPECTED_REMAINING
    includes = sum(1 for label in history if label == 1)
    if includes < MIN_INCLUDES_FOR_ADVICE:
        return StoppingAdvice(
            False,
            run,
            needed,
            expected_remaining,
            Message(
                "Only {includes} include(s) so far; no advice to stop before {minimum}: keep screening.",
                includes=includes,
                minimum=MIN_INCLUDES_FOR_ADVICE,
            ),
        )
    left = relevant_left_text(expected_remaining)
    if run_ok and estimate_ok:
        message = Message(
            "{run} exclusions in a row (needed {needed}) and the model expects {left} left: you may consider stopping.",
            run=run,
            needed=needed,
            left=left,
        )
    elif run_ok:
        message = Message(
            "{run} exclusions in a row, but the model still expects {left} left: keep screening.", run=run, left=left
        )
    else:
        message = Message(
            "{run} of {needed} exclusions in a row so far; the model expects {left} left: keep screening.",
            run=run,
            needed=needed,
            left=left,
        )
    return StoppingAdvice(run_ok and estimate_ok, run, needed, expected_remaining, message)
