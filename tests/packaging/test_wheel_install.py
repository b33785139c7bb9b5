"""The package works after a plain (non-editable) install, away from any source checkout.

A wheel is built from the checkout and installed into a fresh virtual environment; the installed
`review` then runs the bundled example, writes a starter protocol and serves the app. The venv sees the
already installed dependencies (--system-site-packages) so nothing is downloaded, but the package itself
comes only from the wheel, which the first assertion checks."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.ui.browser_support import free_port

REPO = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.slow


def _run(cmd, cwd, **kw):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "REVIEW_DIR")}
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, **kw)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(bin dir, a working directory outside the checkout) of a venv holding only the wheel's package."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"  # a clean copy: a build/ left in the checkout would hide a missing file
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "bundled_data", "*.sqlite*"
        ),
    )
    built = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(base / "dist"),
            str(source),
        ],
        cwd=base,
    )
    if built.returncode != 0:
        pytest.fail("building the wheel failed:\n" + built.stderr[-3000:])
    wheel = next((base / "dist").glob("nordic_review-*.whl"))
    venv = base / "venv"
    assert _run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], cwd=base).returncode == 0
    bin_dir = venv / "bin"
    done = _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], cwd=base)
    assert done.returncode == 0, done.stderr[-3000:]
    away = base / "elsewhere"
    away.mkdir()
    where = _run([str(bin_dir / "python"), "-c", "import review; print(review.__file__)"], cwd=away)
    assert str(venv) in where.stdout, f"the venv imports review from {where.stdout!r}, not from the wheel"
    return bin_dir, away


def test_example_runs_from_the_wheel(installed):
    bin_dir, away = installed
    done = _run([str(bin_dir / "review"), "example", "fafo"], cwd=away)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Included: 24" in done.stdout
    assert (away / "fafo" / "review.toml").is_file() and (away / "fafo" / "decisions").is_dir()


def test_init_runs_from_the_wheel(installed):
    bin_dir, away = installed
    done = _run([str(bin_dir / "review"), "init", "starter"], cwd=away)
    assert done.returncode == 0, done.stderr[-3000:]
    assert sorted(p.name for p in (away / "starter" / "queries").glob("*.toml")) == [
        "da.toml",
        "en.toml",
        "no.toml",
        "sv.toml",
    ]


def test_app_serves_from_the_wheel(installed):
    bin_dir, away = installed
    _run([str(bin_dir / "review"), "init", "served"], cwd=away)
    port = free_port()
    proc = subprocess.Popen(
        [str(bin_dir / "review"), "app", "served", "--headless", "--port", str(port), "--address", "127.0.0.1"],
        cwd=away,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        healthy = False
        while time.monotonic() < deadline and proc.poll() is None and not healthy:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                    healthy = response.read() == b"ok"
            except OSError:
                time.sleep(0.3)
        assert healthy, "the installed app never answered its health check"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert response.status == 200
    finally:
        # the whole process group: `review app` and the Streamlit server it started
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            pass
        try:  # whatever of the group is still there (a server slow to stop) goes now
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
