"""Fixtures for the export tests: a review directory with a SYNTHETIC protocol and store."""

from __future__ import annotations

from pathlib import Path

import pytest
from reports_testdata import fill_store, write_protocol

from review.protocol import load_protocol
from review.store.db import Store


@pytest.fixture
def review_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "review"
    write_protocol(directory)
    store = Store(f"sqlite:///{directory / 'review.sqlite'}")
    fill_store(store)
    store.close()
    return directory


@pytest.fixture
def protocol(review_dir: Path):
    return load_protocol(review_dir)


@pytest.fixture
def store(review_dir: Path):
    store = Store(f"sqlite:///{review_dir / 'review.sqlite'}")
    yield store
    store.close()
