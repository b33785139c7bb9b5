"""When may a reviewer stop screening a ranked queue? A heuristic, shown as advice only.

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
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

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
        return "fewer than 1 relevant work"
    n = round(expected_remaining)
    return f"about {n} relevant work{'s' if n != 1 else ''}"


@dataclass(frozen=True)
class StoppingAdvice:
    stop: bool
    consecutive_exclusions: int
    exclusions_needed: int
    expected_remaining: float | None  # None: no model (random order or too few decisions)
    message: str


def stopping_advice(history: Sequence[int], n_records: int,
                    expected_remaining: float | None) -> StoppingAdvice:
    """Advise whether screening may stop; ``history`` holds 1/0 in the order decisions were made."""
    run = consecutive_exclusions(history)
    needed = exclusion_run_needed(n_records)
    if expected_remaining is None:
        return StoppingAdvice(False, run, needed, None,
                              "No model estimate yet (random order or too few decisions): keep screening.")
    run_ok = run >= needed
    estimate_ok = expected_remaining < MAX_EXPECTED_REMAINING
    includes = sum(1 for label in history if label == 1)
    if includes < MIN_INCLUDES_FOR_ADVICE:
        return StoppingAdvice(False, run, needed, expected_remaining,
                              f"Only {includes} include(s) so far; no advice to stop before "
                              f"{MIN_INCLUDES_FOR_ADVICE}: keep screening.")
    left = relevant_left_text(expected_remaining)
    if run_ok and estimate_ok:
        message = (f"{run} exclusions in a row (needed {needed}) and the model expects "
                   f"{left} left: you may consider stopping.")
    elif run_ok:
        message = f"{run} exclusions in a row, but the model still expects {left} left: keep screening."
    else:
        message = f"{run} of {needed} exclusions in a row so far; the model expects {left} left: keep screening."
    return StoppingAdvice(run_ok and estimate_ok, run, needed, expected_remaining, message)
