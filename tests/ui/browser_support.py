"""Starting the app with `streamlit run` on a free local port and driving it with Playwright.

Shared by the browser tests and the screenshot script. Chromium comes from Debian (/usr/bin/chromium)."""

from __future__ import annotations

import json
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from review.bundled import write_starter_protocol
from review.commands.app import streamlit_command
from review.model import Author, RawRecord
from review.protocol import load_protocol
from review.store import open_store
from tests.conftest import add_records, singleton_works

REPO = Path(__file__).resolve().parent.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]
# What every browser test module sets as its ``pytestmark``: selected or left out by ``-m browser`` and
# ``-m "not slow"``, and skipped on a machine without Debian's chromium.
BROWSER_TEST = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]
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
    with serving(review_dir, timeout=timeout, extra_options=extra_options, env=env, port=port) as (url, _):
        yield url


@contextmanager
def serving(
    review_dir: Path,
    *,
    timeout: float = 60,
    extra_options: tuple[str, ...] = (),
    env: dict | None = None,
    port: int | None = None,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """`running_app`, also giving the server process (a test that pauses the server needs it)."""
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
            time.sleep(0.3)  # polling the health check: a condition with a poll interval
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


# Streamlit's wire protocol is protobuf over one websocket: the page sends BackMsg (rerun_script asks for
# a run), the server ForwardMsg (new_session: a run starts; script_finished, with a status that says
# whether it stopped early for another run). The numbers come from the installed Streamlit's own messages.
PROTOCOL = {
    "RERUN_SCRIPT": BackMsg.DESCRIPTOR.fields_by_name["rerun_script"].number,
    "NEW_SESSION": ForwardMsg.DESCRIPTOR.fields_by_name["new_session"].number,
    "SCRIPT_FINISHED": ForwardMsg.DESCRIPTOR.fields_by_name["script_finished"].number,
    "FINISHED_EARLY_FOR_RERUN": ForwardMsg.FINISHED_EARLY_FOR_RERUN,
}
RUN_WATCH = """(() => {
  if (window.__streamlitRuns) { return; }
  const {RERUN_SCRIPT, NEW_SESSION, SCRIPT_FINISHED, FINISHED_EARLY_FOR_RERUN} = PROTOCOL;
  const runs = window.__streamlitRuns = {
    seq: 0, requested: 0, started: 0, finished: 0, lastStart: 0, lastFinal: 0, needStart: 0, needFinal: 0,
    settling: 0,
  };
  const bytes = data => data instanceof ArrayBuffer ? new Uint8Array(data)
    : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
  function* fields(b) {  // top-level protobuf fields: [number, value of a varint field]
    let i = 0;
    const varint = () => {
      let value = 0, scale = 1, byte;
      do { byte = b[i++]; value += (byte & 0x7f) * scale; scale *= 128; } while (byte & 0x80 && i < b.length);
      return value;
    };
    while (i < b.length) {
      const tag = varint(), wire = tag & 7;
      let value = null;
      if (wire === 0) { value = varint(); }
      else if (wire === 2) { const length = varint(); i += length; }  // not `i += varint()`: i is read first
      else if (wire === 1) { i += 8; }
      else if (wire === 5) { i += 4; }
      else { return; }
      yield [Math.floor(tag / 8), value];
    }
  }
  // Two frames after anything happens, so that handlers deferred to a frame have sent their request
  // and Streamlit has drawn what it received.
  const settle = () => {
    runs.seq += 1;
    runs.settling += 1;
    requestAnimationFrame(() => requestAnimationFrame(() => { runs.settling -= 1; }));
    return runs.seq;
  };
  const protocolIdle = () => runs.lastFinal > runs.lastStart && runs.lastStart > runs.needStart;
  const Native = window.WebSocket;
  const send = Native.prototype.send;
  Native.prototype.send = function (data) {
    const b = bytes(data);
    if (b && b.length) {
      const first = fields(b).next().value;
      if (first && first[0] === RERUN_SCRIPT) {
        runs.requested += 1;
        // Asked while the app is idle: the server's next run answers it. Asked while a run is under way
        // the server may fold it into that run (or drop it: a fragment that is gone), so the next run
        // to finish answers it.
        if (protocolIdle()) { runs.needStart = settle(); } else { runs.needFinal = settle(); }
      }
    }
    return send.call(this, data);
  };
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        const b = bytes(event.data);
        if (!b) { return; }
        for (const [field, value] of fields(b)) {
          if (field === NEW_SESSION) { runs.started += 1; runs.lastStart = settle(); return; }
          if (field === SCRIPT_FINISHED) {
            if (value !== FINISHED_EARLY_FOR_RERUN) { runs.finished += 1; runs.lastFinal = settle(); }
            return;
          }
        }
      });
    }
  };
  for (const type of ["pointerdown", "pointerup", "click", "keydown", "keyup", "input", "change", "focusout"]) {
    window.addEventListener(type, settle, true);
  }
})();""".replace("PROTOCOL", json.dumps(PROTOCOL))

SETTLED = """() => {
  const runs = window.__streamlitRuns;
  if (!runs) { throw new Error("no run watcher on this page: open it with browser_support.watch / new_context"); }
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.dataset.testConnectionState === "CONNECTED" && app.dataset.testScriptState === "notRunning"
    && runs.requested > 0 && runs.started > 0 && runs.lastFinal > runs.lastStart && runs.lastStart > runs.needStart
    && runs.lastFinal > runs.needFinal && runs.settling === 0;
}"""


def watch(target) -> None:
    """Count the app's runs in every document ``target`` (a Playwright page or context) opens from now
    on; `wait_idle` needs it. Call it before the first ``goto``."""
    target.add_init_script(script=RUN_WATCH)


def new_context(browser, **options):
    """A browser context whose pages `wait_idle` can follow (the shared viewport unless given)."""
    context = browser.new_context(**{"viewport": VIEWPORT, **options})
    watch(context)
    return context


def wait_idle(page, timeout: float = 30_000) -> None:
    """Wait until the app has answered every run the page asked for and drawn the result.

    Streamlit shows ``notRunning`` for a while after a click (until the server starts the run), so that
    state alone would let a test read the old page. The watcher (`watch`) sees each rerun request the
    page sends and the server's run start and finish messages: after an action that asks for a run this
    returns once that run (and any `st.rerun` it chains) has finished; after one that asks for none
    (opening a list, a tab) it returns two frames later, with no fixed wait either way."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(SETTLED, timeout=timeout)
    except PlaywrightTimeout as error:
        state = page.evaluate(
            "() => ({...window.__streamlitRuns, script: document.querySelector('[data-testid=\"stApp\"]')"
            "?.dataset.testScriptState})"
        )
        raise AssertionError(f"the app did not become idle in {timeout / 1000:.0f} s: {state}") from error


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
