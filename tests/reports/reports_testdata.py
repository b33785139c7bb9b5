"""Test data for the export tests. ALL DATA HERE IS SYNTHETIC: invented works, people and
publishers, shaped like the Fafo review (three stages, families no/sv/en, appendix groups)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from sqlalchemy import insert

from review.store import schema
from review.store.db import Store
from screening.flowtypes import FamilyCount, Flow, StageCount
from tests.golden_files import GOLDEN_ROOT, check_golden_file

GOLDEN_DIR = GOLDEN_ROOT / "reports"

REVIEW_TOML = """\
# SYNTHETIC test protocol (not a real review).
title = "Syntetisk kunnskapsoversikt (testdata)"
years = [2016, 2022]
report_language = "no"

[counting]
family_order = ["no", "sv", "en"]

[[stages]]
number = 1
name = "Title/abstract relevance"
label = "Første vurdering"
reasons = ["Ikke karriereveiledning", "Studentoppgave"]

[[stages]]
number = 2
name = "Full-text relevance and quality"
label = "Andre vurdering"
reasons = ["Ikke relevant ved gjennomlesning", "Fulltekst ikke tilgjengelig"]

[[stages]]
number = 3
name = "Final review"
label = "Inkluderte bidrag"
reasons = ["For perifert for problemstillingene"]

[appendix]
groups = ["Norske rapporter", "Svenske og danske rapporter", "Fagfellevurderte artikler"]
"""

FAMILIES = {
    "no": '# SYNTHETIC\nid = "no"\nlabel = "Karriereveiledning + flyktninger/innvandrere"\nlanguage = "no"\norder = 1\n'
    'sources = ["oria", "scholar"]\n[filters]\nexclude_doc_types = ["thesis"]\n'
    '[[groups]]\nterms = ["karriereveiledning*"]\n[[groups]]\nterms = ["flyktning*", "innvandrer*"]\n',
    "sv": '# SYNTHETIC\nid = "sv"\nlabel = "Karriärvägledning + invandrare/nyanländ"\nlanguage = "sv"\norder = 2\n'
    'sources = ["oria", "scholar"]\n[[groups]]\nterms = ["karriärvägledning*"]\n'
    '[[groups]]\nterms = ["invandrare", "nyanländ*"]\n',
    "en": '# SYNTHETIC\nid = "en"\nlabel = "«Career guidance» + refugee/immigrant"\nlanguage = "en"\norder = 3\n'
    'sources = ["oria"]\n[filters]\npeer_reviewed_only = true\n'
    '[[groups]]\nterms = ["career guidance", "career counselling"]\n[[groups]]\nterms = ["refugee*"]\n',
}

T0 = "2023-02-01T10:00:00.000000+00:00"

IMPORTS = [  # id, file, format, source, family, query, searched, filters, n_records, n_problems
    (
        1,
        "oria_no.ris",
        "ris",
        "oria",
        "no",
        "karriereveiledning* AND (flyktning* OR innvandrer*)",
        "2023-01-10",
        '{"years": [2016, 2022]}',
        3,
        0,
    ),
    (2, "scholar_no.html", "scholar-html", "scholar", "no", None, "2023-01-11", None, 2, 0),
    (
        3,
        "oria_en.ris",
        "ris",
        "oria",
        "en",
        '("career guidance" OR "career counselling") AND refugee*',
        "2023-01-12",
        '{"peer_reviewed": true, "years": [2016, 2022]}',
        2,
        1,
    ),
    (4, "scholar_sv.html", "scholar-html", "scholar", "sv", "karriärvägledning invandrare", "2023-01-13", None, 1, 0),
]

SEARCHES = [  # id (= its import's id), database, interface, settings, query origin, filters, hits, run by
    (
        1,
        "Oria",
        "oria-web",
        '{"expanded": "no", "view": "47BIBSYS_NETWORK:Oria"}',
        "as run",
        "Utgivelsesår 2016–2022",
        40,
        "Anna",
    ),
    (2, "Google Scholar", "scholar-web", "{}", "not recorded", None, None, None),  # the string was not noted
    (3, "Oria", "oria-web", "{}", "as run", "Fagfellevurdert; 2016–2022", 2, "Bjørn"),
    (4, "Google Scholar", "pop", '{"version": "8.12.4612", "source": "Google Scholar"}', "as run", None, 17, "Anna"),
]

WORKS = [  # id, title, authors, year, venue, publisher, doc_type, language, doi, family, extra
    (
        1,
        "Karriereveiledning for nyankomne: erfaringer fra fem prosjekter",
        [["Nordmann", "Kari"], ["Hansen", "Ola Petter"]],
        2018,
        None,
        "Eksempelforlaget",
        "report",
        "no",
        None,
        "no",
        {"url": "https://example.org/rapport1"},
    ),
    (
        2,
        "Veiledning i mottak",
        [["Eksempel Analyse AS", ""]],
        2017,
        None,
        "Eksempel Analyse",
        "report",
        "no",
        None,
        "no",
        {},
    ),
    (
        3,
        "Narrative <career> counselling & refugees: a *synthetic* study {draft",
        [["Doe", "Jane"], ["Roe", "Richard"], ["Poe", "Edgar Allan"]],
        2019,
        "Journal of Synthetic Guidance",
        "Example Press",
        "article",
        "en",
        "10.9999/synth.2019.3",
        "en",
        {"peer_reviewed": True, "issns": '["0000-0019"]', "abstract": "A synthetic abstract."},
    ),
    (4, "Ikke relevant rapport om noe annet", [["Berg", "Nils"]], 2020, None, None, "report", "no", None, "no", {}),
    (
        5,
        "Perifer studie om veiledning",
        [["Lund", "Eva"]],
        2021,
        "Tidsskrift for eksempler",
        None,
        "article",
        "en",
        None,
        "en",
        {},
    ),
    (
        6,
        "Studie- och yrkesvägledning för nyanlända",
        [["Svensson", "Anna-Karin"]],
        2021,
        None,
        "Exempelförlaget",
        "report",
        "sv",
        None,
        "sv",
        {},
    ),
]

RAW = [  # import id, position, work id, volume, issue, pages
    (1, 1, 1, None, None, None),
    (1, 2, 2, None, None, None),
    (1, 3, 4, None, None, None),
    (2, 1, 1, None, None, None),
    (2, 2, 4, None, None, None),
    (3, 1, 3, "12", "3", "101-120"),
    (3, 2, 5, None, None, None),
    (4, 1, 6, None, None, None),
]

DECISIONS = [  # work, stage, reviewer, decision, reasons, final, automatic, note
    (1, 1, "Bjørn", "maybe", [], False, False, "uncertain"),
    (1, 1, "Anna", "include", [], True, False, None),
    (1, 2, "Anna", "include", [], True, False, None),
    (1, 3, "Anna", "include", [], True, False, None),
    (2, 1, "Anna", "include", [], True, False, None),
    (2, 2, "Anna", "include", [], True, False, None),
    (2, 3, "Anna", "exclude", ["For perifert for problemstillingene"], True, False, None),
    (2, 3, "Anna", "include", [], True, False, "changed my mind; see minutes"),
    (3, 1, "Anna", "include", [], True, False, None),
    (3, 2, "Anna", "include", [], True, False, None),
    (3, 3, "Anna", "include", [], True, False, None),
    (4, 1, "Anna", "exclude", ["Ikke karriereveiledning"], True, False, None),
    (5, 1, "Anna", "include", [], True, False, None),
    (5, 2, "Anna", "include", [], True, False, None),
    (5, 3, "Anna", "exclude", ["For perifert for problemstillingene"], True, False, None),
    (6, 1, "Anna", "include", [], True, False, None),
    (6, 2, "Anna", "include", [], True, False, None),
    (6, 3, "Anna", "include", [], True, False, None),
]

SUMMARIES = [  # work, aim, method, findings, group
    (1, "Old aim that a later summary replaces.", "Old method.", "Old findings.", "Norske rapporter"),
    (
        1,
        "Rapporten handler om fem syntetiske prosjekter.",
        "Gruppeintervjuer med veiledere.",
        "Veiledning tidlig i løpet virker.",
        "Norske rapporter",
    ),
    (
        2,
        "Evaluering av veiledning i mottak.",
        "Kvalitative intervjuer.",
        "Første avsnitt om funn.\n\nAndre avsnitt om funn.",
        "Norske rapporter",
    ),
    (
        3,
        "Tests <script>alert('x')</script> & *markdown* [links](http://x) escaping.",
        "# Not a heading",
        "Findings with a | pipe and an_underscore.",
        "Fagfellevurderte artikler",
    ),
]


def write_protocol(directory: Path) -> None:
    (directory / "queries").mkdir(parents=True, exist_ok=True)
    (directory / "review.toml").write_text(REVIEW_TOML, encoding="utf-8")
    for family_id, text in FAMILIES.items():
        (directory / "queries" / f"{family_id}.toml").write_text(text, encoding="utf-8")


def fill_store(store: Store) -> None:
    with store.write() as conn:
        conn.execute(insert(schema.rounds).values(id=1, label="2016–2022", year_from=2016, year_to=2022, opened_at=T0))
        for iid, name, fmt, source, family, query, searched, filters, n, problems in IMPORTS:
            _, database, interface, settings, origin, search_filters, hits, run_by = SEARCHES[iid - 1]
            conn.execute(
                insert(schema.searches).values(
                    id=iid,
                    round_id=1,
                    family=family,
                    source=source,
                    database=database,
                    interface=interface,
                    settings=settings,
                    query=query,
                    query_origin=origin,
                    searched=searched,
                    filters=search_filters,
                    hits=hits,
                    run_by=run_by,
                    method="export",
                    created_at=T0,
                )
            )
            conn.execute(
                insert(schema.imports).values(
                    id=iid,
                    round_id=1,
                    file_name=name,
                    file_hash=f"hash{iid}",
                    format=fmt,
                    source=source,
                    family=family,
                    query=query,
                    searched=searched,
                    filters=filters,
                    encoding="utf-8",
                    n_records=n,
                    n_problems=problems,
                    imported_at=f"2023-02-0{iid}T09:00:00.000000+00:00",
                    search_id=iid,
                )
            )
        for wid, title, authors, year, venue, publisher, doc_type, language, doi, family, extra in WORKS:
            conn.execute(
                insert(schema.works).values(
                    id=wid,
                    round_id=1,
                    created_at=T0,
                    title=title,
                    authors=json.dumps(authors),
                    year=year,
                    venue=venue,
                    publisher=publisher,
                    doc_type=doc_type,
                    language=language,
                    doi=doi,
                    family=family,
                    **extra,
                )
            )
        for raw_id, (import_id, position, work_id, volume, issue, pages) in enumerate(RAW, start=1):
            work = WORKS[work_id - 1]
            source = IMPORTS[import_id - 1][3]
            conn.execute(
                insert(schema.raw_records).values(
                    id=raw_id,
                    import_id=import_id,
                    position=position,
                    source=source,
                    format=IMPORTS[import_id - 1][2],
                    family=IMPORTS[import_id - 1][4],
                    title=work[1],
                    authors=json.dumps(work[2]),
                    year=work[3],
                    doc_type=work[6],
                    doi=work[8],
                    isbns="[]",
                    issns="[]",
                    keywords="[]",
                    fields="{}",
                    volume=volume,
                    issue=issue,
                    pages=pages,
                )
            )
            conn.execute(
                insert(schema.work_links).values(
                    raw_id=raw_id, work_id=work_id, rule="first", decided_by="auto", decided_at=T0
                )
            )
        for n, (work, stage, reviewer, decision, reasons, final, automatic, note) in enumerate(DECISIONS):
            conn.execute(
                insert(schema.decisions).values(
                    work_id=work,
                    stage=stage,
                    reviewer=reviewer,
                    decision=decision,
                    reasons=json.dumps(reasons),
                    note=note,
                    final=final,
                    automatic=automatic,
                    basis="rule" if automatic else "reviewer" if final else "vote",
                    created_at=f"2023-03-01T10:00:{n:02d}.000000+00:00",
                )
            )
        for n, (work, aim, method, findings, group) in enumerate(SUMMARIES):
            conn.execute(
                insert(schema.summaries).values(
                    work_id=work,
                    aim=aim,
                    method=method,
                    findings=findings,
                    appendix_group=group,
                    author="Anna",
                    created_at=f"2023-04-01T10:00:{n:02d}.000000+00:00",
                )
            )


def synthetic_flow(previous: int | None = None) -> Flow:
    """Counts matching the synthetic store above, built by hand as the lead's compute_flow would."""
    return Flow(
        identified=8,
        identified_by_source={"oria": 5, "scholar": 3},
        identified_by_family={"no": 5, "sv": 1, "en": 2},
        duplicates_removed=2,
        unique=6,
        stages={
            1: StageCount(
                1,
                "Første vurdering",
                screened=6,
                included=5,
                excluded=1,
                entered=6,
                excluded_by_reason={"Ikke karriereveiledning": 1},
            ),
            2: StageCount(2, "Andre vurdering", screened=5, included=5, excluded=0, entered=5),
            3: StageCount(
                3,
                "Inkluderte bidrag",
                screened=5,
                included=4,
                excluded=1,
                entered=5,
                excluded_by_reason={"For perifert for problemstillingene": 1},
            ),
        },
        families=[
            FamilyCount("no", "Karriereveiledning + flyktninger/innvandrere", 3, {1: 2, 2: 2, 3: 2}, screened=3),
            FamilyCount("sv", "Karriärvägledning + invandrare/nyanländ", 1, {1: 1, 2: 1, 3: 1}, screened=1),
            FamilyCount("en", "«Career guidance» + refugee/immigrant", 2, {1: 2, 2: 2, 3: 1}, screened=2),
        ],
        included=4,
        previous_included=previous,
    )


def check_golden(name: str, text: str) -> None:
    """Compare ``text`` with tests/golden/reports/NAME exactly; REVIEW_UPDATE_GOLDEN=1 rewrites the file."""
    check_golden_file(GOLDEN_DIR / name, text)


def xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path)
    out = []
    for sheet in book.worksheets:
        out.append(f"## {sheet.title}")
        for row in sheet.iter_rows(values_only=True):
            out.append("\t".join("" if v is None else str(v) for v in row))
    return "\n".join(out) + "\n"


def docx_text(path: Path) -> str:
    """Paragraphs and table rows in document order, with the paragraph style for headings."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(path)
    out = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(block, document)
            style = paragraph.style.name if paragraph.style is not None else ""
            prefix = f"[{style}] " if style.startswith("Heading") else ""
            out.append(prefix + paragraph.text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                out.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(out) + "\n"


def svg_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return "\n".join(re.findall(r"<text[^>]*>([^<]*)</text>", text)) + "\n"


def is_zip(path: Path) -> bool:
    return zipfile.is_zipfile(path)
