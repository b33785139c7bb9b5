"""The habits the project keeps, checked by the suite: the layer contracts (import-linter), the types
(mypy), lint and format (ruff), each with the configuration in pyproject.toml.

Each check runs the tool on the whole checkout, as a contributor would before pushing; a check whose
tool is not installed (`pip install -e ".[dev]"` brings them all) is skipped and says so."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow  # each tool reads the whole checkout: seconds to a minute


def run_tool(*command: str) -> subprocess.CompletedProcess:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (pip install -e '.[dev]'); this check needs it")
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=900)


def assert_clean(done: subprocess.CompletedProcess) -> None:
    assert done.returncode == 0, f"{' '.join(done.args)} found problems:\n{(done.stdout + done.stderr)[-6000:]}"


def test_import_layers_hold():
    assert_clean(run_tool("lint-imports"))


def test_types_check():
    assert_clean(run_tool("mypy"))


def test_ruff_finds_nothing():
    assert_clean(run_tool("ruff", "check", "."))


def test_code_is_formatted():
    assert_clean(run_tool("ruff", "format", "--check", "."))
