"""What the Import page lists about earlier imports and their problems (plain rows; the queries live in
``review.store``)."""

from __future__ import annotations

from sqlalchemy import Connection

from review.store.imports import all_imports, import_problems
from review.store.records import records_of_import


def import_rows(conn: Connection) -> list[dict]:
    return [{"#": r["id"], "Round": r["round_id"], "Search": r.get("search_id"), "File": r["file_name"],
             "Format": r["format"], "Encoding": r["encoding"], "Source": r["source"],
             "Database": r.get("database") or "", "Family": r["family"] or "", "Records": r["n_records"],
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


def outcome(summary) -> tuple[str, str]:
    """(message kind, text) for one imported file: ``success`` only when every record was read as it
    was; records dropped, values repaired or records kept with a caveat make it a ``warning``
    that gives the counts; content imported before is ``info``."""
    if summary.already_imported is not None:
        return "info", summary.describe()
    text = (f"{summary.file_name}: {summary.records} records read as {summary.format}, encoding {summary.encoding}"
            + (f", database {summary.database}" if summary.database else ""))
    issues = []
    dropped = sum(1 for fatal in summary.fatal if fatal)
    if dropped:
        issues.append(f"{dropped} record(s) dropped")
    caveats = len(summary.problems) - dropped
    if caveats:
        issues.append(f"{caveats} record(s) kept with a problem")
    if summary.repaired_mojibake:
        issues.append(f"{summary.repaired_mojibake} double-encoded value(s) repaired")
    if not issues:
        return "success", text
    return "warning", f"{text}; {', '.join(issues)}: see the list below"


def batch_refused(file_names: list[str], error: str) -> str:
    """The message for a multi-file upload refused as a whole: which files were not stored and why."""
    names = ", ".join(file_names)
    return (f"Nothing was imported, so none of these files was stored: {names}. {error}. "
            "Fix or leave out that file and press Import again; the form keeps your choices.")
