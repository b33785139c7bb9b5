"""Uncertain duplicate pairs side by side, with the words that differ marked (escaped HTML)."""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

from sqlalchemy import Connection

from review.store.pairs import recent_verdicts as store_recent_verdicts
from review.store.pairs import uncertain_pairs
from review.store.records import record_with_file
from review.store.works import records_in_work

COMPARED = (  # field, label
    ("title", "Title"), ("authors", "Authors"), ("year", "Year"), ("venue", "Venue"),
    ("publisher", "Publisher"), ("doc_type", "Type"), ("doi", "DOI"), ("volume", "Volume"),
    ("issue", "Issue"), ("pages", "Pages"), ("source", "Source"), ("family", "Family"),
    ("file_name", "File"), ("position", "Position in file"),
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


def open_pairs(conn: Connection, limit: int = 200) -> list[Pair]:
    """The uncertain pairs (``review.store.pairs``: never two records already in one work), most alike first."""
    return [Pair(p["raw_a"], p["raw_b"], p["score"], p["reason"] or "", record_with_file(conn, p["raw_a"]),
                 record_with_file(conn, p["raw_b"])) for p in uncertain_pairs(conn, limit)]


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


def pair_table_html(pair: Pair) -> str:
    rows = []
    for key, label in COMPARED:
        left = "" if pair.a.get(key) is None else str(pair.a.get(key))
        right = "" if pair.b.get(key) is None else str(pair.b.get(key))
        same = left == right
        cell_a, cell_b = (html.escape(left), html.escape(right)) if same else diff_html(left, right)
        rows.append(f'<tr class="{"same" if same else "differs"}"><th>{label}</th><td>{cell_a}</td>'
                    f"<td>{cell_b}</td></tr>")
    head = (f'<table class="pair" data-pair="{pair.raw_a}-{pair.raw_b}"><thead><tr><th></th>'
            f"<th>Record {pair.raw_a} (work {pair.a.get('work_id') or '-'})</th>"
            f"<th>Record {pair.raw_b} (work {pair.b.get('work_id') or '-'})</th></tr></thead><tbody>")
    return PAIR_CSS + head + "".join(rows) + "</tbody></table>"


PAIR_CSS = """<style>
table.pair { border-collapse: collapse; width: 100%; font-size: .95rem; }
table.pair th, table.pair td { border-bottom: 1px solid #e6e6e6; padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
table.pair tbody th { color: #666; font-weight: 500; width: 9rem; }
table.pair tr.differs th { color: #a33; }
table.pair mark.diff { background: #ffd2cc; padding: 0 .1rem; }
</style>"""
