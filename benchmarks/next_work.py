"""Time "record a decision + compute the next work + build the view" on a large review.

Builds throwaway reviews of synthetic works (20,000 by default, and 1,000 as the baseline in the
same run), then screens a few hundred works in a row through the same core calls the app makes:
``decisions.record`` then ``screen_state``. Prints p50/p95 per size and the ratio to the baseline.
Target: p95 under 200 ms at 20,000 works.

    python benchmarks/next_work.py [--works 20000] [--baseline 1000] [--iterations 300] [--order random]
    python benchmarks/next_work.py --browser 30   # key press -> next card in headless Chromium

With ``--browser`` it drives headless Chromium (Debian's chromium) against `streamlit run`, presses the
Maybe key on the stage-1 card and times key press -> the next work's title painted, and prints the
server-only figure (the same core calls without the browser) beside it, plus page switches (a sidebar
click -> the page's content drawn). Target there: p95 under 250 ms at 20,000 works, a page switch
under 1 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from review.bundled import write_starter_protocol  # noqa: E402
from review.protocol import load_protocol  # noqa: E402
from review.rounds import current_round  # noqa: E402
from review.store import open_store, schema  # noqa: E402
from review.timeutil import now_iso  # noqa: E402
from screening.decisions import Decision, record  # noqa: E402
from screening.queue import shuffled  # noqa: E402
from screening.screen_view import screen_state  # noqa: E402

DECISIONS = ("include", "exclude", "exclude", "exclude", "maybe")


def build(directory: Path, n: int):
    """A review with n synthetic works, one synthetic raw record each (bulk inserts, no importer)."""
    write_starter_protocol(directory)
    protocol = load_protocol(directory)
    store = open_store(directory)
    now = now_iso()
    with store.write() as conn:
        round_id = current_round(conn, protocol)
        import_id = conn.execute(
            schema.imports.insert().values(
                round_id=round_id,
                file_name="synthetic.ris",
                file_hash=f"synthetic-{n}",
                format="ris",
                source="oria",
                family="no",
                encoding="utf-8",
                n_records=n,
                n_problems=0,
                imported_at=now,
            )
        ).inserted_primary_key[0]
        titles = [f"Syntetisk rapport {i} om karriereveiledning for flyktninger" for i in range(1, n + 1)]
        conn.execute(
            schema.raw_records.insert(),
            [
                {
                    "id": i,
                    "import_id": import_id,
                    "position": i,
                    "source": "oria",
                    "format": "ris",
                    "family": "no",
                    "title": titles[i - 1],
                    "authors": '[["Nordmann", "Kari"]]',
                    "year": 2016 + i % 7,
                    "doc_type": "report",
                    "isbns": "[]",
                    "issns": "[]",
                    "keywords": "[]",
                    "fields": "{}",
                    "abstract": "Syntetisk sammendrag. " * 20,
                }
                for i in range(1, n + 1)
            ],
        )
        conn.execute(
            schema.works.insert(),
            [
                {
                    "id": i,
                    "round_id": round_id,
                    "created_at": now,
                    "title": titles[i - 1],
                    "authors": '[["Nordmann", "Kari"]]',
                    "year": 2016 + i % 7,
                    "doc_type": "report",
                    "family": "no",
                    "abstract": "Syntetisk sammendrag. " * 20,
                }
                for i in range(1, n + 1)
            ],
        )
        conn.execute(
            schema.work_links.insert(),
            [
                {"raw_id": i, "work_id": i, "rule": "first", "decided_by": "auto", "decided_at": now}
                for i in range(1, n + 1)
            ],
        )
    return store, protocol


def measure(n: int, iterations: int, order: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        store, protocol = build(Path(tmp) / "rev", n)
        try:
            with store.read() as conn:
                # As the app does: the random order is computed once and kept while the works are unchanged.
                ranking = shuffled(conn, 1, "Anna") if order == "random" else None
                work_id = screen_state(conn, protocol, 1, "Anna", order=order, ranking=ranking).work_id
            times = []
            for i in range(iterations):
                started = time.perf_counter()
                record(
                    store,
                    protocol,
                    Decision(
                        work_id=work_id,
                        stage=1,
                        decision=DECISIONS[i % len(DECISIONS)],
                        reviewer="Anna",
                        order_mode=order,
                    ),
                )
                with store.read() as conn:
                    state = screen_state(conn, protocol, 1, "Anna", order=order, ranking=ranking)
                times.append(time.perf_counter() - started)
                assert state.work_id != work_id and state.view is not None
                work_id = state.work_id
        finally:
            store.close()
    times_ms = sorted(t * 1000 for t in times)
    return {
        "works": n,
        "order": order,
        "iterations": iterations,
        "p50_ms": round(statistics.median(times_ms), 1),
        "p95_ms": round(times_ms[int(0.95 * (len(times_ms) - 1))], 1),
        "max_ms": round(times_ms[-1], 1),
    }


def _summary(times: list[float]) -> dict:
    times = sorted(times)
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
        "max_ms": round(times[-1], 1),
    }


PAINTED = """([id]) => new Promise(done => {
  const title = () => document.querySelector(`.work-card[data-work="${id}"] .work-title`);
  const check = () => title() ? requestAnimationFrame(() => done(performance.now())) : requestAnimationFrame(check);
  check();
})"""


def measure_browser(n: int, presses: int) -> dict:
    """Client side: key press in headless Chromium until the next work's title is painted; page switches."""
    from playwright.sync_api import sync_playwright

    from tests.ui.browser_support import (
        CHROMIUM,
        CHROMIUM_ARGS,
        blur,
        nav_links,
        open_page,
        running_app,
        sign_in,
        wait_idle,
        watch,
    )

    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp) / "rev", n)[0].close()
        with running_app(Path(tmp) / "rev") as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            watch(page)
            page.goto(url)
            wait_idle(page)
            sign_in(page, "Anna")
            open_page(page, "Stage 1")
            times = []
            for work_id in range(1, presses + 1):
                page.locator(f'.work-card[data-work="{work_id}"]').wait_for()
                page.locator('[class*="st-key-s1_maybe_"] button').first.wait_for()
                wait_idle(page)
                blur(page)
                # Both ends in the page's own clock: the key event is sent, then the next title painted.
                pressed = page.evaluate("() => performance.now()")
                page.keyboard.press("m")
                painted = page.evaluate(PAINTED, [work_id + 1])
                times.append(painted - pressed)
            switches, by_page = [], {}
            links = nav_links(page)
            # The app's links are relative to the app's root ("" for the default page).
            hrefs = [
                links.nth(i).evaluate("a => new URL(a.getAttribute('href') || '/', location.origin).href")
                for i in range(links.count())
            ]
            for _ in range(2):
                for index, href in enumerate(hrefs):
                    wait_idle(page)
                    started = time.perf_counter()
                    nav_links(page).nth(index).click()
                    page.wait_for_url(lambda url, href=href: url.split("?")[0] == href.split("?")[0])
                    wait_idle(page)
                    switches.append((time.perf_counter() - started) * 1000)
                    by_page.setdefault(urlsplit(href).path.strip("/") or "default page", []).append(switches[-1])
            browser.close()
    server = measure(n, max(presses, 20), "import")
    return {
        "works": n,
        "order": "browser",
        "iterations": presses,
        **_summary(times),
        "server_p50_ms": server["p50_ms"],
        "server_p95_ms": server["p95_ms"],
        "switch": _summary(switches),
        "switches": len(switches),
        "slowest_page": max(by_page, key=lambda name: max(by_page[name])) if by_page else None,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=20_000)
    parser.add_argument("--baseline", type=int, default=1_000)
    parser.add_argument("--iterations", type=int, default=300)
    parser.add_argument("--order", choices=("import", "random"), default="import")
    parser.add_argument(
        "--browser",
        type=int,
        metavar="PRESSES",
        default=0,
        help="instead: time key press -> next card in headless Chromium over this many presses",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.browser:
        base = measure_browser(args.baseline, args.browser)
        big = measure_browser(args.works, args.browser)
    else:
        base = measure(args.baseline, args.iterations, args.order)
        big = measure(args.works, args.iterations, args.order)
    ratio = round(big["p95_ms"] / base["p95_ms"], 2) if base["p95_ms"] else None
    if args.json:
        print(json.dumps({"baseline": base, "large": big, "p95_ratio": ratio}))
    else:
        for row in (base, big):
            print(
                f"{row['works']:>6} works ({row['order']}): p50 {row['p50_ms']} ms, p95 {row['p95_ms']} ms, "
                f"max {row['max_ms']} ms over {row['iterations']} decisions"
                + (
                    f"; server only p50 {row['server_p50_ms']} ms, p95 {row['server_p95_ms']} ms; page switch "
                    f"p50 {row['switch']['p50_ms']} ms, p95 {row['switch']['p95_ms']} ms, max "
                    f"{row['switch']['max_ms']} ms over {row['switches']} (slowest: {row['slowest_page']})"
                    if args.browser
                    else ""
                )
            )
        target = 250 if args.browser else 200
        verdict = "met" if big["p95_ms"] < target else "NOT met"
        scope = (
            "client side: key press to the next title painted"
            if args.browser
            else "server side: record + next work + view"
        )
        print(f"p95 ratio {args.works} / {args.baseline} works: {ratio}x; {scope}; p95 < {target} ms: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
