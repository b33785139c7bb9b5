"""A local stand-in for the Primo search API (synthetic data, 127.0.0.1 only).

A test gives the stub a ``respond(request) -> Reply`` function; the stub records every request
(path, query parameters, headers) so tests can assert what the client sent.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Seen:
    path: str
    params: dict[str, str]
    headers: dict[str, str]


@dataclass
class Reply:
    status: int = 200
    body: str = ""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    delay: float = 0.0  # seconds to wait before answering (to trigger client timeouts)


def synthetic_doc(n: int, year: int = 2019) -> dict:
    """One made-up PNX record."""
    return {
        "context": "PC",
        "adaptor": "Primo Central",
        "@id": f"https://example.invalid/pnx/{n}",
        "pnx": {
            "display": {
                "title": [f"Syntetisk tittel {n} om karriereveiledning"],
                "creator": [f"Nordmann, Kari{n}"],
                "type": ["article"],
                "creationdate": [str(year)],
                "language": ["nor"],
            },
            "addata": {
                "doi": [f"10.9999/synthetic.{n}"],
                "date": [f"{year}0315"],
                "risdate": [str(year)],
                "au": [f"Nordmann, Kari{n}"],
            },
            "control": {"recordid": [f"cdi_synthetic_{n}"]},
        },
    }


def page_body(total: int, offset: int, limit: int, year_of: Callable[[int], int] = lambda n: 2019) -> str:
    docs = [synthetic_doc(n, year_of(n)) for n in range(offset, min(total, offset + limit))]
    return json.dumps(
        {
            "info": {"total": total, "first": offset + 1, "last": offset + len(docs)},
            "docs": docs,
            "facets": [],
            "timelog": {"synthetic": True},
        },
        ensure_ascii=False,
    )


def paged(total: int, year_of: Callable[[int], int] = lambda n: 2019) -> Callable[[Seen], Reply]:
    """A well-behaved endpoint holding ``total`` synthetic records."""

    def respond(seen: Seen) -> Reply:
        offset, limit = int(seen.params.get("offset", 0)), int(seen.params.get("limit", 10))
        return Reply(body=page_body(total, offset, limit, year_of))

    return respond


class PrimoStub:
    def __init__(self, respond: Callable[[Seen], Reply] | None = None):
        self.respond = respond or paged(0)
        self.seen: list[Seen] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                parts = urlsplit(self.path)
                seen = Seen(
                    parts.path,
                    {k: v[-1] for k, v in parse_qs(parts.query).items()},
                    {k.lower(): v for k, v in self.headers.items()},
                )
                stub.seen.append(seen)
                reply = stub.respond(seen)
                if reply.delay:
                    time.sleep(reply.delay)  # a slow server is what the stub plays here
                data = reply.body.encode("utf-8")
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting, which is what a timeout test wants

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/primo/v1/search"

    def __enter__(self) -> PrimoStub:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
