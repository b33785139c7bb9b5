"""The Reports page's data: every export of ``review.reports`` as bytes for a download button, and
previews of Table 3.1 and the appendix (escaped HTML, since summaries are user text)."""

from __future__ import annotations

import html
import json
import tempfile
from pathlib import Path
from typing import Optional

from review.protocol import Protocol
from review.reports.appendix import appendix_sections
from review.reports.registry import EXPORTS, ExportData, export
from review.reports.table31 import table_3_1
from review.reports.tabular import cell_text
from review.store import Store
from screening.flow import status_dict
from screening.flowtypes import Flow

MIME = {".png": "image/png", ".svg": "image/svg+xml", ".csv": "text/csv", ".md": "text/markdown",
        ".html": "text/html", ".ris": "application/x-research-info-systems", ".bib": "application/x-bibtex",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def export_choices() -> list[tuple[str, str]]:
    """(what, suffix) for every export the reports package writes."""
    return [(what, suffix) for what, writers in EXPORTS.items() for suffix in sorted(writers)]


def export_bytes(store: Store, protocol: Protocol, what: str, suffix: str, *, viewer: Optional[str] = None,
                 flow: Optional[Flow] = None) -> bytes:
    """One export written to a scratch folder and read back; ``viewer`` blinds the decision log."""
    with tempfile.TemporaryDirectory() as folder:
        path = export(ExportData(store, protocol, flow=flow, viewer=viewer), what, Path(folder) / f"{what}{suffix}")
        return path.read_bytes()


def table31_rows(flow: Flow, protocol: Protocol) -> list[dict]:
    table = table_3_1(flow, protocol)
    return [{column: cell_text(value) for column, value in zip(table.columns, row)} for row in table.rows]


def appendix_preview_html(store: Store, protocol: Protocol) -> tuple[int, str]:
    """(number of included works, the appendix as escaped HTML)."""
    works = ExportData(store, protocol).included()
    e = html.escape
    out = ['<div class="appendix-preview">']
    for group, entries in appendix_sections(works, protocol.appendix_groups, protocol.report_language):
        out.append(f"<h4>{e(group)}</h4>")
        for reference, parts in entries:
            out.append(f'<p class="reference"><strong>{e(reference)}</strong></p>')
            for label, paragraphs in parts:
                for n, para in enumerate(paragraphs):
                    prefix = f"<em>{e(label)}:</em> " if label and n == 0 else ""
                    out.append(f"<p>{prefix}{e(para)}</p>")
    out.append("</div>")
    return len(works), "\n".join(out)


def status_json(flow: Flow) -> str:
    """The flow counts as `review status --json` prints them (also a cache key for the diagram)."""
    return json.dumps(status_dict(flow), ensure_ascii=False, sort_keys=True)
