"""The search record: one row per search as run, with what PRISMA-S asks a methods section to report.

A search is where and how the records of one or more export files were found: the database and the
interface it was searched through (with the settings of that interface that change what it returns),
the string exactly as run, the date, the filters and limits, the hits the source reported, the records
exported (the sum over the search's imports), who ran it, and whether it re-ran an earlier round's
string. Nothing is filled in from the protocol: a string nobody recorded is "not recorded".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from review.errors import ReviewError
from review.interfaces import INTERFACES, LEGACY, NOT_RECORDED, QUERY_ORIGINS, check_settings, default_interface
from review.messages import Message
from review.store import schema
from review.store.db import inserted_id
from review.timeutil import now_iso


@dataclass
class SearchFacts:
    """What is known about one search before its files are stored."""

    source: str
    family: str | None = None
    database: str | None = None
    interface: str | None = None  # a key of INTERFACES
    settings: dict[str, str] = field(default_factory=dict)
    query: str | None = None
    query_origin: str = NOT_RECORDED
    searched: str | None = None
    filters: str | None = None
    hits: int | None = None
    run_by: str | None = None
    method: str = "export"
    reuses: int | None = None  # the earlier search whose string this one re-ran
    notes: str | None = None


def record_search(conn: Connection, round_id: int, facts: SearchFacts, file_format: str = "") -> int:
    """Store one search inside the caller's transaction; its imports point at the id returned."""
    interface = facts.interface or default_interface(facts.source, file_format)
    check_settings(interface, facts.settings)
    origin = facts.query_origin if facts.query else NOT_RECORDED
    if origin not in QUERY_ORIGINS:
        raise ReviewError(Message("unknown query origin '{origin}'", origin=origin))
    if facts.hits is not None and facts.hits < 0:
        raise ReviewError(Message("hits must not be negative, not {hits}", hits=facts.hits))
    database = facts.database or INTERFACES[interface].database
    return inserted_id(
        conn.execute(
            schema.searches.insert().values(
                round_id=round_id,
                family=facts.family,
                source=facts.source,
                database=database,
                interface=interface,
                settings=json.dumps(facts.settings, ensure_ascii=False, sort_keys=True),
                query=facts.query or None,
                query_origin=origin,
                searched=facts.searched,
                filters=facts.filters,
                hits=facts.hits,
                run_by=facts.run_by,
                method=facts.method,
                reuses=facts.reuses,
                notes=facts.notes,
                created_at=now_iso(),
            )
        )
    )


@dataclass
class SearchRecord:
    """One search as the search appendix and the search log show it."""

    id: int
    round_id: int
    round_label: str
    family: str | None
    source: str
    database: str
    interface: str  # a key of INTERFACES
    settings: dict[str, str]
    query: str | None
    query_origin: str
    searched: str | None
    filters: str | None
    hits: int | None
    records: int  # exported and imported: the sum over the search's files
    files: list[str]
    run_by: str | None
    method: str
    reuses: int | None
    notes: str | None

    @property
    def interface_label(self) -> str:
        return INTERFACES[self.interface].label if self.interface in INTERFACES else self.interface

    def settings_text(self) -> str:
        """Every setting the interface should state, in its order; those not given say so."""
        wanted = [key for key, _ in INTERFACES.get(self.interface, INTERFACES["other"]).settings]
        keys = wanted + sorted(k for k in self.settings if k not in wanted)
        return "; ".join(f"{k}={self.settings.get(k, NOT_RECORDED)}" for k in keys)

    @property
    def query_text(self) -> str:
        return self.query if self.query else NOT_RECORDED

    @property
    def query_for_report(self) -> str:
        """The string for a methods table: one an older version stored is flagged, since it may be the
        protocol's string rather than the one run."""
        if self.query and self.query_origin == LEGACY:
            return f"{self.query} [{LEGACY}: may be the protocol's string; check]"
        return self.query_text


def list_searches(conn: Connection, round_id: int | None = None) -> list[SearchRecord]:
    """Every search (or one round's) in the order they were run."""
    s, i, r = schema.searches, schema.imports, schema.rounds
    query = (
        select(s, r.c.label.label("round_label"))
        .join(r, r.c.id == s.c.round_id)
        .order_by(s.c.round_id, s.c.searched, s.c.id)
    )
    if round_id is not None:
        query = query.where(s.c.round_id == round_id)
    files: dict[int, list[tuple[str, int]]] = {}
    for search_id, name, n in conn.execute(
        select(i.c.search_id, i.c.file_name, i.c.n_records).where(i.c.search_id.is_not(None)).order_by(i.c.id)
    ):
        files.setdefault(search_id, []).append((name, n))
    out = []
    for row in conn.execute(query).mappings():
        mine = files.get(row["id"], [])
        out.append(
            SearchRecord(
                id=row["id"],
                round_id=row["round_id"],
                round_label=row["round_label"],
                family=row["family"],
                source=row["source"],
                database=row["database"],
                interface=row["interface"],
                settings=json.loads(row["settings"] or "{}"),
                query=row["query"],
                query_origin=row["query_origin"],
                searched=row["searched"],
                filters=row["filters"],
                hits=row["hits"],
                records=sum(n for _, n in mine),
                files=[name for name, _ in mine],
                run_by=row["run_by"],
                method=row["method"],
                reuses=row["reuses"],
                notes=row["notes"],
            )
        )
    return out


def latest_search(
    conn: Connection, family: str, source: str, *, before_round: int | None = None, interface: str | None = None
) -> SearchRecord | None:
    """The newest search of a family and source with a recorded string (an update re-runs it)."""
    s = schema.searches
    query = (
        select(s.c.id, s.c.round_id)
        .where(s.c.family == family, s.c.source == source, s.c.query.is_not(None), s.c.query_origin != LEGACY)
        .order_by(s.c.round_id.desc(), s.c.id.desc())
    )
    if before_round is not None:
        query = query.where(s.c.round_id < before_round)
    if interface is not None:
        query = query.where(s.c.interface == interface)
    found = conn.execute(query.limit(1)).first()
    if found is None:
        return None
    return next(rec for rec in list_searches(conn, found.round_id) if rec.id == found.id)


def count_searches(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(schema.searches)).scalar_one()
