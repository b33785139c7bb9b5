"""In headless Chromium: the app asks nothing of any other host (no font, icon, script or usage
statistics leave the machine). Every request the page makes while a reviewer visits every page is
recorded; one to another origin fails the test. Records are synthetic."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.ui.browser_support import (
    BROWSER_TEST,
    new_context,
    running_app,
    sign_in,
    synthetic_record,
    synthetic_review,
    visit_every_page,
    wait_idle,
)

pytestmark = BROWSER_TEST


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    return synthetic_review(
        tmp_path_factory.mktemp("offline") / "rev",
        [
            synthetic_record(
                n,
                f"Synthetic work {n} om karriereveiledning for overføringsflyktninger",
                "Synthetic abstract about arbeidsinnvandrere.",
            )
            for n in range(1, 4)
        ],
    )


def test_every_page_loads_only_from_the_app_itself(browser, review):
    with running_app(review) as url:
        context = new_context(browser)
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        try:
            page = context.new_page()
            page.goto(url)
            wait_idle(page)
            sign_in(page, "Anna")
            assert visit_every_page(page) >= 8
            deploy = page.locator('[data-testid="stAppDeployButton"]').count()
            page.reload()
            wait_idle(page)
            # The favicon is a <link> the browser fetches lazily: read it from the page as well.
            icons = page.evaluate("() => [...document.querySelectorAll('link[rel~=icon]')].map(l => l.href)")
        finally:
            context.close()
    app = urlsplit(url)
    foreign = sorted(
        {
            u
            for u in requests + icons
            if urlsplit(u).scheme not in ("data", "blob")
            and (urlsplit(u).scheme, urlsplit(u).netloc) != (app.scheme, app.netloc)
        }
    )
    assert requests, "no request was recorded"
    assert foreign == []
    assert deploy == 0  # no Deploy button: nothing offers to publish the review elsewhere
