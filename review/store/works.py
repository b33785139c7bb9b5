"""Queries on ``works`` and ``work_links``: which works are live, how a stored author list reads back.

A work is *live* when it holds at least one raw record and was not merged into another work. Every
count, queue and export asks this module, so the definition cannot drift between them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import Connection, Select, exists, func, select

from review.model import Author
from review.store import schema


def live_works_query(round_id: int | None = None) -> Select:
    """SELECT works.id of the live works (optionally only those first found in ``round_id``)."""
    w, links = schema.works, schema.work_links
    query = select(w.c.id).where(w.c.merged_into.is_(None), exists().where(links.c.work_id == w.c.id))
    if round_id is not None:
        query = query.where(w.c.round_id == round_id)
    return query


def live_work_ids(conn: Connection, round_id: int | None = None) -> list[int]:
    """Live works, oldest first."""
    return list(conn.execute(live_works_query(round_id).order_by(schema.works.c.id)).scalars())


def earlier_live_work_ids(conn: Connection, round_id: int) -> list[int]:
    """Live works first found in a round before ``round_id`` (an update's "previous studies")."""
    w = schema.works
    query = live_works_query().where(w.c.round_id < round_id).order_by(w.c.id)
    return list(conn.execute(query).scalars())


def works_signature(conn: Connection) -> tuple[int, int]:
    """Changes whenever works are added or merged: a cache key for an order over the live works."""
    w = schema.works
    row = conn.execute(select(func.count(w.c.id), func.max(w.c.id)).where(w.c.merged_into.is_(None))).one()
    return int(row[0]), int(row[1] or 0)


def work_state(conn: Connection, work_id: int):
    """(id, merged_into) of a work, or None when there is no such work."""
    w = schema.works
    return conn.execute(select(w.c.id, w.c.merged_into).where(w.c.id == work_id)).first()


def surviving_work(conn: Connection, work_id: int) -> int:
    """Follow ``merged_into`` from a work to the live work that absorbed it."""
    seen: set[int] = set()
    while work_id not in seen:
        seen.add(work_id)
        target = conn.execute(select(schema.works.c.merged_into).where(schema.works.c.id == work_id)).scalar()
        if target is None:
            return work_id
        work_id = target
    return work_id


def records_in_work(conn: Connection, work_id: int) -> int:
    links = schema.work_links
    return conn.execute(select(func.count()).select_from(links).where(links.c.work_id == work_id)).scalar_one()


def work_of_record(conn: Connection, raw_id: int) -> int | None:
    links = schema.work_links
    return conn.execute(select(links.c.work_id).where(links.c.raw_id == raw_id)).scalar()


def titles(conn: Connection, work_ids: Iterable[int]) -> dict[int, tuple[str, int | None]]:
    """work id -> (title, year)."""
    w = schema.works
    ids = list(work_ids)
    if not ids:
        return {}
    return {
        r.id: (r.title or "", r.year) for r in conn.execute(select(w.c.id, w.c.title, w.c.year).where(w.c.id.in_(ids)))
    }


def work_view(conn: Connection, work_id: int) -> dict | None:
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
        .join(schema.work_links, schema.work_links.c.raw_id == r.c.id)
        .join(i, i.c.id == r.c.import_id)
        .where(schema.work_links.c.work_id == work_id)
        .order_by(r.c.id)
    ).all()
    view["records"] = [f._asdict() for f in found]
    view["families"] = sorted({f.family for f in found if f.family})
    view["sources"] = sorted({f.source for f in found})
    view["rounds"] = sorted({f.round_id for f in found})  # > the work's own round: found again in an update
    return view


def work_texts(conn: Connection, work_ids: list[int]) -> list[str]:
    """Title and abstract of each work, in the order given (what the ranker reads)."""
    if not work_ids:
        return []
    w = schema.works
    rows = conn.execute(select(w.c.id, w.c.title, w.c.abstract).where(w.c.id.in_(work_ids)))
    text = {r.id: f"{r.title or ''} {r.abstract or ''}" for r in rows}
    return [text[i] for i in work_ids]


# --- the mapping between stored JSON columns and values (written once) -------------------------------


def decode_authors(text: str | None) -> list[Author]:
    """A stored author list (JSON ``[[family, given], ...]``) as Authors; damaged text reads as none."""
    try:
        pairs = json.loads(text or "[]")
    except ValueError:
        return []
    if not isinstance(pairs, list):
        return []
    out = []
    for pair in pairs:
        if isinstance(pair, str):
            out.append(Author(pair))
        elif pair:
            out.append(Author(str(pair[0]), str(pair[1]) if len(pair) > 1 and pair[1] else ""))
    return out


def encode_authors(authors: Iterable[Author]) -> str:
    return json.dumps([[a.family, a.given] for a in authors], ensure_ascii=False)


def authors_text(text: str | None) -> str:
    """A stored author list as one line, ``Family, Given; Family, Given``."""
    return "; ".join(a.display() for a in decode_authors(text))


def decode_list(text: str | None) -> list[str]:
    """A stored JSON list of strings; a damaged value reads as itself."""
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return [text] if text else []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]
