"""Primo PNX JSON: a saved search API response (``{"info": ..., "docs": [...]}``) or a list of docs.

``records_from_pnx`` is the part the live Oria search client reuses on the responses it fetches.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from review.encoding import read_text
from review.errors import InputError
from review.importers.build import RecordSpec, build_record
from review.importers.mappings import PNX_ROLES
from review.messages import Message
from review.model import ImportResult, Problem

FORMAT = "pnx-json"
SPEC = RecordSpec(FORMAT, PNX_ROLES, author_style="semicolon")


def read(path: Path) -> ImportResult:
    decoded = read_text(path)
    try:
        data = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        raise InputError(
            path.name,
            Message("not valid JSON ({msg})", msg=exc.msg),
            line=exc.lineno,
            expected=Message("a Primo search response or a list of PNX docs"),
        ) from None
    except RecursionError:
        raise InputError(
            path.name, Message("the JSON is nested too deeply"), expected=Message("a Primo search response")
        ) from None
    docs = data.get("docs") if isinstance(data, dict) else data
    if isinstance(data, dict) and docs is None and "pnx" in data:
        docs = [data]  # a single saved doc
    if not isinstance(docs, list):
        raise InputError(
            path.name,
            Message("no list of records in the JSON"),
            expected=Message('an object with a "docs" list, or a list of docs with "pnx" sections'),
        )
    result = records_from_pnx(docs, path.name)
    result.encoding = decoded.encoding
    result.repaired_mojibake = decoded.repaired_mojibake
    if decoded.warning:
        result.problems.insert(0, Problem(decoded.warning, fatal=False))
    return result


def records_from_pnx(docs: Iterable[Any], file_name: str) -> ImportResult:
    """One record per doc; a doc that is not a PNX record is a problem, not an error."""
    result = ImportResult(file_name=file_name, format=FORMAT, encoding="utf-8", source="oria")
    for position, doc in enumerate(docs, start=1):
        if not isinstance(doc, dict):
            result.problems.append(Problem(Message("not a PNX record (expected an object)"), record=position))
            continue
        fields = flatten(doc)
        record = build_record(
            fields,
            SPEC,
            file_name=file_name,
            position=position,
            view={key: [strip_subfields(v) for v in values] for key, values in fields.items()},
            problems=result.problems,
        )
        if record is not None:
            record.source = "oria"
            result.records.append(record)
    return result


def flatten(doc: dict) -> dict[str, list[str]]:
    """``{"pnx": {"display": {"title": [...]}}}`` → ``{"display.title": [...]}``; other keys kept as "doc.key"."""
    inner = doc.get("pnx")
    pnx = inner if isinstance(inner, dict) else doc
    fields: dict[str, list[str]] = {}
    for section, content in pnx.items():
        if isinstance(content, dict):
            for name, value in content.items():
                fields[f"{section}.{name}"] = _strings(value)
        else:
            fields[str(section)] = _strings(content)
    if pnx is not doc:
        for key, value in doc.items():
            if key != "pnx":
                fields[f"doc.{key}"] = _strings(value)
    return fields


def strip_subfields(value: str) -> str:
    """Primo appends facet keys (``$$Q…``) and codes subfields (``$$Cdoi$$V10.1/x``): keep the value."""
    if "$$" not in value:
        return value
    if "$$V" in value:
        return value.split("$$V", 1)[1].split("$$", 1)[0]
    return value.split("$$", 1)[0]


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [item if isinstance(item, str) else json.dumps(item, ensure_ascii=False) for item in value]
    return [value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)]
