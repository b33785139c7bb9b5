"""Screening simulation and its metrics. Labels and texts are SYNTHETIC."""

import numpy as np
import pytest

from screening.prioritise.model import DEFAULT_SETTINGS, Features
from screening.prioritise.simulate import batch_size, prior_knowledge, random_order, recall_after, simulate, wss
from tests.prioritise_corpus import make_corpus


def test_wss_of_perfect_and_worst_orders():
    labels = np.array([0] * 90 + [1] * 10)
    perfect = list(range(90, 100)) + list(range(90))
    worst = list(range(100))
    # perfect: 95 % of 10 -> 10 relevant found after 10 records: (100 - 10)/100 - 0.05
    assert wss(perfect, labels) == pytest.approx(0.85)
    assert wss(worst, labels) == pytest.approx(-0.05)


def test_recall_after_fraction():
    labels = np.array([1, 0, 1, 0, 0, 0, 0, 0, 0, 1])
    assert recall_after([0, 2, 1, 3, 4, 5, 6, 7, 8, 9], labels, 0.2) == pytest.approx(2 / 3)
    assert recall_after(list(range(10)), labels, 0.1) == pytest.approx(1 / 3)


def test_wss_refuses_an_order_that_never_reaches_the_recall():
    with pytest.raises(ValueError):
        wss([0, 1], np.array([0, 0, 1]))


def test_prior_knowledge_is_seeded_and_has_one_of_each():
    labels = np.array([0, 1] * 20)
    a, b = prior_knowledge(labels, 3), prior_knowledge(labels, 3)
    assert a == b and labels[a[0]] == 1 and labels[a[1]] == 0


def test_random_order_starts_with_prior_and_covers_everything():
    order = random_order(10, [4, 7], seed=1)
    assert order[:2] == [4, 7] and sorted(order) == list(range(10))


def test_batch_size_is_one_for_small_sets():
    assert batch_size(150) == 1 and batch_size(2544) == 13


@pytest.mark.slow
def test_simulation_beats_random_on_separable_synthetic_data():
    texts, labels = make_corpus(15, 285, seed=5)
    labels = np.array(labels)
    features = Features(texts, DEFAULT_SETTINGS)
    prior = prior_knowledge(labels, 0)
    result = simulate(features.matrix, labels, prior, DEFAULT_SETTINGS, batch=1)
    assert sorted(result.order) == list(range(len(labels)))
    assert result.order[:2] == prior
    assert wss(result.order, labels) > 0.8
    assert wss(random_order(len(labels), prior, 0), labels) < wss(result.order, labels)
    assert result.retrain_seconds and all(s > 0 for s in result.retrain_seconds)
    # the stopping advice fires once all are found and a run of >= 50 exclusions has passed
    assert result.stop_at is not None
    assert labels[result.order[: result.stop_at]].sum() == labels.sum()
    assert result.stop_at < len(labels)
