"""The sign-in gate without a browser (AppTest): when it asks, what it shows before and after, and
that a name in the session or the address is no identity once accounts exist. Names are synthetic."""

from __future__ import annotations

import pytest
from streamlit import config

from review.auth.accounts import add_account
from tests.ui.conftest import no_errors, plain

pytestmark = pytest.mark.slow  # every test drives the app in Streamlit's AppTest: seconds each

LEAD_PW, REVIEWER_PW = "synthetic lead password", "synthetic reviewer password"


@pytest.fixture
def accounts(store):
    add_account(store, "Cecilie", "lead", password=LEAD_PW)
    add_account(store, "Bjørn", "reviewer", password=REVIEWER_PW)


def shown(at) -> str:
    return plain(
        "\n".join(
            str(e.value) for kind in ("title", "markdown", "error", "warning", "info", "caption") for e in at.get(kind)
        )
    )


def sign_in(at, name, password):
    at.text_input(key="signin_name").input(name)
    at.text_input(key="signin_password").input(password)
    at.button[0].click().run()
    return at


def test_solo_mode_on_loopback_asks_nobody(app):
    at = no_errors(app())
    assert "Sign in" not in [t.value for t in at.title]
    assert at.selectbox(key="reviewer")  # the solo user's name chooser


def test_with_accounts_a_name_in_the_session_or_address_is_no_identity(app, accounts):
    at = app("Cecilie")  # what a hand-edited session or ?reviewer= used to give
    assert [t.value for t in at.title] == ["Sign in"]
    assert "Progress" not in shown(at) and not at.sidebar.markdown
    at.query_params["reviewer"] = "Cecilie"
    at.run()
    assert [t.value for t in at.title] == ["Sign in"]


def test_password_sign_in_opens_the_pages_of_the_role(app, accounts):
    at = sign_in(app(), "bjørn", REVIEWER_PW)
    no_errors(at)
    assert "Signed in as Bjørn (reviewer)" in plain(" ".join(m.value for m in at.sidebar.markdown))
    for lead_page in ("import_files", "duplicates", "accounts", "audit"):  # not registered for a reviewer
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(f"views/{lead_page}.py")
    at.switch_page("views/screening.py").run()
    no_errors(at)


def test_a_lead_demoted_while_signed_in_loses_the_page_at_the_next_run(app, accounts, store):
    from review.auth.accounts import set_role

    at = sign_in(app(), "Cecilie", LEAD_PW)
    at.switch_page("views/accounts.py").run()
    assert "Add an account" in shown(at)
    set_role(store, "Cecilie", "reviewer")
    at.run()
    assert "Add an account" not in shown(at)


def test_a_wrong_password_is_a_message_and_no_sign_in(app, accounts):
    at = sign_in(app(), "Cecilie", "not the password at all")
    assert "the name or the password is wrong" in shown(at)
    assert [t.value for t in at.title] == ["Sign in"]


def test_beyond_loopback_without_accounts_nobody_gets_in(app):
    previous = config.get_option("server.address")
    at = app()
    config.set_option("server.address", "0.0.0.0")
    try:
        at.run()
    finally:
        config.set_option("server.address", previous)
    assert "nobody can sign in" in shown(at)
    assert not at.sidebar.markdown


def test_behind_a_reverse_proxy_loopback_is_no_solo_mode():
    """A proxy on the same machine reaches the app over 127.0.0.1: its forwarding headers show it."""
    from review.auth.exposure import is_proxied, sign_in_required

    assert not sign_in_required("127.0.0.1", False, proxied=is_proxied({"Host": "localhost:8501"}))
    assert sign_in_required("127.0.0.1", False, proxied=is_proxied({"X-Forwarded-For": "192.0.2.7"}))
    assert sign_in_required("localhost", False, forced=True)
    assert sign_in_required("::1", True)
    assert sign_in_required(None, False) and sign_in_required("review.example.org", False)


def test_forced_sign_in_through_the_environment(app, monkeypatch):
    from review.auth.exposure import REQUIRE_ENV

    monkeypatch.setenv(REQUIRE_ENV, "1")  # `review app --require-sign-in`: no solo mode even on loopback
    at = app("Anna")
    assert [t.value for t in at.title] == ["Sign in"] and "nobody can sign in" in shown(at)


def test_sign_out_returns_to_the_sign_in_page_and_is_logged(app, accounts, store):
    from review.auth.audit import events

    at = sign_in(app(), "Cecilie", LEAD_PW)
    at.sidebar.button(key="sign_out").click().run()
    assert [t.value for t in at.title] == ["Sign in"]
    with store.read() as conn:
        assert [e["actor"] for e in events(conn, action="sign-out")] == ["Cecilie"]
