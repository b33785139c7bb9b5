"""Starting the app with `streamlit run` on a free local port and driving it with Playwright.

Shared by the browser tests and the screenshot script. Chromium comes from Debian (/usr/bin/chromium)."""

from __future__ import annotations

import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from review.bundled import write_starter_protocol
from review.commands.app import streamlit_command
from review.model import Author, RawRecord
from review.protocol import load_protocol
from review.store import open_store
from tests.conftest import add_records, singleton_works

REPO = Path(__file__).resolve().parent.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]
VIEWPORT = {"width": 1400, "height": 1000}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_app(
    review_dir: Path,
    *,
    timeout: float = 60,
    extra_options: tuple[str, ...] = (),
    env: dict | None = None,
    port: int | None = None,
) -> Iterator[str]:
    """The app's URL while a `streamlit run` process serves it; the process is ended afterwards.
    ``extra_options`` go to Streamlit (e.g. ``--secrets.files`` for single sign-on); ``port`` when the
    test must know it in advance (an OpenID Connect redirect URI names it)."""
    port = port or free_port()
    # Started as `review app` starts it (same fixed settings), plus what a test run needs.
    cmd = streamlit_command(
        REPO / "review" / "app" / "main.py",
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.fileWatcherType",
        "none",
        *extra_options,
        review_dir=review_dir,
    )
    log = tempfile.TemporaryFile()  # not a pipe: a full pipe would stall the server
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError("streamlit stopped: " + log.read().decode(errors="replace")[-2000:])
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.read() == b"ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("streamlit did not become healthy in time")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def wait_idle(page, timeout: float = 30_000) -> None:
    app = page.locator('[data-testid="stApp"]')
    app.and_(page.locator('[data-test-connection-state="CONNECTED"]')).wait_for(timeout=timeout)
    page.wait_for_timeout(200)
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=timeout)


def sign_in(page, name: str) -> None:
    page.locator(".st-key-reviewer").click()
    page.get_by_role("option", name=name, exact=True).click()
    wait_idle(page)


PAGE_LINKS = ".st-key-pages a"  # the app's page list, drawn in the sidebar below the sign-in


def open_page(page, label: str) -> None:
    page.locator(PAGE_LINKS, has_text=label).click()
    wait_idle(page)


def nav_links(page):
    """The sidebar's page links (their text also holds the icon's ligature name, so go by position)."""
    links = page.locator(PAGE_LINKS)
    links.first.wait_for()
    return links


def visit_every_page(page, on_page=None) -> int:
    """Open each page of the navigation in turn; call ``on_page(index)`` once it is drawn."""
    count = nav_links(page).count()
    for index in range(count):
        nav_links(page).nth(index).click()
        wait_idle(page)
        if on_page is not None:
            on_page(index)
    return count


def blur(page) -> None:
    """Shortcuts without modifiers are ignored while an input has focus."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")


def press_on_card(page, work_id: int, key: str, *, stage: int = 1) -> None:
    """Press a shortcut once the card and the buttons of this work are drawn and the app is idle."""
    page.locator(f'.work-card[data-work="{work_id}"]').wait_for()
    page.locator(f'[class*="st-key-s{stage}_include_"] button').first.wait_for()
    wait_idle(page)
    blur(page)
    page.keyboard.press(key)


def synthetic_record(position: int, title: str, abstract: str, **fields) -> RawRecord:
    """One invented Oria report by Kari Nordmann (2019): the test data every browser test screens."""
    return RawRecord(
        source="oria",
        format="ris",
        file_name="synthetic.ris",
        position=position,
        title=title,
        authors=[Author("Nordmann", "Kari")],
        year=2019,
        doc_type="report",
        abstract=abstract,
        **fields,
    )


def synthetic_review(directory: Path, records: list[RawRecord]) -> Path:
    """A review from the starter protocol at ``directory`` holding ``records``, each its own work."""
    write_starter_protocol(directory)
    store = open_store(directory)
    add_records(store, load_protocol(directory), records)
    singleton_works(store)
    store.close()
    return directory
