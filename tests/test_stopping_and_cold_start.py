"""The statistical stopping criterion and the protocol-ordered cold start (synthetic data only)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from review.errors import ReviewError
from screening.prioritise import order_candidates
from screening.prioritise.cold_start import ProtocolTerms, protocol_scores
from screening.prioritise.stopping import recall_stopping_test


def brute_force_p(history, total, target):
    """The same test written out with binomial coefficients, one sample size at a time."""
    screened, found = len(history), sum(history)
    best = 1.0
    for n in range(1, screened + 1):
        k = sum(history[screened - n :])
        urn = total - (screened - n)
        needed = math.floor(found / target - (found - k)) + 1
        if needed > urn:
            p = 0.0
        else:
            p = sum(math.comb(needed, j) * math.comb(urn - needed, n - j) for j in range(0, k + 1)) / math.comb(urn, n)
        best = min(best, p)
    return best


@pytest.mark.parametrize(
    "history, total, target",
    [
        ([1, 1, 0, 1, 0, 0, 0, 0, 0, 0], 30, 0.8),
        ([1] * 8 + [0] * 40, 60, 0.95),
        ([0, 1, 0, 0, 1, 1, 0, 1] + [0] * 25, 45, 0.9),
    ],
)
def test_p_value_matches_the_hypergeometric_sum(history, total, target):
    assert recall_stopping_test(history, total, target).p_value == pytest.approx(brute_force_p(history, total, target))


def test_a_long_run_of_exclusions_after_the_relevant_ones_reaches_the_target():
    history = [1] * 40 + [0] * 20
    assert not recall_stopping_test(history, 400).reached
    history = [1] * 40 + [0] * 330
    test = recall_stopping_test(history, 400)
    assert test.reached and test.p_value < 0.05
    assert "was reached at 95% confidence" in test.statement()


def test_nothing_found_or_nothing_screened_claims_nothing():
    assert recall_stopping_test([], 100).p_value == 1.0
    assert not recall_stopping_test([0] * 90, 100).reached


def test_bad_settings_are_refused():
    with pytest.raises(ValueError):
        recall_stopping_test([1, 0], 10, recall_target=1.0)
    with pytest.raises(ValueError):
        recall_stopping_test([1, 0] * 6, 10)


@pytest.mark.slow
def test_under_random_order_it_fires_with_the_target_recall_in_most_runs():
    """Random order makes the sample assumption exact, so the test's promise can be checked: stopping
    at its first "reached", recall is at or above the target in at least 95 % of runs (seeded)."""
    rng = np.random.default_rng(7)
    met = runs = 0
    for _ in range(80):
        total, relevant = 300, int(rng.integers(10, 40))
        labels = np.zeros(total, dtype=int)
        labels[:relevant] = 1
        sequence = labels[rng.permutation(total)]
        for screened in range(10, total + 1, 5):
            if recall_stopping_test(sequence[:screened], total).reached:
                runs += 1
                met += sequence[:screened].sum() / relevant >= 0.95
                break
    assert runs == 80 and met / runs >= 0.95


TERMS = ProtocolTerms(
    ((("karriereveiledning", "yrkesveiledning"), ("flyktning*", "innvandr*", "nyankomne")),), ("karriereveiledning",)
)


def test_terms_match_inside_nordic_compounds_and_across_hyphens():
    scores = protocol_scores(
        TERMS,
        [
            "Veiledning av overføringsflyktninger",  # flyktning* as the second part of a compound
            "Arbeidsinnvandrere og karriere-veiledning",  # both groups; hyphen as nothing
            "Fiskeoppdrett i Nord-Norge",
        ],
    )
    assert scores[0] > 0 and scores[1] > scores[0] and scores[2] == 0


def test_a_short_stem_does_not_match_inside_words():
    terms = ProtocolTerms(((("bo",),),))
    assert protocol_scores(terms, ["bolig og arbeid"]) == [0.0]
    assert protocol_scores(terms, ["de som bo i byen"])[0] > 0


def test_before_the_first_include_the_protocol_orders_the_queue():
    texts = ["Fiskeoppdrett", "Boligpolitikk", "Karriereveiledning for nyankomne flyktninger", "Skolemat"]
    ids = [10, 11, 12, 13]
    scores = protocol_scores(TERMS, texts)
    ordered, info = order_candidates(ids, texts, {10: 0}, "ranked", prior_scores=scores)
    assert ordered[0] == 12 and info.mode_used == "protocol"
    # without protocol scores the queue is random, and says so
    _, info = order_candidates(ids, texts, {10: 0}, "ranked")
    assert info.mode_used == "random"
    # once an include and an exclude exist the model takes over
    _, info = order_candidates(ids, texts, {10: 0, 12: 1}, "ranked", prior_scores=scores)
    assert info.mode_used == "ranked" and info.recall_test is not None


def test_the_protocol_states_the_stopping_targets(tmp_path):
    from review.bundled import write_starter_protocol
    from review.protocol import load_protocol

    write_starter_protocol(tmp_path / "r")
    protocol = load_protocol(tmp_path / "r")
    assert (protocol.recall_target, protocol.confidence) == (0.95, 0.95)
    toml = tmp_path / "r" / "review.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace("recall_target = 0.95", "recall_target = 95"), encoding="utf-8"
    )
    with pytest.raises(ReviewError, match="recall_target"):
        load_protocol(tmp_path / "r")
