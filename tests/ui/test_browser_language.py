"""The language switch in headless Chromium (solo mode): a reviewer picks Swedish, sees pages in Swedish,
the choice is kept after a reload and given back to her when she picks her name after a colleague chose
Danish; never in the address. Records are synthetic."""

from __future__ import annotations

import pytest

from review.store import open_store
from review.ui.i18n import remembered_language
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


@pytest.fixture
def review(tmp_path):
    return synthetic_review(tmp_path / "rev", synthetic_records(4))


def choose_language(page, name: str) -> None:
    page.locator(".st-key-lang").click()
    page.get_by_role("option", name=name, exact=True).click()
    wait_idle(page)


def overview_in_swedish(page) -> None:
    page.get_by_role("heading", name="Framsteg").wait_for()  # "Progress" on the Overview
    page.get_by_text("Inloggad som").first.wait_for()


def test_swedish_is_chosen_shown_kept_after_a_reload_and_given_back_to_its_reviewer(browser, review):
    with running_app(review) as url:
        context = new_context(browser)
        page = context.new_page()
        page.goto(url)
        wait_idle(page)
        sign_in(page, "Anna")
        choose_language(page, "Svenska")
        overview_in_swedish(page)
        open_page(page, "Steg 1: titel/sammanfattning")
        page.locator('[class*="st-key-s1_include_"] button', has_text="Inkludera").wait_for()
        assert "lang=" not in page.url and "reviewer=" not in page.url  # kept in the store, not the address

        page.reload()  # a new session: the review's language at once, the name picked again
        wait_idle(page)
        page.get_by_text("Inloggad som").first.wait_for()
        sign_in(page, "Anna")
        page.locator('[class*="st-key-s1_include_"] button', has_text="Inkludera").wait_for()

        # Another reviewer at the same computer chooses Danish; Anna gets Swedish back when she picks her name.
        sign_in(page, "Bjørn")
        choose_language(page, "Dansk")
        page.get_by_text("Logget ind som").first.wait_for()
        sign_in(page, "Anna")
        page.locator('[class*="st-key-s1_include_"] button', has_text="Inkludera").wait_for()
        page.get_by_text("Inloggad som").first.wait_for()
        context.close()

    store = open_store(review)
    with store.read() as conn:
        assert remembered_language(conn, "Anna") == "sv" and remembered_language(conn, "Bjørn") == "da"
    store.close()
