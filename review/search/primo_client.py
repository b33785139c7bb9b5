"""HTTP to a Primo search endpoint: retries with backoff, a polite pace, and a key that never leaks.

Waiting goes through the injected ``sleep`` and ``clock`` so tests run without real delays.
"""

from __future__ import annotations

import json
import logging
import re
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from typing import Any, Callable, Optional

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


def retry_after_seconds(value: Optional[str], now: Optional[datetime] = None) -> Optional[float]:
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
        messages = [f"{e.get('errorCode', '')} {e.get('errorMessage', '')}".strip()
                    for e in errors if isinstance(e, dict)]
        if messages:
            return "; ".join(messages)[:limit]
    plain = " ".join(_TAGS.sub(" ", text).split())
    return (plain[:limit] + "…") if len(plain) > limit else (plain or "empty answer")


class PrimoClient:
    """One session against one endpoint. ``get(params)`` returns a parsed page or raises ReviewError."""

    def __init__(self, config: OriaConfig, api_key: Optional[str], *, session: Optional[requests.Session] = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic):
        self.config = config
        self._key = api_key
        self.session = session or requests.Session()
        self.session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
        self.sleep = sleep
        self.clock = clock
        self._last_start: Optional[float] = None
        self.waited = 0.0  # seconds spent in backoff and pacing, for the search log

    # --- the key stays out of URLs, logs, messages and saved files
    def _mask(self, text: str) -> str:
        return text.replace(self._key, "***") if self._key else text

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
        return min(self.config.backoff_max, self.config.backoff_base * (2 ** attempt))

    def get(self, params: dict[str, str]) -> PrimoPage:
        url = self.public_url(params)
        send_params, headers = self._auth(params)
        attempts = self.config.max_retries + 1
        reason = ""
        for attempt in range(attempts):
            self._pace()
            delay = self._backoff(attempt)
            try:
                response = self.session.get(self.config.endpoint, params=send_params, headers=headers,
                                            timeout=self.config.timeout)
            except requests.Timeout:
                reason = f"no answer within {self.config.timeout:g} s"
            except requests.ConnectionError as exc:
                reason = f"connection failed ({type(exc).__name__})"
            except requests.RequestException as exc:
                raise ReviewError(f"Oria search request failed: {self._mask(str(exc))}") from None
            else:
                text = self._mask(response.text)
                if response.status_code in RETRY_STATUSES:
                    reason = f"HTTP {response.status_code}: {describe_error_body(text)}"
                    asked = retry_after_seconds(response.headers.get("Retry-After"))
                    if asked is not None:
                        if asked > self.config.backoff_max:
                            raise ReviewError(
                                f"Oria asks us to wait {asked:.0f} s before the next request ({reason}); "
                                f"that is longer than backoff_max ({self.config.backoff_max:g} s), so the "
                                f"search stops here. Try again later.")
                        delay = asked
                elif response.status_code >= 400:
                    raise ReviewError(f"Oria refused the search with HTTP {response.status_code}: "
                                      f"{describe_error_body(text)} (request: {url})")
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
            raise ReviewError(f"Oria answered with something that is not JSON ({describe_error_body(text)}); "
                              f"check the endpoint (request: {url})") from None
        if not isinstance(data, dict):
            raise ReviewError(f"Oria answered with JSON that is not a search result (request: {url})")
        if data.get("errorsExist") or ("docs" not in data and "errorList" in data):
            raise ReviewError(f"Oria reported an error: {describe_error_body(text)} (request: {url})")
        if not isinstance(data.get("docs", []), list):
            raise ReviewError(f"Oria's answer has 'docs' that is not a list (request: {url})")
        return data
