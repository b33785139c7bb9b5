"""A decision together with what the reviewer typed beside it (stage 2's quality ratings, stage 3's
summary), stored in one transaction: either all of it is kept or none of it is.

The page calls this for every include/exclude/maybe press, so ratings or a summary that were never
saved separately are not lost when the reviewer moves on; ``review decide`` applies its files the
same way (``screening.bulk.apply_files``)."""

from __future__ import annotations

from review.protocol import Protocol
from review.store import Store
from screening.decisions import Decision, Recorded, record_in
from screening.quality import write_changed_ratings
from screening.summaries import SummaryText, write_summary_if_changed


def record_with(
    store: Store,
    protocol: Protocol,
    decision: Decision,
    *,
    ratings: dict[str, tuple[str, str | None]] | None = None,
    summary: SummaryText | None = None,
) -> Recorded:
    """Store the ratings and summary (what changed) and then the decision, atomically.

    Ratings go first so that the stage-2 quality check on an include sees them."""

    def work(conn) -> Recorded:
        if ratings:
            write_changed_ratings(conn, protocol, decision.work_id, decision.reviewer, ratings)
        if summary is not None:
            write_summary_if_changed(conn, protocol, decision.work_id, summary, decision.reviewer)
        return record_in(conn, protocol, decision)

    return store.transact(work)
