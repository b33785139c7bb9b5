"""BackgroundRanker: serves the latest finished ranking and never waits for a retrain.
Texts are SYNTHETIC (tests/prioritise_corpus.py)."""

import threading
import time

from screening.prioritise import order_candidates
from screening.prioritise.background import BackgroundRanker
from tests.prioritise_corpus import make_corpus


def corpus():
    texts, labels = make_corpus(10, 60, seed=3)
    return (
        [f"w{i}" for i in range(len(texts))],
        texts,
        dict(zip((f"w{i}" for i in range(len(texts))), labels, strict=True)),
    )


def seed_decisions(truth, k=2):
    inc = [w for w, y in truth.items() if y == 1][:k]
    exc = [w for w, y in truth.items() if y == 0][:k]
    return {**{w: 1 for w in inc}, **{w: 0 for w in exc}}


def test_first_request_falls_back_to_random_then_serves_the_ranking():
    ids, texts, truth = corpus()
    labelled = seed_decisions(truth)
    with BackgroundRanker(ids, texts) as ranker:
        ordered, info = ranker.next_work(labelled)
        assert info.mode_used == "random" and "still being computed" in info.reason
        assert set(ordered) == set(ids) - set(labelled)
        assert ranker.wait_idle(30)
        ordered, info = ranker.next_work(labelled)
        assert info.mode_used == "ranked"
        expected, _ = order_candidates(ids, texts, labelled, "ranked")
        assert ordered == expected


def test_request_does_not_block_while_a_slow_retrain_runs():
    ids, texts, truth = corpus()
    release, entered = threading.Event(), threading.Event()
    calls = []

    def slow_order(*args, **kwargs):
        calls.append(dict(args[2]))
        entered.set()
        release.wait(10)
        return order_candidates(*args, **kwargs)

    labelled = seed_decisions(truth)
    ranker = BackgroundRanker(ids, texts, order_fn=slow_order)
    try:
        ranker.submit(labelled)
        assert entered.wait(30)  # the worker is now stuck in slow_order
        started = time.monotonic()
        ordered, info = ranker.next_work(labelled)
        assert time.monotonic() - started < 0.5
        assert info.mode_used == "random"  # nothing finished yet: served at once, not awaited
        release.set()
        assert ranker.wait_idle(30)
        _, info = ranker.next_work(labelled)
        assert info.mode_used == "ranked"
    finally:
        release.set()
        ranker.close()


def test_stale_ranking_is_served_without_decided_works_and_a_retrain_follows():
    ids, texts, truth = corpus()
    labelled = seed_decisions(truth)
    with BackgroundRanker(ids, texts) as ranker:
        ranker.submit(labelled)
        assert ranker.wait_idle(30)
        first = ranker.latest()
        top = first.ordered[0]
        newer = {**labelled, top: truth[top]}
        ordered, _ = ranker.next_work(newer)
        assert top not in ordered and ordered == first.ordered[1:]  # stale order, minus the decided work
        assert ranker.wait_idle(30)
        assert ranker.latest().trained_on == newer
        assert ranker.retrains == 2


def test_pending_requests_are_coalesced_to_the_newest():
    ids, texts, truth = corpus()
    release, entered = threading.Event(), threading.Event()
    seen = []

    def gated(*args, **kwargs):
        seen.append(len(args[2]))
        entered.set()
        release.wait(10)
        return order_candidates(*args, **kwargs)

    labelled = seed_decisions(truth)
    with BackgroundRanker(ids, texts, order_fn=gated) as ranker:
        ranker.submit(labelled)
        assert entered.wait(30)  # the first retrain runs (and waits for release)
        undecided = [w for w in ids if w not in labelled]
        for k in range(1, 5):  # four decisions arrive while the first retrain runs
            ranker.submit({**labelled, **{w: truth[w] for w in undecided[:k]}})
        release.set()
        assert ranker.wait_idle(30)
        assert seen == [4, 8]  # the three intermediate requests were dropped


def test_a_failing_retrain_keeps_the_previous_ranking():
    ids, texts, truth = corpus()
    fail = threading.Event()

    def flaky(*args, **kwargs):
        if fail.is_set():
            raise RuntimeError("model blew up")
        return order_candidates(*args, **kwargs)

    labelled = seed_decisions(truth)
    with BackgroundRanker(ids, texts, order_fn=flaky) as ranker:
        ranker.submit(labelled)
        assert ranker.wait_idle(30)
        good = ranker.latest()
        fail.set()
        ranker.submit({**labelled, good.ordered[0]: 0})
        assert ranker.wait_idle(30)
        assert isinstance(ranker.error, RuntimeError)
        assert ranker.latest() is good
        ordered, info = ranker.next_work(labelled)
        assert info.mode_used == "ranked" and ordered == good.ordered


def test_random_and_import_modes_bypass_the_worker():
    ids, texts, truth = corpus()
    with BackgroundRanker(ids, texts) as ranker:
        ordered, info = ranker.next_work({}, mode="import")
        assert ordered == ids and info.mode_used == "import"
        assert ranker.latest() is None and ranker.retrains == 0


def test_a_protocol_aware_model_gets_the_protocol_scores_in_the_background_too():
    from screening.prioritise.cold_start import ProtocolTerms, protocol_scores
    from screening.prioritise.model import CANDIDATES

    ids, texts, truth = corpus()
    labelled = seed_decisions(truth)
    terms = ProtocolTerms(((("arbeidsinnvandr*", "migrant*"),),))
    settings = CANDIDATES["svm-char-protocol"]
    prior = protocol_scores(terms, texts)
    expected, _ = order_candidates(ids, texts, labelled, "ranked", settings=settings, prior_scores=prior)
    without, _ = order_candidates(ids, texts, labelled, "ranked", settings=settings)
    assert expected != without  # the protocol's column changes the order
    with BackgroundRanker(ids, texts, settings=settings, protocol_terms=terms) as ranker:
        ranker.submit(labelled)
        assert ranker.wait_idle(30)
        ordered, info = ranker.next_work(labelled)
    assert info.mode_used == "ranked" and ordered == expected
