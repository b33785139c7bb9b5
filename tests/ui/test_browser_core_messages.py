"""A message the core writes, shown on a page in the reader's language (headless Chromium, solo mode):
the lead reading the app in Norwegian uploads a malformed export and the red line says what is wrong in
Norwegian, naming the file as the CLI does in English. Records are synthetic."""

from __future__ import annotations

import pytest

from review.errors import ReviewError
from review.ingest import SearchInfo, import_files
from review.messages import Message, message_of
from review.protocol import load_protocol
from review.store import open_store
from review.ui.i18n import gettext_for
from tests.conftest import synthetic_records
from tests.ui.browser_support import (
    BROWSER_TEST,
    new_context,
    open_page,
    running_app,
    sign_in,
    synthetic_review,
    wait_idle,
)

pytestmark = BROWSER_TEST

# A RIS export whose one record has no title, DOI or abstract: nothing can be imported from it.
MALFORMED = "TY  - RPRT\nAU  - Nordmann, Kari\nPY  - 2019\nER  - \n"


@pytest.fixture
def review(tmp_path):
    return synthetic_review(tmp_path / "rev", synthetic_records(3))


def refusal_of(review, path) -> Message:
    """What the core says about the file, as the CLI gets it (and nothing is stored)."""
    store = open_store(review)
    try:
        with pytest.raises(ReviewError) as caught:
            import_files(store, load_protocol(review), [path], SearchInfo(source="oria", family="no"))
    finally:
        store.close()
    said = message_of(caught.value)
    assert isinstance(said, Message)
    return said


def test_a_malformed_export_is_refused_in_norwegian_on_the_import_page(browser, review, tmp_path):
    path = tmp_path / "syntetisk-feil.ris"
    path.write_text(MALFORMED, encoding="utf-8")
    english = refusal_of(review, path)
    norwegian = gettext_for("nb")(english)
    assert english.startswith("syntetisk-feil.ris: no record could be read")
    assert norwegian.startswith("syntetisk-feil.ris: ingen post kunne leses") and norwegian != english

    with running_app(review) as url:
        context = new_context(browser)
        page = context.new_page()
        page.goto(url)
        wait_idle(page)
        sign_in(page, "Bjørn")  # the starter protocol's lead: the one who imports
        page.locator(".st-key-lang").click()
        page.get_by_role("option", name="Norsk (bokmål)", exact=True).click()
        wait_idle(page)
        open_page(page, "Import")
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
        page.get_by_role("button", name="Import", exact=True).click()
        error = page.locator('[data-testid="stAlertContentError"]').first
        error.wait_for(timeout=30_000)
        shown = error.inner_text()
        context.close()

    assert norwegian in shown, shown
    assert "Filen ble ikke lagret" in shown  # the page's own words around it, as before
    assert "no record could be read" not in shown and "Skipped" not in shown
