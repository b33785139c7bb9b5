"""What the Import page lists about earlier imports and their problems (plain rows; the queries live in
``review.store``). ``tr`` gives the column names and messages in the reader's language (English by
default); the values are the records' own."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

from review.messages import stored_message
from review.store.imports import all_imports, import_problems
from review.store.records import records_of_import


def import_rows(conn: Connection, tr: Callable[[str], str] = str) -> list[dict]:
    return [
        {
            "#": r["id"],
            tr("Round"): r["round_id"],
            tr("Search"): r.get("search_id"),
            tr("File"): r["file_name"],
            tr("Format"): r["format"],
            tr("Encoding"): r["encoding"],
            tr("Source"): r["source"],
            tr("Database"): r.get("database") or "",
            tr("Family"): r["family"] or "",
            tr("Records"): r["n_records"],
            tr("Problems"): r["n_problems"],
            tr("Repaired values"): r["repaired_mojibake"],
            tr("Searched"): r["searched"] or "",
            tr("Imported"): r["imported_at"][:16],
        }
        for r in all_imports(conn)
    ]


def problem_rows(conn: Connection, import_id: int, tr: Callable[[str], str] = str) -> list[dict]:
    return [
        {
            tr("Record"): p.get("record"),
            tr("Line"): p.get("line"),
            tr("Skipped"): tr("yes") if p.get("fatal", True) else tr("no"),
            tr("Problem"): tr(stored_message(p.get("message_data"), p.get("message", ""))),
        }
        for p in import_problems(conn, import_id)
    ]


def record_rows(conn: Connection, import_id: int, limit: int = 500, tr: Callable[[str], str] = str) -> list[dict]:
    """The records one import stored, in file order, as read (before deduplication)."""
    return [
        {
            "#": row["position"],
            tr("Line"): row["line"],
            tr("Title"): row["title"],
            tr("Authors"): row["authors"],
            tr("Year"): row["year"],
            tr("Type"): row["doc_type"],
            tr("Venue"): row["venue"] or "",
            tr("DOI"): row["doi"] or "",
        }
        for row in records_of_import(conn, import_id, limit)
    ]


def outcome(summary, tr: Callable[[str], str] = str) -> tuple[str, str]:
    """(message kind, text) for one imported file: ``success`` only when every record was read as it
    was; records dropped, values repaired or records kept with a caveat make it a ``warning``
    that gives the counts; content imported before is ``info``."""
    if summary.already_imported is not None:
        return "info", tr(summary.describe())
    text = tr("{file}: {count} records read as {format}, encoding {encoding}").format(
        file=summary.file_name, count=summary.records, format=summary.format, encoding=summary.encoding
    ) + (", " + tr("database {name}").format(name=summary.database) if summary.database else "")
    issues = []
    dropped = sum(1 for fatal in summary.fatal if fatal)
    if dropped:
        issues.append(tr("{count} record(s) dropped").format(count=dropped))
    caveats = len(summary.problems) - dropped
    if caveats:
        issues.append(tr("{count} record(s) kept with a problem").format(count=caveats))
    if summary.repaired_mojibake:
        issues.append(tr("{count} double-encoded value(s) repaired").format(count=summary.repaired_mojibake))
    if not issues:
        return "success", text
    return "warning", f"{text}; {', '.join(issues)}: " + tr("see the list below")


def batch_refused(file_names: list[str], error: str, tr: Callable[[str], str] = str) -> str:
    """The message for a multi-file upload refused as a whole: which files were not stored and why."""
    names = ", ".join(file_names)
    return (
        tr("Nothing was imported, so none of these files was stored: {names}.").format(names=names)
        + f" {error}. "
        + tr("Fix or leave out that file and press Import again; the form keeps your choices.")
    )
