"""The review's own include / exclude keywords: kept in review.toml, edited on the Overview page,
highlighted green / red on the card with a legend. Records are synthetic."""

import pytest

from review.errors import ProtocolError
from review.protocol import clean_keywords, load_protocol, save_highlight_keywords
from tests.ui.conftest import card, no_errors

pytestmark = pytest.mark.slow  # every test drives the app in Streamlit's AppTest: seconds each


def test_keywords_round_trip_through_review_toml_and_keep_its_comments(review_dir):
    before = (review_dir / "review.toml").read_text(encoding="utf-8")
    save_highlight_keywords(review_dir, ["arbeidspraksis", "nyankom*"], ["barnehage*"])
    protocol = load_protocol(review_dir)
    assert protocol.include_keywords == ["arbeidspraksis", "nyankom*"]
    assert protocol.exclude_keywords == ["barnehage*"]
    save_highlight_keywords(review_dir, ["språk*"], [])
    assert load_protocol(review_dir).include_keywords == ["språk*"]
    save_highlight_keywords(review_dir, [], [])
    assert (review_dir / "review.toml").read_text(encoding="utf-8") == before.rstrip("\n") + "\n"


def test_a_malformed_keyword_list_is_named(review_dir):
    path = review_dir / "review.toml"
    path.write_text(path.read_text(encoding="utf-8") + '\n[highlight]\ninclude = "flyktning"\n', encoding="utf-8")
    with pytest.raises(ProtocolError, match=r"review.toml.*highlight.*include"):
        load_protocol(review_dir)


def test_typed_keywords_are_split_trimmed_and_deduplicated():
    assert clean_keywords("arbeid*, Arbeid*\n  språk  kurs ;\n\n") == ["arbeid*", "språk kurs"]


def test_the_lead_saves_keywords_on_the_overview_and_the_card_shows_them(app, review_dir, protocol):
    lead = protocol.lead or "Anna"
    at = app(lead, "overview")
    at.text_area(key="kw_include").input("karriereveiledning\nsyntetisk*")  # a form: sent with the submit
    at.text_area(key="kw_exclude").input("rapport")
    at.button(key="kw_save").click().run()
    no_errors(at)
    assert load_protocol(review_dir).include_keywords == ["karriereveiledning", "syntetisk*"]
    at.switch_page("views/screening.py").run()
    html = card(at)
    assert 'class="term kw-include"' in html and 'class="term kw-exclude"' in html
    assert any("exclude keyword" in h.value and "inside compound words" in h.value for h in at.get("html"))


def test_a_reviewer_who_is_not_the_lead_cannot_change_keywords(app, protocol):
    at = app("Bjørn", "overview")
    assert at.text_area(key="kw_include").disabled and at.button(key="kw_save").disabled
