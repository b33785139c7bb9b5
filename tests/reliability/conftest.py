"""Fixtures for the reliability suite: a fresh PostgreSQL database per test, and backend URLs.

The PostgreSQL tests need a server named by REVIEW_TEST_POSTGRES_URL (``.ci/postgres.sh start``
prints one); without it they are skipped. Every test gets its own database, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from review.store.db import store_url

POSTGRES_ENV = "REVIEW_TEST_POSTGRES_URL"


def postgres_server_url() -> str | None:
    return os.environ.get(POSTGRES_ENV) or None


@pytest.fixture
def postgres_url():
    """The URL of a new, empty database on the test server."""
    base = postgres_server_url()
    if not base:
        pytest.skip(f"{POSTGRES_ENV} is not set (start a server with .ci/postgres.sh start)")
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
