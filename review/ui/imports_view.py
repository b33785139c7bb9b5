"""What the Import page lists about earlier imports and their problems (plain rows)."""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from review.store import schema


def import_rows(conn: Connection) -> list[dict]:
    i = schema.imports
    rows = conn.execute(select(i).order_by(i.c.id.desc())).all()
    return [{"#": r.id, "File": r.file_name, "Format": r.format, "Encoding": r.encoding, "Source": r.source, "Database": r.database or "",
             "Family": r.family or "", "Records": r.n_records, "Problems": r.n_problems,
             "Repaired values": r.repaired_mojibake, "Searched": r.searched or "", "Imported": r.imported_at[:16]}
            for r in rows]


def problem_rows(conn: Connection, import_id: int) -> list[dict]:
    text = conn.execute(select(schema.imports.c.problems).where(schema.imports.c.id == import_id)).scalar()
    return [{"Record": p.get("record"), "Line": p.get("line"), "Skipped": "yes" if p.get("fatal", True) else "no",
             "Problem": p.get("message", "")} for p in json.loads(text or "[]")]


def record_rows(conn: Connection, import_id: int, limit: int = 500) -> list[dict]:
    """The records one import stored, in file order, as read (before deduplication)."""
    r = schema.raw_records
    rows = conn.execute(select(r.c.position, r.c.line, r.c.title, r.c.authors, r.c.year, r.c.doc_type, r.c.venue,
                               r.c.doi).where(r.c.import_id == import_id).order_by(r.c.position).limit(limit))
    return [{"#": row.position, "Line": row.line, "Title": row.title,
             "Authors": "; ".join(", ".join(p for p in name if p) for name in json.loads(row.authors or "[]")),
             "Year": row.year, "Type": row.doc_type, "Venue": row.venue or "", "DOI": row.doi or ""} for row in rows]
