from __future__ import annotations

import pytest

from review.errors import ProtocolError
from review.protocol import Family, TermGroup, load_protocol
from review.search.primo_query import build_primo_query, family_years
from tests.search.conftest import REPO

YEARS = (2016, 2022)


@pytest.fixture(scope="module")
def protocol():
    return load_protocol(REPO)


def family(*groups: list[str], **kwargs) -> Family:
    return Family(
        id="t",
        label="t",
        language="no",
        sources=["oria"],
        groups=[TermGroup(f"g{i}", list(g)) for i, g in enumerate(groups)],
        **kwargs,
    )


def test_norwegian_family_keeps_truncation_and_excludes_dissertations(protocol):
    query = build_primo_query(protocol.family("no"), YEARS)
    assert query.q == (
        "any,contains,karriereveiledning* AND (flyktning* OR innvandrer* OR nyankom* OR introduksjonsprogram*)"
    )
    params = query.params()
    assert params["qExclude"] == "facet_rtype,exact,dissertations"
    assert params["multiFacets"] == "facet_searchcreationdate,include,[2016 TO 2022]"
    assert "qInclude" not in params  # not limited to peer review


def test_english_family_quotes_phrases_and_requires_peer_review(protocol):
    params = build_primo_query(protocol.family("en"), YEARS).params()
    assert params["q"].startswith(
        'any,contains,("career counseling" OR "career counselling" OR "career guidance") AND (refugee* OR immigrant*)'
    )
    assert params["qInclude"] == "facet_tlevel,exact,peer_reviewed"


def test_qinclude_date_facet_is_and_ed_with_peer_review():
    query = build_primo_query(family(["a*"], ["b"], peer_reviewed_only=True), (2018, 2019), date_facet="qInclude")
    assert query.params()["qInclude"] == ("facet_tlevel,exact,peer_reviewed|,|facet_creationdate,exact,[2018 TO 2019]")
    assert "multiFacets" not in query.params()


def test_no_date_facet_leaves_a_note_for_the_search_log():
    query = build_primo_query(family(["a"]), YEARS, date_facet="none")
    assert set(query.params()) == {"q"}
    assert any("year range" in note for note in query.notes)


def test_several_excluded_types_share_one_qexclude():
    query = build_primo_query(family(["a"], exclude_doc_types=["thesis", "chapter"]), YEARS)
    assert query.params()["qExclude"] == "facet_rtype,exact,dissertations|,|facet_rtype,exact,book_chapters"


@pytest.mark.parametrize(
    "groups, kwargs, message",
    [
        ([["a;b"]], {}, "reserves"),
        ([["a"], ["OR"]], {}, "operator"),
        ([["a"], []], {}, "at least one term"),
        ([["a"]], {"exclude_doc_types": ["poster"]}, "poster"),
    ],
)
def test_unusable_families_are_protocol_errors(groups, kwargs, message):
    with pytest.raises(ProtocolError, match=message):
        build_primo_query(family(*groups, **kwargs), YEARS)


def test_unknown_date_facet_and_reversed_years_are_refused():
    with pytest.raises(ProtocolError):
        build_primo_query(family(["a"]), YEARS, date_facet="sometimes")
    with pytest.raises(ProtocolError):
        build_primo_query(family(["a"]), (2022, 2016))


def test_family_years_prefer_override_then_family_then_protocol():
    fam = family(["a"], years=(2019, 2020))
    assert family_years(fam, YEARS) == (2019, 2020)
    assert family_years(fam, YEARS, (2023, 2024)) == (2023, 2024)
    assert family_years(family(["a"]), YEARS) == YEARS
