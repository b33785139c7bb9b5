"""Precision first: near-twins that must never be merged, and true duplicates that must be.

All records are synthetic. Each test runs the pure ``find_duplicates``.
"""

from review.dedup import find_duplicates
from tests.dedup.synthetic import rec

FAFO = "Nordmann, Kari; Hansen, Ola"


def merged(records) -> set[tuple[int, int]]:
    return find_duplicates(records).duplicate_pairs()


def test_volumes_of_a_series_are_distinct():
    records = [
        rec("Evaluering av introduksjonsprogrammet. Delrapport 1", FAFO, 2018, doc_type="report"),
        rec("Evaluering av introduksjonsprogrammet. Delrapport 2", FAFO, 2018, doc_type="report"),
    ]
    assert merged(records) == set()


def test_roman_numbered_volumes_are_distinct():
    records = [
        rec("Evaluering av integreringspakke I", FAFO, 2020, doc_type="report"),
        rec("Evaluering av integreringspakke II og III", FAFO, 2020, doc_type="report"),
    ]
    assert merged(records) == set()


def test_shortened_scholar_title_does_not_chain_two_volumes():
    records = [
        rec("Evaluering av introduksjonsprogrammet for nyankomne flyktninger. Delrapport 1", FAFO, 2018),
        rec("Evaluering av introduksjonsprogrammet for nyankomne flyktninger. Delrapport 2", FAFO, 2018),
        rec(
            "Evaluering av introduksjonsprogrammet for nyankomne flyktninger …",
            "K Nordmann; O Hansen",
            2018,
            source="scholar",
        ),
    ]
    result = find_duplicates(records)
    assert not any(0 in g and 1 in g for g in result.groups)
    assert result.uncertain  # the shortened record waits for a person instead


def test_one_authors_two_works_of_the_same_year():
    records = [
        rec("Karriereveiledning for voksne innvandrere i Norge", "Nordmann, Kari", 2021, doc_type="report"),
        rec(
            "Karriereveiledning for unge innvandrere i Norge",
            "Nordmann, Kari",
            2021,
            doc_type="article",
            venue="Tidsskrift for eksempelforskning",
        ),
    ]
    assert merged(records) == set()


def test_a_chapter_and_the_book_that_contains_it():
    records = [
        rec("Veiledning av nyankomne", "Nordmann, Kari", 2020, doc_type="chapter"),
        rec("Veiledning av nyankomne", "Nordmann, Kari", 2020, doc_type="book"),
    ]
    assert merged(records) == set()


def test_two_theses_with_near_identical_titles():
    records = [
        rec("Karriereveiledning for flyktninger: en kvalitativ studie", "Berg, Ida", 2019, doc_type="thesis"),
        rec("Karriereveiledning for flyktninger. En kvalitativ studie", "Lund, Per", 2019, doc_type="thesis"),
    ]
    assert merged(records) == set()


def test_conference_abstracts_sharing_a_supplement_doi():
    doi = "10.9999/suppl.2019.1"
    records = [
        rec("Labour market integration of refugees in Norway", "Nordmann, Kari", 2019, doi=doi),
        rec("Career guidance for adult migrants: a survey", "Svensson, Eva", 2019, doi=doi),
        rec("Labour market integration of refugees in Norway.", "Nordmann, K.", 2019, doi=doi),
    ]
    assert merged(records) == {(0, 2)}


def test_oria_and_scholar_copies_of_one_report_are_merged():
    records = [
        rec(
            "Karriereveiledning for nyankomne flyktninger og innvandrere: en kunnskapsoversikt",
            "Nordmann, Kari; Hansen, Ola; Berg, Ida",
            2023,
            source="oria",
            doc_type="report",
        ),
        rec(
            "Karriereveiledning for nyankomne flyktninger og innvandrere: en …",
            "KA Nordmann; O Hansen",
            2023,
            source="scholar",
        ),
        rec(
            "Karriereveiledning for nyankomne flyktninger og innvandrere",
            "K Nordmann; O Hansen",
            2023,
            source="scholar",
        ),
    ]
    assert merged(records) == {(0, 1), (0, 2), (1, 2)}


def test_folded_diacritics_and_dashes_still_match():
    records = [
        rec("Flyktningers møte med arbeidslivet – en studie av åtte kommuner", "Søholt, Susanne", 2017),
        rec("Flyktningers mote med arbeidslivet - en studie av atte kommuner", "Soholt, S.", 2017),
    ]
    assert merged(records) == {(0, 1)}


def test_year_one_apart_needs_confirmation():
    title = "Språkopplæring og arbeid for nyankomne innvandrere i Sverige"
    confirmed = [
        rec(title, "Svensson, Eva; Berg, Ida", 2018, volume="12"),
        rec(title, "Svensson, Eva; Berg, Ida", 2019, volume="12"),
    ]
    unconfirmed = [
        rec(title, "Svensson, Eva; Berg, Ida", 2018, volume="12"),
        rec(title, "Svensson, Eva; Berg, Ida", 2019, volume="13"),
    ]
    assert merged(confirmed) == {(0, 1)}
    assert merged(unconfirmed) == set()


def test_years_far_apart_are_distinct():
    title = "Introduksjonsprogrammet i kommunene"
    assert merged([rec(title, FAFO, 2016), rec(title, FAFO, 2021)]) == set()


def test_identifiers_merge_whatever_the_titles_say():
    assert merged([rec("A", cluster_id="123"), rec("B", cluster_id="123")]) == {(0, 1)}
    assert merged([rec("A", source="oria", source_id="alma991"), rec("B", source="oria", source_id="alma991")]) == {
        (0, 1)
    }


def test_a_persons_verdict_overrides_the_rules():
    title = "Nyankomne i arbeidslivet: en oversikt over tiltak"
    records = [rec(title, FAFO, 2020), rec(title, FAFO, 2020)]
    assert find_duplicates(records, verdicts={(0, 1): "distinct"}).duplicate_pairs() == set()
    apart = [rec("Et helt annet arbeid", FAFO, 2020), rec(title, "Lund, Per", 2020)]
    assert find_duplicates(apart, verdicts={(0, 1): "duplicate"}).duplicate_pairs() == {(0, 1)}


def test_two_screened_works_are_queued_not_joined():
    title = "Nyankomne i arbeidslivet: en oversikt over tiltak"
    records = [rec(title, FAFO, 2020), rec(title, FAFO, 2020)]
    result = find_duplicates(records, groups=[[0], [1]], locked=[0, 1])
    assert result.duplicate_pairs() == set()
    assert [(p.a, p.b) for p in result.uncertain] == [(0, 1)]
    assert "screening decisions" in result.uncertain[0].verdict.reason


def test_every_record_ends_in_exactly_one_group():
    records = [rec(f"Rapport om tema nummer {n}", FAFO, 2020) for n in range(30)] + [rec("", "", None)]
    groups = find_duplicates(records).groups
    assert sorted(p for g in groups for p in g) == list(range(31))


def test_series_parts_named_in_words_are_queued_not_merged():
    records = [
        rec("Evaluering av introduksjonsprogrammet. Midtveisrapport", FAFO, 2019, doc_type="report"),
        rec("Evaluering av introduksjonsprogrammet. Sluttrapport", FAFO, 2019, doc_type="report"),
    ]
    result = find_duplicates(records)
    assert result.duplicate_pairs() == set()
    assert [(p.a, p.b) for p in result.uncertain] == [(0, 1)]
