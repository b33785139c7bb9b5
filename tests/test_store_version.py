"""``Store.version``: the app's cache key changes with every committed write, made by this store or by
another program on the same file, and never with a read or a rolled-back write. Records are synthetic."""

import pytest
from sqlalchemy import select

from review.store import open_store, schema
from screening.decisions import Decision, record


def test_the_version_changes_with_each_commit_from_any_connection_and_not_with_reads(
    store, protocol, works, review_dir
):
    first = store.version()
    assert first == store.version()  # nothing written: the same key, so a cached read is reused
    with store.read() as conn:
        conn.execute(select(schema.works.c.id)).all()
    assert store.version() == first

    record(store, protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="Anna"))
    second = store.version()
    assert second != first

    other = open_store(review_dir)  # another program (the CLI, a second app) writing to the same file
    try:
        record(other, protocol, Decision(work_id=works[1], stage=1, decision="exclude", reviewer="Bjørn"))
    finally:
        other.close()
    third = store.version()
    assert third not in (first, second)

    with pytest.raises(RuntimeError):
        with store.write() as conn:
            conn.execute(schema.decisions.delete().where(schema.decisions.c.id < 0))  # nothing, then undone
            raise RuntimeError("rolled back")
    assert store.version() == third


def test_two_store_objects_never_share_a_key(store, review_dir):
    other = open_store(review_dir)
    try:
        assert other.version() != store.version()  # data_version counts per connection: not comparable
    finally:
        other.close()
