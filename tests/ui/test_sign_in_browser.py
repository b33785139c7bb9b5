"""Sign-in end to end in headless Chromium: password accounts, single sign-on through a local OpenID
Connect provider (oidc-provider-mock on loopback), the address-bar attack of issue 17, a reviewer
trying the lead's pages and the full log, and blinding with real accounts. Everything is synthetic."""

from __future__ import annotations

import csv
import io
import secrets

import pytest
from sqlalchemy import select

from review.auth.accounts import MAX_FAILURES, add_account
from review.bundled import write_starter_protocol
from review.protocol import load_protocol
from review.store import open_store, schema
from screening.decisions import Decision, record
from tests.conftest import add_records, set_stage_mode, singleton_works, synthetic_records
from tests.ui.browser_support import (
    BROWSER_TEST,
    free_port,
    nav_links,
    new_context,
    open_page,
    running_app,
    wait_idle,
)

pytestmark = BROWSER_TEST

LEAD, REVIEWER, SSO_REVIEWER, VIEWER = "Cecilie", "Bjørn", "Anna", "Vera"
PASSWORDS = {LEAD: "synthetic lead pass 1", REVIEWER: "synthetic reviewer pass 2", VIEWER: "synthetic viewer pass 3"}
ANNA_EMAIL, ANNA_SUB = "anna@example.org", "anna-synthetic-subject"
SECRET_REASON = "Synthetic secret reason of Anna"
SECRET_NOTE = "Synthetic secret note of Anna"


@pytest.fixture(scope="module")
def team(tmp_path_factory):
    """A dual-screened review with four accounts; Anna has voted on work 1 (B has not)."""
    directory = tmp_path_factory.mktemp("team") / "rev"
    write_starter_protocol(directory)
    set_stage_mode(directory, 1, "dual")
    protocol = load_protocol(directory)
    store = open_store(directory)
    add_records(store, protocol, synthetic_records(6))
    works = singleton_works(store)
    add_account(store, LEAD, "lead", password=PASSWORDS[LEAD])
    add_account(store, REVIEWER, "reviewer", password=PASSWORDS[REVIEWER])
    add_account(store, VIEWER, "viewer", password=PASSWORDS[VIEWER])
    add_account(store, SSO_REVIEWER, "reviewer", email=ANNA_EMAIL)
    record(
        store,
        protocol,
        Decision(
            work_id=works[0],
            stage=1,
            decision="exclude",
            reviewer=SSO_REVIEWER,
            reasons=[SECRET_REASON],
            note=SECRET_NOTE,
        ),
    )
    store.close()
    return directory


@pytest.fixture(scope="module")
def provider():
    from oidc_provider_mock import User, run_server_in_thread

    user = User(sub=ANNA_SUB, claims={"email": ANNA_EMAIL.upper(), "email_verified": True, "name": "Anna N."})
    stranger = User(sub="stranger-sub", claims={"email": "stranger@example.org", "email_verified": True})
    with run_server_in_thread(port=0, user_claims=[user, stranger]) as server:
        yield f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def app_url(team, provider, tmp_path_factory):
    port = free_port()
    folder = tmp_path_factory.mktemp("secrets")
    (folder / "secrets.toml").write_text(
        "\n".join(
            [
                "[auth]",
                f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"',
                f'cookie_secret = "{secrets.token_hex(32)}"',
                "[auth.testidp]",
                'label = "the test provider"',
                'client_id = "nordic-review-test"',
                'client_secret = "synthetic-client-secret"',
                f'server_metadata_url = "{provider}/.well-known/openid-configuration"',
                "",
            ]
        ),
        encoding="utf-8",
    )
    with running_app(team, port=port, extra_options=("--secrets.files", str(folder / "secrets.toml"))) as url:
        yield url


@pytest.fixture
def page(browser):  # the shared ``browser`` (tests/ui/conftest.py); the app is served once per module here
    context = new_context(browser, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def sign_in_page_shown(page) -> bool:
    return page.locator('input[type="password"]').count() == 1


def settle(page, url):
    """Open a URL and wait until either the sign-in page or the app (with its sidebar) is drawn."""
    page.goto(url)
    # Not the sidebar alone: the language picker draws it on the sign-in page too.
    page.locator('input[type="password"], .st-key-pages, [data-testid="stAlert"]').first.wait_for()
    wait_idle(page)


def password_sign_in(page, url, name, password, path=""):
    settle(page, f"{url}/{path}")
    page.locator(".st-key-signin_name input").fill(name)
    page.locator(".st-key-signin_password input").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    # Either the app with its sidebar (signed in) or a message on the sign-in page.
    page.locator('.st-key-pages, [data-testid="stAlert"]').first.wait_for()
    wait_idle(page)


def signed_in_as(page) -> str:
    """The sidebar's text (there is no sidebar before signing in)."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    return sidebar.inner_text() if sidebar.count() else ""


def nav_labels(page) -> list[str]:
    """Page titles in the sidebar (each link's text also holds its icon's name on a line of its own)."""
    if page.locator(".st-key-pages").count() == 0:
        return []  # not signed in: no navigation (the sidebar holds only the language picker)
    return [t.strip().split("\n")[-1] for t in nav_links(page).all_inner_texts()]


def events(team, action=None):
    store = open_store(team)
    try:
        with store.read() as conn:
            query = select(schema.events).order_by(schema.events.c.id)
            if action:
                query = query.where(schema.events.c.action == action)
            return [r._asdict() for r in conn.execute(query)]
    finally:
        store.close()


def download_decisions(page, *, full=False) -> str:
    """The decision log from its own button on the Reports page (with the lead's full-log box ticked)."""
    open_page(page, "Reports")
    page.get_by_role("tab", name="Downloads").click()
    if full:
        page.locator(".st-key-export_full_log label").click()
        wait_idle(page)
    button = page.locator(".st-key-export_decisions_csv_full button" if full else ".st-key-export_decisions_csv button")
    with page.expect_download() as info:
        button.click()
    wait_idle(page)  # the click also reruns the page
    return open(info.value.path(), encoding="utf-8-sig").read()


def test_the_address_bar_carries_no_identity(page, app_url):
    """Issue 17: a reviewer typed ?reviewer=<the lead> and became the lead. Now the page asks for a sign-in."""
    settle(page, f"{app_url}/?reviewer={LEAD}")
    assert sign_in_page_shown(page)
    assert LEAD not in signed_in_as(page)
    assert page.get_by_text("Progress").count() == 0  # no page content before signing in
    password_sign_in(page, app_url, REVIEWER, PASSWORDS[REVIEWER], path=f"?reviewer={LEAD}")
    assert f"Signed in as {REVIEWER} (reviewer)" in signed_in_as(page)
    assert LEAD not in signed_in_as(page)


def test_a_reviewer_cannot_reach_the_leads_pages_or_the_full_log(page, app_url, team):
    password_sign_in(page, app_url, REVIEWER, PASSWORDS[REVIEWER])
    labels = nav_labels(page)
    assert "Stage 1: title/abstract" in labels and "Reports" in labels
    for lead_only in ("Import", "Duplicates", "Accounts", "Audit trail"):
        assert lead_only not in labels
    # Typed straight into the address bar: a new session signs in again, and the page is still refused.
    refused_before = len([e for e in events(team, "refused")])
    password_sign_in(page, app_url, REVIEWER, PASSWORDS[REVIEWER], path="accounts")
    assert page.get_by_text("Add an account").count() == 0
    log = download_decisions(page)
    assert page.locator(".st-key-export_full_log").count() == 0  # no full-log choice for a reviewer
    assert SECRET_REASON not in log and SECRET_NOTE not in log
    assert not [row for row in csv.DictReader(io.StringIO(log)) if row["reviewer"] == SSO_REVIEWER]
    assert len(events(team, "refused")) >= refused_before


def test_the_lead_downloads_the_full_log_and_it_is_audited(page, app_url, team):
    password_sign_in(page, app_url, LEAD, PASSWORDS[LEAD])
    assert {"Import", "Duplicates", "Accounts", "Audit trail"} <= set(nav_labels(page))
    log = download_decisions(page, full=True)
    assert SECRET_REASON in log
    exported = events(team, "export-full-log")
    assert exported and exported[-1]["actor"] == LEAD
    open_page(page, "Audit trail")  # the lead's page lists it (the table is a canvas: read its count)
    page.locator(".st-key-audit_action").click()
    page.keyboard.type("export-full-log")
    page.get_by_role("option", name="export-full-log", exact=True).click()
    page.get_by_text(f"{len(exported)} event(s)").wait_for()


def test_a_viewer_sees_reports_only_and_a_blinded_log(page, app_url):
    password_sign_in(page, app_url, VIEWER, PASSWORDS[VIEWER])
    assert nav_labels(page) == ["Overview", "Reports"]
    log = download_decisions(page)
    assert SECRET_REASON not in log


def test_blinding_holds_on_every_page_for_a_signed_in_reviewer(page, app_url):
    password_sign_in(page, app_url, REVIEWER, PASSWORDS[REVIEWER])
    for label in nav_labels(page):
        open_page(page, label)
        text = page.locator('[data-testid="stMain"]').inner_text()
        for secret in (SECRET_REASON, SECRET_NOTE, f"{SSO_REVIEWER} voted"):
            assert secret not in text, (label, secret)


def test_wrong_passwords_are_rate_limited_logged_and_never_stored(page, app_url, team):
    wrong = "synthetic wrong password"
    for _ in range(MAX_FAILURES):
        password_sign_in(page, app_url, VIEWER.lower(), wrong)
        assert page.get_by_text("the name or the password is wrong").count() == 1
    password_sign_in(page, app_url, VIEWER, PASSWORDS[VIEWER])  # even the right password waits now
    assert page.get_by_text("too many failed sign-ins").count() == 1
    assert sign_in_page_shown(page)
    failures = [e for e in events(team, "sign-in") if not e["ok"] and e["target"] == "vera"]
    assert len(failures) == MAX_FAILURES + 1
    dump = "\n".join(str(e) for e in events(team))
    store_bytes = (team / "review.sqlite").read_bytes()
    for secret in (wrong, PASSWORDS[VIEWER]):
        assert secret not in dump and secret.encode() not in store_bytes


def test_single_sign_on_maps_the_verified_email_to_the_reviewer(page, app_url, team):
    settle(page, app_url)
    page.get_by_role("button", name="Sign in with the test provider").click()
    page.get_by_role("button", name=ANNA_SUB).click()  # the provider's page: sign in as a predefined user
    page.wait_for_url(f"{app_url}/**")
    wait_idle(page)
    page.locator('[data-testid="stSidebar"]').get_by_text(f"Signed in as {SSO_REVIEWER} (reviewer)").wait_for()
    open_page(page, "Stage 1")
    page.locator(".work-card").wait_for()
    # Her vote on work 1 (stored under her name before she ever signed in) is hers: the queue moves on.
    assert page.locator(".work-card").get_attribute("data-work") != "1"
    ok = [e for e in events(team, "sign-in") if e["ok"] and e["actor"] == SSO_REVIEWER]
    assert ok and '"method": "sso"' in ok[-1]["detail"]


def test_single_sign_on_without_an_account_is_refused(page, app_url, team):
    settle(page, app_url)
    page.get_by_role("button", name="Sign in with the test provider").click()
    page.get_by_role("button", name="stranger-sub").click()
    page.wait_for_url(f"{app_url}/**")
    wait_idle(page)
    page.get_by_text("has no active account in this review").wait_for()
    assert nav_labels(page) == []
    refused = [e for e in events(team, "sign-in") if not e["ok"] and "stranger" in (e["detail"] or "")]
    assert refused
