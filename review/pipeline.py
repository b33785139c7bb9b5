"""Run a review's files end to end: import every export its manifest lists, deduplicate, apply the
decisions the team recorded in files, and apply the protocol rules, so the review is ready to screen
(or, for the bundled review, screened). `review example` and the app's bundled review call it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol as TypingProtocol

from review.dedup.verdict_file import apply_pair_verdicts
from review.ingest import import_batch
from review.manifest import read_search_manifest
from review.protocol import Protocol, load_protocol
from review.store import Store, open_store
from screening.bulk import apply_decisions_csv, apply_quality_csv, apply_summaries_toml
from screening.prepare import prepare_for_screening

MANIFEST = Path("exports") / "searches.toml"
RECORDED = Path("decisions")


@dataclass
class RunReport:
    imported: list[str] = field(default_factory=list)
    dedup: str = ""
    auto_excluded: int = 0
    pair_verdicts: int = 0
    decisions: int = 0
    ratings: int = 0
    summaries: int = 0
    warnings: list[str] = field(default_factory=list)


class AppliedFile(TypingProtocol):
    """What applying one file of recorded decisions reports (pair verdicts or screening decisions)."""

    rows: int
    skipped: int
    warnings: list[str]


def apply_recorded_files(store: Store, protocol: Protocol, folder: Path, report: RunReport) -> None:
    """Apply the files of ``folder`` that exist, in the order that makes each one's works exist."""
    steps: list[tuple[str, Callable[..., AppliedFile], str]] = [
        ("pairs.csv", apply_pair_verdicts, "pair_verdicts"),  # the lead's word on uncertain pairs
        ("quality.csv", apply_quality_csv, "ratings"),  # before decisions: stage-2 includes find them
        ("decisions.csv", apply_decisions_csv, "decisions"),
        ("summaries.toml", apply_summaries_toml, "summaries"),
    ]
    # A review re-run with an export left out still applies every decision it can.
    for name, apply, field_name in steps:
        if (folder / name).is_file():
            result = apply(store, protocol, folder / name, skip_unknown=True)
            setattr(report, field_name, result.rows)
            report.warnings += [f"{name}: {warning}" for warning in result.warnings]
            if result.skipped:
                report.warnings.append(f"{name}: {result.skipped} rows name records not in the review; skipped")


def run_review(review_dir: Path, *, progress: bool = False, say: Callable[[str], None] = lambda _: None) -> RunReport:
    """Import every listed export, deduplicate, apply the recorded decisions, then the protocol rules."""
    review_dir = Path(review_dir)
    protocol = load_protocol(review_dir)
    store = open_store(review_dir)
    report = RunReport()
    try:
        items = []
        for entry in read_search_manifest(review_dir / MANIFEST):
            if entry.file.is_file():
                items.append((entry.file, entry.search_info()))
            else:
                report.warnings.append(f"{entry.file.name}: listed in {MANIFEST.as_posix()} but missing; skipped")
        for summary in import_batch(store, protocol, items):
            report.imported.append(summary.describe())
            say(summary.describe())
        # Protocol rules apply to what no person decided: the team screened the Scholar theses itself.
        prepared = prepare_for_screening(
            store,
            protocol,
            progress=progress,
            recorded=lambda: apply_recorded_files(store, protocol, review_dir / RECORDED, report),
        )
        report.dedup, report.auto_excluded = str(prepared.dedup), prepared.excluded
    finally:
        store.close()
    return report
