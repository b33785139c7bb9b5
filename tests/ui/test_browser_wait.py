"""The browser tests' wait (`wait_idle`) in headless Chromium: it waits for the run an action asked for
however late the server answers, and does not wait for one when the action asked for none. The server is
paused (SIGSTOP) to stand in for a loaded machine. Records are synthetic."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

import pytest

from tests.ui.browser_support import (
    BROWSER_TEST,
    PAGE_LINKS,
    new_context,
    serving,
    sign_in,
    synthetic_record,
    synthetic_review,
    wait_idle,
)

pytestmark = [
    *BROWSER_TEST,
    pytest.mark.skipif(sys.platform == "win32", reason="pauses the server with SIGSTOP"),
]

PAUSE = 2.0  # seconds the server stays paused: ten times the fixed wait the helper used to have


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    return synthetic_review(
        tmp_path_factory.mktemp("wait") / "rev",
        [synthetic_record(n, f"Synthetic work {n}", f"Synthetic abstract {n}.") for n in range(1, 4)],
    )


@pytest.fixture
def app(browser, review):
    """A signed-in page and the server process behind it."""
    with serving(review) as (url, server):
        context = new_context(browser)
        page = context.new_page()
        page.goto(url)
        wait_idle(page)
        sign_in(page, "Anna")
        yield page, server
        os.kill(server.pid, signal.SIGCONT)  # never leave it paused, whatever failed
        context.close()


def test_a_click_is_followed_by_its_run_however_late_the_server_starts_it(app):
    page, server = app
    os.kill(server.pid, signal.SIGSTOP)
    # The server's late answer is what this test is about: it resumes after PAUSE seconds.
    resume = threading.Timer(PAUSE, os.kill, (server.pid, signal.SIGCONT))
    resume.start()
    try:
        started = time.monotonic()
        page.locator(PAGE_LINKS, has_text="Stage 1").click()
        wait_idle(page)
        waited = time.monotonic() - started
    finally:
        resume.cancel()
        os.kill(server.pid, signal.SIGCONT)
    # Read at once, as every test does after wait_idle: the new page, not the one before the click.
    assert page.locator(".work-card").count() == 1, "wait_idle returned before the run the click asked for"
    assert waited >= PAUSE - 0.1


def test_an_action_that_asks_for_no_run_does_not_wait_for_the_server(app):
    page, server = app
    os.kill(server.pid, signal.SIGSTOP)  # resumed by the fixture: nothing here may need the server
    page.locator(".st-key-reviewer").click()  # opens the name list, drawn by the browser alone
    page.get_by_role("option", name="Bjørn", exact=True).wait_for()
    started = time.monotonic()
    wait_idle(page, timeout=10_000)
    assert time.monotonic() - started < 5
    os.kill(server.pid, signal.SIGCONT)
    page.keyboard.press("Escape")  # closing the list does ask for a run (the choice is sent again)
    wait_idle(page)
