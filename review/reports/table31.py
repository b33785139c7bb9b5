"""Table 3.1 of the Fafo report: per query family, the unique hits and how many passed each stage.

Columns come from the protocol (stage labels from review.toml, family labels from queries/*.toml),
so a review with other stage names gets its own headings.
"""

from __future__ import annotations

from review.errors import ProtocolError
from review.protocol import Protocol
from review.reports.tabular import Table
from review.reports.wording import source_name, words
from screening.flowtypes import Flow

# Sources listed in the order the seed report writes them ("Google Scholar/Oria").
SOURCE_ORDER = ("scholar", "oria", "other")


def _sources(protocol: Protocol, family_id: str, language: str) -> str:
    try:
        sources = protocol.family(family_id).sources
    except ProtocolError:  # a family the protocol no longer declares has no sources to show
        return ""
    ordered = sorted(sources, key=lambda s: SOURCE_ORDER.index(s) if s in SOURCE_ORDER else len(SOURCE_ORDER))
    return "/".join(source_name(s, language) for s in ordered)


def table_3_1(flow: Flow, protocol: Protocol) -> Table:
    language = protocol.report_language
    w = words(language)
    stages = [s.number for s in protocol.stages]
    columns = [w["source"], w["search_terms"], w["search_results"]] + [protocol.stage(n).label for n in stages]
    rows: list[list] = []
    for family in flow.families:
        rows.append(
            [_sources(protocol, family.family, language), family.label, family.screened]
            + [family.passed.get(n, 0) for n in stages]
        )

    # The first column counts the works people screened (rule exclusions were removed before
    # screening), so its total is the flow diagram's "records screened".
    totals = [flow.screened] + [flow.stages[n].included if n in flow.stages else 0 for n in stages]
    counted = [sum(r[2 + i] for r in rows) for i in range(len(totals))]
    if any(t > c for t, c in zip(totals, counted, strict=True)):
        # Works no family claims (imported without a family) still count in the total.
        rows.append(["", w["no_family"], *(max(t - c, 0) for t, c in zip(totals, counted, strict=True))])
    rows.append([w["total"], "", *totals])
    return Table(columns=columns, rows=rows, title=w["table_title"], bold_last_row=True)
