"""Queries on ``raw_records``, and the mapping between a RawRecord and its row, written once.

``record_row`` is how a record is stored (ingest), ``record_from_row`` how it reads back (dedup,
pages, exports): one place to change when a field is added.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, select

from review.errors import StoreError
from review.messages import Message
from review.model import RawRecord
from review.store import schema
from review.store.works import authors_text, decode_authors, encode_authors

_JSON_LISTS = ("isbns", "issns", "keywords")
_PLAIN = (
    "source",
    "format",
    "position",
    "line",
    "family",
    "query",
    "searched",
    "source_id",
    "cluster_id",
    "title",
    "year",
    "venue",
    "publisher",
    "doc_type",
    "language",
    "doi",
    "abstract",
    "url",
    "peer_reviewed",
    "cited_by",
    "volume",
    "issue",
    "pages",
)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def record_row(
    import_id: int,
    rec: RawRecord,
    *,
    family: str | None,
    query: str | None,
    searched: str | None,
    peer_reviewed: bool | None,
    synthetic: bool = False,
) -> dict:
    """The row that stores one record of an import (the search's family, query and date with it)."""
    return {
        "import_id": import_id,
        "position": rec.position,
        "line": rec.line,
        "source": rec.source,
        "format": rec.format,
        "family": family,
        "query": query,
        "searched": searched,
        "source_id": rec.source_id,
        "cluster_id": rec.cluster_id,
        "title": rec.title,
        "authors": encode_authors(rec.authors),
        "authors_truncated": rec.authors_truncated,
        "year": rec.year,
        "venue": rec.venue,
        "publisher": rec.publisher,
        "doc_type": rec.doc_type,
        "language": rec.language,
        "doi": rec.doi,
        "isbns": _json(rec.isbns),
        "issns": _json(rec.issns),
        "abstract": rec.abstract,
        "abstract_is_snippet": rec.abstract_is_snippet,
        "url": rec.url,
        "peer_reviewed": peer_reviewed,
        "cited_by": rec.cited_by,
        "volume": rec.volume,
        "issue": rec.issue,
        "pages": rec.pages,
        "keywords": _json(rec.keywords),
        "fields": _json(rec.fields),
        "synthetic": synthetic,
    }


def record_from_row(row) -> RawRecord:
    data = row._mapping
    record = RawRecord(**{name: data[name] for name in _PLAIN})
    record.title = record.title or ""
    record.authors = decode_authors(data["authors"])
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
    score: float | None
    decided_by: str
    record: RawRecord


def load_raw(conn: Connection) -> tuple[list[int], list[RawRecord], list[int]]:
    """Every raw record in id order: (ids, records, round ids)."""
    rows = conn.execute(
        select(schema.raw_records, schema.imports.c.round_id)
        .join(schema.imports, schema.imports.c.id == schema.raw_records.c.import_id)
        .order_by(schema.raw_records.c.id)
    ).all()
    return [r.id for r in rows], [record_from_row(r) for r in rows], [r.round_id for r in rows]


def work_records(conn: Connection, work_id: int) -> list[LinkedRecord]:
    """The raw records of a work, earliest first, with how each was linked."""
    work = conn.execute(select(schema.works.c.id).where(schema.works.c.id == work_id)).first()
    if work is None:
        raise StoreError(Message("there is no work {work_id}", work_id=work_id))
    links = schema.work_links
    rows = conn.execute(
        select(schema.raw_records, links.c.rule, links.c.score, links.c.decided_by)
        .join(links, links.c.raw_id == schema.raw_records.c.id)
        .where(links.c.work_id == work_id)
        .order_by(schema.raw_records.c.id)
    ).all()
    return [LinkedRecord(r.id, r.rule, r.score, r.decided_by, record_from_row(r)) for r in rows]


def record_with_file(conn: Connection, raw_id: int) -> dict:
    """One record's stored fields as shown side by side: authors as one line, its file and its work."""
    r, i, links = schema.raw_records, schema.imports, schema.work_links
    row = conn.execute(
        select(r, i.c.file_name, links.c.work_id)
        .join(i, i.c.id == r.c.import_id)
        .outerjoin(links, links.c.raw_id == r.c.id)
        .where(r.c.id == raw_id)
    ).first()
    if row is None:
        raise StoreError(Message("there is no raw record {raw_id}", raw_id=raw_id))
    found = row._asdict()
    found["authors"] = authors_text(found["authors"])
    return found


def records_of_import(conn: Connection, import_id: int, limit: int = 500) -> list[dict]:
    """The records one import stored, in file order, as read (before deduplication)."""
    r = schema.raw_records
    rows = conn.execute(
        select(r.c.position, r.c.line, r.c.title, r.c.authors, r.c.year, r.c.doc_type, r.c.venue, r.c.doi)
        .where(r.c.import_id == import_id)
        .order_by(r.c.position)
        .limit(limit)
    )
    return [{**row._asdict(), "authors": authors_text(row.authors)} for row in rows]
