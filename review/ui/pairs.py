"""Uncertain duplicate pairs side by side, with the words that differ marked (escaped HTML)."""

from __future__ import annotations

import difflib
import html
import json
import re
from dataclasses import dataclass

from sqlalchemy import Connection, and_, exists, select

from review.store import schema

COMPARED = (  # field, label: what says whether two records are one work; differences are marked
    ("title", "Title"), ("authors", "Authors"), ("year", "Year"), ("venue", "Venue"),
    ("publisher", "Publisher"), ("doc_type", "Type"), ("doi", "DOI"), ("url", "Link"), ("volume", "Volume"),
    ("issue", "Issue"), ("pages", "Pages"), ("abstract", "Abstract"),
)
# Where each record came from: shown for reference, never marked, since two exports of one work always
# differ here and the marks would drown the differences that matter.
PROVENANCE = (("source", "Source"), ("family", "Family"), ("file_name", "File"), ("position", "Position in file"))
_TOKENS = re.compile(r"\s+|[^\w\s]|\w+")


@dataclass
class Pair:
    raw_a: int
    raw_b: int
    score: float
    reason: str
    a: dict
    b: dict


def _authors(text: str | None) -> str:
    return "; ".join(", ".join(p for p in name if p) for name in json.loads(text or "[]"))


def _record(conn: Connection, raw_id: int) -> dict:
    r, i = schema.raw_records, schema.imports
    row = conn.execute(select(r, i.c.file_name).join(i, i.c.id == r.c.import_id).where(r.c.id == raw_id)).first()
    found = row._asdict()
    found["authors"] = _authors(found["authors"])
    link = conn.execute(select(schema.work_links.c.work_id).where(schema.work_links.c.raw_id == raw_id)).scalar()
    found["work_id"] = link
    found["status"] = screening_status(conn, link)
    return found


def screening_status(conn: Connection, work_id: int | None) -> str:
    """Where a work stands: the last stage with a final decision and that decision, e.g.
    "stage 1: include" ("not screened yet" before any), so a merge of two screened works is no surprise."""
    from screening.decisions import latest_final

    if work_id is None:
        return "no work"
    reached = []
    for stage in (1, 2, 3):
        row = latest_final(conn, stage, [work_id]).get(work_id)
        if row is None:
            break
        reached.append(f"stage {stage}: {row['decision']}")
    return "; ".join(reached) or "not screened yet"


def open_pairs(conn: Connection, limit: int = 200) -> list[Pair]:
    """Candidate pairs no person has judged yet, most similar first."""
    c, v = schema.candidate_pairs, schema.pair_verdicts
    judged = exists().where(and_(v.c.raw_a == c.c.raw_a, v.c.raw_b == c.c.raw_b))
    rows = conn.execute(select(c).where(~judged).order_by(c.c.score.desc(), c.c.raw_a).limit(limit)).all()
    return [Pair(r.raw_a, r.raw_b, r.score, r.reason or "", _record(conn, r.raw_a), _record(conn, r.raw_b))
            for r in rows]


def recent_verdicts(conn: Connection, limit: int = 20) -> list[dict]:
    """The latest verdicts on pairs, each with the work its first record belongs to now."""
    v, links = schema.pair_verdicts, schema.work_links
    query = (select(v, links.c.work_id).outerjoin(links, links.c.raw_id == v.c.raw_a)
             .order_by(v.c.id.desc()).limit(limit))
    return [row._asdict() for row in conn.execute(query)]


def work_size(conn: Connection, work_id: int) -> int:
    from sqlalchemy import func

    links = schema.work_links
    return conn.execute(select(func.count()).select_from(links).where(links.c.work_id == work_id)).scalar_one()


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
    rows = [f'<tr class="status"><th>Screening</th><td>{html.escape(pair.a.get("status") or "")}</td>'
            f'<td>{html.escape(pair.b.get("status") or "")}</td></tr>']
    for key, label in COMPARED:
        left = "" if pair.a.get(key) is None else str(pair.a.get(key))
        right = "" if pair.b.get(key) is None else str(pair.b.get(key))
        same = left == right
        cell_a, cell_b = (html.escape(left), html.escape(right)) if same else diff_html(left, right)
        rows.append(f'<tr class="{"same" if same else "differs"}"><th>{label}</th><td>{cell_a}</td>'
                    f"<td>{cell_b}</td></tr>")
    for key, label in PROVENANCE:
        left, right = (html.escape("" if side.get(key) is None else str(side.get(key))) for side in (pair.a, pair.b))
        rows.append(f'<tr class="provenance"><th>{label}</th><td>{left}</td><td>{right}</td></tr>')
    head = (f'<table class="pair" data-pair="{pair.raw_a}-{pair.raw_b}"><thead><tr><th></th>'
            f"<th>Record {pair.raw_a} (work {pair.a.get('work_id') or '-'})</th>"
            f"<th>Record {pair.raw_b} (work {pair.b.get('work_id') or '-'})</th></tr></thead><tbody>")
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
