"""A dedup run compares records without holding the write lock and writes in one short transaction,
after checking that nothing it compared has changed. Synthetic records."""

import sqlite3

import pytest
from sqlalchemy import func, select

import review.dedup.workflow as workflow
from review.dedup import run_dedup
from review.errors import StoreError
from review.store import Store, schema
from tests.dedup.synthetic import add_records, rec

TITLE = "Karriereveiledning for nyankomne flyktninger og innvandrere: en kunnskapsoversikt"


def records(n_extra: int = 0):
    base = [
        rec(TITLE, "Nordmann, Kari", 2023, family="no", doi="10.9999/fafo.2023.1"),
        rec(TITLE, "Nordmann, Kari", 2023, source="scholar", family="sv"),
        rec("Et annet arbeid om språkopplæring", "Lund, Per", 2020, family="en"),
    ]
    return base + [rec(f"Syntetisk rapport nummer {i}", "Berg, Ida", 2019, family="da") for i in range(n_extra)]


def count(store, table) -> int:
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


@pytest.fixture
def comparing(monkeypatch):
    """Run a function while find_duplicates is comparing (i.e. between the snapshot and the write)."""
    calls = []

    def install(during):
        real = workflow.find_duplicates

        def wrapped(*args, **kwargs):
            calls.append(1)
            during(len(calls))
            return real(*args, **kwargs)

        monkeypatch.setattr(workflow, "find_duplicates", wrapped)
        return calls

    return install


def test_others_can_write_while_dedup_compares(store, protocol, comparing):
    add_records(store, records())
    path = store.url.split("///", 1)[1]
    outcome = {}

    def try_to_write(_):
        other = sqlite3.connect(path, timeout=0, isolation_level=None)  # no waiting at all
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            outcome["write"] = "ok"
        except sqlite3.OperationalError as exc:
            outcome["write"] = str(exc)
        finally:
            other.close()

    comparing(try_to_write)
    report = run_dedup(store, protocol)
    assert outcome["write"] == "ok", f"the write lock was held during the comparison: {outcome['write']}"
    assert (report.records, report.works) == (3, 2)


def test_a_change_during_the_comparison_is_seen_and_the_run_computed_again(store, protocol, comparing):
    add_records(store, records())

    def import_meanwhile(call):
        if call == 1:
            other = Store(store.url)
            add_records(other, [rec("Nyankomne i arbeid: en syntetisk studie", "Dahl, Eva", 2021, family="no")])
            other.close()

    calls = comparing(import_meanwhile)
    report = run_dedup(store, protocol)
    assert len(calls) == 2  # the first result was thrown away, not written
    assert (report.records, report.works) == (4, 3)
    assert count(store, schema.work_links) == 4  # every record, including the one imported meanwhile


def test_a_review_that_keeps_changing_is_refused_and_left_as_it_was(store, protocol, comparing):
    add_records(store, records())

    def import_every_time(call):
        other = Store(store.url)
        add_records(other, [rec(f"Endret underveis {call}", "Dahl, Eva", 2021, family="no")])
        other.close()

    calls = comparing(import_every_time)
    with pytest.raises(StoreError, match="changed while deduplication was comparing"):
        run_dedup(store, protocol)
    assert len(calls) == workflow.DEDUP_ATTEMPTS
    assert count(store, schema.works) == 0 and count(store, schema.work_links) == 0


def test_a_first_decision_during_the_comparison_counts_as_a_change(store, protocol, comparing):
    add_records(store, records())
    run_dedup(store, protocol)
    with store.read() as conn:
        work = conn.execute(select(schema.works.c.id).order_by(schema.works.c.id)).scalars().first()
    add_records(store, [rec(TITLE, "Nordmann, Kari", 2023, source="oria", family="da")])

    def decide_meanwhile(call):
        if call == 1:
            from screening.decisions import Decision, record

            other = Store(store.url)
            record(other, protocol, Decision(work_id=work, stage=1, decision="include", reviewer="Anna"))
            other.close()

    calls = comparing(decide_meanwhile)
    run_dedup(store, protocol)
    assert len(calls) == 2
