"""Damaged copies of one work that must still merge, and the look-alikes those rules must not catch.

All records are synthetic (invented titles, people and citations), shaped like the damage seen in
the labelled benchmark exports: swapped or glued author names, translated titles in brackets,
typos in a first page, placeholder volumes on ahead-of-print records.
"""

from review.dedup import find_duplicates
from review.dedup.keys import record_keys
from tests.dedup.synthetic import rec

TITLE = "Career guidance for adult refugees in Nordic municipalities"


def merged(records) -> set[tuple[int, int]]:
    return find_duplicates(records).duplicate_pairs()


def test_given_and_family_names_swapped_by_one_export():
    records = [
        rec(TITLE, "Nordmann, Kari; Hansen, Ola", 2019, venue="Nordic Conference on Work"),
        rec(TITLE, "Kari, N.; Ola, H.", 2019, venue="Nordic Conference on Work"),
    ]
    assert merged(records) == {(0, 1)}


def test_a_team_glued_into_one_name():
    records = [
        rec(TITLE, "Nordmann, K.; Hansen, O.; Berg, L.", 2019),
        rec(TITLE, "Nordmann KariHansen OlaBerg, Live", 2019),
    ]
    assert merged(records) == {(0, 1)}


def test_surname_with_glued_initials():
    keys = record_keys(rec(TITLE, "KohliR.P.; KishorK."))
    assert keys.authors[:1] == ("kohli",)
    assert record_keys(rec(TITLE, "McDonald, A.")).authors == ("mcdonald",)  # a capital inside a name stays


def test_swapped_name_with_two_different_teams_stays_apart():
    # Same title and year, the first surname found only among the other's given names, and no
    # co-author in common: two abstracts by different teams, not one work.
    records = [
        rec(TITLE, "Paredes, U.; Lind, P.; Breen, G.", 2019),
        rec(TITLE, "Ulla, Paredes; Haddal, K.; Quist, J.; Dahl, S.", 2019),
    ]
    assert merged(records) == set()


def test_bracketed_translation_matches_the_original_title():
    records = [
        rec(
            "Crowd work in Norway: a relational view [Folkearbeid i Norge: et relasjonelt blikk på arbeid]",
            "Lunde, A.; Ruud, M.",
            2020,
            doi="10.9999/synthetic.1",
        ),
        rec(
            "Folkearbeid i Norge: et relasjonelt blikk på arbeid",
            "Lunde, Anne; Ruud, Mari",
            2020,
            doi="10.9999/synthetic.1",
        ),
    ]
    assert merged(records) == {(0, 1)}


def test_translated_title_with_the_same_team_volume_and_page_range():
    records = [
        rec(
            "Platform work as a challenge for Nordic labour relations",
            "Lunde, A.; Ruud, M.",
            2020,
            volume="27",
            issue="2",
            pages="205-226",
        ),
        rec(
            "Plattformarbeid som utfordring for nordiske arbeidsforhold",
            "Lunde, Anne; Ruud, Mari",
            2020,
            volume="27",
            issue="2",
            pages="205 -- 226",
        ),
    ]
    assert merged(records) == {(0, 1)}
    # Another article by the same team in another range of that volume stays apart.
    other = rec(
        "Plattformarbeid og lønn i nordiske kommuner",
        "Lunde, Anne; Ruud, Mari",
        2020,
        volume="27",
        issue="2",
        pages="227-240",
    )
    assert merged(records[:1] + [other]) == set()


def test_a_typo_in_the_first_page_of_one_range():
    records = [
        rec(TITLE, "Nordmann, K.; Hansen, O.", 2019, volume="24", pages="2297-2308"),
        rec(TITLE, "Nordmann, K.; Hansen, O.", 2019, volume="24", pages="2097-2308"),
    ]
    assert merged(records) == {(0, 1)}


def test_abbreviated_last_page_is_read_in_full():
    assert record_keys(rec(TITLE, pages="1673-84")).last_page == "1684"


def test_one_doi_and_one_title_outweigh_a_placeholder_volume():
    records = [
        rec(TITLE, "Nordmann, K.", 2013, doi="10.9999/synthetic.2", volume="7", pages="94"),
        rec(TITLE, "Nordmann, K.", 2013, doi="10.9999/synthetic.2", volume="27"),
    ]
    assert merged(records) == {(0, 1)}


def test_one_doi_on_an_abstract_in_another_journal_stays_in_doubt():
    records = [
        rec(
            TITLE,
            "Nordmann, K.; Hansen, O.",
            2016,
            doi="10.9999/synthetic.3",
            volume="28",
            pages="41-48",
            venue="Scandinavian Journal of Work",
        ),
        rec(
            TITLE,
            "Nordmann, K.; Hansen, O.",
            2016,
            doi="10.9999/synthetic.3",
            volume="138",
            pages="366",
            venue="Journal of Nordic Welfare",
        ),
    ]
    result = find_duplicates(records)
    assert result.duplicate_pairs() == set() and result.uncertain


def test_untitled_records_are_not_one_work():
    records = [
        rec("", "Nordmann, K.", 2019, volume="3", pages="10-12"),
        rec("#NAME?", "Nordmann, K.", 2019, volume="3", pages="40-52"),
    ]
    assert merged(records) == set()


def test_volume_read_from_a_journal_field_holding_the_citation():
    keys = record_keys(
        rec(TITLE, venue="Journal of Nordic Welfare.108 (6) ()(pp 1423-1433) 2009.Date of Publication: 2009")
    )
    assert keys.volume == "108"


def test_journal_named_in_two_languages_with_the_same_volume_and_issue():
    records = [
        rec(
            TITLE,
            "Nordmann, Kari; Hansen, Ola",
            2016,
            volume="31",
            issue="2",
            venue="Tidsskrift for arbeidslivsforskning",
        ),
        rec(TITLE, "Nordmann, K.; Hansen, O.", 2016, volume="31", issue="2", venue="Journal of Working Life Research"),
    ]
    assert merged(records) == {(0, 1)}
    records[1] = rec(
        TITLE, "Nordmann, K.; Hansen, O.", 2016, volume="31", issue="3", venue="Journal of Working Life Research"
    )
    assert merged(records) == set()  # another issue of another journal: left to a person
