"""Versioned schema migrations.

Each step is a function applied once, in order, inside one transaction, and recorded in
``schema_version``. A small hand-rolled runner rather than Alembic: the store is opened by the CLI,
the UI and tests alike, and must upgrade itself on open without an Alembic environment on disk.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import Connection, exists, inspect, select, text, update

from review import vocabulary
from review.errors import StoreError
from review.interfaces import INTERFACES, LEGACY, NOT_RECORDED, default_interface
from review.messages import Message
from review.store import chain, schema
from review.store.schema import inserted_id
from review.synthetic import fields_say_synthetic
from review.timeutil import now_iso

# The tables version 1 created. A table added later is created by its own migration, so this list
# never grows: a new table in schema.py plus a migration that creates it.
V1_TABLES = (
    "rounds",
    "reviewers",
    "imports",
    "raw_records",
    "works",
    "work_links",
    "candidate_pairs",
    "pair_verdicts",
    "decisions",
    "quality_ratings",
    "summaries",
    "custom_reasons",
    "attachments",
)
V1_APPEND_ONLY = ("decisions", "quality_ratings", "summaries", "pair_verdicts")


# Tables added later that a V1 table now refers to: a fresh store creates the V1 tables from today's
# declarations, so these must exist first (PostgreSQL checks foreign keys at creation). The migration
# that adds them checks before creating, so it does nothing on such a store.
REFERENCED_BY_V1 = ("searches",)


def _v1_initial(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.metadata.tables[name] for name in REFERENCED_BY_V1 + V1_TABLES])
    for table in V1_APPEND_ONLY:
        _forbid_changes(conn, table)


def _forbid_changes(conn: Connection, table: str) -> None:
    """History tables are append-only: a changed mind adds a row. Enforced in the database itself,
    and every row chained by hash (store/chain.py)."""
    chain.protect(conn, table)


def _v2_chained_history(conn: Connection) -> None:
    """Hash-chain the history tables and refuse INSERT OR REPLACE (stores made before this version
    get the column, the new triggers, and their rows sealed in id order)."""
    present = set(inspect(conn).get_table_names())
    for table in schema.APPEND_ONLY_TABLES:
        if table in present:  # a history table added by a later migration is protected there
            _forbid_changes(conn, table)


def _stopping_decisions(conn: Connection) -> None:
    """When and why a team stopped screening a stage (ranked screening's stopping rule)."""
    schema.stopping_decisions.create(conn)
    _forbid_changes(conn, "stopping_decisions")


def _add_import_database(conn: Connection) -> None:
    """imports.database: the database a file names (PubMed, Embase, ERIC...), kept apart from ``source``."""
    if "database" not in {column["name"] for column in inspect(conn).get_columns("imports")}:
        conn.execute(text("ALTER TABLE imports ADD COLUMN database VARCHAR(200)"))


def _add_synthetic_marks(conn: Connection) -> None:
    """Raw records and works carry the synthetic stand-in mark (review.synthetic); older stores read it
    back from each record's fields as imported."""
    for table in ("raw_records", "works"):
        if "synthetic" not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN synthetic BOOLEAN NOT NULL DEFAULT FALSE"))
    raw = schema.raw_records
    marked = [
        row.id
        for row in conn.execute(select(raw.c.id, raw.c.fields))
        if fields_say_synthetic(json.loads(row.fields or "{}"))
    ]
    if marked:
        conn.execute(raw.update().where(raw.c.id.in_(marked)).values(synthetic=True))
        links = schema.work_links
        real_works = select(links.c.work_id).join(raw, raw.c.id == links.c.raw_id).where(raw.c.synthetic.is_(False))
        any_link = select(links.c.work_id)
        conn.execute(
            schema.works.update()
            .where(schema.works.c.id.in_(any_link))
            .where(schema.works.c.id.not_in(real_works))
            .values(synthetic=True)
        )


def _lift_guard(conn: Connection, table: str) -> None:
    """Take the append-only triggers off a history table for a migration that must correct old rows;
    ``_forbid_changes`` puts them back (covering any new column) and re-seals the chain."""
    for suffix in chain.OLD_TRIGGERS:
        if conn.dialect.name == "postgresql":
            conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_{suffix} ON {table}"))
        else:
            conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_{suffix}"))


def _decision_basis(conn: Connection) -> None:
    """Record who decided (``basis``): a rule, one reviewer, two who agreed, the lead, or a vote.

    Older stores wrote the agreement of two reviewers as an ``automatic`` row by ``consensus``, so the
    flow counted it as a protocol rule's exclusion. Those rows become agreements (and lose the
    automatic flag); a person's final row that follows votes on the same work and stage is the
    lead's reconciliation. A row's hash covers every column, so the decision chain is sealed again
    from its first row (``review verify`` shows the new head).
    """
    d = schema.decisions
    if "basis" in {c["name"] for c in inspect(conn).get_columns("decisions")}:
        return  # a store made with the column (version 1 creates today's tables)
    _lift_guard(conn, "decisions")
    conn.execute(
        text(
            "ALTER TABLE decisions ADD COLUMN basis VARCHAR(20) CONSTRAINT decision_basis CHECK ("
            + vocabulary.sql_in("basis", vocabulary.BASES)
            + ")"
        )
    )
    undecided = d.c.basis.is_(None)
    conn.execute(
        update(d)
        .where(undecided, d.c.reviewer == vocabulary.CONSENSUS, d.c.final.is_(True))
        .values(basis=vocabulary.AGREEMENT, automatic=False)
    )
    conn.execute(update(d).where(undecided, d.c.automatic.is_(True)).values(basis=vocabulary.RULE, final=True))
    conn.execute(update(d).where(undecided, d.c.final.is_(False)).values(basis=vocabulary.VOTE))
    earlier = d.alias("earlier")
    after_votes = exists().where(
        earlier.c.work_id == d.c.work_id,
        earlier.c.stage == d.c.stage,
        earlier.c.id < d.c.id,
        earlier.c.final.is_(False),
    )
    conn.execute(update(d).where(undecided, after_votes).values(basis=vocabulary.RECONCILED))
    conn.execute(update(d).where(undecided).values(basis=vocabulary.REVIEWER))
    if chain.CHAIN_COLUMN in {c["name"] for c in inspect(conn).get_columns("decisions")}:
        conn.execute(update(d).values({chain.CHAIN_COLUMN: None}))
    _forbid_changes(conn, "decisions")


def _dedup_actions(conn: Connection) -> None:
    """Remember what each merge, split and verdict moved, so an undo restores exactly what was there."""
    schema.metadata.create_all(conn, tables=[schema.dedup_actions])


def _add_search_records(conn: Connection) -> None:
    """A table of searches (PRISMA-S) and each import's search. Imports stored before get one search
    each, rebuilt from what was kept: their string is marked as recorded before search records (those
    versions stored the protocol's string when none was typed), and the hit count moves out of the
    filters, where it was kept."""
    schema.metadata.create_all(conn, tables=[schema.searches])
    if "search_id" not in {c["name"] for c in inspect(conn).get_columns("imports")}:
        conn.execute(text("ALTER TABLE imports ADD COLUMN search_id INTEGER REFERENCES searches(id)"))
    i = schema.imports
    for row in conn.execute(select(i).where(i.c.search_id.is_(None)).order_by(i.c.id)).mappings().all():
        try:
            stored = json.loads(row["filters"]) if row["filters"] else {}
        except ValueError:
            stored = {"text": row["filters"]}
        stored = stored if isinstance(stored, dict) else {"text": str(stored)}
        hits = stored.get("hits") if isinstance(stored.get("hits"), int) else None
        interface = default_interface(row["source"], row["format"])
        search_id = inserted_id(
            conn.execute(
                schema.searches.insert().values(
                    round_id=row["round_id"],
                    family=row["family"],
                    source=row["source"],
                    database=row.get("database") or INTERFACES[interface].database,
                    interface=interface,
                    settings="{}",
                    query=row["query"],
                    query_origin=LEGACY if row["query"] else NOT_RECORDED,
                    searched=row["searched"],
                    filters=stored.get("text"),
                    hits=hits,
                    method="export",
                    created_at=now_iso(),
                )
            )
        )
        conn.execute(i.update().where(i.c.id == row["id"]).values(search_id=search_id))


def _accounts_and_events(conn: Connection) -> None:
    """Sign-in accounts and the append-only audit trail (issue 17)."""
    schema.metadata.create_all(conn, tables=[schema.accounts, schema.events])
    _forbid_changes(conn, "events")


def _preferences(conn: Connection) -> None:
    """Each person's kept choices (the interface language), so they follow the person, not the address."""
    schema.metadata.create_all(conn, tables=[schema.preferences])


def _pair_reason_messages(conn: Connection) -> None:
    """A pair's reason kept as a translatable message beside its English text (review/messages.py), so
    the app shows it in the reader's language; the change log keeps it too, so an undo puts the pair back
    with it. Pairs queued before keep their English reason."""
    for table, column in (("candidate_pairs", "reason_message"), ("dedup_actions", "pair_reason_message")):
        if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} TEXT"))


MIGRATIONS: list[Callable[[Connection], None]] = [
    _v1_initial,
    _v2_chained_history,
    _stopping_decisions,
    _add_import_database,
    _add_synthetic_marks,
    _decision_basis,
    _dedup_actions,
    _add_search_records,
    _accounts_and_events,
    _preferences,
    _pair_reason_messages,
]
LATEST = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    version = conn.execute(
        select(schema.schema_version.c.version).order_by(schema.schema_version.c.version.desc()).limit(1)
    ).scalar()
    return version or 0


def upgrade(conn: Connection) -> int:
    """Bring the schema to the latest version; returns the version found before."""
    schema.metadata.create_all(conn, tables=[schema.schema_version])
    found = current_version(conn)
    if found > LATEST:
        raise StoreError(
            Message(
                "the review store has schema version {found}, newer than this program ({LATEST}); upgrade "
                "nordic-review",
                found=found,
                LATEST=LATEST,
            )
        )
    for version in range(found + 1, LATEST + 1):
        MIGRATIONS[version - 1](conn)
        conn.execute(schema.schema_version.insert().values(version=version, applied_at=now_iso()))
    if found < LATEST and found >= 1:
        # A migration may have added a column to a history table; its update trigger must name it.
        present = set(inspect(conn).get_table_names())
        for table in schema.APPEND_ONLY_TABLES:
            if table in present:
                _forbid_changes(conn, table)
    return found
