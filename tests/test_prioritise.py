"""Ranked queue, relevance model and stopping advice, on SYNTHETIC texts (tests/prioritise_corpus.py)."""

import numpy as np
import pytest
from scipy.stats import rankdata

from screening.prioritise import MIN_EXCLUDES, MIN_INCLUDES, ORDER_MODES, order_candidates, ready_for_ranking
from screening.prioritise.model import (
    CANDIDATES,
    DEFAULT_SETTINGS,
    Features,
    Stacked,
    build_vectorisers,
    describe,
    rank,
    score_matrix,
)
from screening.prioritise.stopping import (
    MIN_EXCLUSION_RUN,
    consecutive_exclusions,
    estimate_relevant_remaining,
    exclusion_run_needed,
    stopping_advice,
)
from tests.prioritise_corpus import make_corpus


@pytest.fixture(scope="module")
def corpus():
    texts, labels = make_corpus(20, 180)
    ids = [f"w{i}" for i in range(len(texts))]
    return ids, texts, labels


def first_of_each(ids, labels, k=2):
    inc = [w for w, y in zip(ids, labels, strict=True) if y == 1][:k]
    exc = [w for w, y in zip(ids, labels, strict=True) if y == 0][:k]
    return {**{w: 1 for w in inc}, **{w: 0 for w in exc}}


@pytest.mark.parametrize("name", sorted(CANDIDATES))
def test_every_candidate_puts_relevant_texts_first(corpus, name):
    ids, texts, labels = corpus
    labelled = first_of_each(ids, labels, k=6)
    ordered, info = order_candidates(ids, texts, labelled, "ranked", settings=CANDIDATES[name])
    assert info.mode_used == "ranked"
    truth = dict(zip(ids, labels, strict=True))
    remaining_relevant = sum(truth[w] for w in ordered)
    top = ordered[:remaining_relevant]
    assert sum(truth[w] for w in top) >= 0.9 * remaining_relevant


def test_rank_scores_are_probabilities_that_favour_relevant_text(corpus):
    _, texts, labels = corpus
    scores = rank(texts[:40], labels[:40], texts[40:])
    assert scores.shape == (len(texts) - 40,)
    assert np.all((scores >= 0) & (scores <= 1))
    rest = np.array(labels[40:])
    assert scores[rest == 1].min() > scores[rest == 0].max()


def test_rank_handles_cross_language_inflections():
    # Only the Swedish form is labelled; the Norwegian and Danish forms share character n-grams.
    labelled = ["arbetskraftsinvandring till Sverige", "laksefiske i elva"]
    unlabelled = ["havbruk og laks", "arbeidsinnvandring til Norge", "arbejdskraftindvandring"]
    scores = rank(labelled, [1, 0], unlabelled)
    assert scores[1] > scores[0] and scores[2] > scores[0]


def test_rank_needs_both_classes():
    with pytest.raises(ValueError, match="include and one exclude"):
        rank(["a b", "c d"], [1, 1], ["e f"])


def test_features_reused_gives_same_scores_as_rank(corpus):
    _, texts, labels = corpus
    feats = Features(texts, DEFAULT_SETTINGS)
    direct = score_matrix(feats.matrix[:30], np.array(labels[:30]), feats.matrix[30:], DEFAULT_SETTINGS)
    assert np.allclose(direct, rank(texts[:30], labels[:30], texts[30:]), atol=1e-5)


def _logit(p):
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


def test_ensemble_votes_with_the_mean_log_odds_of_its_members(corpus):
    _, texts, labels = corpus
    ensemble = CANDIDATES["ens-word-char"]
    assert len(ensemble.members) == 2
    feats = Features(texts, ensemble)
    assert isinstance(feats.matrix, Stacked) and len(feats.matrix.blocks) == 2
    y = np.array(labels[:40])
    votes = score_matrix(feats.matrix[:40], y, feats.matrix[40:], ensemble)
    apart = [
        score_matrix(Features(texts, m).matrix[:40], y, Features(texts, m).matrix[40:], m) for m in ensemble.members
    ]
    assert not np.allclose(_logit(apart[0]), _logit(apart[1]), atol=1e-3)  # two views, two opinions
    assert np.allclose(_logit(votes), np.mean([_logit(a) for a in apart], axis=0), atol=1e-4)


def test_stacked_rows_stay_aligned_across_members(corpus):
    _, texts, _ = corpus
    stacked = Features(texts, CANDIDATES["ens-word-char"]).matrix
    rows = [5, 0, 17]
    picked = stacked[rows]
    assert picked.shape[0] == 3 and picked.shape[1] == stacked.shape[1]
    for whole, part in zip(stacked.blocks, picked.blocks, strict=True):
        assert (whole[rows] != part).nnz == 0


def test_character_model_has_no_word_features():
    (only,) = build_vectorisers(CANDIDATES["svm-char"])
    assert only.analyzer == "char_wb" and only.ngram_range == (3, 5)
    assert [v.analyzer for v in build_vectorisers(CANDIDATES["svm-word"])] == ["word"]


def test_description_names_every_member_and_its_settings():
    text = describe(CANDIDATES["ens-word-char"])
    assert text.startswith("an ensemble of 2 models") and "log-odds are averaged" in text
    assert "word 1–2-grams" in text and "character 3–5-grams" in text
    assert text.count("linear support vector machine") == 2 and "C = 0.11" in text
    assert "includes weighted 9.8 times the excludes" in text
    assert "includes and excludes weighted equally" in describe(CANDIDATES["lr-word-balanced"])
    assert "no class weighting" in describe(CANDIDATES["nb-word-char"])


def test_empty_texts_do_not_crash():
    scores = rank(["", "x"], [1, 0], ["", ""])
    assert scores.shape == (2,)


def test_ranked_falls_back_to_random_until_minimum_reached(corpus):
    ids, texts, labels = corpus
    only_excludes = {w: 0 for w, y in zip(ids, labels, strict=True) if y == 0}
    only_excludes = dict(list(only_excludes.items())[:5])
    ordered, info = order_candidates(ids, texts, only_excludes, "ranked")
    assert (MIN_INCLUDES, MIN_EXCLUDES) == (1, 1)
    assert not ready_for_ranking(only_excludes)
    assert info.mode_requested == "ranked" and info.mode_used == "random"
    assert "at least 1 include" in info.reason
    assert set(ordered) == set(ids) - set(only_excludes)


def test_random_order_is_stable_as_decisions_arrive(corpus):
    ids, texts, _ = corpus
    first, _ = order_candidates(ids, texts, {}, "random", seed=7)
    after, _ = order_candidates(ids, texts, {first[0]: 0, first[1]: 0}, "random", seed=7)
    assert after == first[2:]
    other, _ = order_candidates(ids, texts, {}, "random", seed=8)
    assert other != first and sorted(other) == sorted(first)


def test_import_order_keeps_given_order_and_makes_no_estimate(corpus):
    ids, texts, labels = corpus
    labelled = first_of_each(ids, labels)
    ordered, info = order_candidates(ids, texts, labelled, "import")
    assert ordered == [w for w in ids if w not in labelled]
    assert info.mode_used == "import" and info.expected_remaining is None and not info.stopping.stop


def test_random_mode_estimate_extrapolates_include_rate(corpus):
    ids, texts, _ = corpus
    labelled = {ids[i]: (1 if i < 2 else 0) for i in range(10)}  # 20 % included
    ordered, info = order_candidates(ids, texts, labelled, "random")
    assert info.expected_remaining == pytest.approx(0.2 * len(ordered))


def test_ranked_info_carries_scores_and_estimate(corpus):
    ids, texts, labels = corpus
    labelled = first_of_each(ids, labels, k=3)
    ordered, info = order_candidates(ids, texts, labelled, "ranked")
    assert set(info.scores) == set(ordered)
    assert info.expected_remaining == pytest.approx(sum(info.scores.values()))
    scores = [info.scores[w] for w in ordered]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    "bad",
    [
        dict(mode="smart"),
        dict(labelled={"nope": 1}),
        dict(labelled={"w0": 2}),
    ],
)
def test_invalid_arguments_raise_value_error(corpus, bad):
    ids, texts, _ = corpus
    with pytest.raises(ValueError):
        order_candidates(ids, texts, bad.get("labelled", {}), bad.get("mode", "ranked"))


def test_modes_match_the_decisions_column_values():
    assert set(ORDER_MODES) == {"random", "ranked", "import"}


# ---- stopping ----


def test_exclusion_run_scales_with_set_size():
    assert exclusion_run_needed(200) == MIN_EXCLUSION_RUN
    assert exclusion_run_needed(5000) == 250
    assert exclusion_run_needed(30) == 30


def test_consecutive_exclusions_counts_only_the_tail():
    assert consecutive_exclusions([0, 0, 1, 0, 0, 0]) == 3
    assert consecutive_exclusions([0, 1]) == 0
    assert consecutive_exclusions([]) == 0


def test_estimate_is_sum_and_rejects_non_probabilities():
    assert estimate_relevant_remaining([0.5, 0.25, 0.0]) == pytest.approx(0.75)
    with pytest.raises(ValueError):
        estimate_relevant_remaining([1.5])


def test_stopping_needs_both_the_run_and_a_low_estimate():
    long_run = [1] * 5 + [0] * 60
    assert stopping_advice(long_run, 1000, 0.4).stop
    assert not stopping_advice([1] * 4 + [0] * 60, 1000, 0.4).stop  # too few includes to judge
    assert not stopping_advice(long_run, 1000, 3.0).stop  # model still expects includes
    assert not stopping_advice([1] * 5 + [0] * 40, 1000, 0.1).stop  # run too short
    assert not stopping_advice(long_run, 2000, 0.1).stop  # 5 % of 2000 = 100 needed
    assert not stopping_advice(long_run, 1000, None).stop


def test_stopping_advice_reported_by_order_candidates(corpus):
    ids, texts, labels = corpus
    truth = dict(zip(ids, labels, strict=True))
    relevant = [w for w in ids if truth[w] == 1]
    irrelevant = [w for w in ids if truth[w] == 0]
    history = relevant + irrelevant[:60]  # every include found, then 60 exclusions in a row
    labelled = {w: truth[w] for w in history}
    _, info = order_candidates(ids, texts, labelled, "ranked", history=history)
    assert info.stopping.consecutive_exclusions == 60
    assert info.expected_remaining < 1
    assert info.stopping.stop


@pytest.mark.slow
def test_core_does_not_load_streamlit():
    import subprocess
    import sys
    from pathlib import Path

    code = "import sys, screening.prioritise, screening.prioritise.background; print('streamlit' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=Path(__file__).parents[1], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_protocol_scores_become_one_scaled_column_only_for_models_that_use_them():
    texts = ["laks og havbruk", "arbeidsinnvandring i Norge", "fiske i elva"]
    with_protocol = CANDIDATES["svm-char-protocol"]
    plain = Features(texts, CANDIDATES["svm-char"]).matrix
    used = Features(texts, with_protocol, [0.0, 2.0, 1.0]).matrix
    assert used.shape == (3, plain.shape[1] + 1)
    assert np.allclose(used[:, -1].toarray().ravel(), [0.0, 1.0, 0.5])  # scaled by the set's best score
    assert (used[:, :-1] != plain).nnz == 0
    assert Features(texts, CANDIDATES["svm-char"], [0.0, 2.0, 1.0]).matrix.shape == plain.shape
    assert Features(texts, with_protocol).matrix[:, -1].nnz == 0  # no protocol given: the text alone
    with pytest.raises(ValueError, match="differ in length"):
        Features(texts, with_protocol, [1.0])


def test_a_protocol_aware_model_ranks_protocol_matches_first_among_unknown_texts():
    # The undecided texts share no character n-gram with the decided ones: only the protocol tells them apart.
    ids = ["inc", "exc", "a", "b"]
    texts = ["arbeidsinnvandring", "laksefiske", "qqqq", "zzzz"]
    labelled = {"inc": 1, "exc": 0}
    prior = [1.0, 0.0, 0.0, 1.0]
    settings = CANDIDATES["svm-char-protocol"]
    ordered, _ = order_candidates(ids, texts, labelled, "ranked", settings=settings, prior_scores=prior)
    assert ordered == ["b", "a"]
    ordered, _ = order_candidates(ids, texts, labelled, "ranked", settings=CANDIDATES["svm-char"], prior_scores=prior)
    assert ordered == ["a", "b"]  # a model without the column keeps the given order for a tie


def test_description_says_when_the_protocol_is_a_feature():
    assert "protocol" not in describe(CANDIDATES["svm-char"])
    assert "protocol's score of each work" in describe(CANDIDATES["svm-char-protocol"])


def test_rank_vote_averages_the_members_rank_percentiles(corpus):
    _, texts, labels = corpus
    ensemble = CANDIDATES["rank-word-char-c0.03"]
    assert ensemble.vote == "rank"
    feats = Features(texts, ensemble)
    y = np.array(labels[:40])
    votes = score_matrix(feats.matrix[:40], y, feats.matrix[40:], ensemble)
    apart = [
        score_matrix(Features(texts, m).matrix[:40], y, Features(texts, m).matrix[40:], m) for m in ensemble.members
    ]
    positions = np.sum([rankdata(a) for a in apart], axis=0)
    assert len(set(positions)) > 1 and len(set(votes)) == len(votes)
    # higher mean rank, higher score: the order is the ranks' (equal sums keep the given order)
    assert np.array_equal(np.argsort(-positions, kind="stable"), np.argsort(-votes, kind="stable"))
    # ... and the values are the log-odds vote's, so they can still be summed into an estimate
    log_odds_vote = score_matrix(feats.matrix[:40], y, feats.matrix[40:], CANDIDATES["ens-word-char-c0.03"])
    assert np.allclose(np.sort(votes), np.sort(log_odds_vote))
    assert not np.array_equal(np.argsort(-votes), np.argsort(-log_odds_vote))  # but in another order
    assert "ranks among the unscreened works are averaged" in describe(ensemble)


def test_the_same_decisions_give_the_same_scores_whatever_numpys_random_state():
    """liblinear shuffles the records it visits; the queue a reviewer is shown must not depend on that."""
    rng = np.random.default_rng(3)
    vocabulary = ["".join(rng.choice(list("abcdefghijklmnoprstuvy"), rng.integers(4, 10))) for _ in range(3000)]
    texts = [" ".join(rng.choice(vocabulary, 60)) for _ in range(400)]  # SYNTHETIC: random letters
    labels = (rng.random(400) < 0.1).astype(int)
    labels[0], labels[1] = 1, 0
    for name in ("svm-word", "svm-char", "lr-word"):
        settings = CANDIDATES[name]
        features = Features(texts, settings)
        runs = []
        for seed in (0, 1):
            np.random.seed(seed)
            runs.append(score_matrix(features.matrix[:300], labels[:300], features.matrix[300:], settings))
        assert np.array_equal(runs[0], runs[1]), name


def test_the_nearest_include_member_lifts_a_work_like_one_unusual_include():
    """Synthetic texts: most includes are about career guidance, one about language courses. An unscreened work on
    language courses is far from what the includes share, but its nearest include is close."""
    from screening.prioritise.model import CANDIDATES, Features, nearest_include, score_matrix

    labelled = [
        "career guidance for refugees in municipalities",
        "career guidance and counselling for newly arrived refugees",
        "guidance counsellors meeting refugees in career centres",
        "norwegian language courses for adult immigrants in evening schools",
        "fish farming along the coast",
        "road maintenance budgets in rural counties",
        "hospital waiting lists and surgery",
    ]
    labels = np.array([1, 1, 1, 1, 0, 0, 0])
    unscreened = ["language courses in evening schools for adult immigrants", "waiting lists for road surgery"]
    settings = CANDIDATES["rank-word-char-nnw"]
    features = Features(labelled + unscreened, settings)
    x_labelled, x_unscreened = features.matrix[: len(labelled)], features.matrix[len(labelled) :]
    word_block = features.matrix.blocks[2]
    similarity = nearest_include(word_block[: len(labelled)][labels == 1], word_block[len(labelled) :])
    assert similarity[0] > 0.4 > similarity[1] >= 0
    scores = score_matrix(x_labelled, labels, x_unscreened, settings)
    assert scores[0] > scores[1]
    # the vote's values are the two SVMs' probabilities: a similarity is no probability of relevance
    svms = CANDIDATES["rank-word-char"]
    plain = score_matrix(
        Features(labelled + unscreened, svms).matrix[: len(labelled)],
        labels,
        Features(labelled + unscreened, svms).matrix[len(labelled) :],
        svms,
    )
    assert np.allclose(np.sort(scores), np.sort(plain))
