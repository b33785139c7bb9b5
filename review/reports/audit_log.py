"""The audit trail as a table for the shared writers (formula-like cells are defused there, as in
every tabular export). Used by `review audit --csv` and the lead's Audit page."""

from __future__ import annotations

from pathlib import Path

from review.auth.audit import COLUMNS, events
from review.reports.tabular import Table, write_csv
from review.store import Store


def events_table(rows: list[dict]) -> Table:
    return Table(
        columns=list(COLUMNS),
        title="Audit trail",
        rows=[[("yes" if row[c] else "no") if c == "ok" else row[c] for c in COLUMNS] for row in rows],
    )


def write_events_csv(store: Store, path: Path, **filters) -> int:
    with store.read() as conn:
        rows = events(conn, **filters)
    write_csv(events_table(rows), Path(path))
    return len(rows)
