"""Updating a review for a new year range: a new round, its own imports and search log, and
deduplication against everything screened before, so earlier decisions are kept and never asked again."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, select

from review.auth import audit
from review.auth.roles import require
from review.errors import ReviewError
from review.ingest import ImportSummary, SearchInfo, import_batch
from review.manifest import read_search_manifest
from review.messages import Message
from review.protocol import Protocol
from review.rounds import current_round, open_round, round_years
from review.store import Store, schema
from review.store.works import live_works_query


@dataclass
class UpdateReport:
    round_id: int
    label: str
    years: tuple[int, int]
    opened: bool  # False when the round for these years was already open
    imports: list[ImportSummary] = field(default_factory=list)
    widened: tuple[int, int] | None = None  # review.toml's years after the round was opened


def parse_years(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", text or "")
    if not match or int(match.group(1)) > int(match.group(2)):
        raise ReviewError(Message("years must look like 2023-2025, not '{text}'", text=text))
    return int(match.group(1)), int(match.group(2))


def start_round(
    store: Store, protocol: Protocol, years: tuple[int, int], label: str | None = None, actor: str | None = None
) -> tuple[int, str, bool]:
    """Open a round for the years, or return the current one when it already covers exactly them."""

    def work(conn: Connection) -> tuple[int, str, bool]:
        require(conn, protocol, actor, "open-round")
        rid = current_round(conn, protocol)
        if round_years(conn, rid) == years:
            return rid, _label(conn, rid), False
        earlier = conn.execute(select(schema.rounds.c.year_to).order_by(schema.rounds.c.id.desc())).scalar()
        if earlier is not None and years[0] <= earlier:
            raise ReviewError(
                Message(
                    "the new round's years {first}-{last} overlap the previous round, which ended in {earlier}",
                    first=years[0],
                    last=years[1],
                    earlier=earlier,
                )
            )
        rid = open_round(conn, *years, label=(label or "").strip() or f"Update {years[0]}–{years[1]}")
        audit.log_event(conn, actor, "open-round", f"round {rid}", {"years": list(years)})
        return rid, _label(conn, rid), True

    return store.transact(work)


def _label(conn: Connection, round_id: int) -> str:
    return conn.execute(select(schema.rounds.c.label).where(schema.rounds.c.id == round_id)).scalar_one()


def update_review(
    store: Store,
    protocol: Protocol,
    years: tuple[int, int],
    files: Sequence[Path] = (),
    info: SearchInfo | None = None,
    manifest: Path | None = None,
    *,
    label: str | None = None,
    review_dir: Path | None = None,
    actor: str | None = None,
) -> UpdateReport:
    """Open (or continue) the round for ``years`` and import ``files`` (and a manifest's files) into it.

    The CLI (`review update`) and the Overview page both call this. With ``review_dir`` a newly
    opened round widens ``years`` in review.toml, so the protocol states the whole review's range;
    each search still uses its own round's years (review.rounds.search_round). ``actor`` is the signed-in
    person in the app (the core checks their role); the CLI passes None."""
    entries = read_search_manifest(manifest) if manifest else []
    if len(label or "") > 100:
        raise ReviewError(Message("a round's label may be at most 100 characters"))
    round_id, label, opened = start_round(store, protocol, years, label, actor=actor)
    report = UpdateReport(round_id=round_id, label=label, years=years, opened=opened)
    if opened and review_dir is not None:
        report.widened = extend_protocol_years(review_dir, years)
    items = [(Path(f), info or SearchInfo()) for f in files] + [(e.file, e.search_info()) for e in entries]
    if items:
        report.imports = import_batch(store, protocol, items, round_id=round_id, actor=actor)
    return report


def extend_protocol_years(review_dir: Path, years: tuple[int, int]) -> tuple[int, int]:
    """Widen ``years`` in review.toml to cover the new round; the line is edited in place, comments kept."""
    path = Path(review_dir) / "review.toml"
    text = path.read_text(encoding="utf-8")
    match = re.search(r"(?m)^years\s*=\s*\[\s*(\d{4})\s*,\s*(\d{4})\s*,?\s*\]", text)  # one line or several
    if not match:
        raise ReviewError(Message("{path}: no 'years = [first, last]' line to extend", path=path))
    widened = (min(int(match.group(1)), years[0]), max(int(match.group(2)), years[1]))
    text = text[: match.start()] + f"years = [{widened[0]}, {widened[1]}]" + text[match.end() :]
    path.write_text(text, encoding="utf-8")
    return widened


def list_rounds(conn: Connection) -> list[dict]:
    return [r._asdict() for r in conn.execute(select(schema.rounds).order_by(schema.rounds.c.id))]


def found_again(conn: Connection, round_id: int) -> list[int]:
    """Works first found in an earlier round that this round's searches found again."""
    r, i, links, w = schema.raw_records, schema.imports, schema.work_links, schema.works
    found_now = (
        select(links.c.work_id)
        .join(r, r.c.id == links.c.raw_id)
        .join(i, i.c.id == r.c.import_id)
        .where(i.c.round_id == round_id)
    )
    query = live_works_query().where(w.c.round_id < round_id, w.c.id.in_(found_now))
    return sorted(conn.execute(query).scalars())
