"""Reading raw records and work links back from the store as model objects (``review.store.records``
owns the queries and the row mapping; re-exported here for the dedup code that grew up with them)."""

from review.store.records import LinkedRecord, load_raw, record_from_row, work_records  # noqa: F401
