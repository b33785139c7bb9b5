"""Reading raw records and work links back from the store as model objects."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import Connection, select

from review.errors import StoreError
from review.model import Author, RawRecord
from review.store import schema

_JSON_LISTS = ("isbns", "issns", "keywords")
_PLAIN = ("source", "format", "position", "line", "family", "query", "searched", "source_id", "cluster_id",
          "title", "year", "venue", "publisher", "doc_type", "language", "doi", "abstract", "url",
          "peer_reviewed", "cited_by", "volume", "issue", "pages")


def record_from_row(row) -> RawRecord:
    data = row._mapping
    record = RawRecord(**{name: data[name] for name in _PLAIN})
    record.title = record.title or ""
    record.authors = [Author(family, given) for family, given in json.loads(data["authors"] or "[]")]
    record.authors_truncated = bool(data["authors_truncated"])
    record.abstract_is_snippet = bool(data["abstract_is_snippet"])
    record.synthetic = bool(data["synthetic"])
    for name in _JSON_LISTS:
        setattr(record, name, json.loads(data[name] or "[]"))
    record.fields = json.loads(data["fields"] or "{}")
    return record


@dataclass
class LinkedRecord:
    raw_id: int
    rule: str
    score: Optional[float]
    decided_by: str
    record: RawRecord


def load_raw(conn: Connection) -> tuple[list[int], list[RawRecord], list[int]]:
    """Every raw record in id order: (ids, records, round ids)."""
    rows = conn.execute(select(schema.raw_records, schema.imports.c.round_id)
                        .join(schema.imports, schema.imports.c.id == schema.raw_records.c.import_id)
                        .order_by(schema.raw_records.c.id)).all()
    return [r.id for r in rows], [record_from_row(r) for r in rows], [r.round_id for r in rows]


def work_records(conn: Connection, work_id: int) -> list[LinkedRecord]:
    """The raw records of a work, earliest first, with how each was linked."""
    work = conn.execute(select(schema.works.c.id, schema.works.c.merged_into)
                        .where(schema.works.c.id == work_id)).first()
    if work is None:
        raise StoreError(f"there is no work {work_id}")
    links = schema.work_links
    rows = conn.execute(select(schema.raw_records, links.c.rule, links.c.score, links.c.decided_by)
                        .join(links, links.c.raw_id == schema.raw_records.c.id)
                        .where(links.c.work_id == work_id).order_by(schema.raw_records.c.id)).all()
    return [LinkedRecord(r.id, r.rule, r.score, r.decided_by, record_from_row(r)) for r in rows]
