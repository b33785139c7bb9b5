"""In headless Chromium: the lead opens a round on the Overview page, and the Reports follow the round
picked in the sidebar (the updated-review diagram). Records are synthetic."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from review.bundled import write_starter_protocol
from review.protocol import load_protocol
from review.store import open_store, schema
from screening.decisions import Decision, record
from tests.conftest import add_records, singleton_works, synthetic_records
from tests.ui.browser_support import (
    BROWSER_TEST,
    CHROMIUM,
    CHROMIUM_ARGS,
    new_context,
    open_page,
    running_app,
    sign_in,
    wait_idle,
)

pytestmark = BROWSER_TEST


@pytest.fixture
def review(tmp_path):
    directory = tmp_path / "rev"
    write_starter_protocol(directory)
    protocol = load_protocol(directory)
    store = open_store(directory)
    add_records(store, protocol, synthetic_records(4))
    for work in singleton_works(store)[:2]:
        for stage in (1, 2, 3):
            record(store, protocol, Decision(work_id=work, stage=stage, decision="include", reviewer="Anna"))
    store.close()
    return directory


def test_lead_opens_a_round_and_the_reports_follow_the_round_picker(review):
    from playwright.sync_api import sync_playwright

    with running_app(review) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = new_context(browser, viewport={"width": 1400, "height": 1100}).new_page()
            page.goto(url)
            wait_idle(page)
            sign_in(page, "Anna")
            page.get_by_text("Open a new round").click()
            page.locator(".st-key-round_first input").fill("2023")
            page.locator(".st-key-round_last input").fill("2025")
            page.locator(".st-key-round_label input").fill("Update 2023–2025")
            page.locator(".st-key-round_last input").press("Tab")
            wait_idle(page)
            page.locator(".st-key-round_open button").click()
            wait_idle(page)
            page.get_by_text("as round 2").wait_for()
            picker = page.locator(".st-key-round_view")
            # The new round is shown at once.
            assert picker.locator("input").input_value() == "Update 2023–2025 (2023–2025)"
            open_page(page, "Reports")
            page.get_by_text("Round 2 alone").wait_for()
            page.get_by_text("PRISMA 2020 flow diagram for an updated review").wait_for()
            picker.locator("input").click()
            page.get_by_role("option", name="Whole review").click()
            wait_idle(page)
            assert page.get_by_text("Round 2 alone").count() == 0
        finally:
            browser.close()
    store = open_store(review)
    try:
        with store.read() as conn:
            years = conn.execute(
                select(schema.rounds.c.year_from, schema.rounds.c.year_to).order_by(schema.rounds.c.id)
            ).all()
    finally:
        store.close()
    assert [tuple(y) for y in years] == [(2016, 2022), (2023, 2025)]
