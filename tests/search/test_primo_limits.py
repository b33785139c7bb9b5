"""The Oria client against hostile or broken servers on 127.0.0.1: an answer dripped a byte at a time
ends at the overall deadline, an oversized answer is refused, and the API key is masked in every form
it can take. All answers are synthetic."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from urllib.parse import quote, quote_plus

import pytest

from review.errors import ReviewError
from review.search.config import OriaConfig
from review.search.primo_client import PrimoClient
from tests.search.primo_stub import Reply, page_body

KEY = "l7xx+syn/thetic key=ø"  # characters that every encoding writes differently
FORMS = {
    KEY,
    quote(KEY, safe=""),
    quote(KEY),
    quote_plus(KEY),
    quote(KEY, safe="").lower(),
    quote(quote(KEY, safe=""), safe=""),
    json.dumps(KEY)[1:-1],
    json.dumps(KEY, ensure_ascii=False)[1:-1].replace("/", "\\/"),
    "l7xx+syn/thetic key=&#248;",
}


class DripServer:
    """Answers every connection by sending ``head`` then ``body`` one byte every ``interval`` seconds."""

    def __init__(self, head: bytes, body: bytes, *, interval: float, drip_head: bool = False):
        self.head, self.body, self.interval, self.drip_head = head, body, interval, drip_head
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/primo/v1/search"
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        try:
            conn.recv(65536)
            if not self.drip_head:
                conn.sendall(self.head)
            for byte in (self.head if self.drip_head else b"") + self.body:
                if self.stop.is_set():
                    break
                conn.sendall(bytes([byte]))
                time.sleep(self.interval)  # the drip rate of a slow server: the thing tested
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.sock.close()
        self.thread.join(2)


def make_client(url: str, **overrides) -> PrimoClient:
    settings = dict(endpoint=url, min_interval=0.0, backoff_base=0.01, backoff_max=1.0, max_retries=0, timeout=1.0)
    settings.update(overrides)
    return PrimoClient(OriaConfig(**settings), overrides.pop("key", KEY), sleep=lambda s: None)


@pytest.mark.slow
@pytest.mark.parametrize("drip_head", [False, True], ids=["body", "headers"])
def test_a_dripping_server_cannot_hold_a_request_past_its_deadline(drip_head):
    body = page_body(3, 0, 50).encode()
    head = (
        f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        + "".join(f"X-Padding-{i}: {'x' * 20}\r\n" for i in range(40))
        + "\r\n"
    ).encode()
    server = DripServer(head, body, interval=0.02, drip_head=drip_head)  # about 30 s for the whole answer
    try:
        started = time.monotonic()
        with pytest.raises(ReviewError, match=r"gave up after 2 attempts: no complete answer within 1 s"):
            make_client(server.url, max_retries=1).get({"q": "x"})
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert elapsed < 2 * 1.0 + 1.0, f"two attempts of 1 s took {elapsed:.1f} s"


def test_an_answer_within_the_deadline_is_read_whole(stub):
    stub.respond = lambda seen: Reply(body=page_body(40, 0, 50))
    page = make_client(stub.url).get({"q": "x"})
    assert len(page.data["docs"]) == 40


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_an_oversized_answer_is_refused(declared):
    body = b'{"docs": [], "pad": "' + b"x" * 300_000 + b'"}'
    if declared:
        head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        payload = body
    else:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        payload = (
            b"".join(
                f"{len(body[i : i + 4096]):x}\r\n".encode() + body[i : i + 4096] + b"\r\n"
                for i in range(0, len(body), 4096)
            )
            + b"0\r\n\r\n"
        )
    server = DripServer(head + payload, b"", interval=0)
    try:
        with pytest.raises(ReviewError, match=r"larger than 100,000 bytes"):
            make_client(server.url, max_bytes=100_000, timeout=5.0).get({"q": "x"})
    finally:
        server.close()


def test_every_form_of_the_key_is_masked_in_pages_messages_and_logs(stub, caplog):
    echoed = " | ".join(sorted(FORMS))
    stub.respond = lambda seen: Reply(
        body=json.dumps({"info": {"total": 1, "echo": echoed}, "docs": [{"note": echoed}]})
    )
    caplog.set_level(logging.DEBUG)
    page = make_client(stub.url, api_key_in="query").get({"q": "x"})
    assert stub.seen[0].params["apikey"] == KEY  # it was sent, in the query
    stub.respond = lambda seen: Reply(status=400, body=f"<html>bad key {echoed}</html>")
    with pytest.raises(ReviewError) as refused:
        make_client(stub.url, api_key_in="query").get({"q": "x"})
    texts = {
        "saved page": page.text,
        "parsed page": json.dumps(page.data, ensure_ascii=False),
        "url": page.url,
        "error": str(refused.value),
        "log": caplog.text,
    }
    assert "GET /primo/v1/search?" in caplog.text  # urllib3 logged the request line, with the key masked
    for where, text in texts.items():
        for form in FORMS:
            assert form not in text, f"the key leaked into the {where} as {form!r}"
    assert "***" in page.text and "***" in str(refused.value)
