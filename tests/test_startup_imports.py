"""Start-up: a command's help loads none of the heavy libraries; they load where they are used.

Every command pays for what the parser imports before it does anything (benchmarks/cli_startup.py
measures the time). These tests check the cause, not the clock: which modules a fresh interpreter
holds after printing the help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("sqlalchemy", "pandas", "matplotlib", "sklearn", "pydantic", "numpy", "docx", "streamlit")

PROBE = """
import json, sys
from review.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def modules_loaded_by(*argv: str, packages: bool = True) -> set[str]:
    """The modules a fresh interpreter holds after ``review ARGV`` (their top-level packages by default)."""
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=REPO, capture_output=True, text=True, check=True)
    names = json.loads(done.stderr.strip().splitlines()[-1])
    return {name.split(".")[0] for name in names} if packages else set(names)


@pytest.mark.parametrize(
    "argv",
    [
        ("--help",),
        ("--version",),
        ("import", "--help"),
        ("update", "--help"),
        ("export", "--help"),
        ("status", "--help"),
    ],
)
def test_help_loads_no_heavy_library(argv):
    loaded = modules_loaded_by(*argv)
    assert not loaded & set(HEAVY), f"review {' '.join(argv)} imported {sorted(loaded & set(HEAVY))}"


@pytest.mark.slow
def test_status_loads_neither_the_dedup_engine_nor_the_writers(tmp_path):
    """`review status` needs the store and the protocol, not numpy (dedup), python-docx or matplotlib."""
    subprocess.run(
        [sys.executable, "-m", "review", "init", str(tmp_path / "r")], cwd=REPO, check=True, capture_output=True
    )
    loaded = modules_loaded_by("status", str(tmp_path / "r"))
    assert "sqlalchemy" in loaded  # the probe sees what the command used
    assert not loaded & {"numpy", "pandas", "matplotlib", "sklearn", "docx", "streamlit"}


@pytest.mark.slow
def test_status_loads_no_other_command_and_not_the_screening_queue(tmp_path):
    """The parser imports only the named command's module; the flow reads stops from the store, not
    through the stopping workflow, which loads the queue, the ranker and the sign-in rules."""
    subprocess.run(
        [sys.executable, "-m", "review", "init", str(tmp_path / "r")], cwd=REPO, check=True, capture_output=True
    )
    loaded = modules_loaded_by("status", str(tmp_path / "r"), packages=False)
    assert "screening.flow" in loaded and "review.commands.status" in loaded  # the probe sees the command
    assert not {m for m in loaded if m.startswith("review.commands.")} - {"review.commands", "review.commands.status"}
    assert not loaded & {"screening.stopping", "screening.queue", "screening.ranked", "review.auth.roles"}
