"""Review rounds: the first search and each later update for a new year range.

Every import belongs to a round, and every work remembers the round it was first found in, so the
flow can be kept per round (PRISMA 2020's layout for updated reviews).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from review.errors import ReviewError
from review.protocol import Protocol
from review.store import schema
from review.store.db import inserted_id
from review.timeutil import now_iso


def current_round(conn: Connection, protocol: Protocol) -> int:
    """The newest round; the first one is opened with the protocol's years when none exists."""
    found = conn.execute(select(schema.rounds.c.id).order_by(schema.rounds.c.id.desc()).limit(1)).scalar()
    if found is not None:
        return found
    return open_round(conn, protocol.year_from, protocol.year_to, label="Round 1")


def open_round(conn: Connection, year_from: int, year_to: int, *, label: str | None = None) -> int:
    count = conn.execute(select(schema.rounds.c.id)).all()
    label = label or f"Round {len(count) + 1}"
    return inserted_id(
        conn.execute(
            schema.rounds.insert().values(label=label, year_from=year_from, year_to=year_to, opened_at=now_iso())
        )
    )


@dataclass(frozen=True)
class SearchRound:
    """The round a search run now belongs to: the newest round, or the first one still to be opened."""

    id: int | None
    label: str
    years: tuple[int, int]
    is_update: bool  # an earlier round exists: search the round's own years, re-run earlier strings


def search_round(conn: Connection, protocol: Protocol) -> SearchRound:
    """Each round has its own years: after `review update --years 2023-2025` the searches cover
    2023–2025, not the widened range review.toml now states for the whole review."""
    rows = conn.execute(select(schema.rounds).order_by(schema.rounds.c.id)).all()
    if not rows:
        return SearchRound(None, "Round 1", (protocol.year_from, protocol.year_to), False)
    last = rows[-1]
    return SearchRound(last.id, last.label, (last.year_from, last.year_to), len(rows) > 1)


def round_summaries(conn: Connection) -> list[dict]:
    """Every round with its years and what it holds: searches, records imported, works first found."""
    r, s, i, w = schema.rounds, schema.searches, schema.imports, schema.works
    searches: dict[int, int] = dict(conn.execute(select(s.c.round_id, func.count()).group_by(s.c.round_id)).all())
    records = dict(conn.execute(select(i.c.round_id, func.sum(i.c.n_records)).group_by(i.c.round_id)).all())
    works: dict[int, int] = dict(
        conn.execute(select(w.c.round_id, func.count()).where(w.c.merged_into.is_(None)).group_by(w.c.round_id)).all()
    )
    return [
        {
            "id": row.id,
            "label": row.label,
            "years": (row.year_from, row.year_to),
            "opened_at": row.opened_at,
            "searches": searches.get(row.id, 0),
            "records": int(records.get(row.id) or 0),
            "works": works.get(row.id, 0),
        }
        for row in conn.execute(select(r).order_by(r.c.id))
    ]


def round_ids(conn: Connection) -> list[int]:
    return list(conn.execute(select(schema.rounds.c.id).order_by(schema.rounds.c.id)).scalars())


def check_round(conn: Connection, round_id: int) -> int:
    """``round_id`` if the review has that round; otherwise a ReviewError naming the rounds it has."""
    rounds = round_ids(conn)
    if round_id not in rounds:
        raise ReviewError(
            f"no round {round_id}; this review has rounds "
            + (", ".join(map(str, rounds)) or "none yet (nothing imported)")
        )
    return round_id


def round_years(conn: Connection, round_id: int) -> tuple[int, int]:
    row = conn.execute(
        select(schema.rounds.c.year_from, schema.rounds.c.year_to).where(schema.rounds.c.id == round_id)
    ).one()
    return row.year_from, row.year_to
