"""nordic-review: systematic literature reviews from Oria and Google Scholar exports.

Layers, bottom up: importers (format readers) -> model (one record type) -> store (SQLite/PostgreSQL)
-> dedup -> screening (package ``screening``) -> reports. ``review.cli`` and ``app.py`` are thin shells.
"""

__version__ = "0.1.0"
