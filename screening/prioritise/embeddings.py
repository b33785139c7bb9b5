"""Document embeddings for the ranking model, from a model that ships inside a PyPI package.

Only one model is known: ``"wordllama"``, the 256-dimension static token embeddings of the package
``wordllama`` (token embeddings of a Llama model, trained further mostly on English text, averaged over a
document's tokens). Its weights and tokenizer are files inside the wheel, so nothing is fetched at run
time: we point the loader at the package's own folder and forbid downloads (its default look-up misses
the bundled tokenizer and would otherwise try Hugging Face). The package is an optional extra
(``pip install 'nordic-review[embeddings]'``); asking for the model without it gives one clear error.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

import numpy as np

EMBEDDING_MODELS = ("wordllama",)
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


def embed(texts: Sequence[str], model: str = "wordllama") -> np.ndarray:
    """One unit-length row (float32) per text; an empty text gets a row of zeros (it says nothing)."""
    if model not in EMBEDDING_MODELS:
        raise ValueError(f"unknown embedding {model!r}; known: {', '.join(EMBEDDING_MODELS)}")
    if not texts:
        return np.zeros((0, _WORDLLAMA_DIM), dtype=np.float32)
    vectors = np.asarray(_wordllama().embed([t or "" for t in texts], batch_size=_BATCH), dtype=np.float32)
    vectors = np.nan_to_num(vectors)  # a text with no tokens pools to 0/0
    lengths = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, lengths, out=np.zeros_like(vectors), where=lengths > 0)
