from __future__ import annotations

import re
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from review.errors import ProtocolError
from review.protocol import Family, TermGroup, load_protocol
from review.search.scholar_query import MAX_QUERY_LENGTH, build_scholar_queries, expand_forms, split_queries
from tests.search.conftest import REPO

YEARS = (2016, 2022)
_CHUNK = re.compile(r'\(([^()]*)\)|"([^"]*)"|(\S+)')


def parse(query: str) -> list[list[str]]:
    """Read a query back into its AND-ed groups of OR-ed forms (independently of the writer)."""
    groups = []
    for inner, phrase, word in _CHUNK.findall(query):
        if inner:
            groups.append([f.strip('"') for f in inner.split(" OR ")])
        else:
            groups.append([phrase or word])
    return groups


def covered(queries: list[str]) -> set[tuple[str, ...]]:
    return {combo for q in queries for combo in product(*parse(q))}


def family(groups, forms=None) -> Family:
    return Family(
        id="t",
        label="t",
        language="no",
        sources=["scholar"],
        groups=[TermGroup(f"g{i}", list(g)) for i, g in enumerate(groups)],
        scholar_forms=forms or {},
    )


@pytest.mark.parametrize("family_id", ["no", "sv", "da"])
def test_bundled_families_fit_and_cover_every_form(family_id):
    fam = load_protocol(REPO).family(family_id)
    plan = build_scholar_queries(fam, YEARS)
    assert plan.warnings == []
    assert all(len(q) <= MAX_QUERY_LENGTH and "*" not in q for q in plan.queries)
    expected_groups = [[f for t in g.terms for f in fam.scholar_forms[t]] for g in fam.groups]
    assert covered(plan.queries) == set(product(*expected_groups))


def test_long_or_lists_are_split_so_every_combination_is_still_searched():
    fam = load_protocol(REPO).family("no")
    groups, _ = expand_forms(fam)
    queries = split_queries(groups, max_length=60)
    assert len(queries) > 1
    assert all(len(q) <= 60 for q in queries)
    assert covered(queries) == set(product(*groups))


def test_phrases_are_quoted_and_counted_in_the_length():
    queries = split_queries([["career guidance", "career counselling"], ["refugees"]], max_length=40)
    assert all(len(q) <= 40 for q in queries)
    assert covered(queries) == {("career guidance", "refugees"), ("career counselling", "refugees")}
    assert '"career guidance" refugees' in queries


def test_missing_forms_fall_back_to_the_stem_with_a_warning():
    plan = build_scholar_queries(family([["flyktning*"], ["veiledning"]]), YEARS)
    assert plan.queries == ["flyktning veiledning"]
    assert any("flyktning*" in w and "stem" in w for w in plan.warnings)


def test_forms_key_matching_no_term_is_reported():
    plan = build_scholar_queries(family([["a*"]], {"a*": ["ab"], "typo*": ["x"]}), YEARS)
    assert any("typo*" in w for w in plan.warnings)


def test_a_wildcard_inside_a_form_is_refused():
    with pytest.raises(ProtocolError, match="wildcard"):
        build_scholar_queries(family([["a*"]], {"a*": ["ab*"]}), YEARS)


def test_a_single_combination_longer_than_the_limit_is_refused():
    with pytest.raises(ProtocolError, match="single combination"):
        split_queries([["x" * 200], ["y" * 100]])


def test_duplicate_forms_are_searched_once():
    plan = build_scholar_queries(family([["a*", "b"]], {"a*": ["ab", "Ab", "b"]}), YEARS)
    assert plan.groups == [["ab", "b"]]


_word = st.text(alphabet="abcdefghijklmnopqrsøåä", min_size=1, max_size=25)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(
    groups=st.lists(st.lists(_word, min_size=1, max_size=12, unique=True), min_size=1, max_size=3),
    limit=st.integers(min_value=80, max_value=256),
)
def test_any_split_respects_the_limit_and_covers_everything(groups, limit):
    queries = split_queries(groups, max_length=limit)
    assert all(len(q) <= limit for q in queries)
    assert covered(queries) == set(product(*groups))
