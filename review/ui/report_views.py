"""The Reports page's data: every export of ``review.reports`` as bytes for a download button, and
previews of Table 3.1 and the appendix (escaped HTML, since summaries are user text)."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

from review.protocol import Protocol
from review.reports.appendix import appendix_html_sections
from review.reports.registry import EXPORTS, ROUND_EXPORTS, ExportData, export
from review.reports.table31 import table_3_1
from review.reports.tabular import cell_text
from review.store import Store
from screening.flow import status_dict
from screening.flowtypes import Flow

MIME = {
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".csv": "text/csv",
    ".md": "text/markdown",
    ".html": "text/html",
    ".ris": "application/x-research-info-systems",
    ".bib": "application/x-bibtex",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def export_choices() -> list[tuple[str, str]]:
    """(what, suffix) for every export the reports package writes."""
    return [(what, suffix) for what, writers in EXPORTS.items() for suffix in sorted(writers)]


def export_bytes(
    store: Store,
    protocol: Protocol,
    what: str,
    suffix: str,
    *,
    viewer: str | None = None,
    flow: Flow | None = None,
    round_id: int | None = None,
    full_log: bool = False,
) -> bytes:
    """One export written to a scratch folder and read back; ``viewer`` blinds the decision log,
    ``full_log`` asks for it unblinded (the core refuses anyone but the lead), and ``round_id`` limits
    the exports that can be limited to one round (the others cover the review)."""
    if what not in ROUND_EXPORTS:
        round_id = None
    with tempfile.TemporaryDirectory() as folder:
        data = ExportData(store, protocol, flow=flow, viewer=viewer, round_id=round_id, full_log=full_log)
        path = export(data, what, Path(folder) / f"{what}{suffix}")
        return path.read_bytes()


ZIP_NAME = "nordic-review-exports.zip"


def export_file_name(what: str, suffix: str) -> str:
    """The plain name a download gets: the export's own name, as `review export` would write it."""
    return f"{what}{suffix}"


def all_exports_zip(store: Store, protocol: Protocol, *, viewer: str | None = None, flow: Flow | None = None) -> bytes:
    """Every export in one zip. An export that cannot be written now (say, nothing included yet) is named
    in SKIPPED.txt inside the zip with its reason, never left out silently."""
    from review.errors import ReviewError

    buffer = io.BytesIO()
    skipped: list[str] = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for what, suffix in export_choices():
            try:
                data = export_bytes(store, protocol, what, suffix, viewer=viewer, flow=flow)
            except ReviewError as exc:
                skipped.append(f"{export_file_name(what, suffix)}: {exc}")
                continue
            archive.writestr(export_file_name(what, suffix), data)
        if skipped:
            archive.writestr("SKIPPED.txt", "Not in this zip, and why:\n" + "\n".join(skipped) + "\n")
    return buffer.getvalue()


def table31_rows(flow: Flow, protocol: Protocol) -> list[dict]:
    table = table_3_1(flow, protocol)
    return [{column: cell_text(value) for column, value in zip(table.columns, row, strict=False)} for row in table.rows]


def appendix_preview_html(store: Store, protocol: Protocol, round_id: int | None = None) -> tuple[int, str]:
    """(number of included works, the appendix as escaped HTML)."""
    works = ExportData(store, protocol, round_id=round_id).included()
    body = appendix_html_sections(works, protocol.appendix_groups, protocol.report_language, heading="h4")
    style = (
        "<style>.appendix-preview .reference{font-weight:bold;margin-top:1.2em}"
        ".appendix-preview .part{font-style:italic}</style>"
    )
    out = [style, '<div class="appendix-preview">', *body, "</div>"]
    return len(works), "\n".join(out)


def status_json(flow: Flow) -> str:
    """The flow counts as `review status --json` prints them (also a cache key for the diagram)."""
    return json.dumps(status_dict(flow), ensure_ascii=False, sort_keys=True)
