"""EndNote XML library exports (``<xml><records><record>…``), read with lxml.

Every leaf element of a record is kept under its path inside the record, with EndNote's ``<style>``
formatting wrappers dropped; entity expansion and network access are off.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from review.encoding import read_text
from review.errors import InputError
from review.importers.build import RecordSpec, build_record, new_result
from review.importers.mappings import ENDNOTE_XML_ROLES
from review.messages import Message
from review.model import ImportResult

FORMAT = "endnote-xml"
SPEC = RecordSpec(FORMAT, ENDNOTE_XML_ROLES, author_style="each")
_FORMATTING = frozenset({"style"})


def read(path: Path) -> ImportResult:
    decoded = read_text(path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)
    text = decoded.text
    if text.lstrip().startswith("<?xml"):
        # The declaration may name an encoding we already applied; an unclosed one is left for lxml to refuse.
        declaration, closed, rest = text.partition("?>")
        text = rest if closed else declaration
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(
            path.name,
            Message("not well-formed XML ({msg})", msg=exc.msg),
            line=exc.lineno,
            expected=Message("an EndNote XML export"),
        ) from None
    records = root.findall(".//record")
    if not records:
        raise InputError(path.name, Message("no <record> elements"), line=1, expected=Message("an EndNote XML export"))
    result = new_result(path.name, FORMAT, decoded)
    for position, element in enumerate(records, start=1):
        record = build_record(
            record_fields(element),
            SPEC,
            file_name=path.name,
            position=position,
            line=element.sourceline,
            problems=result.problems,
        )
        if record is not None:
            result.records.append(record)
    return result


def record_fields(record) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}

    def walk(element, path: str) -> None:
        for child in element:
            if not isinstance(child.tag, str) or child.tag in _FORMATTING:
                continue
            name = f"{path}/{child.tag}" if path else child.tag
            for attribute, value in child.attrib.items():
                fields.setdefault(f"{name}@{attribute}", []).append(value)
            if any(isinstance(sub.tag, str) and sub.tag not in _FORMATTING for sub in child):
                walk(child, name)
            else:
                text = "".join(child.itertext()).strip()
                if text:
                    fields.setdefault(name, []).append(text)

    walk(record, "")
    return fields
