"""The ``preferences`` table (a person's kept interface language): on a fresh store, and added to a store
made by the version before it without touching what was there."""

import sqlite3

from review.store import Store
from review.store.migrations import MIGRATIONS
from review.store.preferences import REVIEW_WIDE, get_preference, set_preference
from screening.decisions import Decision, history, record


def test_a_fresh_store_keeps_one_value_per_owner_and_key(store):
    with store.write() as conn:
        set_preference(conn, "Anna", "interface_language", "sv")
        set_preference(conn, "Anna", "interface_language", "da")
        set_preference(conn, REVIEW_WIDE, "interface_language", "nb")
    with store.read() as conn:
        assert get_preference(conn, "Anna", "interface_language") == "da"
        assert get_preference(conn, REVIEW_WIDE, "interface_language") == "nb"
        assert get_preference(conn, "Bjørn", "interface_language") is None


def test_a_store_from_the_version_before_gains_the_table_and_keeps_its_decisions(review_dir, store, protocol, works):
    version = [m.__name__ for m in MIGRATIONS].index("_preferences") + 1  # later migrations run again too
    record(store, protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="Anna"))
    store.close()
    path = review_dir / "review.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE preferences")
    conn.execute("DELETE FROM schema_version WHERE version >= ?", (version,))
    conn.close()

    upgraded = Store(f"sqlite:///{path}")  # opening upgrades
    try:
        with upgraded.write() as conn:
            set_preference(conn, "Anna", "interface_language", "sv")
        with upgraded.read() as conn:
            assert get_preference(conn, "Anna", "interface_language") == "sv"
            assert [r["decision"] for r in history(conn, works[0], 1)] == ["include"]
    finally:
        upgraded.close()
