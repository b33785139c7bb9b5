from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from review.errors import ReviewError
from review.search.config import OriaConfig
from review.search.primo_client import PrimoClient, describe_error_body, retry_after_seconds
from tests.search.primo_stub import Reply, page_body, paged

KEY = "l7xx-synthetic-secret-key"


def client(stub, sleeps, **overrides) -> PrimoClient:
    settings = dict(endpoint=stub.url, min_interval=0.0, backoff_base=1.0, backoff_max=30.0, max_retries=3, timeout=2.0)
    settings.update(overrides)
    return PrimoClient(OriaConfig(**settings), overrides.pop("key", KEY), sleep=sleeps)


def scripted(*replies: Reply):
    """Answers in order; the last one repeats."""
    queue = list(replies)

    def respond(_seen):
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return respond


def test_key_goes_in_the_authorization_header_not_the_url(stub, sleeps):
    stub.respond = paged(3)
    page = client(stub, sleeps).get({"q": "any,contains,x", "offset": "0", "limit": "50"})
    assert len(page.data["docs"]) == 3
    seen = stub.seen[0]
    assert seen.headers["authorization"] == f"apikey {KEY}"
    assert "apikey" not in seen.params and KEY not in page.url
    assert seen.params["q"] == "any,contains,x"


def test_key_as_query_parameter_is_masked_in_urls_messages_and_bodies(stub, sleeps):
    stub.respond = lambda seen: Reply(
        status=400,
        body=json.dumps(
            {"errorsExist": True, "errorList": {"error": [{"errorCode": "INVALID", "errorMessage": f"bad key {KEY}"}]}}
        ),
    )
    c = client(stub, sleeps, api_key_in="query")
    with pytest.raises(ReviewError) as err:
        c.get({"q": "any,contains,x"})
    assert stub.seen[0].params["apikey"] == KEY
    assert KEY not in str(err.value) and "INVALID" in str(err.value) and "***" in str(err.value)
    assert len(stub.seen) == 1  # a 400 is not retried


def test_429_waits_as_long_as_retry_after_says(stub, sleeps):
    stub.respond = scripted(
        Reply(status=429, body="slow down", headers={"Retry-After": "7"}), Reply(body=page_body(1, 0, 50))
    )
    page = client(stub, sleeps).get({"q": "x"})
    assert page.attempts == 2 and sleeps.calls == [7.0]


def test_retry_after_longer_than_backoff_max_stops_the_search(stub, sleeps):
    stub.respond = lambda seen: Reply(status=429, body="quota", headers={"Retry-After": "86400"})
    with pytest.raises(ReviewError, match="wait 86400 s"):
        client(stub, sleeps).get({"q": "x"})
    assert len(stub.seen) == 1 and sleeps.calls == []


def test_server_errors_back_off_exponentially_then_succeed(stub, sleeps):
    stub.respond = scripted(
        Reply(status=500, body="<html><body>Internal error</body></html>", headers={"Content-Type": "text/html"}),
        Reply(status=503, body=""),
        Reply(body=page_body(2, 0, 50)),
    )
    page = client(stub, sleeps).get({"q": "x"})
    assert page.attempts == 3 and sleeps.calls == [1.0, 2.0]


def test_persistent_server_error_gives_up_with_the_reason(stub, sleeps):
    stub.respond = lambda seen: Reply(status=500, body="<html><h1>Service down</h1></html>")
    with pytest.raises(ReviewError, match=r"gave up after 4 attempts: HTTP 500: Service down"):
        client(stub, sleeps).get({"q": "x"})
    assert len(stub.seen) == 4 and sleeps.calls == [1.0, 2.0, 4.0]


def test_html_page_with_status_200_is_a_clear_error(stub, sleeps):
    stub.respond = lambda seen: Reply(
        body="<html><body>Maintenance tonight</body></html>", headers={"Content-Type": "text/html"}
    )
    with pytest.raises(ReviewError, match="not JSON.*Maintenance tonight"):
        client(stub, sleeps).get({"q": "x"})


def test_timeout_is_retried(stub, sleeps):
    stub.respond = scripted(Reply(body=page_body(1, 0, 50), delay=0.6), Reply(body=page_body(1, 0, 50)))
    page = client(stub, sleeps, timeout=0.2).get({"q": "x"})
    assert page.attempts == 2 and sleeps.calls == [1.0]


def test_timeouts_every_time_end_in_a_review_error(stub, sleeps):
    stub.respond = lambda seen: Reply(body="{}", delay=0.4)
    with pytest.raises(ReviewError, match="no complete answer within 0.1 s"):
        client(stub, sleeps, timeout=0.1, max_retries=1).get({"q": "x"})


def test_requests_are_paced(stub, sleeps):
    stub.respond = paged(1)
    ticks = iter([100.0, 100.25, 100.25])  # 1st request starts at 100.0, the 2nd is ready at 100.25
    c = PrimoClient(OriaConfig(endpoint=stub.url, min_interval=1.0), None, sleep=sleeps, clock=lambda: next(ticks))
    c.get({"q": "x"})
    c.get({"q": "x"})
    assert sleeps.calls == [pytest.approx(0.75)]
    assert "authorization" not in stub.seen[0].headers  # no key configured, none sent


def test_retry_after_accepts_seconds_and_http_dates():
    now = datetime(2024, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("12", now) == 12.0
    assert retry_after_seconds("Mon, 01 Jan 2024 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("soon", now) is None and retry_after_seconds(None) is None


def test_error_bodies_are_summarised():
    assert describe_error_body('{"errorList": {"error": {"errorCode": "X", "errorMessage": "Y"}}}') == "X Y"
    assert describe_error_body("<p>" + "a " * 300 + "</p>").endswith("…")
    assert describe_error_body("") == "empty answer"
