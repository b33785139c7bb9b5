"""HTTP to a Primo search endpoint: retries with backoff, a polite pace, and a key that never leaks.

Waiting goes through the injected ``sleep`` and ``clock`` so tests run without real delays. Each
request has one deadline for the whole exchange (``timeout``): a server that drips its answer a byte
at a time cannot hold the search longer than that, because the download runs in a worker thread the
caller stops waiting for. Answers above ``max_bytes`` are refused. The key is masked in every form it
can take in text: as typed, percent-encoded (either case, or twice), JSON- and HTML-escaped, in saved
pages, messages and the log lines of this module and urllib3.
"""

from __future__ import annotations

import html
import json
import logging
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from review import __version__
from review.errors import ReviewError
from review.search.config import OriaConfig

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
USER_AGENT = f"nordic-review/{__version__} (systematic literature review; python-requests)"
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class PrimoPage:
    data: dict[str, Any]
    text: str  # the body exactly as received, except that an echoed API key is masked
    url: str  # the request URL without the key, for the search log
    attempts: int


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: either a number or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def describe_error_body(text: str, limit: int = 200) -> str:
    """A short readable reason from an error body: Ex Libris JSON errors, or the text of an HTML page."""
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict):
        errors = (data.get("errorList") or {}).get("error") or []
        if isinstance(errors, dict):
            errors = [errors]
        messages = [
            f"{e.get('errorCode', '')} {e.get('errorMessage', '')}".strip() for e in errors if isinstance(e, dict)
        ]
        if messages:
            return "; ".join(messages)[:limit]
    plain = " ".join(_TAGS.sub(" ", text).split())
    return (plain[:limit] + "…") if len(plain) > limit else (plain or "empty answer")


MASK = "***"
CHUNK = 65536


def _char_forms(char: str) -> list[str]:
    """Every way one character of the key may be written in a URL, JSON or HTML text (escapes of
    escapes included: JSON inside JSON doubles the backslash)."""
    code = ord(char)
    utf8 = char.encode("utf-8")
    forms = {
        re.escape(char),
        "".join(f"%{b:02x}" for b in utf8),
        "".join(f"%25{b:02x}" for b in utf8),
        f"&#{code};",
        f"&#x{code:x};",
        re.escape(html.escape(char)),
    }
    if code <= 0xFFFF:
        forms.add(f"\\\\+u{code:04x}")
    if char == " ":
        forms.add(r"\+")
    if char in '/"':
        forms.add(r"\\+" + re.escape(char))
    return sorted(forms, key=len, reverse=True)


def key_pattern(key: str) -> re.Pattern:
    """A pattern matching ``key`` in any of its textual forms (percent-hex in either case)."""
    return re.compile("".join("(?:" + "|".join(_char_forms(c)) + ")" for c in key), re.IGNORECASE)


class _RedactKeys(logging.Filter):
    """Masks API keys in log records (urllib3 logs request URLs, which may carry the key)."""

    def __init__(self) -> None:
        super().__init__()
        self.patterns: dict[str, re.Pattern] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if self.patterns:
            message = record.getMessage()
            for pattern in self.patterns.values():
                message = pattern.sub(MASK, message)
            record.msg, record.args = message, ()
        return True


_LOG_FILTER = _RedactKeys()
for _name in (__name__, "urllib3.connectionpool", "urllib3.util.retry", "urllib3.response"):
    logging.getLogger(_name).addFilter(_LOG_FILTER)


class _TooLarge(Exception):
    pass


def _shut_down(response: requests.Response | None) -> None:
    """End a download another thread is blocked in. Shutting the socket down wakes its read; closing
    the response instead would wait for the reader's buffer lock, i.e. for the slow server."""
    connection = getattr(getattr(response, "raw", None), "_connection", None)
    sock = getattr(connection, "sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


class PrimoClient:
    """One session against one endpoint. ``get(params)`` returns a parsed page or raises ReviewError."""

    def __init__(
        self,
        config: OriaConfig,
        api_key: str | None,
        *,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.config = config
        self._key = api_key
        self._key_pattern = key_pattern(api_key) if api_key else None
        if api_key and self._key_pattern is not None:
            _LOG_FILTER.patterns[api_key] = self._key_pattern
        self.session = session or requests.Session()
        self.session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
        self.sleep = sleep
        self.clock = clock
        self._last_start: float | None = None
        self.waited = 0.0  # seconds spent in backoff and pacing, for the search log

    # --- the key stays out of URLs, logs, messages and saved files
    def _mask(self, text: str) -> str:
        return self._key_pattern.sub(MASK, text) if self._key_pattern else text

    def _download(
        self, send_params: dict[str, str], headers: dict[str, str], deadline: float, state: dict
    ) -> tuple[int, dict[str, str], str]:
        """Status, headers and body of one request (runs in a worker thread; see ``_fetch``)."""
        remaining = max(0.001, deadline - time.monotonic())
        response = self.session.get(
            self.config.endpoint, params=send_params, headers=headers, timeout=(remaining, remaining), stream=True
        )
        state["response"] = response
        try:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.config.max_bytes:
                raise _TooLarge(int(declared))
            body = bytearray()
            for chunk in response.iter_content(CHUNK):
                body += chunk
                if len(body) > self.config.max_bytes:
                    raise _TooLarge(len(body))
                if state.get("abandoned"):
                    break
            text = bytes(body).decode(response.encoding or "utf-8", errors="replace")
            return response.status_code, dict(response.headers), text
        finally:
            response.close()

    def _fetch(self, send_params: dict[str, str], headers: dict[str, str]) -> tuple[int, dict[str, str], str]:
        """One request that ends by its deadline, however slowly the server answers.

        The socket timeouts alone bound each read, not their sum; so the download runs in a daemon
        thread and the caller waits for it until the deadline only.
        """
        deadline = time.monotonic() + self.config.timeout
        state: dict[str, Any] = {}
        outcome: dict[str, Any] = {}

        def work() -> None:
            try:
                outcome["value"] = self._download(send_params, headers, deadline, state)
            except BaseException as exc:  # handed to the caller's thread
                outcome["error"] = exc

        worker = threading.Thread(target=work, name="primo-request", daemon=True)
        worker.start()
        worker.join(max(0.0, deadline - time.monotonic()))
        if worker.is_alive():
            state["abandoned"] = True
            _shut_down(state.get("response"))
            raise requests.Timeout("overall deadline")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]

    def _auth(self, params: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
        if not self._key:
            return params, {}
        if self.config.api_key_in == "query":
            return {**params, "apikey": self._key}, {}
        return params, {"Authorization": f"apikey {self._key}"}

    def public_url(self, params: dict[str, str]) -> str:
        return requests.Request("GET", self.config.endpoint, params=params).prepare().url or ""

    def _wait(self, seconds: float) -> None:
        if seconds > 0:
            self.waited += seconds
            self.sleep(seconds)

    def _pace(self) -> None:
        if self._last_start is not None:
            self._wait(self.config.min_interval - (self.clock() - self._last_start))
        self._last_start = self.clock()

    def _backoff(self, attempt: int) -> float:
        return min(self.config.backoff_max, self.config.backoff_base * (2**attempt))

    def get(self, params: dict[str, str]) -> PrimoPage:
        url = self.public_url(params)
        send_params, headers = self._auth(params)
        attempts = self.config.max_retries + 1
        reason = ""
        for attempt in range(attempts):
            self._pace()
            delay = self._backoff(attempt)
            try:
                status, response_headers, body = self._fetch(send_params, headers)
            except _TooLarge as exc:
                raise ReviewError(
                    f"Oria's answer is larger than {self.config.max_bytes:,} bytes (at least "
                    f"{exc.args[0]:,}); stopped reading it. If the endpoint is right, raise max_bytes "
                    f"in [search.oria] (request: {url})"
                ) from None
            except requests.Timeout:
                reason = f"no complete answer within {self.config.timeout:g} s"
            except requests.ConnectionError as exc:
                reason = f"connection failed ({type(exc).__name__})"
            except requests.RequestException as exc:
                raise ReviewError(f"Oria search request failed: {self._mask(str(exc))}") from None
            else:
                text = self._mask(body)
                if status in RETRY_STATUSES:
                    reason = f"HTTP {status}: {describe_error_body(text)}"
                    asked = retry_after_seconds(response_headers.get("Retry-After"))
                    if asked is not None:
                        if asked > self.config.backoff_max:
                            raise ReviewError(
                                f"Oria asks us to wait {asked:.0f} s before the next request ({reason}); "
                                f"that is longer than backoff_max ({self.config.backoff_max:g} s), so the "
                                f"search stops here. Try again later."
                            )
                        delay = asked
                elif status >= 400:
                    raise ReviewError(
                        f"Oria refused the search with HTTP {status}: {describe_error_body(text)} (request: {url})"
                    )
                else:
                    return PrimoPage(data=self._parse(text, url), text=text, url=url, attempts=attempt + 1)
            if attempt + 1 < attempts:
                log.info("Oria: %s; retrying in %.1f s (attempt %d of %d)", reason, delay, attempt + 2, attempts)
                self._wait(delay)
        raise ReviewError(f"Oria search gave up after {attempts} attempts: {reason} (request: {url})")

    @staticmethod
    def _parse(text: str, url: str) -> dict[str, Any]:
        try:
            data = json.loads(text)
        except ValueError:
            raise ReviewError(
                f"Oria answered with something that is not JSON ({describe_error_body(text)}); "
                f"check the endpoint (request: {url})"
            ) from None
        if not isinstance(data, dict):
            raise ReviewError(f"Oria answered with JSON that is not a search result (request: {url})")
        if data.get("errorsExist") or ("docs" not in data and "errorList" in data):
            raise ReviewError(f"Oria reported an error: {describe_error_body(text)} (request: {url})")
        if not isinstance(data.get("docs", []), list):
            raise ReviewError(f"Oria's answer has 'docs' that is not a list (request: {url})")
        return data
