"""Timestamps are ISO 8601 strings in UTC with microseconds, so they sort as text in every database."""

from datetime import datetime, timezone


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")
