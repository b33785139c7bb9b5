"""Take docs/screenshot.png: the stage-1 screening page in headless Chromium over synthetic records.

    python tests/ui/take_screenshot.py [--out docs/screenshot.png]

The records are invented for the picture (marked "synthetic example" in the venue)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from review.bundled import write_starter_protocol  # noqa: E402
from review.model import Author, RawRecord  # noqa: E402
from review.protocol import load_protocol, save_highlight_keywords  # noqa: E402
from review.store import open_store, schema  # noqa: E402
from tests.conftest import add_records, singleton_works  # noqa: E402
from tests.ui.browser_support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    open_page,
    press_on_card,
    running_app,
    sign_in,
    wait_idle,
    watch,
)

EXAMPLES = [  # (title, authors, year, abstract): invented for the screenshot
    (
        "Karriereveiledning i introduksjonsprogrammet: erfaringer fra fem kommuner",
        [Author("Nordmann", "Kari"), Author("Hansen", "Ola")],
        2019,
        "Rapporten undersøker hvordan karriereveiledning for nyankomne flyktninger organiseres i "
        "introduksjonsprogrammet. Vi har intervjuet veiledere og deltakere i fem kommuner og finner at "
        "veiledningen ofte kommer sent i programmet, og at flyktninger med høyere utdanning sjelden får "
        "hjelp til å bruke kompetansen sin. Karriereveiledningen fungerer best når den kobles til "
        "arbeidspraksis og språkopplæring.",
    ),
    (
        "Karriärvägledning för nyanlända: en kartläggning",
        [Author("Svensson", "Anna")],
        2020,
        "Kartläggningen beskriver karriärvägledning för nyanlända invandrare i svenska kommuner.",
    ),
    (
        "Career guidance for refugees in the Nordic countries",
        [Author("Larsen", "Mette")],
        2021,
        "A review of career guidance services for refugees and immigrants.",
    ),
]


def build(directory: Path) -> None:
    write_starter_protocol(directory)
    # The review's own keywords, to show green / red beside the search terms (invented for the picture).
    save_highlight_keywords(directory, ["arbeidspraksis", "introduksjonsprogram*"], ["høyere utdanning"])
    protocol = load_protocol(directory)
    store = open_store(directory)
    recs = [
        RawRecord(
            source="oria",
            format="ris",
            file_name="synthetic.ris",
            position=i + 1,
            title=title,
            authors=authors,
            year=year,
            venue="Synthetic example report series",
            doc_type="report",
            abstract=abstract,
        )
        for i, (title, authors, year, abstract) in enumerate(EXAMPLES * 4)
    ]
    add_records(store, protocol, recs)
    singleton_works(store)
    with store.write() as conn:  # the test helper copies only a few fields to the works
        for raw in conn.execute(schema.raw_records.select()).all():
            conn.execute(
                schema.works.update().where(schema.works.c.id == raw.id).values(abstract=raw.abstract, venue=raw.venue)
            )
    store.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent.parent / "docs" / "screenshot.png"
    )
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        review = Path(tmp) / "synthetic-review"
        build(review)
        with running_app(review) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 900}, device_scale_factor=1)
            watch(page)
            page.goto(url)
            wait_idle(page)
            sign_in(page, "Anna")
            open_page(page, "Stage 1")
            page.locator('.work-card[data-work="1"]').wait_for()
            for work_id, key in ((1, "i"), (2, "e"), (3, "i")):
                press_on_card(page, work_id, key)
                page.locator(f'.work-card[data-work="{work_id + 1}"]').wait_for()
                wait_idle(page)
            # The picture shows the page, not the last decision's toast: wait until it has faded out.
            page.locator('[data-testid="stToast"]').first.wait_for(state="detached", timeout=30_000)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
            browser.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
