"""Queries on ``imports``: the files a review has read and the problems each had."""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from review.store import schema


def all_imports(conn: Connection) -> list[dict]:
    """Every import, the newest first."""
    i = schema.imports
    return [row._asdict() for row in conn.execute(select(i).order_by(i.c.id.desc()))]


def import_problems(conn: Connection, import_id: int) -> list[dict]:
    """The problems stored with an import: {record, line, message, fatal} each."""
    text = conn.execute(select(schema.imports.c.problems).where(schema.imports.c.id == import_id)).scalar()
    try:
        problems = json.loads(text or "[]")
    except ValueError:
        return [{"message": text}]
    return problems if isinstance(problems, list) else []
