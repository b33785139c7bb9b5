"""Versions, notices and damaged citation fields: the rules added for recall, each with the look-alike
it must leave alone.

All records are synthetic (invented titles, people, DOIs and review numbers), shaped like the cases seen
in the labelled benchmark exports: Cochrane review updates, correction notices, spreadsheet-damaged
pages, Embase journal fields with the citation glued on, supplements numbered as volume or issue.
"""

from review.dedup import find_duplicates
from review.dedup.compare import DUPLICATE, UNCERTAIN, classify, venues_conflict
from review.dedup.keys import doi_key, page_text, record_keys, split_notice
from tests.dedup.synthetic import rec

TITLE = "Career guidance for adult refugees in Nordic municipalities"
TEAM = "Nordmann, K.; Hansen, O.; Berg, L."


def merged(records) -> set[tuple[int, int]]:
    return find_duplicates(records).duplicate_pairs()


def verdict(a, b):
    return classify(record_keys(a), record_keys(b))


# --- versions of one Cochrane review -------------------------------------------------------------


def test_updates_of_one_cochrane_review_are_one_work():
    venue = "Cochrane Database of Systematic Reviews"
    records = [
        rec("Mentoring for refugees entering work", TEAM, 2009, venue=venue, doi="10.1002/14651858.CD999001.pub2"),
        rec("Mentoring for refugees entering work", TEAM, 2015, venue=venue, doi="10.1002/14651858.CD999001.pub3"),
        # A database export without the DOI: the review number sits in the pages field.
        rec("Mentoring for refugees entering work", TEAM, 2012, venue=venue, pages="CD999001"),
    ]
    assert merged(records) == {(0, 1), (0, 2), (1, 2)}
    assert verdict(records[0], records[1]).rule == "review-version"


def test_two_cochrane_reviews_and_a_retitled_update_are_not_joined():
    venue = "Cochrane Database of Systematic Reviews"
    other_review = [
        rec("Mentoring for refugees entering work", TEAM, 2009, venue=venue, doi="10.1002/14651858.CD999001.pub2"),
        rec("Mentoring for refugees entering work", TEAM, 2015, venue=venue, doi="10.1002/14651858.CD999002.pub2"),
    ]
    assert merged(other_review) == set()
    retitled = [
        rec("Mentoring for refugees entering work", TEAM, 2009, venue=venue, doi="10.1002/14651858.CD999001.pub2"),
        rec(
            "Language training before job placement for newcomers",
            TEAM,
            2018,
            venue=venue,
            doi="10.1002/14651858.CD999001.pub3",
        ),
    ]
    assert merged(retitled) == set()


# --- identifiers ---------------------------------------------------------------------------------


def test_dois_differing_only_in_punctuation_are_one_doi():
    assert doi_key("10.9999/fnr.v57i0.21245") == doi_key("10.9999/fnrv57i0.21245")
    assert doi_key("10.9999/endrev/bnz002") == doi_key("10.9999/endrevbnz002")
    assert doi_key("10.9999/journal.pone.0094853.g001") == doi_key("10.9999/journal.pone.0094853")
    assert doi_key("10.9999/abc.1") != doi_key("10.9999/abc.2")


def test_two_dois_with_the_same_page_in_one_journal():
    # A supplement's DOI on one record and the journal's on the other; the volume of one is the supplement's.
    records = [
        rec(TITLE, TEAM, 2012, venue="Appetite", doi="10.9999/app.2012.05.039", volume="59", pages="e24"),
        rec(TITLE, TEAM, 2012, venue="Appetite", doi="10.9999/reg.2012.05.003", volume="1", pages="e24"),
    ]
    assert merged(records) == {(0, 1)}
    # One article printed in two journals (same title, team and first page) stays two records.
    records[1] = rec(
        TITLE, TEAM, 2012, venue="Clinical Appetite Research", doi="10.9999/reg.2012.05.003", volume="40", pages="e24"
    )
    assert merged(records) == set()


def test_a_shared_doi_and_page_range_join_a_translated_title():
    records = [
        rec(
            "Aplicaciones del asesoramiento profesional para refugiados",
            TEAM,
            2019,
            doi="10.9999/gmm.1",
            volume="155",
            issue="3",
            pages="307-318",
        ),
        rec(
            "Applications of career counselling for refugees",
            TEAM,
            2019,
            doi="10.9999/gmm.1",
            volume="155",
            issue="3",
            pages="307-318",
        ),
    ]
    assert merged(records) == {(0, 1)}


def test_a_shared_doi_joins_a_title_with_words_added():
    records = [
        rec(
            "Memorial lecture. Integration of refugees in Nordic labour markets",
            "Nordmann, K.",
            1991,
            doi="10.9999/ml.1",
            volume="32",
            issue="1",
        ),
        rec(
            "Integration of refugees in Nordic labour markets",
            "Nordmann, K.",
            1991,
            doi="10.9999/ml.1",
            volume="32",
            issue="1",
        ),
    ]
    assert merged(records) == {(0, 1)}


# --- notices -------------------------------------------------------------------------------------


def test_notices_are_recognised_and_their_labels_dropped():
    assert split_notice("Correction to: " + TITLE) == ("correction", TITLE)
    assert split_notice("Erratum to - " + TITLE) == ("correction", TITLE)
    assert split_notice(TITLE + " (vol 85, pg 553, 2010)") == ("correction", TITLE)
    assert split_notice("Reprint of: " + TITLE) == ("reprint", TITLE)
    assert split_notice(TITLE + ". Spanish") == ("", TITLE)
    # Not notices: a title that starts with the word, and a volume of a series.
    assert split_notice("Correction of hypoxaemia in newborns") == ("", "Correction of hypoxaemia in newborns")
    assert split_notice("Handbook of guidance (Vol. 2)") == ("", "Handbook of guidance (Vol. 2)")


def test_a_correction_in_another_issue_is_queued_not_merged():
    article = rec(
        TITLE, TEAM, 2017, venue="Journal of Nordic Work", volume="34", issue="4", pages="970-993", doi="10.9999/jnw.1"
    )
    notice = rec(
        "Corrigendum: " + TITLE,
        TEAM,
        2018,
        venue="Journal of Nordic Work",
        volume="35",
        issue="3",
        pages="994",
        doi="10.9999/jnw.2",
    )
    result = find_duplicates([article, notice])
    assert result.duplicate_pairs() == set()
    assert [p.verdict.outcome for p in result.uncertain] == [UNCERTAIN]


def test_a_correction_printed_in_its_articles_issue_joins_it():
    article = rec(
        TITLE, TEAM, 2018, venue="Journal of Nordic Work", volume="33", issue="2", pages="151-170", doi="10.9999/jnw.3"
    )
    notice = rec(
        "Erratum to - " + TITLE,
        TEAM,
        2018,
        venue="Journal of Nordic Work",
        volume="33",
        issue="2",
        pages="171",
        doi="10.9999/jnw.4",
    )
    assert verdict(article, notice).outcome == DUPLICATE


# --- damaged citation fields ---------------------------------------------------------------------


def test_damaged_pages_are_read_back():
    assert page_text(rec(TITLE, pages="Sep-15", year=2014)) == ("9-15", True)
    assert page_text(rec(TITLE, pages="03-Dec", year=2013)) == ("3-12", True)
    assert page_text(rec(TITLE, pages="2010", year=2010)) == ("", False)  # the year is no page
    assert page_text(rec(TITLE, venue="Nordic Work.169 (1) ()(pp 171-181) 2010.Date of Publication")) == (
        "171-181",
        False,
    )


def test_spreadsheet_pages_never_refute_a_match():
    records = [
        rec(TITLE, TEAM, 2016, volume="103", pages="79-91"),
        rec(TITLE, TEAM, 2016, volume="103", pages="Jan-13"),
    ]
    assert merged(records) == {(0, 1)}
    # Real pages that differ still keep the pair for a person.
    records[1] = rec(TITLE, TEAM, 2016, volume="103", pages="1-13")
    assert merged(records) == set()


def test_supplement_pages_are_pages_not_article_numbers():
    assert not record_keys(rec(TITLE, pages="S84-S85")).page_is_locator
    assert record_keys(rec(TITLE, pages="e0182879")).page_is_locator
    # A meeting abstract in a supplement and the journal article: different pages, left to a person.
    records = [
        rec(TITLE, TEAM, 2014, venue="Indian Journal of Work", pages="185-187", volume="56", issue="2"),
        rec(TITLE, TEAM, 2014, venue="Indian Journal of Work", pages="S84-S85"),
    ]
    assert merged(records) == set()


def test_supplement_number_given_as_volume_or_as_issue():
    records = [
        rec(TITLE, "Nordmann, K.", 1989, venue="Scand J Work Suppl", volume="169", pages="4-10"),
        rec(
            TITLE,
            "Nordmann, K.",
            1989,
            venue="Scandinavian Journal of Work Supplement",
            volume="24",
            issue="169",
            pages="4-10",
        ),
    ]
    assert merged(records) == {(0, 1)}


def test_journal_names_written_differently():
    def conflict(a, b):
        return venues_conflict(record_keys(rec(TITLE, venue=a)), record_keys(rec(TITLE, venue=b)))

    assert not conflict("NordicWorkJournal.", "The Nordic Work Journal.2014 (no pagination)")
    assert not conflict("Front Work.(Oslo)", "Frontiers in Work.6 (NOV) (no pagination)")
    assert not conflict("Proc Natl Acad Work", "Proceedings of the National Academy of Work")
    assert not conflict("ICWS: Transforming Work", "International Conference on Work Studies")
    assert conflict("Journal of Nordic Work", "Scandinavian Journal of Welfare")


# --- years one apart, short titles, no author ----------------------------------------------------


def test_online_first_and_print_a_year_apart():
    records = [
        rec(TITLE, TEAM, 2013, venue="Nordic Work", doi="10.9999/nw.1"),
        rec(TITLE, TEAM, 2014, venue="Nordic Work", volume="79", pages="7-13"),
    ]
    assert merged(records) == {(0, 1)}
    # A meeting abstract the year before the article is not its online-first version.
    records[0] = rec(TITLE, TEAM, 2013, venue="Nordic Work. Conference: 5th annual meeting")
    assert merged(records) == set()


def test_one_conference_paper_dated_by_meeting_and_by_proceedings():
    records = [
        rec(TITLE, TEAM, 2017, venue="International Conference on Work Studies", pages="1-12"),
        rec(TITLE, TEAM, 2018, venue="ICWS: Transforming Work"),
    ]
    assert merged(records) == {(0, 1)}


def test_short_title_in_one_issue_of_one_journal():
    records = [
        rec("Modelling agency", "Lowe, D.", 2010, venue="Contract Work", issue="4"),
        rec("Modelling agency", "Lowe, D.", 2010, venue="Contract Work", issue="4"),
    ]
    assert merged(records) == {(0, 1)}
    records[1] = rec("Modelling agency", "Lowe, D.", 2010, venue="Contract Work", issue="5")
    assert merged(records) == set()


def test_anonymous_is_no_author():
    assert record_keys(rec("Annual meeting abstracts", "Anonymous")).authors == ()
    records = [
        rec("2015 Nordic Work Meeting Abstracts", "Anonymous", 2016, venue="Nordic Work", volume="91", issue="3"),
        rec("2015 Nordic Work Meeting Abstracts", "Anonymous", 2016, venue="Nordic Work", volume="91", issue="3"),
    ]
    assert merged(records) == {(0, 1)}


def test_one_doi_in_one_issue_outweighs_garbled_author_names():
    records = [
        rec(
            "The role of topoisomerase II alpha in predicting outcomes for refugees",
            "Jinsong",
            2011,
            doi="10.9999/top.1",
            volume="129",
            issue="3",
            pages="839-848",
        ),
        rec(
            "The role of topoisomerase IIalpha in predicting outcomes for refugees",
            "Du, J.; Zhou, L.",
            2011,
            doi="10.9999/top.1",
            volume="129",
            issue="3",
            pages="839-48",
        ),
    ]
    assert merged(records) == {(0, 1)}


def test_two_pieces_of_one_debate_sharing_a_doi_stay_apart():
    records = [
        rec(
            "Guidance is useful in the integration of adult refugees",
            "Wahn, U.",
            2014,
            doi="10.9999/debate.1",
            pages="S4-S5",
        ),
        rec(
            "Guidance is useful in the integration of adult refugees (con)",
            "Saglani, S.",
            2014,
            doi="10.9999/debate.1",
            pages="S5-S6",
        ),
    ]
    assert merged(records) == set()
