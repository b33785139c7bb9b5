"""Google Scholar result pages saved from the browser (.html): one record per result block.

Scholar gives no abstract, only a snippet, and authors as initials plus surname, often cut with "…";
both facts are recorded on the record (``abstract_is_snippet``, ``authors_truncated``).
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from review.encoding import read_text
from review.errors import InputError
from review.importers.build import RecordSpec, build_record, new_result
from review.importers.mappings import SCHOLAR_CITED_BY_PREFIXES, SCHOLAR_HTML_ROLES, SCHOLAR_TITLE_MARKERS
from review.messages import Message
from review.model import ImportResult

FORMAT = "scholar-html"
SPEC = RecordSpec(FORMAT, SCHOLAR_HTML_ROLES, author_style="comma", abstract_is_snippet=True)
_RESULT = "div.gs_r.gs_or.gs_scl"
_BYLINE_SPLIT = re.compile(r"\s+-\s+")
_YEAR_AT_END = re.compile(r"(?:^|,\s*)(\d{4})\s*$")
_MARKER = re.compile(r"^\s*(" + "|".join(re.escape(m) for m in SCHOLAR_TITLE_MARKERS) + r")\s*", re.IGNORECASE)
_COUNT = re.compile(r"(\d[\d\s.,\u00a0]*)\s*$")
_NOT_RESULTS_EXPECTED = "a saved Google Scholar result page (scholar?q=...) with result blocks"


def read(path: Path) -> ImportResult:
    decoded = read_text(path)
    try:
        soup = BeautifulSoup(decoded.text, "html.parser")
    except Exception as exc:  # noqa: BLE001 - the HTML parser's internals must not reach the user
        raise InputError(
            path.name,
            Message("the HTML could not be parsed ({error_type})", error_type=type(exc).__name__),
            expected=_NOT_RESULTS_EXPECTED,
        ) from None
    if soup.select_one("form#gs_captcha_f") is not None or soup.select_one("#gs_captcha_ccl") is not None:
        raise InputError(
            path.name,
            Message("this is Google Scholar's CAPTCHA (robot check) page, not results"),
            expected=Message("a result page saved after solving the CAPTCHA in the browser"),
        )
    blocks = soup.select(_RESULT)
    if not blocks:
        looks_like_scholar = soup.select_one("#gs_res_ccl, #gs_hdr, #gs_top") is not None
        problem = (
            "the Google Scholar page has no results"
            if looks_like_scholar
            else "this page is not a Google Scholar result page"
        )
        raise InputError(path.name, problem, expected=_NOT_RESULTS_EXPECTED)
    result = new_result(path.name, FORMAT, decoded)
    result.source = "scholar"
    for position, block in enumerate(blocks, start=1):
        record = build_record(
            result_fields(block),
            SPEC,
            file_name=path.name,
            position=position,
            line=block.sourceline,
            problems=result.problems,
        )
        if record is not None:
            record.source = "scholar"
            result.records.append(record)
    return result


def result_fields(block: Tag) -> dict[str, list[str]]:
    """Everything one result block says, under our own field names (see ``SCHOLAR_HTML_ROLES``)."""
    fields: dict[str, list[str]] = {}

    def put(name: str, value) -> None:
        if value:
            fields.setdefault(name, []).append(str(value).replace("\xa0", " ").strip())

    for attribute in ("data-cid", "data-did", "data-aid", "data-rp", "data-synthetic"):
        put(attribute, block.get(attribute))
    heading = block.select_one("h3.gs_rt")
    if heading is not None:
        marker = heading.select_one("span.gs_ct1") or heading.select_one("span.gs_ctc, span.gs_ctu")
        if marker is not None:
            put("title_marker", marker.get_text(" ", strip=True))
        link = heading.find("a")
        if link is not None:
            put("url", link.get("href"))
        title = heading.get_text(" ", strip=True)
        match = _MARKER.match(title)
        while match:  # "[PDF] [HTML] Title" has been seen; strip every marker
            if "title_marker" not in fields:
                put("title_marker", match.group(1))
            title = title[match.end() :]
            match = _MARKER.match(title)
        put("title", title)
    side = block.select_one("div.gs_ggs a, div.gs_or_ggsm a")
    if side is not None:
        put("side_link", side.get_text(" ", strip=True))
    byline = block.select_one("div.gs_a")
    if byline is not None:
        put("gs_a", byline.get_text("", strip=False))
        _split_byline(fields.get("gs_a", [""])[0], put)
    snippet = block.select_one("div.gs_rs")
    if snippet is not None:
        put("snippet", snippet.get_text(" ", strip=True))
    for link in block.select("div.gs_fl a"):
        href, text = link.get("href") or "", link.get_text(" ", strip=True)
        if "cites=" in href:
            put("cites_url", href)
            if text.casefold().startswith(SCHOLAR_CITED_BY_PREFIXES):
                count = _COUNT.search(text)
                put("cited_by", count.group(1) if count else None)
        elif "cluster=" in href:
            put("versions_url", href)
    return fields


def _split_byline(text: str, put) -> None:
    """'KA Nordmann, O Hansen - Tidsskrift, 2021 - eksempel.no' → authors, venue, year, host."""
    parts = [part.strip() for part in _BYLINE_SPLIT.split(text.replace("\xa0", " ").strip())]
    put("authors", parts[0] if parts else "")
    middle = parts[1:-1] if len(parts) >= 3 else parts[1:]
    if len(parts) >= 3:
        put("host", parts[-1])
    for part in middle:
        year = _YEAR_AT_END.search(part)
        if year:
            put("year", year.group(1))
            put("venue", part[: year.start()].strip(" ,"))
        elif len(parts) >= 3:
            put("venue", part)
        else:
            put("host", part)  # "Authors - host": no venue, no year
