"""After an import: group records into works and apply the protocol's automatic exclusions, so the
new works are ready to screen."""

from __future__ import annotations

from typing import Optional

from review.auth import audit
from review.auth.roles import require
from review.dedup import run_dedup
from review.protocol import Protocol
from review.store import Store
from screening.auto import apply_protocol_exclusions


def prepare_for_screening(store: Store, protocol: Protocol, *, progress: bool = False,
                          actor: Optional[str] = None) -> str:
    """Deduplicate what is new, then exclude theses and out-of-range years; a one-line account."""
    def check(conn) -> None:
        require(conn, protocol, actor, "dedup")
        audit.log_event(conn, actor, "dedup", None)

    store.transact(check)
    dedup = run_dedup(store, protocol, progress=progress)
    excluded = apply_protocol_exclusions(store, protocol)
    return f"{dedup}; {excluded} work(s) excluded by protocol rules"
