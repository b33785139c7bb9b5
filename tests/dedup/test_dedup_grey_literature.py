"""Nordic grey literature (issue #18): reports, chapters and theses from Oria and Google Scholar.

Each rule comes with the look-alike it must leave alone. All records are synthetic; titles and
people are invented in the style of Norwegian reports.
"""

from review.dedup import find_duplicates
from review.dedup.compare import DISTINCT, DUPLICATE, UNCERTAIN, classify
from review.dedup.keys import record_keys
from review.model import Author, RawRecord
from tests.dedup.synthetic import rec

TEAM = "Nordmann, Kari; Hansen, Ola; Berg, Lise"
SCHOLAR_TEAM = "K Nordmann, O Hansen"
REPORT = "Evaluering av lokale integreringsprosjekter"


def verdict(a, b):
    return classify(record_keys(a), record_keys(b))


def merged(records) -> set[tuple[int, int]]:
    return find_duplicates(records).duplicate_pairs()


def oria(title, authors=TEAM, year=2020, doc_type="report", **extra):
    return rec(title, authors, year, source="oria", doc_type=doc_type, **extra)


def scholar(title, authors=SCHOLAR_TEAM, year=2020, doc_type="other", **extra):
    return rec(title, authors.replace(",", ";"), year, source="scholar", doc_type=doc_type, **extra)


# --- Document types: a guess from Scholar, or a report Oria typed "book", decides nothing -----------------


def test_scholar_book_marker_does_not_split_a_chapter():
    chapter = oria(
        "Karriereveiledning i mottak for voksne flyktninger",
        "Fredriksen, Hanne",
        doc_type="chapter",
        venue="Veiledning i Norden",
    )
    assert (
        verdict(
            chapter, scholar("Karriereveiledning i mottak for voksne flyktninger", "H Fredriksen", doc_type="book")
        ).outcome
        == DUPLICATE
    )


def test_a_chapter_and_a_book_both_typed_by_oria_stay_apart():
    chapter = oria("Karriereveiledning i mottak for voksne flyktninger", "Fredriksen, Hanne", doc_type="chapter")
    book = oria("Karriereveiledning i mottak for voksne flyktninger", "Fredriksen, Hanne", doc_type="book")
    found = verdict(chapter, book)
    assert found.outcome == DISTINCT and found.hard


def test_oria_report_typed_book_is_the_same_report():
    assert verdict(oria(REPORT, doc_type="report"), oria(REPORT, doc_type="book")).outcome == DUPLICATE


def test_a_report_and_an_article_of_one_title_are_left_for_a_person():
    article = oria(REPORT, doc_type="article", venue="Søkelys på arbeidslivet")
    assert verdict(oria(REPORT, doc_type="report"), article).outcome == UNCERTAIN


# --- A series number lost with the subtitle Scholar cut ---------------------------------------------------


def test_series_number_cut_by_scholar_is_one_work():
    full = oria(f"Åtte byer – åtte tiltak. {REPORT}. Delrapport 1")
    assert merged([full, scholar("Åtte byer – åtte tiltak")]) == {(0, 1)}
    assert merged([full, scholar(f"Åtte byer – åtte tiltak. {REPORT}", doc_type="book")]) == {(0, 1)}


def test_two_full_titles_one_with_a_number_stay_apart():
    """Both from catalogues: nothing was cut, so the number tells a part report from the main report."""
    found = verdict(oria(f"{REPORT}. Delrapport 1"), oria(REPORT))
    assert found.outcome == DISTINCT and found.hard


def test_two_numbers_stay_apart_even_from_scholar():
    found = verdict(oria(f"{REPORT}. Delrapport 1"), scholar(f"{REPORT}. Delrapport 2"))
    assert found.outcome == DISTINCT and found.hard


def test_a_cut_title_that_fits_two_volumes_is_queued_not_merged():
    records = [
        oria(f"{REPORT}. Delrapport 4"),
        oria(f"{REPORT}. Delrapport 5"),
        scholar(REPORT),
        scholar(f"{REPORT}. Delrapport …"),
    ]
    result = find_duplicates(records)
    assert result.duplicate_pairs() == set()
    queued = {(p.a, p.b) for p in result.uncertain}
    assert {(0, 2), (1, 2), (0, 3), (1, 3)} <= queued


def test_cut_title_of_another_year_is_not_merged():
    records = [oria(f"Åtte byer – åtte tiltak. {REPORT}. Delrapport 3", year=2021), scholar("Åtte byer – åtte tiltak")]
    assert merged(records) == set()


# --- A title cut at its subtitle, however short the part kept --------------------------------------------


def test_title_cut_at_the_subtitle_is_one_work():
    records = [
        oria("Samarbeidsmodellen TVK – Tverrfaglig kvalifisering av voksne", "Lie, Åse; Moe, Per", 2022),
        scholar("Samarbeidsmodellen TVK", "Å Lie, P Moe", 2022),
    ]
    assert merged(records) == {(0, 1)}


def test_title_cut_at_the_subtitle_by_other_people_is_not_merged():
    records = [
        oria("Samarbeidsmodellen TVK – Tverrfaglig kvalifisering av voksne", "Lie, Åse; Moe, Per", 2022),
        scholar("Samarbeidsmodellen TVK", "T Vik", 2022),
    ]
    assert merged(records) == set()


# --- Organisations as authors ------------------------------------------------------------------------------


def test_institution_listed_first_in_one_catalogue_record():
    records = [
        oria(REPORT, "OsloMet; Nordmann, Kari; Hansen, Ola"),
        oria(REPORT, "Nordmann, Kari; Hansen, Ola"),
        scholar(REPORT, "K Nordmann, O Hansen"),
    ]
    assert merged(records) == {(0, 1), (0, 2), (1, 2)}


def test_a_first_author_who_truly_differs_still_splits_two_theses():
    records = [
        oria("Karriereveiledning for voksne flyktninger", "Nilsen, Kari", 2019, doc_type="thesis"),
        oria("Karriereveiledning for voksne flyktninger", "Berge, Ola", 2019, doc_type="thesis"),
    ]
    found = verdict(*records)
    assert found.outcome == DISTINCT and found.hard


def test_company_form_after_an_organisation_name():
    """'Opinion AS' is read as one organisation (a company: AS is its legal form); Scholar writes 'Opinion'."""
    title = "Evaluering av karriereveiledning i mottak"
    assert merged([oria(title, "Opinion AS", 2017), scholar(title, "Opinion", 2017)]) == {(0, 1)}
    assert merged([oria(title, "Opinion AS", 2017), oria(title, "Ipsos AS", 2017)]) == set()


# --- Short report titles -------------------------------------------------------------------------------------


def test_short_report_title_same_people_same_year_is_one_work():
    records = [
        oria("Introduksjonsprogram i endring", "Lunde, Marit; Holm, Erik", 2019),
        scholar("Introduksjonsprogram i endring", "M Lunde, E Holm", 2019, doc_type="book"),
    ]
    assert merged(records) == {(0, 1)}


def test_short_report_title_of_other_people_or_years_stays_apart():
    records = [
        oria("Introduksjonsprogram i endring", "Lunde, Marit; Holm, Erik", 2019),
        oria("Introduksjonsprogram i endring", "Vik, Anders", 2022),
    ]
    assert merged(records) == set()


def test_one_editors_short_journal_pieces_are_not_joined_by_the_report_rule():
    """One editor writes an "Editorial" in every issue: a record with its issue and pages and another
    without any (online first, or an untyped web copy) may be any of them."""
    records = [
        rec(
            "Editorial",
            "Nordmann, Kari",
            2019,
            venue="Nordisk tidsskrift",
            volume="12",
            issue="1",
            pages="1-2",
            doc_type="article",
        ),
        rec("Editorial", "Nordmann, Kari", 2019, venue="Nordisk tidsskrift"),
    ]
    assert merged(records) == set()


def test_organisation_as_author_in_one_source_and_publisher_in_another():
    title = "Evaluering av karriereveiledning i mottak"
    assert merged([oria(title, "Opinion AS", 2017), scholar(title, "", 2017, publisher="Opinion")]) == {(0, 1)}


def test_a_record_without_author_is_not_joined_on_another_publisher():
    title = "Evaluering av karriereveiledning i mottak"
    assert merged([oria(title, "Opinion AS", 2017), scholar(title, "", 2017, publisher="Ipsos")]) == set()


def test_an_organisations_short_titles_of_one_year_are_left_for_a_person():
    """A ministry sends out many a "Høringsnotat" in one year: the same organisation is not the same people."""
    records = [
        oria("Høringsnotat", "Kunnskapsdepartementet", 2019),
        scholar("Høringsnotat", "Kunnskapsdepartementet", 2019),
    ]
    result = find_duplicates(records)
    assert result.duplicate_pairs() == set() and [(p.a, p.b) for p in result.uncertain] == [(0, 1)]


def test_keys_heads_and_organisations():
    keys = record_keys(oria("Åtte byer – åtte tiltak. Evaluering av tiltak. Delrapport 1", "Kunnskapsdepartementet"))
    assert keys.heads == ("atte byer", "atte byer atte tiltak", "atte byer atte tiltak evaluering av tiltak")
    assert keys.organisation and not keys.people
    assert record_keys(scholar("Åtte byer")).scholar and not keys.scholar
    # "Opinion AS" as an older name parser stored it (given "Opinion", family "AS") and as it reads it now.
    stored = RawRecord(title="X", authors=[Author("AS", "Opinion")], source="oria")
    assert record_keys(stored).authors == record_keys(oria("X", "Opinion AS")).authors == ("opinion",)
    company = record_keys(oria("X", "Opinion AS"))
    assert company.organisation and not company.people


def test_an_organisation_in_one_source_and_its_people_in_another_do_not_split():
    title = "Kompetansekartlegging og karriereveiledning for nyankomne flyktninger"
    found = verdict(oria(title, "IMDi", 2020), scholar(title, "R Lillevik, N Weiss", 2020))
    assert not found.hard and found.outcome == DUPLICATE


SHORT = "Introduksjonsprogram i endring"


def test_a_catalogue_record_naming_only_the_publishing_institution_joins_the_report_of_its_people():
    """A repository's copy of a Fafo report names only "Fafo" as author (and as publisher); the library's
    record names the people, published by Fafo. With a short title and one year, that is one report."""
    people = oria(SHORT, "Vik, Anders", 2022, doc_type="book", publisher="Fafo")
    institution = oria(SHORT, "Fafo", 2022, doc_type="report", publisher="Fafo")
    assert merged([people, institution]) == {(0, 1)}
    # It is the institution's record that joins the whole work, with the Scholar records of it.
    hits = [scholar(SHORT, "A Vik", 2022, doc_type="book", publisher="fafo.no"), scholar(SHORT, "A Vik", 2022)]
    assert merged([people, institution, *hits]) == {(i, j) for i in range(4) for j in range(i + 1, 4)}


def test_an_institution_that_did_not_publish_the_report_or_a_scholar_record_stays_queued():
    people = oria(SHORT, "Vik, Anders", 2022, publisher="Fafo")
    for other in (
        oria(SHORT, "IMDi", 2022, publisher="IMDi"),  # IMDi's own note under Fafo's title
        oria(SHORT, "Fafo", 2022, publisher="IMDi"),  # Fafo wrote it, IMDi published it
        oria(SHORT, "Fafo", 2022),  # no publisher to confirm
        scholar(SHORT, "Fafo", 2022, publisher="Fafo"),
    ):  # Scholar: a host, perhaps a cut title
        result = find_duplicates([people, other])
        assert result.duplicate_pairs() == set() and [(p.a, p.b) for p in result.uncertain] == [(0, 1)], other
    # Another year is another report (a year apart a person looks); two institutions are two authors.
    assert verdict(people, oria(SHORT, "Fafo", 2021, publisher="Fafo")).outcome == UNCERTAIN
    assert verdict(oria(SHORT, "Fafo", 2022, publisher="Fafo"), oria(SHORT, "IMDi", 2022, publisher="IMDi")).hard


def test_two_people_who_differ_still_split():
    title = "Kompetansekartlegging og karriereveiledning for nyankomne flyktninger"
    found = verdict(
        oria(title, "Lillevik, Rune", 2020, doc_type="thesis"), oria(title, "Weiss, Nina", 2020, doc_type="thesis")
    )
    assert found.outcome == DISTINCT and found.hard


def test_a_group_name_against_a_team_on_a_journal_article_still_splits():
    title = "Kompetansekartlegging og karriereveiledning for nyankomne flyktninger"
    found = verdict(
        rec(title, "Helsedirektoratet", 2020, doc_type="article", venue="Nordisk tidsskrift", volume="4", pages="1-10"),
        rec(
            title,
            "Lillevik, Rune; Weiss, Nina",
            2020,
            doc_type="article",
            venue="Nordisk tidsskrift",
            volume="4",
            pages="11-20",
        ),
    )
    assert found.outcome == DISTINCT and found.hard


def test_a_scholar_book_that_is_the_chapters_book_stays_apart():
    """An introduction titled after its book: Scholar's [BOOK] record has the book's title, which the
    chapter's record names as its book. (Bundled review: S009/S010.)"""
    chapter = oria(
        "Karriereveiledning i et flerkulturelt samfunn: en innledning",
        "Dahl, Hilde",
        2018,
        doc_type="chapter",
        venue="Karriereveiledning i et flerkulturelt samfunn",
    )
    book = scholar("Karriereveiledning i et flerkulturelt samfunn", "H Dahl", 2018, doc_type="book")
    found = verdict(chapter, book)
    assert found.outcome == DISTINCT and found.hard
    records = [
        chapter,
        oria("Karriereveiledning i et flerkulturelt samfunn", "Dahl, Hilde", 2018, doc_type="book"),
        book,
        scholar("Karriereveiledning i et flerkulturelt samfunn: en innledning", "H Dahl", 2018),
    ]
    assert merged(records) == {(0, 3), (1, 2)}


# --- Links into one repository item -----------------------------------------------------------------------

ODA = "https://oda.oslomet.no/oda-xmlui"


def test_repository_item_is_read_from_every_form_of_link():
    from review.normalise import repository_item

    assert {
        repository_item("https://hdl.handle.net/11250/2758123"),
        repository_item(f"{ODA}/handle/11250/2758123"),
        repository_item(f"{ODA}/bitstream/handle/11250/2758123/rapport.pdf?sequence=1&isAllowed=y"),
    } == {"hdl:11250/2758123"}
    assert repository_item("https://www.diva-portal.org/smash/record.jsf?pid=diva2%3A1234567") == "diva2:1234567"
    assert repository_item("https://www.diva-portal.org/smash/get/diva2:1234567/FULLTEXT01.pdf") == "diva2:1234567"
    assert repository_item("https://www.fafo.no/images/pub/2021/20796.pdf") == ""
    assert repository_item(f"{ODA}/handle/11250/27581234x") == ""


def test_a_cut_title_linking_to_one_volumes_repository_item_joins_that_volume():
    """Scholar lost the number, but its link (the landing page Publish or Perish keeps) is volume 4's item."""
    records = [
        oria(f"{REPORT}. Delrapport 4", url="https://hdl.handle.net/11250/2758123"),
        oria(f"{REPORT}. Delrapport 5", url="https://hdl.handle.net/11250/2758999"),
        scholar(REPORT, url=f"{ODA}/handle/11250/2758123"),
        scholar(REPORT),  # the same cut title with no link still fits both volumes
    ]
    result = find_duplicates(records)
    assert result.duplicate_pairs() == {(0, 2)}
    assert {(1, 2), (0, 3), (1, 3)} <= {(p.a, p.b) for p in result.uncertain}


def test_one_repository_item_does_not_join_two_numbered_volumes_or_a_chapter_and_its_book():
    item = "https://hdl.handle.net/11250/2758123"
    found = verdict(oria(f"{REPORT}. Delrapport 4", url=item), oria(f"{REPORT}. Delrapport 5", url=item))
    assert found.outcome == DISTINCT and found.hard
    title = "Karriereveiledning i mottak for voksne flyktninger"
    chapter = oria(title, "Fredriksen, Hanne", doc_type="chapter", url=item)
    assert verdict(chapter, oria(title, "Fredriksen, Hanne", doc_type="book", url=item)).outcome == DISTINCT


# --- An organisation's own document ------------------------------------------------------------------------


def test_an_organisations_own_short_title_is_one_work_across_sources():
    """IMDi's own report: IMDi as the only author in Oria and Scholar, as publisher in a BibTeX entry without author."""
    title = "Introduksjonsprogram i endring"
    records = [
        oria(title, "IMDi", 2022, publisher="IMDi"),
        oria(title, "IMDi", 2022, doc_type="book", publisher="IMDi"),
        scholar(title, "IMDi", 2022),
        scholar(title, "", 2022, publisher="IMDi"),
    ]
    assert merged(records) == {(a, b) for a in range(4) for b in range(a + 1, 4)}


def test_an_organisations_short_title_seen_only_in_scholar_is_left_for_a_person():
    """Scholar may have cut the subtitle that told two of the organisation's papers apart."""
    title = "Introduksjonsprogram i endring"
    assert verdict(scholar(title, "IMDi", 2022), scholar(title, "", 2022, publisher="IMDi")).outcome == UNCERTAIN


def test_another_organisations_document_under_the_same_short_title_stays_apart():
    title = "Introduksjonsprogram i endring"
    records = [oria(title, "IMDi", 2022, publisher="IMDi"), oria(title, "Fafo", 2022, publisher="Fafo")]
    assert merged(records) == set()


def test_a_cut_title_that_fits_two_papers_of_one_ministry_is_queued_not_merged():
    """ "Høringsnotat – forslag til endringer i …" starts both of the ministry's consultation papers of that year."""
    ministry = "Kunnskapsdepartementet"
    records = [
        oria("Høringsnotat – forslag til endringer i integreringsloven", ministry, 2021),
        oria("Høringsnotat – forslag til endringer i opplæringslova", ministry, 2021),
        scholar("Høringsnotat – forslag til endringer i …", ministry, 2021),
    ]
    result = find_duplicates(records)
    assert result.duplicate_pairs() == set()
    assert {(0, 2), (1, 2)} <= {(p.a, p.b) for p in result.uncertain}


def test_a_title_cut_to_its_first_word_is_asked_not_split():
    ministry = "Kunnskapsdepartementet"
    full = oria("Høringsnotat – forslag til endringer i opplæringslova", ministry, 2021)
    assert verdict(full, scholar("Høringsnotat", ministry, 2021)).outcome == UNCERTAIN
    assert verdict(full, scholar("Høringsnotat", ministry, 2020)).outcome == DISTINCT


def test_one_repository_item_leaves_a_report_and_an_article_for_a_person():
    item = "https://hdl.handle.net/11250/2758123"
    article = oria(REPORT, doc_type="article", venue="Søkelys på arbeidslivet", url=item)
    assert verdict(oria(REPORT, url=item), article).outcome == UNCERTAIN
