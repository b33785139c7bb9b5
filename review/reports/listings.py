"""Row-per-item listings: the PRISMA-S search log, raw records, works, decisions, and the ASReview hand-off.

The decisions listing uses the columns ``review decide --csv`` reads (work_id, stage, decision, reason,
reviewer, final), then the rest of the history, so an export can be edited and read back.
"""

from __future__ import annotations

from collections.abc import Sequence

from review.interfaces import NOT_RECORDED
from review.reports.collect import DecisionRow, RawRow, ScreeningWork, SearchLogEntry
from review.reports.tabular import Table
from review.synthetic import COLUMN as SYNTHETIC
from review.vocabulary import STAGES

SEARCH_LOG_COLUMNS = [
    "round",
    "family",
    "family_label",
    "source",
    "database",
    "interface",
    "settings",
    "query",
    "query_recorded",
    "searched",
    "filters",
    "hits",
    "records",
    "files",
    "format",
    "run_by",
    "problems",
]
PLANNED = "planned in the protocol; no search recorded"

ASREVIEW_COLUMNS = ["record_id", "title", "abstract", "authors", "year", "doi", "url", "label_included", SYNTHETIC]
# ASReview LAB reads label_included as 1 (relevant) / 0 (irrelevant); an empty cell means unlabelled.
ASREVIEW_STAGE = 1  # labels come from the title/abstract stage, the one ASReview models

DECISION_COLUMNS = [
    "work_id",
    "stage",
    "decision",
    "reason",
    "reviewer",
    "final",
    "note",
    "automatic",
    "created_at",
    "basis",
    SYNTHETIC,
]
REASON_SEPARATOR = "; "


def search_log_table(entries: Sequence[SearchLogEntry]) -> Table:
    """One row per search as run (from its search record), then the searches the protocol plans that no
    search covers, marked as planned. A string or filter nobody recorded says "not recorded"."""
    rows: list[list[object]] = []
    for e in entries:
        s = e.search
        if s is None:
            rows.append(
                [
                    None,
                    e.family,
                    e.family_label,
                    e.source,
                    None,
                    None,
                    None,
                    e.planned_query,
                    PLANNED,
                    None,
                    e.planned_filters,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                ]
            )
            continue
        filters = s.filters or f"{NOT_RECORDED} (protocol: {e.planned_filters})"
        rows.append(
            [
                s.round_label,
                e.family,
                e.family_label,
                e.source,
                s.database,
                s.interface_label,
                s.settings_text(),
                s.query_text,
                s.query_origin,
                s.searched,
                filters,
                s.hits,
                s.records,
                "; ".join(s.files),
                ", ".join(e.formats),
                s.run_by,
                e.problems,
            ]
        )
    return Table(columns=list(SEARCH_LOG_COLUMNS), rows=rows, title="Search log (PRISMA-S)")


def asreview_table(works: Sequence[ScreeningWork]) -> Table:
    rows = []
    for w in works:
        # People's decisions only, as the built-in ranker trains: a rule's exclusion (a thesis, a year
        # outside the search) says nothing about relevance, and a maybe is unlabelled.
        label = w.labels.get(ASREVIEW_STAGE)
        rows.append(
            [
                w.work_id,
                w.title,
                w.abstract,
                "; ".join(a.display() for a in w.authors),
                w.year,
                w.doi,
                w.url,
                label,
                w.synthetic,
            ]
        )
    return Table(columns=list(ASREVIEW_COLUMNS), rows=rows)


def raw_table(rows: Sequence[RawRow]) -> Table:
    return Table(
        columns=["raw_id", "file", "position", "work_id", "source", "family", "year", "title", "doi", SYNTHETIC],
        rows=[
            [r.raw_id, r.file_name, r.position, r.work_id, r.source, r.family, r.year, r.title, r.doi, r.synthetic]
            for r in rows
        ],
    )


def works_table(works: Sequence[ScreeningWork]) -> Table:
    columns = [
        "work_id",
        "family",
        "year",
        "title",
        "authors",
        "venue",
        "publisher",
        "doc_type",
        "language",
        "doi",
        "url",
        "peer_reviewed",
        "records",
        "sources",
        "families",
        "stage_1",
        "stage_2",
        "stage_3",
        SYNTHETIC,
    ]
    rows = [
        [
            w.work_id,
            w.family,
            w.year,
            w.title,
            "; ".join(a.display() for a in w.authors),
            w.venue,
            w.publisher,
            w.doc_type,
            w.language,
            w.doi,
            w.url,
            w.peer_reviewed,
            w.n_records,
            "; ".join(w.sources),
            "; ".join(w.families),
        ]
        + [w.final.get(stage) for stage in STAGES]
        + [w.synthetic]
        for w in works
    ]
    return Table(columns=columns, rows=rows)


def decisions_table(rows: Sequence[DecisionRow]) -> Table:
    return Table(
        columns=list(DECISION_COLUMNS),
        rows=[
            [
                d.work_id,
                d.stage,
                d.decision,
                REASON_SEPARATOR.join(d.reasons),
                d.reviewer,
                d.final,
                d.note,
                d.automatic,
                d.created_at,
                d.basis,
                d.synthetic,
            ]
            for d in rows
        ],
    )
