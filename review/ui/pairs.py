"""Uncertain duplicate pairs side by side, with the words that differ marked (escaped HTML)."""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection

from review.messages import loads
from review.store.pairs import recent_verdicts as store_recent_verdicts
from review.store.pairs import uncertain_pairs
from review.store.records import record_with_file
from review.store.works import records_in_work
from review.ui.i18n import N_, vocabulary_word

COMPARED = (  # field, label: what says whether two records are one work; differences are marked
    ("title", N_("Title")),
    ("authors", N_("Authors")),
    ("year", N_("Year")),
    ("venue", N_("Venue")),
    ("publisher", N_("Publisher")),
    ("doc_type", N_("Type")),
    ("doi", N_("DOI")),
    ("url", N_("Link")),
    ("volume", N_("Volume")),
    ("issue", N_("Issue")),
    ("pages", N_("Pages")),
    ("abstract", N_("Abstract")),
)
# Where each record came from: shown for reference, never marked, since two exports of one work always
# differ here and the marks would drown the differences that matter.
PROVENANCE = (
    ("source", N_("Source")),
    ("family", N_("Family")),
    ("file_name", N_("File")),
    ("position", N_("Position in file")),
)
_TOKENS = re.compile(r"\s+|[^\w\s]|\w+")


@dataclass
class Pair:
    raw_a: int
    raw_b: int
    score: float
    reason: str
    a: dict
    b: dict
    record_pairs: int = 1  # queued record pairs between the two works that this one answers for


def _with_status(conn: Connection, record: dict) -> dict:
    record["screened"] = screening_steps(conn, record.get("work_id"))
    return record


def screening_steps(conn: Connection, work_id: int | None) -> list[tuple[int, str]] | None:
    """Where a work stands: (stage, final decision) for each stage decided in turn ([] before any, None
    without a work), so a merge of two screened works is no surprise."""
    from screening.decisions import latest_final

    if work_id is None:
        return None
    reached = []
    for stage in (1, 2, 3):
        row = latest_final(conn, stage, [work_id]).get(work_id)
        if row is None:
            break
        reached.append((stage, row["decision"]))
    return reached


def status_text(steps: list[tuple[int, str]] | None, tr: Callable[[str], str] = str) -> str:
    """The steps as one line, e.g. "stage 1: include" ("not screened yet" before any)."""
    if steps is None:
        return tr("no work")
    return "; ".join(
        tr("stage {stage}: {decision}").format(stage=stage, decision=vocabulary_word(decision, tr))
        for stage, decision in steps
    ) or tr("not screened yet")


def open_pairs(conn: Connection, limit: int = 200) -> list[Pair]:
    """The uncertain pairs (``review.store.pairs``: one per pair of works, never two records already in one work),
    most alike first."""
    return [
        Pair(
            p["raw_a"],
            p["raw_b"],
            p["score"],
            loads(p.get("reason_message"), p["reason"] or ""),  # translatable where kept as a message
            _with_status(conn, record_with_file(conn, p["raw_a"])),
            _with_status(conn, record_with_file(conn, p["raw_b"])),
            p["record_pairs"],
        )
        for p in uncertain_pairs(conn, limit)
    ]


recent_verdicts = store_recent_verdicts  # each with the change it made (action_id, kind, other, undone_at)
work_size = records_in_work


def diff_html(left: str, right: str) -> tuple[str, str]:
    """Both texts escaped, with the tokens that differ wrapped in <mark class="diff">."""
    a, b = _TOKENS.findall(left or ""), _TOKENS.findall(right or "")
    out_a, out_b = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        piece_a, piece_b = html.escape("".join(a[i1:i2])), html.escape("".join(b[j1:j2]))
        if op == "equal":
            out_a.append(piece_a)
            out_b.append(piece_b)
        else:
            out_a.append(f'<mark class="diff">{piece_a}</mark>' if piece_a.strip() else piece_a)
            out_b.append(f'<mark class="diff">{piece_b}</mark>' if piece_b.strip() else piece_b)
    return "".join(out_a), "".join(out_b)


def pair_table_html(pair: Pair, tr: Callable[[str], str] = str) -> str:
    """The two records side by side; ``tr`` gives the row names in the reader's language."""
    rows = [
        f'<tr class="status"><th>{html.escape(tr("Screening"))}</th>'
        f"<td>{html.escape(status_text(pair.a.get('screened'), tr))}</td>"
        f"<td>{html.escape(status_text(pair.b.get('screened'), tr))}</td></tr>"
    ]
    for key, label in COMPARED:
        label = html.escape(tr(label))
        left = "" if pair.a.get(key) is None else str(pair.a.get(key))
        right = "" if pair.b.get(key) is None else str(pair.b.get(key))
        same = left == right
        cell_a, cell_b = (html.escape(left), html.escape(right)) if same else diff_html(left, right)
        rows.append(
            f'<tr class="{"same" if same else "differs"}"><th>{label}</th><td>{cell_a}</td><td>{cell_b}</td></tr>'
        )
    for key, label in PROVENANCE:
        label = html.escape(tr(label))
        left, right = (html.escape("" if side.get(key) is None else str(side.get(key))) for side in (pair.a, pair.b))
        rows.append(f'<tr class="provenance"><th>{label}</th><td>{left}</td><td>{right}</td></tr>')
    head = (
        f'<table class="pair" data-pair="{pair.raw_a}-{pair.raw_b}"><thead><tr><th></th>'
        + "".join(
            "<th>"
            + html.escape(tr("Record {record} (work {work})").format(record=raw, work=side.get("work_id") or "-"))
            + "</th>"
            for raw, side in ((pair.raw_a, pair.a), (pair.raw_b, pair.b))
        )
        + "</tr></thead><tbody>"
    )
    return PAIR_CSS + head + "".join(rows) + "</tbody></table>"


PAIR_CSS = """<style>
table.pair { border-collapse: collapse; width: 100%; font-size: .95rem; }
table.pair th, table.pair td { border-bottom: 1px solid #e6e6e6; padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
table.pair tbody th { color: #55555f; font-weight: 500; width: 9rem; }
table.pair tr.differs th { color: #9b1c1c; }
table.pair mark.diff { background: #ffd2cc; padding: 0 .1rem; color: #1a1a1a; }
table.pair tr.provenance th, table.pair tr.provenance td { color: #55555f; font-size: .85rem; }
table.pair tr.status td { font-weight: 600; }
</style>"""
