"""Accessibility in headless Chromium: axe-core (shipped inside axe-playwright-python, nothing
fetched) finds no serious or critical violation on any page, and a reviewer screens with the
keyboard alone, always seeing where the focus is. Records are synthetic."""

from __future__ import annotations

import pytest

from tests.ui.browser_support import (
    BROWSER_TEST,
    sign_in,
    synthetic_record,
    synthetic_review,
    visit_every_page,
    wait_idle,
)

pytestmark = BROWSER_TEST

SEVERE = ("serious", "critical")


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    titles = (f"Synthetic work {n}: karriereveiledning for overføringsflyktninger" for n in range(1, 5))
    abstract = "Synthetic abstract about arbeidsinnvandrere og nyankomne."
    return synthetic_review(
        tmp_path_factory.mktemp("access") / "rev",
        [synthetic_record(n, title, abstract, url="https://example.org/x") for n, title in enumerate(titles, 1)],
    )


def severe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:3])
        for v in results.response["violations"]
        if v.get("impact") in SEVERE
    ]


def test_no_serious_or_critical_axe_violation_on_any_page(page):
    found = {"sign-in": severe_violations(page)}
    sign_in(page, "Anna")
    titles = []
    visit_every_page(
        page,
        lambda index: (
            titles.append(page.title()),
            found.setdefault(f"{index}: {page.title()}", severe_violations(page)),
        ),
    )
    assert len(titles) >= 8
    assert {k: v for k, v in found.items() if v} == {}


FOCUS_SHOWN = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  return {outline, shadow: s.boxShadow !== 'none', tag: e.tagName, text: (e.innerText || e.value || '').slice(0, 40),
          href: e.href || '', reviewer: !!e.closest('.st-key-reviewer')};
}"""


PAGES_AFTER_SIGN_IN = 12  # the clear button, the round picker, the links before stage 1, a few spare


def tab_to(page, wanted, limit: int = 60) -> list[dict]:
    """Press Tab until ``wanted(focused)`` holds; every element passed on the way is returned."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_SHOWN)
        if focused is None:
            continue
        seen.append(focused)
        if wanted(focused):
            return seen
    raise AssertionError(f"Tab never reached the element; passed {[(f['tag'], f['text']) for f in seen]}")


def test_a_reviewer_signs_in_opens_stage_1_and_screens_by_keyboard_alone_with_a_visible_focus(page):
    passed = tab_to(page, lambda f: f["reviewer"])
    page.keyboard.type("Anna")
    page.keyboard.press("Enter")
    wait_idle(page)
    assert "reviewer" not in page.url  # the address carries no identity (issue 17)
    # The page list comes right after the sign-in (not after every element of the page shown).
    passed += tab_to(page, lambda f: f["href"].endswith("/screening"), limit=PAGES_AFTER_SIGN_IN)
    page.keyboard.press("Enter")
    wait_idle(page)
    card = page.locator(".work-card")
    card.wait_for()
    first = card.get_attribute("data-work")
    page.locator(
        '[class*="st-key-s1_include_"] button'
    ).first.wait_for()  # a key pressed before the buttons exist is lost
    wait_idle(page)
    page.keyboard.press("Escape")  # leave the link; shortcuts work from anywhere outside a text field
    page.keyboard.press("i")
    page.locator(f'.work-card:not([data-work="{first}"])').wait_for()
    wait_idle(page)
    # Tab reaches the decision buttons too, and Enter on one decides.
    second = page.locator(".work-card").get_attribute("data-work")
    passed += tab_to(page, lambda f: f["tag"] == "BUTTON" and f["text"].startswith("Exclude"))
    page.keyboard.press("Enter")
    page.locator(f'.work-card:not([data-work="{second}"])').wait_for()
    hidden = [(f["tag"], f["text"]) for f in passed if not (f["outline"] or f["shadow"])]
    assert hidden == []
