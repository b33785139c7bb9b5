"""The fixed vocabulary of a review, defined once.

The record model, the protocol, the screening workflow and the database CHECK constraints
(``review.store.schema``) all read these tuples, so a value can never be valid in one place and
refused in another. Plain data with no imports: every layer may use it.
"""

from __future__ import annotations

from collections.abc import Iterable

SOURCES = ("oria", "scholar", "other")
DOC_TYPES = ("article", "report", "chapter", "book", "thesis", "other")
DECISIONS = ("include", "exclude", "maybe")
DECIDED = ("include", "exclude")  # "maybe" leaves a work open: it still waits for a decision
STAGES = (1, 2, 3)
QUALITY_RATINGS = ("yes", "partly", "no", "unclear")
SCREENING_MODES = ("single", "dual")
PAIR_VERDICTS = ("duplicate", "distinct")
DEDUP_ACTIONS = ("merge", "split", "none")  # what a change to the grouping did (review.store.pairs)
REVIEWER_ROLES = ("reviewer", "lead")
ACCOUNT_ROLES = ("lead", "reviewer", "viewer")  # who may sign in to the app, and to do what (review.auth.roles)
# What the audit trail records (review.auth.audit), one name per kind of event.
EVENT_ACTIONS = (
    "sign-in",
    "sign-out",
    "import",
    "dedup",
    "merge",
    "keep-apart",
    "split",
    "undo",
    "decision",
    "reconcile",
    "summary",
    "account-add",
    "account-role",
    "account-password",
    "account-disable",
    "account-enable",
    "export-full-log",
    "open-round",
    "stop",
    "refused",
    "backup",
    "restore",
)
ATTACHMENT_KINDS = ("url", "file")

# Who made a decision row: the ``basis`` column of ``decisions``.
RULE = "rule"  # a protocol rule (student thesis, outside the years searched); no person looked at it
REVIEWER = "reviewer"  # one person's final decision (a stage screened by one reviewer)
AGREEMENT = "agreement"  # two reviewers' votes agreed; written under the name CONSENSUS
RECONCILED = "reconciled"  # a person's final decision in a dual stage (the lead settling a conflict)
VOTE = "vote"  # one reviewer's vote in a dual stage: not a decision by itself
BASES = (RULE, REVIEWER, AGREEMENT, RECONCILED, VOTE)
FINAL_BASES = (RULE, REVIEWER, AGREEMENT, RECONCILED)
BY_PEOPLE = (REVIEWER, AGREEMENT, RECONCILED)  # final decisions people made (they train the ranker)

# Reserved reviewer names: rows written by the program, never by a person signing in.
PROTOCOL_REVIEWER = "protocol"  # rule decisions
CONSENSUS = "consensus"  # the final row written when votes agree
RESERVED_NAMES = (CONSENSUS, PROTOCOL_REVIEWER)

VOTES_NEEDED = 2  # votes that decide a work in a dual stage when they agree


def sql_in(column: str, values: Iterable) -> str:
    """A CHECK constraint's text ``column IN (...)`` built from a vocabulary tuple."""
    items = ", ".join(str(v) if isinstance(v, int) else "'" + str(v).replace("'", "''") + "'" for v in values)
    return f"{column} IN ({items})"
