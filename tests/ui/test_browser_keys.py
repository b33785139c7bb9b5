"""Issue #25, key bounce, in headless Chromium: a second press that arrives before the next work is
drawn, and a held key, decide exactly one work: the one on screen. Records are synthetic."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from review.store import open_store, schema
from tests.ui.browser_support import (
    BROWSER_TEST,
    blur,
    open_page,
    sign_in,
    synthetic_record,
    synthetic_review,
    wait_idle,
)

pytestmark = BROWSER_TEST

BOUNCE = """({key, gap}) => new Promise(resolve => {
  const press = () => ["keydown", "keyup"].forEach(type => document.dispatchEvent(
      new KeyboardEvent(type, {key: key, code: "Key" + key.toUpperCase(), bubbles: true})));
  const first = performance.now();
  press();
  setTimeout(() => { const second = performance.now(); press(); resolve(second - first); }, gap);
})"""  # two presses of one key, ``gap`` ms apart as timed in the page (a bouncing key switch)
BOUNCE_MS = 40
TRIALS = 10  # a loaded machine can delay the second press past 50 ms; such a trial is repeated
HOLD_MS = 1000  # how long the key is held
REPEAT_MS = 33  # a typical keyboard auto-repeat interval (30 per second)


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    return synthetic_review(
        tmp_path_factory.mktemp("keys") / "rev",
        # enough works for the worst case: every bounce trial deciding two, then the held key and the next work
        [synthetic_record(n, f"Synthetic work {n}", f"Synthetic abstract {n}.") for n in range(1, 2 * TRIALS + 3)],
    )


def decisions(review) -> list[tuple[int, str]]:
    store = open_store(review)
    try:
        with store.read() as conn:
            rows = conn.execute(
                select(schema.decisions.c.work_id, schema.decisions.c.decision).order_by(schema.decisions.c.id)
            ).all()
    finally:
        store.close()
    return [tuple(r) for r in rows]


def ready(page, work_id: int) -> None:
    page.locator(f'.work-card[data-work="{work_id}"]').wait_for()
    page.locator('[class*="st-key-s1_include"] button').first.wait_for()
    wait_idle(page)
    blur(page)


def shown(page) -> int:
    """The work on screen once the app is idle."""
    wait_idle(page)
    page.locator(".work-card").first.wait_for()
    return int(page.locator(".work-card").first.get_attribute("data-work"))


def test_a_second_press_within_50_ms_is_ignored_and_a_held_key_decides_once(page, review):
    sign_in(page, "Anna")
    open_page(page, "Stage 1")
    work, within_50_ms = 1, False
    for _ in range(TRIALS):
        ready(page, work)
        before = decisions(review)
        gap = page.evaluate(BOUNCE, {"key": "i", "gap": BOUNCE_MS})
        after = shown(page)
        added = decisions(review)[len(before) :]
        if gap < 50:  # the second press left before the next work could be drawn: ignored
            assert added == [(work, "include")], f"presses {gap:.0f} ms apart"
            within_50_ms = True
            work = after
            break
        # Slower than 50 ms (a loaded machine): the second press may have met the next work on screen,
        # and then decided it; never a work twice, never one that was not drawn.
        assert added in ([(work, "include")], [(work, "include"), (work + 1, "include")]), added
        work = after
    if not within_50_ms:  # the condition could not be produced here: say so rather than pass or fail on it
        pytest.skip(f"the page could not send two presses within 50 ms in {TRIALS} trials (a loaded machine)")

    ready(page, work)
    page.keyboard.down("m")  # held: Chromium marks every further keydown as a repeat
    for _ in range(HOLD_MS // REPEAT_MS):
        page.wait_for_timeout(REPEAT_MS)  # the keyboard's repeat rate, not a wait for the app
        page.keyboard.down("m")
    page.keyboard.up("m")
    ready(page, work + 1)
    assert decisions(review)[-1] == (work, "maybe")
    assert [w for w, _ in decisions(review)].count(work) == 1
