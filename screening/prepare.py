"""After an import: group records into works and apply the protocol's automatic exclusions, so the
new works are ready to screen.

Every path that makes works ready (`review dedup`, the Import page, `review example` and the app's
bundled review through ``review.pipeline``) runs this one sequence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from review.auth import audit
from review.auth.roles import require
from review.dedup import run_dedup
from review.dedup.workflow import DedupReport
from review.messages import Message
from review.protocol import Protocol
from review.store import Store
from screening.auto import apply_protocol_exclusions


@dataclass
class Preparation:
    dedup: DedupReport
    excluded: int  # works excluded by a protocol rule (a thesis, a year outside the round's)

    def __str__(self) -> str:
        return Message(
            "{dedup}; {excluded} work(s) excluded by protocol rules", dedup=str(self.dedup), excluded=self.excluded
        )


def prepare_for_screening(
    store: Store,
    protocol: Protocol,
    *,
    progress: bool = False,
    actor: str | None = None,
    recorded: Callable[[], object] | None = None,
) -> Preparation:
    """Deduplicate what is new, then exclude theses and out-of-range years.

    ``actor`` is the signed-in person in the app (the core checks their role and logs the run); the CLI
    passes None. ``recorded`` applies what people already decided (a lead's verdicts on pairs,
    screening decisions) between the two steps: the grouping must exist for it, and the protocol rules
    apply only to works no person decided."""

    def check(conn) -> None:
        require(conn, protocol, actor, "dedup")
        audit.log_event(conn, actor, "dedup", None)

    store.transact(check)
    dedup = run_dedup(store, protocol, progress=progress)
    if recorded is not None:
        recorded()
    return Preparation(dedup, apply_protocol_exclusions(store, protocol))
