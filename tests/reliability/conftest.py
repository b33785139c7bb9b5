"""Fixtures for the reliability suite: a fresh PostgreSQL database per test, and backend URLs.

The PostgreSQL tests use the server named by REVIEW_TEST_POSTGRES_URL when it is set (``.ci/run``
starts one). Otherwise, when PostgreSQL is installed, the run starts its own throwaway server with
``.ci/postgres.sh`` (a fresh cluster on loopback, run as the ``postgres`` user when the tests run as
root, which PostgreSQL refuses to be) and stops it at the end; without PostgreSQL they are skipped.
Every test gets its own database, dropped afterwards.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from review.store.db import store_url

POSTGRES_ENV = "REVIEW_TEST_POSTGRES_URL"


SERVER_SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "postgres.sh"


def postgres_installed() -> bool:
    """Debian keeps the server's programs under /usr/lib/postgresql/VERSION/bin; others put initdb on PATH."""
    return bool(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or shutil.which("initdb") is not None


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory):
    """The base URL of the run's PostgreSQL server: the one named in the environment, or a throwaway one."""
    named = os.environ.get(POSTGRES_ENV)
    if named:
        yield named
        return
    if not postgres_installed():
        pytest.skip(
            f"PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on PATH), "
            f"and {POSTGRES_ENV} names no server: the team-server store tests are skipped"
        )
    env = {**os.environ, "REVIEW_PG_STATE": str(tmp_path_factory.mktemp("postgres") / "server-dir")}
    started = subprocess.run([str(SERVER_SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=180)
    if started.returncode != 0:
        pytest.fail(
            f"PostgreSQL is installed but a test server did not start ({SERVER_SCRIPT.name} start):\n"
            f"{started.stderr[-2000:]}",
            pytrace=False,
        )
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run([str(SERVER_SCRIPT), "stop"], env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def postgres_url(postgres_server):
    """The URL of a new, empty database on the test server."""
    base = postgres_server
    name = f"review_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend_url(request, review_dir, monkeypatch):
    """A store URL for each backend: the review's SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        monkeypatch.delenv("REVIEW_DATABASE_URL", raising=False)
        return store_url(review_dir)
    return request.getfixturevalue("postgres_url")
