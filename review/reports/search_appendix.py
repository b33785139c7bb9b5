"""The search appendix a methods section cites (PRISMA-S): one row per search, then the deduplication
method and the items only the team can fill in.

Rows come from the search records (review/searches.py) and nothing else: a string, a setting or a
filter nobody recorded prints as "not recorded", never as the protocol's planned value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from review.interfaces import NOT_RECORDED
from review.reports.appendix import md_escape
from review.reports.docx_base import new_document
from review.reports.tabular import Table, write_csv
from review.searches import SearchRecord

COLUMNS = {
    "en": [
        "Round",
        "Database",
        "Interface and settings",
        "Query family",
        "Search string as run",
        "Date searched",
        "Filters and limits",
        "Hits reported",
        "Records exported",
        "Run by",
    ],
    "no": [
        "Runde",
        "Database",
        "Grensesnitt og innstillinger",
        "Søkefamilie",
        "Søkestreng slik den ble kjørt",
        "Søkedato",
        "Filtre og avgrensninger",
        "Treff oppgitt",
        "Poster eksportert",
        "Søkt av",
    ],
}
TEXT = {
    "en": {
        "title": "Search appendix: searches as run (PRISMA-S)",
        "dedup": "Deduplication",
        "updates": "Updates",
        "reran": "re-ran the string of search {n} ({label}) with the round's years",
        "team": "Left for the team to report",
        "team_items": "Peer review of the search strategies (PRISMA-S item 14), citation searching (5), contacts "
        "with authors or experts (6), other methods (7), published search filters (10) and earlier "
        "searches adapted (11) are not recorded by the tool.",
        "none": "No search has been recorded yet.",
    },
    "no": {
        "title": "Vedlegg: søk slik de ble kjørt (PRISMA-S)",
        "dedup": "Fjerning av duplikater",
        "updates": "Oppdateringer",
        "reran": "kjørte søkestrengen fra søk {n} ({label}) på nytt med rundens år",
        "team": "Fylles ut av teamet",
        "team_items": "Fagfellevurdering av søkestrategiene (PRISMA-S punkt 14), siteringssøk (5), kontakt med "
        "forfattere eller eksperter (6), andre metoder (7), publiserte søkefiltre (10) og tidligere "
        "søk som er tilpasset (11) registreres ikke av verktøyet.",
        "none": "Ingen søk er registrert ennå.",
    },
}


@dataclass
class SearchAppendix:
    searches: list[SearchRecord]
    dedup_method: str
    language: str = "en"

    @property
    def text(self) -> dict[str, str]:
        return TEXT.get(self.language, TEXT["en"])

    def table(self) -> Table:
        return Table(
            columns=list(COLUMNS.get(self.language, COLUMNS["en"])),
            rows=[_row(s) for s in self.searches],
            title=self.text["title"],
        )

    def update_lines(self) -> list[str]:
        by_id = {s.id: s for s in self.searches}
        lines = []
        for s in self.searches:
            if s.reuses is not None:
                earlier = by_id.get(s.reuses)
                label = earlier.round_label if earlier else "?"
                lines.append(f"{s.round_label}, search {s.id}: " + self.text["reran"].format(n=s.reuses, label=label))
        return lines


def _row(s: SearchRecord) -> list:
    interface = s.interface_label + (f": {s.settings_text()}" if s.settings_text() else "")
    return [
        s.round_label,
        s.database,
        interface,
        s.family or "",
        s.query_for_report,
        s.searched or NOT_RECORDED,
        s.filters or NOT_RECORDED,
        NOT_RECORDED if s.hits is None else s.hits,
        s.records,
        s.run_by or NOT_RECORDED,
    ]


def _cell(value) -> str:
    return "" if value is None else str(value)


def write_markdown(appendix: SearchAppendix, path: Path) -> None:
    t, table = appendix.text, appendix.table()
    lines = [f"# {t['title']}", ""]
    if table.rows:
        lines += ["| " + " | ".join(table.columns) + " |", "|" + "---|" * len(table.columns)]
        lines += ["| " + " | ".join(md_escape(_cell(v)).replace("\n", " ") for v in row) + " |" for row in table.rows]
    else:
        lines.append(t["none"])
    lines += ["", f"## {t['dedup']}", "", md_escape(appendix.dedup_method)]
    updates = appendix.update_lines()
    if updates:
        lines += ["", f"## {t['updates']}", ""] + [f"- {md_escape(u)}" for u in updates]
    lines += ["", f"## {t['team']}", "", t["team_items"]]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_docx(appendix: SearchAppendix, path: Path) -> None:
    t, table = appendix.text, appendix.table()
    document = new_document()
    document.add_heading(t["title"], level=1)
    if table.rows:
        grid = document.add_table(rows=1, cols=len(table.columns))
        grid.style = "Table Grid"
        for cell, name in zip(grid.rows[0].cells, table.columns, strict=False):
            cell.text = ""
            cell.paragraphs[0].add_run(name).bold = True
        for row in table.rows:
            for cell, value in zip(grid.add_row().cells, row, strict=False):
                cell.text = _cell(value)
    else:
        document.add_paragraph(t["none"])
    document.add_heading(t["dedup"], level=2)
    document.add_paragraph(appendix.dedup_method)
    updates = appendix.update_lines()
    if updates:
        document.add_heading(t["updates"], level=2)
        for line in updates:
            document.add_paragraph(line, style="List Bullet")
    document.add_heading(t["team"], level=2)
    document.add_paragraph(t["team_items"])
    document.save(path)


def write_csv_file(appendix: SearchAppendix, path: Path) -> None:
    """The table, then one row that carries the deduplication method in the search-string column."""
    table = appendix.table()
    dedup_row: list[object] = [None] * len(table.columns)
    dedup_row[1], dedup_row[4] = appendix.text["dedup"], appendix.dedup_method
    write_csv(Table(columns=table.columns, rows=table.rows + [dedup_row]), path)


def build(searches: Sequence[SearchRecord], dedup_method: str, language: str) -> SearchAppendix:
    return SearchAppendix(list(searches), dedup_method, language)
