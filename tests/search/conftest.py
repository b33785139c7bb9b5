from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import tomli_w
import tomllib

from tests.search.primo_stub import PrimoStub

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def stub():
    with PrimoStub() as server:
        yield server


@pytest.fixture
def review_dir(tmp_path: Path) -> Path:
    """A copy of the bundled review's protocol, paced for tests (no waiting between requests)."""
    target = tmp_path / "review"
    target.mkdir()
    shutil.copytree(REPO / "queries", target / "queries")
    data = tomllib.loads((REPO / "review.toml").read_text(encoding="utf-8"))
    data.setdefault("search", {}).setdefault("oria", {}).update(min_interval=0.0, backoff_base=0.01)
    (target / "review.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    return target


class Sleeps:
    """An injectable sleep that records requested waits instead of waiting."""

    def __init__(self):
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()
