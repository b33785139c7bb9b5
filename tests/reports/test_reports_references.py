"""Reference lines in the Vedlegg 1 style (names below are invented)."""

import pytest

from review.model import Author
from review.reports.references import author_list, initials, reference_line


@pytest.mark.parametrize(
    "given, expected",
    [
        ("Kari", "K."),
        ("Anne Britt", "A. B."),
        ("Hans-Petter", "H.-P."),
        ("KA", "K. A."),
        ("K. A.", "K. A."),
        ("Øyvind", "Ø."),
        ("", ""),
        ("åse", "Å."),
    ],
)
def test_initials(given, expected):
    assert initials(given) == expected


def test_two_and_three_authors_are_joined_as_in_the_seed_report():
    two = [Author("Nordmann", "Kari"), Author("Hansen", "Ola")]
    three = two + [Author("Berg", "Nils Olav")]
    assert author_list(two) == "Nordmann, K. & Hansen, O."
    assert author_list(three) == "Nordmann, K., Hansen, O. & Berg, N. O."
    assert author_list(three, truncated=True, language="no") == "Nordmann, K., Hansen, O., Berg, N. O. m.fl."


def test_report_uses_publisher_and_article_uses_journal():
    report = reference_line(
        [Author("Nordmann", "Kari")],
        2018,
        "En rapport",
        publisher="Eksempelforlaget",
        venue="Serie 4",
        doc_type="report",
    )
    article = reference_line(
        [Author("Doe", "Jane")],
        2019,
        "An article?",
        venue="Journal of Examples",
        publisher="Example Press",
        doc_type="article",
    )
    assert report == "Nordmann, K. (2018). En rapport. Eksempelforlaget."
    assert article == "Doe, J. (2019). An article? Journal of Examples."


def test_organisation_author_and_missing_parts():
    assert (
        reference_line([Author("Eksempel Analyse AS")], 2017, "Evaluering") == "Eksempel Analyse AS (2017). Evaluering."
    )
    assert (
        reference_line([], None, "Uten forfatter", publisher="Fafo", language="no") == "Uten forfatter. (u.å.). Fafo."
    )
