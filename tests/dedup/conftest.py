"""Fixtures for the dedup tests: a review directory with the bundled protocol and an empty store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from review.protocol import load_protocol
from review.store import Store

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def review_dir(tmp_path: Path) -> Path:
    """A review directory with the bundled protocol (families no, sv, da, en)."""
    target = tmp_path / "review"
    target.mkdir()
    shutil.copy(REPO / "review.toml", target / "review.toml")
    shutil.copytree(REPO / "queries", target / "queries")
    return target


@pytest.fixture
def protocol(review_dir):
    return load_protocol(review_dir)


@pytest.fixture
def store(review_dir):
    store = Store(f"sqlite:///{review_dir / 'review.sqlite'}")
    yield store
    store.close()
