"""Report previews and plain downloads built from the core, for the Reports page."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import Connection

from review.protocol import Protocol
from screening.blinding import visible_decision_rows
from screening.decisions import passed
from screening.flow import status_dict
from screening.flowtypes import Flow
from screening.summaries import latest_summaries
from screening.works import display_authors, work_view

LOG_COLUMNS = ("id", "work_id", "stage", "reviewer", "decision", "reasons", "note", "final", "automatic",
               "order_mode", "created_at")


@dataclass
class AppendixEntry:
    group: str
    work_id: int
    reference: str
    aim: str
    method: str
    findings: str


def appendix_preview(conn: Connection, protocol: Protocol) -> list[AppendixEntry]:
    """Included works (final include at stage 3) with their latest summary, in appendix-group order."""
    included = sorted(passed(conn, 3))
    summaries = latest_summaries(conn, included) if included else {}
    order = {g: i for i, g in enumerate(protocol.appendix_groups)}
    entries = []
    for work_id in included:
        view = work_view(conn, work_id)
        s = summaries.get(work_id, {})
        reference = f"{display_authors(view['authors'], limit=3)} ({view.get('year') or 'n.d.'}). {view['title']}"
        entries.append(AppendixEntry(s.get("appendix_group") or "(no group)", work_id, reference,
                                     s.get("aim", ""), s.get("method", ""), s.get("findings", "")))
    return sorted(entries, key=lambda e: (order.get(e.group, len(order)), e.reference.casefold()))


def decision_log_csv(conn: Connection, protocol: Protocol, viewer: Optional[str]) -> str:
    """The decision log as this viewer may see it (blinding applied), as CSV text."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(LOG_COLUMNS)
    for row in visible_decision_rows(conn, protocol, viewer):
        values = dict(row)
        values["reasons"] = "; ".join(json.loads(values["reasons"] or "[]"))
        writer.writerow([values.get(c) if values.get(c) is not None else "" for c in LOG_COLUMNS])
    return out.getvalue()


def status_json(flow: Flow) -> str:
    return json.dumps(status_dict(flow), ensure_ascii=False, indent=2)
