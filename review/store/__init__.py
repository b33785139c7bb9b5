"""The review store: one database per review (SQLite file by default, PostgreSQL for a team server).

``schema`` declares the tables, ``migrations`` upgrades a database step by step, ``db`` opens it with
the settings durability needs. Domain modules (ingest, dedup, screening) query the tables with
SQLAlchemy Core through a ``Store``.
"""

from review.store import schema  # noqa: F401
from review.store.db import STORE_FILE, Store, open_store  # noqa: F401
