"""Deduplication: raw records → works. Exact identifiers first, then fuzzy title/author/year matching.

``find_duplicates`` is pure (plain records in, groups out); ``run_dedup`` applies it to a review's
store incrementally; ``decide_pair``, ``undo_action`` and ``undo_merge`` let a person correct it, each
undo the exact inverse of the change it takes back.
"""

from review.dedup.engine import DedupResult, PairOutcome, find_duplicates  # noqa: F401
from review.dedup.records import LinkedRecord, work_records  # noqa: F401
from review.dedup.workflow import (  # noqa: F401
    DedupReport,
    GroupingChange,
    MergeConflict,
    decide_pair,
    list_pairs,
    merge_differences,
    resolve_pair,
    run_dedup,
    undo_action,
    undo_merge,
)
