"""After an import: group records into works and apply the protocol's automatic exclusions, so the
new works are ready to screen."""

from __future__ import annotations

from review.dedup import run_dedup
from review.protocol import Protocol
from review.store import Store
from screening.auto import apply_protocol_exclusions


def prepare_for_screening(store: Store, protocol: Protocol, *, progress: bool = False) -> str:
    """Deduplicate what is new, then exclude theses and out-of-range years; a one-line account."""
    dedup = run_dedup(store, protocol, progress=progress)
    excluded = apply_protocol_exclusions(store, protocol)
    return f"{dedup}; {excluded} work(s) excluded by protocol rules"
