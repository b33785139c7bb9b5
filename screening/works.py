"""Which works exist for screening, and how one is shown to a reviewer."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Connection, select

from review.store import schema
from review.store.works import decode_authors, decode_list, live_work_ids


active_work_ids = live_work_ids  # the older name; the definition lives with the works table


def work_view(conn: Connection, work_id: int) -> Optional[dict]:
    """A work's best fields plus where it was found (families, sources, files)."""
    row = conn.execute(select(schema.works).where(schema.works.c.id == work_id)).first()
    if row is None:
        return None
    view = row._asdict()
    view["authors"] = [[a.family, a.given] for a in decode_authors(view["authors"])]
    for key in ("isbns", "issns"):
        view[key] = decode_list(view[key])
    r, i = schema.raw_records, schema.imports
    found = conn.execute(
        select(r.c.id, r.c.source, r.c.family, r.c.format, r.c.position, i.c.file_name, i.c.round_id, r.c.title)
        .join(schema.work_links, schema.work_links.c.raw_id == r.c.id).join(i, i.c.id == r.c.import_id)
        .where(schema.work_links.c.work_id == work_id).order_by(r.c.id)).all()
    view["records"] = [f._asdict() for f in found]
    view["families"] = sorted({f.family for f in found if f.family})
    view["sources"] = sorted({f.source for f in found})
    view["rounds"] = sorted({f.round_id for f in found})  # > the work's own round: found again in an update
    return view


def display_authors(authors: list, limit: int = 6) -> str:
    names = [f"{fam}, {given}".strip(", ") for fam, given in authors]
    if len(names) > limit:
        return "; ".join(names[:limit]) + " et al."
    return "; ".join(names)
