"""Which works exist for screening, and how one is shown to a reviewer (the queries live with the works
table in ``review.store.works``; the old names stay for callers)."""

from __future__ import annotations

from review.store.works import live_work_ids as active_work_ids  # noqa: F401
from review.store.works import work_view  # noqa: F401


def display_authors(authors: list, limit: int = 6) -> str:
    names = [f"{fam}, {given}".strip(", ") for fam, given in authors]
    if len(names) > limit:
        return "; ".join(names[:limit]) + " et al."
    return "; ".join(names)
