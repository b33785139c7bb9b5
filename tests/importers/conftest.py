from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def fixture():
    """Path of a synthetic fixture file by name."""

    def path(name: str) -> Path:
        return FIXTURES / name

    return path
