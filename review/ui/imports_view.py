"""What the Import page lists about earlier imports and their problems (plain rows; the queries live in
``review.store``)."""

from __future__ import annotations

from sqlalchemy import Connection

from review.store.imports import all_imports, import_problems
from review.store.records import records_of_import


def import_rows(conn: Connection) -> list[dict]:
    return [{"#": r["id"], "File": r["file_name"], "Format": r["format"], "Encoding": r["encoding"],
             "Source": r["source"], "Database": r.get("database") or "", "Family": r["family"] or "", "Records": r["n_records"],
             "Problems": r["n_problems"], "Repaired values": r["repaired_mojibake"], "Searched": r["searched"] or "",
             "Imported": r["imported_at"][:16]} for r in all_imports(conn)]


def problem_rows(conn: Connection, import_id: int) -> list[dict]:
    return [{"Record": p.get("record"), "Line": p.get("line"), "Skipped": "yes" if p.get("fatal", True) else "no",
             "Problem": p.get("message", "")} for p in import_problems(conn, import_id)]


def record_rows(conn: Connection, import_id: int, limit: int = 500) -> list[dict]:
    """The records one import stored, in file order, as read (before deduplication)."""
    return [{"#": row["position"], "Line": row["line"], "Title": row["title"], "Authors": row["authors"],
             "Year": row["year"], "Type": row["doc_type"], "Venue": row["venue"] or "", "DOI": row["doi"] or ""}
            for row in records_of_import(conn, import_id, limit)]
