"""Deduplication: raw records → works. Exact identifiers first, then fuzzy title/author/year matching.

``find_duplicates`` is pure (plain records in, groups out); ``run_dedup`` applies it to a review's
store incrementally; ``undo_merge`` and ``resolve_pair`` let a person correct it.
"""

from review.dedup.engine import DedupResult, PairOutcome, find_duplicates  # noqa: F401
from review.dedup.records import LinkedRecord, work_records  # noqa: F401
from review.dedup.workflow import DedupReport, list_pairs, resolve_pair, run_dedup, undo_merge  # noqa: F401
