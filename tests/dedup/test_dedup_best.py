"""Best field values of a merged work (synthetic records)."""

import json

from review.dedup.best import best_fields, counting_family
from tests.dedup.synthetic import rec


def test_full_values_win_over_shortened_ones_whatever_the_order():
    scholar = rec(
        "Nyankomne i arbeid: erfaringer fra …",
        "K Nordmann; O Hansen",
        2020,
        source="scholar",
        authors_truncated=True,
        abstract="Kort utdrag …",
        abstract_is_snippet=True,
        doi="10.9999/x.1",
        family="sv",
    )
    oria = rec(
        "Nyankomne i arbeid: erfaringer fra tre kommuner",
        "Nordmann, Kari; Hansen, Ola; Berg, Ida",
        2020,
        source="oria",
        doc_type="report",
        family="no",
        peer_reviewed=False,
    )
    other = rec(
        "Nyankomne i arbeid",
        "",
        2021,
        abstract="Forfatternes eget sammendrag om nyankomne.",
        family="en",
        peer_reviewed=True,
    )
    for records in ([scholar, oria, other], [other, oria, scholar]):
        best = best_fields(records)
        assert best["title"] == "Nyankomne i arbeid: erfaringer fra tre kommuner"
        assert [a[0] for a in json.loads(best["authors"])] == ["Nordmann", "Hansen", "Berg"]
        assert not best["authors_truncated"]
        assert best["abstract"].startswith("Forfatternes") and not best["abstract_is_snippet"]
        assert best["doi"] == "10.9999/x.1" and best["doc_type"] == "report" and best["year"] == 2020
        assert best["peer_reviewed"] is True


def test_counting_family_follows_the_protocol_order():
    records = [rec("A", family="en"), rec("A", family="sv"), rec("A", family=None)]
    assert counting_family(records, ["no", "sv", "da", "en"]) == "sv"
    assert counting_family(records, ["en", "sv"]) == "en"
    assert counting_family([rec("A")], ["no"]) is None
