"""The cached best value of each field of a work, chosen from its raw records.

A DOI from whoever has one, a full abstract over a search-engine snippet, a full author list over a
truncated one, a full title over a "…"-shortened one. Ties go to the catalogue (Oria) over other
sources over Google Scholar, then to the earliest record, so the choice is stable across runs.
A synthetic stand-in record (review.synthetic) never lends a value to a work that has a real record:
made-up identifiers must not become a real publication's DOI.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from review.dedup.keys import record_keys
from review.model import RawRecord
from review.store.works import encode_authors

SOURCE_PREFERENCE = {"oria": 0, "other": 1, "scholar": 2}


def _ranked(records: Sequence[RawRecord]) -> list[RawRecord]:
    return sorted(records, key=lambda r: SOURCE_PREFERENCE.get(r.source, 1))  # stable: keeps record order


def _first(records: Sequence[RawRecord], attribute: str):
    for record in records:
        value = getattr(record, attribute)
        if value not in (None, "", []):
            return value
    return None


def _most_common(values: list) -> object | None:
    values = [v for v in values if v not in (None, "")]
    if not values:
        return None
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)  # ties: the best-ranked record's value


def best_fields(records: Sequence[RawRecord]) -> dict:
    """Column values for the ``works`` row of a work made of ``records`` (at least one)."""
    real = [r for r in records if not r.synthetic]
    ranked = _ranked(real or records)
    titled = [r for r in ranked if r.title]
    full_titles = [r for r in titled if not record_keys(r).cut] or titled
    title = max(full_titles, key=lambda r: len(r.title)).title if full_titles else ""
    with_authors = [r for r in ranked if r.authors]
    complete = [r for r in with_authors if not r.authors_truncated] or with_authors
    author_source = max(complete, key=lambda r: len(r.authors)) if complete else None
    abstracts = [r for r in ranked if r.abstract]
    full_abstracts = [r for r in abstracts if not r.abstract_is_snippet] or abstracts
    abstract_source = max(full_abstracts, key=lambda r: len(r.abstract or "")) if full_abstracts else None
    typed = [r.doc_type for r in ranked if r.doc_type and r.doc_type != "other"]
    peer = [r.peer_reviewed for r in ranked if r.peer_reviewed is not None]
    isbns = list(dict.fromkeys(i for r in ranked for i in r.isbns))
    issns = list(dict.fromkeys(i for r in ranked for i in r.issns))
    return {
        "title": title,
        "authors": encode_authors(author_source.authors if author_source else []),
        "authors_truncated": bool(author_source and author_source.authors_truncated),
        "year": _most_common([r.year for r in ranked]),
        "venue": _first(ranked, "venue"),
        "publisher": _first(ranked, "publisher"),
        "doc_type": typed[0] if typed else "other",
        "language": _first(ranked, "language"),
        "doi": _most_common([r.doi for r in ranked]),
        "isbns": json.dumps(isbns),
        "issns": json.dumps(issns),
        "abstract": abstract_source.abstract if abstract_source else None,
        "abstract_is_snippet": bool(abstract_source and abstract_source.abstract_is_snippet),
        "url": _first(ranked, "url"),
        "peer_reviewed": True if True in peer else (False if peer else None),
        "synthetic": not real,
    }


def counting_family(records: Sequence[RawRecord], family_order: Sequence[str]) -> str | None:
    """The first family in protocol order that found the work (Table 3.1 counts each work once); a
    stand-in record does not decide it for a work that has real records."""
    records = [r for r in records if not r.synthetic] or list(records)
    found = {r.family for r in records if r.family}
    for family in family_order:
        if family in found:
            return family
    return min(found) if found else None
