"""Shared fixtures. Records built here are synthetic test data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.bundled import write_starter_protocol
from review.ingest import SearchInfo, content_hash, store_result
from review.model import Author, ImportResult, RawRecord
from review.protocol import load_protocol
from review.rounds import current_round
from review.store import open_store, schema
from review.timeutil import now_iso

REPO = Path(__file__).resolve().parent.parent


def synthetic_records(n: int, *, family_titles: str = "Syntetisk rapport") -> list[RawRecord]:
    return [
        RawRecord(
            source="oria",
            format="ris",
            file_name="synthetic.ris",
            position=i + 1,
            line=1 + 12 * i,
            source_id=f"alma_synthetic_{i + 1}",
            title=f"{family_titles} nummer {i + 1}",
            authors=[Author("Nordmann", "Kari")],
            year=2016 + i % 7,
            doc_type="report",
            fields={"T1": [f"{family_titles} nummer {i + 1}"]},
        )
        for i in range(n)
    ]


def add_records(store, protocol, records, *, family="no", source="oria", label="synthetic") -> int:
    """Store records as one import; returns the import id."""
    result = ImportResult(file_name=f"{label}.ris", format="ris", encoding="utf-8", records=records, source=source)
    info = SearchInfo(source=source, family=family)
    with store.write() as conn:
        summary = store_result(
            conn, result, content_hash(f"{label}{len(records)}{family}".encode()), info, current_round(conn, protocol)
        )
    return summary.import_id


def singleton_works(store, family_rank=None) -> list[int]:
    """Test helper standing in for dedup: one work per unlinked raw record."""
    ids = []
    with store.write() as conn:
        rows = conn.execute(
            schema.raw_records.select().where(
                ~schema.raw_records.c.id.in_(schema.work_links.select().with_only_columns(schema.work_links.c.raw_id))
            )
        )
        for row in rows.fetchall():
            round_id = (
                conn.execute(schema.imports.select().where(schema.imports.c.id == row.import_id)).first().round_id
            )
            work_id = conn.execute(
                schema.works.insert().values(
                    round_id=round_id,
                    created_at=now_iso(),
                    title=row.title,
                    authors=row.authors,
                    year=row.year,
                    doc_type=row.doc_type,
                    family=row.family,
                    peer_reviewed=row.peer_reviewed,
                )
            ).inserted_primary_key[0]
            conn.execute(
                schema.work_links.insert().values(
                    raw_id=row.id, work_id=work_id, rule="first", decided_by="auto", decided_at=now_iso()
                )
            )
            ids.append(work_id)
    return ids


@pytest.fixture
def review_dir(tmp_path) -> Path:
    target = tmp_path / "rev"
    write_starter_protocol(target)
    return target


@pytest.fixture
def protocol(review_dir):
    return load_protocol(review_dir)


@pytest.fixture
def store(review_dir):
    s = open_store(review_dir)
    yield s
    s.close()


@pytest.fixture
def works(store, protocol) -> list[int]:
    """Ten synthetic works, one record each, in family 'no'."""
    add_records(store, protocol, synthetic_records(10))
    return singleton_works(store)


def set_stage_mode(review_dir: Path, stage: int, mode: str) -> None:
    path = review_dir / "review.toml"
    text = path.read_text(encoding="utf-8")
    marker = f"number = {stage}\n"
    head, tail = text.split(marker, 1)
    tail = tail.replace('mode = "single"', f'mode = "{mode}"', 1)
    path.write_text(head + marker + tail, encoding="utf-8")


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)
