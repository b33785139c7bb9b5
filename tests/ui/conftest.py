"""AppTest fixtures: a small synthetic review (starter protocol + synthetic records) opened by app.py."""

import re
import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parent.parent.parent / "review" / "app" / "main.py"
TIMEOUT = 60  # the first run imports the whole app; CI machines are slow


@pytest.fixture
def app(review_dir, works, monkeypatch):
    """A factory: app(reviewer=None) returns a run AppTest over the synthetic review."""
    st.cache_resource.clear()
    st.cache_data.clear()
    monkeypatch.setattr(sys, "argv", ["app.py", "--dir", str(review_dir)])
    monkeypatch.delenv("REVIEW_DIR", raising=False)
    # AppTest has no server, so server.address is unset, which for a real server means every interface
    # (sign-in required). These tests are the solo user's: on loopback, as `review app` starts it.
    from streamlit import config

    previous = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")

    def make(reviewer=None, page=None):
        at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
        if reviewer:
            at.session_state["reviewer"] = reviewer
        at.run()
        if page:
            at.switch_page(f"views/{page}.py").run()
        return at

    yield make
    config.set_option("server.address", previous)
    st.cache_resource.clear()
    st.cache_data.clear()


def no_errors(at):
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def card(at) -> str:
    """The work card's HTML on the current page."""
    cards = [h.value for h in at.get("html") if 'class="work-card"' in h.value]
    assert len(cards) == 1
    return cards[0]


def plain(markdown: str) -> str:
    """A message as the reader sees it: the app backslash-escapes punctuation in Markdown elements."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def decide_button(at, stage: int, choice: str):
    """The decision button on screen: its key names the work drawn (s1_include_<work>_<n>)."""
    found = [
        b
        for b in at.button
        if b.key
        and (
            b.key == f"s{stage}_{choice}"
            or (  # the latter: before #25
                b.key.startswith(f"s{stage}_{choice}_")
                and b.key[len(f"s{stage}_{choice}_") :].replace("_", "").isdigit()
            )
        )
    ]
    assert len(found) == 1, [b.key for b in at.button]
    return found[0]


def press(at, stage: int, choice: str):
    """Press include/exclude/maybe on the work on screen, as the reviewer's key press does."""
    return decide_button(at, stage, choice).click().run()


# --- browser tests (marked ``browser``): one Chromium per module, one app server and page per test ---


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser), closed after the module."""
    from playwright.sync_api import sync_playwright

    from tests.ui.browser_support import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, review):
    """The app serving the module's ``review`` directory, opened in a fresh browser context; the server
    is stopped when the test ends."""
    from tests.ui.browser_support import new_context, running_app, wait_idle

    with running_app(review) as url:
        context = new_context(browser)
        opened = context.new_page()
        opened.goto(url)
        wait_idle(opened)
        yield opened
        context.close()
