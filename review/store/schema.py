"""Table declarations. Changing a table means adding a migration in ``migrations.py``."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    CursorResult,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from review import vocabulary as vocab
from review.errors import StoreError
from review.vocabulary import sql_in

metadata = MetaData()

# The constraints are built from the one vocabulary (review/vocabulary.py); these names stay for callers.
DECISIONS = vocab.DECISIONS
STAGES = vocab.STAGES
RATINGS = vocab.QUALITY_RATINGS

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", String(32), nullable=False),
)

rounds = Table(
    "rounds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("label", String(100), nullable=False),
    Column("year_from", Integer, nullable=False),
    Column("year_to", Integer, nullable=False),
    Column("opened_at", String(32), nullable=False),
    CheckConstraint("year_from <= year_to", name="round_years_ordered"),
)

reviewers = Table(
    "reviewers",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("role", String(20), nullable=False, server_default="reviewer"),
    Column("added_at", String(32), nullable=False),
    CheckConstraint(sql_in("role", vocab.REVIEWER_ROLES), name="reviewer_role"),
    CheckConstraint("length(name) > 0", name="reviewer_name_nonempty"),
)

searches = Table(
    # One search as run (PRISMA-S items 1, 8, 9, 13, 16): see review/searches.py. Its files are imports.
    "searches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("rounds.id"), nullable=False),
    Column("family", String(40)),
    Column("source", String(20), nullable=False),
    Column("database", String(200), nullable=False),
    Column("interface", String(40), nullable=False),
    Column("settings", Text, nullable=False, server_default="{}"),  # JSON {setting: value} of the interface
    Column("query", Text),  # exactly as run; NULL: not recorded
    Column("query_origin", String(40), nullable=False),
    Column("searched", String(10)),
    Column("filters", Text),  # filters and limits as the person or the client stated them
    Column("hits", Integer),  # as the source reported them
    Column("run_by", String(200)),
    Column("method", String(20), nullable=False, server_default="export"),
    Column("reuses", Integer, ForeignKey("searches.id")),  # an update re-running an earlier string
    Column("notes", Text),
    Column("created_at", String(32), nullable=False),
    CheckConstraint(sql_in("source", vocab.SOURCES), name="search_source"),
    CheckConstraint("hits IS NULL OR hits >= 0", name="search_hits"),
)

imports = Table(
    "imports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("rounds.id"), nullable=False),
    Column("file_name", String(500), nullable=False),
    Column("file_hash", String(64), nullable=False, unique=True),
    Column("format", String(40), nullable=False),
    Column("source", String(20), nullable=False),
    Column("family", String(40)),
    Column("query", Text),
    Column("searched", String(10)),
    Column("filters", Text),  # JSON object, e.g. {"peer_reviewed": true, "years": [2016, 2022]}
    Column("encoding", String(40), nullable=False),
    Column("repaired_mojibake", Integer, nullable=False, server_default="0"),
    Column("n_records", Integer, nullable=False),
    Column("n_problems", Integer, nullable=False),
    Column("problems", Text),  # JSON list of {record, line, message, fatal}
    Column("imported_at", String(32), nullable=False),
    # The database(s) the file names ("ERIC; EBSCOhost", "Scopus (Publish or Perish)"), apart from
    # ``source``, which keeps to the protocol's three sources.
    Column("database", String(200)),
    Column("search_id", Integer, ForeignKey("searches.id")),  # the search the file came from
    CheckConstraint(sql_in("source", vocab.SOURCES), name="import_source"),
    CheckConstraint("n_records >= 0 AND n_problems >= 0", name="import_counts"),
)

raw_records = Table(
    "raw_records",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("line", Integer),
    Column("source", String(20), nullable=False),
    Column("format", String(40), nullable=False),
    Column("family", String(40)),
    Column("query", Text),
    Column("searched", String(10)),
    Column("source_id", String(300)),
    Column("cluster_id", String(64)),
    Column("title", Text, nullable=False),
    Column("authors", Text, nullable=False),  # JSON [[family, given], ...]
    Column("authors_truncated", Boolean, nullable=False, server_default="0"),
    Column("year", Integer),
    Column("venue", Text),
    Column("publisher", Text),
    Column("doc_type", String(20), nullable=False),
    Column("language", String(8)),
    Column("doi", String(300)),
    Column("isbns", Text, nullable=False),  # JSON list
    Column("issns", Text, nullable=False),  # JSON list
    Column("abstract", Text),
    Column("abstract_is_snippet", Boolean, nullable=False, server_default="0"),
    Column("url", Text),
    Column("peer_reviewed", Boolean),
    Column("cited_by", Integer),
    Column("volume", String(50)),
    Column("issue", String(50)),
    Column("pages", String(50)),
    Column("keywords", Text, nullable=False),  # JSON list
    Column("fields", Text, nullable=False),  # JSON {tag: [values]} exactly as read
    Column("synthetic", Boolean, nullable=False, server_default="0"),  # marked as a stand-in in its file
    UniqueConstraint("import_id", "position", name="raw_position_unique"),
    CheckConstraint("position >= 1", name="raw_position_positive"),
    CheckConstraint(sql_in("source", vocab.SOURCES), name="raw_source"),
    CheckConstraint(sql_in("doc_type", vocab.DOC_TYPES), name="raw_doc_type"),
)
Index("ix_raw_doi", raw_records.c.doi)
Index("ix_raw_source_id", raw_records.c.source_id)
Index("ix_raw_cluster_id", raw_records.c.cluster_id)

works = Table(
    "works",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("rounds.id"), nullable=False),  # round it was first found in
    Column("created_at", String(32), nullable=False),
    Column("merged_into", Integer, ForeignKey("works.id")),  # set when a person merged it into another work
    # Best value of each field over the work's raw records; recomputed whenever its links change.
    Column("title", Text, nullable=False, server_default=""),
    Column("authors", Text, nullable=False, server_default="[]"),
    Column("authors_truncated", Boolean, nullable=False, server_default="0"),
    Column("year", Integer),
    Column("venue", Text),
    Column("publisher", Text),
    Column("doc_type", String(20), nullable=False, server_default="other"),
    Column("language", String(8)),
    Column("doi", String(300)),
    Column("isbns", Text, nullable=False, server_default="[]"),
    Column("issns", Text, nullable=False, server_default="[]"),
    Column("abstract", Text),
    Column("abstract_is_snippet", Boolean, nullable=False, server_default="0"),
    Column("url", Text),
    Column("peer_reviewed", Boolean),
    Column("family", String(40)),  # the family it counts for (first in protocol order that found it)
    Column("synthetic", Boolean, nullable=False, server_default="0"),  # every raw record of it is a stand-in
    CheckConstraint(sql_in("doc_type", vocab.DOC_TYPES), name="work_doc_type"),
    CheckConstraint("merged_into IS NULL OR merged_into <> id", name="work_not_merged_into_itself"),
)

work_links = Table(
    "work_links",
    metadata,
    Column("raw_id", Integer, ForeignKey("raw_records.id"), primary_key=True),
    Column("work_id", Integer, ForeignKey("works.id"), nullable=False),
    Column(
        "rule", String(40), nullable=False
    ),  # "first", "doi", "record-id", "cluster-id", "repository", "fuzzy", "person"
    Column("score", Float),
    Column("decided_by", String(200), nullable=False),  # "auto" or a reviewer name
    Column("decided_at", String(32), nullable=False),
)
Index("ix_links_work", work_links.c.work_id)

candidate_pairs = Table(
    "candidate_pairs",
    metadata,
    Column("raw_a", Integer, ForeignKey("raw_records.id"), primary_key=True),
    Column("raw_b", Integer, ForeignKey("raw_records.id"), primary_key=True),
    Column("score", Float, nullable=False),
    Column("reason", Text),
    Column("created_at", String(32), nullable=False),
    Column("reason_message", Text),  # the reason as review.messages data (JSON), for the app to translate
    CheckConstraint("raw_a < raw_b", name="pair_ordered"),
)

pair_verdicts = Table(
    "pair_verdicts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("raw_a", Integer, ForeignKey("raw_records.id"), nullable=False),
    Column("raw_b", Integer, ForeignKey("raw_records.id"), nullable=False),
    Column("verdict", String(20), nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("note", Text),
    Column("decided_at", String(32), nullable=False),
    Column("row_hash", Text),  # link in the tamper-evident chain (store/chain.py)
    CheckConstraint("raw_a < raw_b", name="verdict_pair_ordered"),
    CheckConstraint(sql_in("verdict", vocab.PAIR_VERDICTS), name="verdict_value"),
)
Index("ix_verdict_pair", pair_verdicts.c.raw_a, pair_verdicts.c.raw_b)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("work_id", Integer, ForeignKey("works.id"), nullable=False),
    Column("stage", Integer, nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("decision", String(10), nullable=False),
    Column("reasons", Text, nullable=False, server_default="[]"),  # JSON list of reason texts
    Column("note", Text),
    Column("final", Boolean, nullable=False, server_default="0"),
    Column("automatic", Boolean, nullable=False, server_default="0"),  # basis == "rule" (kept for old readers)
    # Who decided: a rule, one reviewer, two who agreed, the lead reconciling, or a vote (vocabulary.BASES).
    Column("basis", String(20), nullable=False),
    Column("order_mode", String(20)),  # how the queue was ordered when it was made: random, ranked, ...
    Column("created_at", String(32), nullable=False),
    Column("row_hash", Text),  # link in the tamper-evident chain (store/chain.py)
    CheckConstraint(sql_in("stage", vocab.STAGES), name="decision_stage"),
    CheckConstraint(sql_in("decision", vocab.DECISIONS), name="decision_value"),
    CheckConstraint("length(reviewer) > 0", name="decision_reviewer_nonempty"),
    CheckConstraint(sql_in("basis", vocab.BASES), name="decision_basis"),
)
Index("ix_decisions_work_stage", decisions.c.work_id, decisions.c.stage)

quality_ratings = Table(
    "quality_ratings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("work_id", Integer, ForeignKey("works.id"), nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("criterion", String(60), nullable=False),
    Column("rating", String(10), nullable=False),
    Column("note", Text),
    Column("created_at", String(32), nullable=False),
    Column("row_hash", Text),  # link in the tamper-evident chain (store/chain.py)
    CheckConstraint(sql_in("rating", vocab.QUALITY_RATINGS), name="rating_value"),
)
Index("ix_quality_work", quality_ratings.c.work_id)

summaries = Table(
    "summaries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("work_id", Integer, ForeignKey("works.id"), nullable=False),
    Column("aim", Text, nullable=False, server_default=""),
    Column("method", Text, nullable=False, server_default=""),
    Column("findings", Text, nullable=False, server_default=""),
    Column("appendix_group", String(200)),
    Column("author", String(200), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("row_hash", Text),  # link in the tamper-evident chain (store/chain.py)
)
Index("ix_summaries_work", summaries.c.work_id)

custom_reasons = Table(
    "custom_reasons",
    metadata,
    Column("stage", Integer, primary_key=True),
    Column("reason", String(500), primary_key=True),
    Column("added_by", String(200), nullable=False),
    Column("added_at", String(32), nullable=False),
    CheckConstraint(sql_in("stage", vocab.STAGES), name="custom_reason_stage"),
)

attachments = Table(
    "attachments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("work_id", Integer, ForeignKey("works.id"), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("location", Text, nullable=False),  # a URL, or a path relative to the review directory
    Column("added_by", String(200), nullable=False),
    Column("added_at", String(32), nullable=False),
    CheckConstraint(sql_in("kind", vocab.ATTACHMENT_KINDS), name="attachment_kind"),
)

stopping_decisions = Table(
    "stopping_decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("stage", Integer, nullable=False),
    Column("round_id", Integer, ForeignKey("rounds.id"), nullable=False),
    Column("basis", String(20), nullable=False),  # "criterion": the statistical test; "reviewers": their call
    Column("statement", Text, nullable=False),  # the test's sentence at the time, as the report quotes it
    Column("p_value", Float),
    Column("recall_target", Float),
    Column("confidence", Float),
    Column("screened", Integer, nullable=False),  # works with a final decision by people when it was made
    Column("unscreened", Integer, nullable=False),  # works left without one
    Column("note", Text),
    Column("decided_by", String(200), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("row_hash", Text),  # link in the tamper-evident chain (store/chain.py)
    CheckConstraint(sql_in("stage", vocab.STAGES), name="stop_stage"),
    CheckConstraint("basis IN ('criterion', 'reviewers')", name="stop_basis"),
)


# Sign-in (issue 17). Accounts change (a new password, a disabled account); every change is also an
# event below, so the history lives in the append-only table and the current state here.
accounts = Table(
    "accounts",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("name_key", String(200), nullable=False, unique=True),  # folded: 'Anna' and 'anna' are one person
    Column("role", String(20), nullable=False),
    Column("password_hash", Text),  # argon2; NULL: signs in through the identity provider only
    Column("email", String(320)),  # verified e-mail from single sign-on, folded
    Column("subject", String(300)),  # the provider's stable subject, when e-mail is not used
    Column("disabled", Boolean, nullable=False, server_default="0"),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    CheckConstraint("role IN ('lead', 'reviewer', 'viewer')", name="account_role"),
    CheckConstraint("length(name) > 0", name="account_name_nonempty"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", String(32), nullable=False),
    Column("actor", String(200), nullable=False),  # an account name, or 'command line (USER)'
    Column("action", String(40), nullable=False),
    Column("target", Text),  # what it acted on: a work, a file, an account
    Column("detail", Text),  # JSON object; never a password or hash
    Column("ok", Boolean, nullable=False, server_default="1"),  # False: a refused or failed attempt
    Column("row_hash", Text),  # chained to the event before (store/chain.py)
)
Index("ix_events_action_at", events.c.action, events.c.at)

preferences = Table(
    # What a person chose to keep between visits (the interface language), keyed by the name the app
    # knows them by: the signed-in account, or the reviewer name in solo use. Owner '' is the review's
    # own choice, used when nobody is signed in.
    "preferences",
    metadata,
    Column("owner", String(200), primary_key=True),
    Column("key", String(50), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", String(32), nullable=False),
)

# History tables: rows are only ever added, and each carries ``row_hash`` chained to the row before
# (store/chain.py). A new history table (an audit log, say) joins by being listed here.
APPEND_ONLY_TABLES = ("decisions", "quality_ratings", "summaries", "pair_verdicts", "stopping_decisions", "events")

dedup_actions = Table(
    # What each change to the grouping did, so it can be undone exactly: a merge moved ``raw_ids`` from
    # work ``other`` into ``work``; a split moved them out of ``work`` into ``other``. ``verdict_id`` names
    # the person's verdict that caused it (none for a run's automatic join; kind "none" for a verdict that
    # moved nothing); ``pair_score``/``pair_reason``/``pair_reason_message`` keep the queue entry the verdict took away.
    "dedup_actions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("verdict_id", Integer, ForeignKey("pair_verdicts.id")),
    Column("work", Integer, ForeignKey("works.id")),
    Column("other", Integer, ForeignKey("works.id")),
    Column("raw_ids", Text, nullable=False, server_default="[]"),  # JSON list
    Column("pair_score", Float),
    Column("pair_reason", Text),
    Column("pair_reason_message", Text),  # the reason as a translatable message (candidate_pairs.reason_message)
    Column("decided_by", String(200), nullable=False),
    Column("decided_at", String(32), nullable=False),
    Column("undone_by", String(200)),
    Column("undone_at", String(32)),
    CheckConstraint(sql_in("kind", vocab.DEDUP_ACTIONS), name="dedup_action_kind"),
)
Index("ix_dedup_actions_work", dedup_actions.c.work)


def inserted_id(result: CursorResult) -> int:
    """The primary key of the row an INSERT just wrote."""
    key = result.inserted_primary_key
    if key is None:
        raise StoreError("the database did not return the new row's id")
    return int(key[0])
