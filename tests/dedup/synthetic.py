"""Synthetic records and a small store helper for the dedup tests (see README.md in this folder)."""

from __future__ import annotations

import json

from sqlalchemy import insert

from review.importers.build import split_authors
from review.model import RawRecord
from review.store import Store, schema
from review.timeutil import now_iso


def rec(title: str, authors: str = "", year: int | None = 2019, **extra) -> RawRecord:
    """A synthetic record; authors separated by ';' in any form exports use ('Nordmann, Kari', 'KA Nordmann'),
    read as a reader reads one name per value (so 'Opinion AS' is a company, 'Nordmann KA; Berg O' people)."""
    parsed, _ = split_authors(authors.split(";") if authors else [], "each")
    return RawRecord(title=title, authors=parsed, year=year, **extra)


_counter = iter(range(1, 10_000))


def add_records(store: Store, records: list[RawRecord], *, round_label: str = "2016-2022") -> list[int]:
    """Insert synthetic raw records as one import (what review/ingest.py does for a real file)."""
    with store.write() as conn:
        round_id = conn.execute(schema.rounds.select().where(schema.rounds.c.label == round_label)).scalar()
        if round_id is None:
            round_id = conn.execute(
                insert(schema.rounds).values(label=round_label, year_from=2016, year_to=2022, opened_at=now_iso())
            ).inserted_primary_key[0]
        n = next(_counter)
        import_id = conn.execute(
            insert(schema.imports).values(
                round_id=round_id,
                file_name=f"synthetic-{n}.ris",
                file_hash=f"hash-{n}",
                format="ris",
                source="other",
                encoding="utf-8",
                n_records=len(records),
                n_problems=0,
                imported_at=now_iso(),
            )
        ).inserted_primary_key[0]
        ids = []
        for position, r in enumerate(records, start=1):
            ids.append(
                conn.execute(
                    insert(schema.raw_records).values(
                        import_id=import_id,
                        position=position,
                        source=r.source,
                        format=r.format or "ris",
                        family=r.family,
                        source_id=r.source_id,
                        cluster_id=r.cluster_id,
                        title=r.title,
                        authors=json.dumps([[a.family, a.given] for a in r.authors]),
                        authors_truncated=r.authors_truncated,
                        year=r.year,
                        venue=r.venue,
                        doc_type=r.doc_type,
                        doi=r.doi,
                        isbns="[]",
                        issns="[]",
                        abstract=r.abstract,
                        abstract_is_snippet=r.abstract_is_snippet,
                        volume=r.volume,
                        pages=r.pages,
                        keywords="[]",
                        fields="{}",
                    )
                ).inserted_primary_key[0]
            )
    return ids


def add_decision(store: Store, work_id: int, reviewer: str = "Anna") -> None:
    with store.write() as conn:
        conn.execute(
            insert(schema.decisions).values(
                work_id=work_id,
                stage=1,
                reviewer=reviewer,
                decision="include",
                basis="reviewer",
                final=True,
                created_at=now_iso(),
            )
        )
