"""The interface in the reader's language (Norwegian Bokmål, Swedish, Danish, English) from Babel
catalogues; the review's own words stay as the protocol writes them. Records are synthetic."""

import re

import pytest
from babel.messages.pofile import read_po

from review.ui.i18n import LANGUAGES, LOCALES, catalogue_path, gettext_for
from tests.ui.conftest import decide_button, no_errors, press

pytestmark = pytest.mark.slow  # every test drives the app in Streamlit's AppTest: seconds each

PLACEHOLDER = re.compile(r"\{\w*\}")


def template_ids() -> list[str]:
    with (LOCALES / "messages.pot").open("rb") as handle:
        return [m.id for m in read_po(handle) if m.id]


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "en"])
def test_every_message_is_translated_with_the_same_placeholders(lang):
    with catalogue_path(lang).open("rb") as handle:
        catalogue = read_po(handle)
    ids = template_ids()
    assert len(ids) > 50
    for message_id in ids:
        message = catalogue.get(message_id)
        assert message is not None and message.string, f"{lang}: {message_id!r} untranslated"
        assert sorted(PLACEHOLDER.findall(message.string)) == sorted(PLACEHOLDER.findall(message_id)), message_id


def test_an_unknown_language_falls_back_to_english():
    assert gettext_for("xx")("Include") == "Include" and gettext_for("sv")("Include") == "Inkludera"


def test_stage_1_in_swedish_keeps_the_protocols_own_words_and_stores_the_same_decision(app, protocol, store, works):
    from screening.decisions import history

    at = app("Anna", None)
    at.session_state["lang"] = "sv"
    at.run()
    at.switch_page("views/screening.py").run()
    no_errors(at)
    assert at.sidebar.selectbox(key="reviewer").label == "Inloggad som"
    assert decide_button(at, 1, "include").label == "Inkludera" and decide_button(at, 1, "exclude").label == "Exkludera"
    assert at.header[0].value == "Steg 1: titel och sammanfattning"
    criteria = [h.value for h in at.get("html") if 'class="criteria"' in h.value][0]
    assert "Kriterier, steg 1" in criteria
    assert all(c in criteria for c in protocol.stage(1).criteria)  # the protocol's words, untranslated
    assert set(at.multiselect(key="s1_reasons").options) >= set(protocol.stage(1).reasons)
    press(at, 1, "include")
    with store.read() as conn:
        assert [r["decision"] for r in history(conn, works[0], 1)] == ["include"]
