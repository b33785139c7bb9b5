"""The Duplicates page in headless Chromium (solo mode): a Scholar hit cut to one word may be a copy of a
consultation paper with two records; the lead is asked once and one "keep apart" settles it. Records are
synthetic."""

from __future__ import annotations

import pytest

from review.bundled import write_starter_protocol
from review.dedup import run_dedup
from review.protocol import load_protocol
from review.store import open_store
from tests.dedup.synthetic import add_records
from tests.dedup.test_dedup_work_pairs import one_paper_and_a_title_cut_to_its_first_word
from tests.ui.browser_support import BROWSER_TEST, new_context, open_page, running_app, sign_in, wait_idle

pytestmark = BROWSER_TEST


@pytest.fixture
def review(tmp_path):
    directory = tmp_path / "rev"
    write_starter_protocol(directory)
    store = open_store(directory)
    try:
        add_records(store, one_paper_and_a_title_cut_to_its_first_word())
        assert run_dedup(store, load_protocol(directory)).uncertain == 1
    finally:
        store.close()
    return directory


def test_the_lead_answers_once_for_a_hit_against_a_work_of_two_records(browser, review):
    with running_app(review) as url:
        context = new_context(browser)
        page = context.new_page()
        page.goto(url)
        wait_idle(page)
        sign_in(page, "Bjørn")  # the starter protocol's lead: the one who checks duplicates
        open_page(page, "Duplicates")
        page.get_by_text("Pair 1 of 1 waiting").wait_for()
        assert page.get_by_text("The two works have 2 record pairs waiting").count() == 1
        page.get_by_role("button", name="Different works: keep apart").click()
        wait_idle(page)
        page.get_by_text("No uncertain pairs are waiting.").wait_for(timeout=30_000)
        context.close()
