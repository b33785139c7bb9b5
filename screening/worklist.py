"""Every work at a stage with where it stands, searchable and filterable, for the list of works
that lets a reviewer open any work (and change a decision) without stepping back one by one.

What a viewer sees respects blinding: another reviewer's vote on a work shows only once both have
voted (``screening.blinding``), so a filter by reviewer or decision never reveals a hidden vote."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from review.protocol import Protocol
from review.store import schema
from screening.agreement import conflicts
from screening.blinding import votes_visible
from screening.decisions import latest_final, latest_votes
from screening.queue import eligible
from screening.works import display_authors

STATUSES = ("open", "include", "exclude", "maybe", "voted")


@dataclass
class ListedWork:
    work_id: int
    title: str
    authors: str
    year: int | None
    status: str  # the final decision, "voted" (by this viewer, no final yet) or "open"
    votes: dict[str, str] = field(default_factory=dict)  # reviewer -> decision, as the viewer may see them
    conflict: bool = False
    hidden_votes: int = 0


def _folded(text: str) -> str:
    """Case and diacritics folded, so 'karriarvagledning' finds 'Karriärvägledning'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stage_list(
    conn: Connection,
    protocol: Protocol,
    stage: int,
    viewer: str,
    *,
    text: str = "",
    status: str | None = None,
    reviewer: str | None = None,
    maybe: bool = False,
    conflict: bool = False,
    round_id: int | None = None,
) -> list[ListedWork]:
    """Works eligible at a stage, filtered (see ``filtered``)."""
    return filtered(
        listed_works(conn, protocol, stage, viewer, round_id),
        text=text,
        status=status,
        reviewer=reviewer,
        maybe=maybe,
        conflict=conflict,
    )


def listed_works(
    conn: Connection, protocol: Protocol, stage: int, viewer: str, round_id: int | None = None
) -> list[ListedWork]:
    """Every work eligible at a stage as ``viewer`` may see it: the part that reads the store (the app
    keeps it while the store is unchanged and filters it per keystroke)."""
    ids = eligible(conn, stage, round_id)
    if not ids:
        return []
    final = latest_final(conn, stage, ids)
    every_vote = latest_votes(conn, stage)
    in_conflict = {c.work_id for c in conflicts(conn, stage)}
    w = schema.works
    rows = {r.id: r for r in conn.execute(select(w.c.id, w.c.title, w.c.authors, w.c.year).where(w.c.id.in_(ids)))}
    out = []
    for work_id in ids:
        row = rows[work_id]
        authors = display_authors(json.loads(row.authors or "[]"))
        votes = every_vote.get(work_id, {})
        seen = (
            votes if votes_visible(protocol, stage, votes, viewer) else {r: v for r, v in votes.items() if r == viewer}
        )
        shown = {r: v["decision"] for r, v in seen.items()}
        decided = final.get(work_id)
        if decided:
            shown.setdefault(decided["reviewer"], decided["decision"])
            state = decided["decision"]
        else:
            state = "voted" if viewer in votes else "open"
        out.append(
            ListedWork(
                work_id,
                row.title or "(no title)",
                authors,
                row.year,
                state,
                shown,
                work_id in in_conflict,
                len(votes) - len(seen),
            )
        )
    return out


def filtered(
    items: list[ListedWork],
    *,
    text: str = "",
    status: str | None = None,
    reviewer: str | None = None,
    maybe: bool = False,
    conflict: bool = False,
) -> list[ListedWork]:
    """``text`` in the title or an author's name, ``status`` (one of STATUSES), ``reviewer`` (works
    with a decision by that name the viewer may see), ``maybe`` (the latest visible decision is maybe
    and no final include/exclude), ``conflict``."""
    needle = _folded(text.strip())
    out = []
    for item in items:
        if needle and needle not in _folded(f"{item.title} {item.authors}"):
            continue
        if status and item.status != status:
            continue
        if reviewer and reviewer not in item.votes:
            continue
        # Without a final row the status is "open" or "voted"; a final maybe is status "maybe".
        if maybe and not (
            item.status == "maybe" or (item.status in ("open", "voted") and "maybe" in item.votes.values())
        ):
            continue
        if conflict and not item.conflict:
            continue
        out.append(item)
    return out
