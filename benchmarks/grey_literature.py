"""A labelled Nordic grey-literature deduplication set: SYNTHETIC variants of real works.

The works are the bundled review's real works (fafo_data/real_works.py: the 24 works of the Fafo
report's Vedlegg 1 and four works it cites), plus a few synthetic near-twins that must stay apart.
Every record is synthetic: it is how we expect a source to render the work, written by this script,
not a record copied from Oria or Google Scholar. Identifiers (Oria ids, ISBNs of reports, URLs) are
made up. Each file says so in its header or in a per-record note.

    python benchmarks/grey_literature.py          # (re)writes benchmarks/grey_literature/
    python benchmarks/dedup.py --sets grey_literature --skip-bib-dedupe

Files, one per way a source renders a record (read back through ``review.importers.read_file``):
* ``oria.ris``        Oria (Primo VE) RIS: full titles and names; a report typed RPRT or BOOK;
* ``pop.csv``         Publish or Perish CSV of Scholar hits: initials, titles cut, Type mostly empty;
* ``scholar.html``    a saved Scholar result page: [BOOK]/[PDF] markers, "…" in titles and bylines;
* ``scholar.bib``     Scholar's "Cite" BibTeX: @book for reports and chapters, initials;
* ``labels.csv``      file, position, work key, and the variant: what the rendering changed.
"""

from __future__ import annotations

import csv
import html
import io
import sys
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "grey_literature"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "fafo_data"))

from real_works import REAL_WORKS  # noqa: E402

from review.importers.mappings import POP_COLUMNS as PUBLISH_OR_PERISH_COLUMNS  # noqa: E402

SYNTHETIC = "SYNTHETIC benchmark record (nordic-review benchmarks/grey_literature.py), not a real export"
FILES = ("oria.ris", "pop.csv", "scholar.html", "scholar.bib")


@dataclass
class Work:
    key: str
    title: str
    authors: list[tuple[str, str]]  # (family, given); an organisation has no given name
    year: int
    doc_type: str  # report, chapter, article, book, thesis
    publisher: str = ""
    host: str = ""
    venue: str = ""
    volume: str = ""
    pages: str = ""
    doi: str = ""
    isbn: str = ""
    issn: str = ""
    real: bool = True
    note: str = ""  # why a synthetic near-twin is there


@dataclass
class Rendering:
    file: str
    work: Work
    variant: str  # what this rendering does to the work, for labels.csv
    fields: dict = field(default_factory=dict)


def real_works() -> list[Work]:
    works = []
    for n, w in enumerate(REAL_WORKS):
        works.append(
            Work(
                key=w["key"],
                title=w["title"],
                authors=list(w["authors"]),
                year=w["year"],
                doc_type=w["doc_type"],
                publisher=w.get("publisher", ""),
                host=w.get("host", ""),
                venue=w.get("venue", ""),
                volume=w.get("volume", ""),
                pages=w.get("pages", ""),
                doi=w.get("doi", ""),
                isbn=w.get("isbn", "") or (f"97882{n:07d}" if w["doc_type"] == "report" else ""),  # made-up ISBNs
                issn=f"0801-{n:03d}{n % 10}" if w["doc_type"] == "report" else "",
            )
        )
    return works


# Near-twins: synthetic works that look like a real one (or like each other) but are other works.
TWINS = [
    Work(
        "T01",
        "Åtte kommuner – åtte tiltak for integrering. Evaluering av kommunale integreringstiltak. Delrapport 3",
        [("Søholt", "Susanne"), ("Liodden", "Tone"), ("Staver", "Anne Balke")],
        2021,
        "report",
        "OsloMet",
        "oda.oslomet.no",
        real=False,
        note="a later volume of R05's series: same main title, another number",
    ),
    Work(
        "T02",
        "Career and career guidance in the Nordic countries",
        [("Haug", "E. H."), ("Hooley", "T."), ("Kettunen", "J."), ("Thomsen", "R.")],
        2020,
        "book",
        "Brill",
        isbn="9789004428096",
        real=False,
        note="the book holding R18's chapter (same ISBN); both typed reliably by Oria",
    ),
    Work(
        "T03",
        "Karriereveiledning for voksne flyktninger",
        [("Nilsen", "Kari")],
        2019,
        "thesis",
        "Universitetet i Bergen",
        real=False,
        note="a master's thesis; T04 has the same title and year",
    ),
    Work(
        "T04",
        "Karriereveiledning for voksne flyktninger",
        [("Berge", "Ola")],
        2019,
        "thesis",
        "Universitetet i Agder",
        real=False,
        note="another thesis with T03's title: a different author",
    ),
    Work(
        "T05",
        "Introduksjonsprogram i endring",
        [("Lunde", "Marit"), ("Holm", "Erik")],
        2019,
        "report",
        "NIBR",
        "oda.oslomet.no",
        real=False,
        note="a short title: same title, authors and year is one work",
    ),
    Work(
        "T06",
        "Introduksjonsprogram i endring",
        [("Vik", "Anders")],
        2022,
        "report",
        "Fafo",
        "fafo.no",
        real=False,
        note="T05's short title, other authors and year: another work",
    ),
    Work(
        "T07",
        "Evaluering av kommunale integreringstiltak. Delrapport 4",
        [("Søholt", "Susanne"), ("Liodden", "Tone")],
        2021,
        "report",
        "OsloMet",
        "oda.oslomet.no",
        real=False,
        note="a volume of a series whose title has no main title of its own",
    ),
    Work(
        "T08",
        "Evaluering av kommunale integreringstiltak. Delrapport 5",
        [("Søholt", "Susanne"), ("Liodden", "Tone")],
        2021,
        "report",
        "OsloMet",
        "oda.oslomet.no",
        real=False,
        note="T07's next volume, the same year and team: a Scholar title cut before the number fits both",
    ),
    Work(
        "T09",
        "Introduksjonsprogram i endring",
        [("IMDi", "")],
        2022,
        "report",
        "IMDi",
        "imdi.no",
        real=False,
        note="the directorate's own document under T06's short title, the same year: another organisation's work",
    ),
    Work(
        "T10",
        "Høringsnotat – forslag til endringer i integreringsloven",
        [("Kunnskapsdepartementet", "")],
        2021,
        "report",
        "Kunnskapsdepartementet",
        "regjeringen.no",
        real=False,
        note="a ministry's consultation paper: Scholar's title cut at the subtitle is only its genre",
    ),
    Work(
        "T11",
        "Høringsnotat – forslag til endringer i opplæringslova",
        [("Kunnskapsdepartementet", "")],
        2021,
        "report",
        "Kunnskapsdepartementet",
        "regjeringen.no",
        real=False,
        note="the same ministry's other consultation paper of that year: T10's genre title, another work",
    ),
]


def initials(given: str) -> str:
    return "".join(part[0] for part in given.replace("-", " ").replace(".", " ").split() if part)


def scholar_name(family: str, given: str) -> str:
    return f"{initials(given)} {family}".strip()


def is_organisation(author: tuple[str, str]) -> bool:
    return not author[1]


def cut_at_subtitle(title: str) -> str:
    """How Scholar and Publish or Perish often show a long title: its first part only."""
    cuts = [title.find(separator) for separator in (". ", ": ", " – ") if title.find(separator) > 0]
    return title[: min(cuts)] if cuts else title


def cut_with_ellipsis(title: str, length: int = 60) -> str:
    if len(title) <= length:
        return title
    return title[:length].rsplit(" ", 1)[0] + " …"


def byline(work: Work, limit: int = 3) -> str:
    """Scholar's authors: initials, the first few only; an organisation shows only when there is no person."""
    people = [a for a in work.authors if not is_organisation(a)] or work.authors
    names = [scholar_name(*a) for a in people[:limit]]
    return ", ".join(names) + ("…" if len(people) > limit else "")


# Repositories built on DSpace that Oria harvests and Scholar indexes: their reports carry a handle.
DSPACE_HOSTS = ("oda.oslomet.no",)


def handle_of(n: int) -> str:
    """A made-up handle under the prefix Norwegian repositories share."""
    return f"11250/{2700000 + n}"


def links(work: Work, n: int, marker: str = "") -> tuple[str, str, str]:
    """(Oria's link, Scholar's title link, the link on a saved Scholar page) for one work. A report in a
    DSpace repository is linked by its handle in Oria, by its landing page in Scholar (the link Publish or
    Perish keeps as ArticleURL) and by the PDF inside it on a [PDF] hit; elsewhere, the publisher's pages."""
    if not work.host:
        return "", "", ""
    if work.host in DSPACE_HOSTS:
        handle = handle_of(n)
        landing = f"https://{work.host}/oda-xmlui/handle/{handle}"
        pdf = f"https://{work.host}/oda-xmlui/bitstream/handle/{handle}/{work.key.lower()}.pdf?sequence=1"
        return f"https://hdl.handle.net/{handle}", landing, pdf if marker == "PDF" else landing
    return (
        f"https://{work.host}/publikasjoner/{work.key.lower()}",
        f"https://{work.host}/{work.key.lower()}.pdf",
        f"https://{work.host}/syn{n:09d}",
    )


def renderings(work: Work, n: int) -> list[Rendering]:
    """Each work as the sources render it. ``n`` varies the quirks from work to work."""
    out: list[Rendering] = []
    people = [a for a in work.authors if not is_organisation(a)]
    report_like = work.doc_type in ("report", "book")
    # --- Oria RIS: the full record. Oria types one report RPRT and another BOOK.
    ris_type = {
        "report": "BOOK" if n % 2 else "RPRT",
        "chapter": "CHAP",
        "article": "JOUR",
        "book": "BOOK",
        "thesis": "THES",
    }[work.doc_type]
    oria_authors = [f"{f}, {g}" if g else f for f, g in work.authors]
    if work.publisher in ("Opinion",):
        oria_authors = ["Opinion AS"]
    out.append(
        Rendering(
            "oria.ris",
            work,
            f"Oria RIS, TY {ris_type}, full title and names, ISBN, publisher URL",
            dict(
                TY=ris_type,
                T1=work.title,
                AU=oria_authors,
                PY=str(work.year),
                PB=work.publisher,
                SN=work.isbn,
                T2=work.venue,
                VL=work.volume,
                SP=work.pages,
                DO=work.doi,
                UR=links(work, n)[0],
                ID=f"alma99{n:04d}1234502201",
            ),
        )
    )
    if report_like and n % 3 == 0:
        # A second Oria record (the repository's copy): the series' ISSN, another URL, the other type,
        # and the publishing institution as first author, or as the only author.
        other_type = "RPRT" if ris_type == "BOOK" else "BOOK"
        names = [f"{f}, {g}" if g else f for f, g in work.authors]
        authors, note = names, ""
        if work.publisher and people:
            authors, note = (
                ([work.publisher] + names, ", institution as first author")
                if n % 2 == 0
                else ([work.publisher], ", the institution as the only author")
            )
        out.append(
            Rendering(
                "oria.ris",
                work,
                f"second Oria record (repository copy): TY {other_type}, ISSN of the "
                "series instead of the ISBN, handle URL" + note,
                dict(
                    TY=other_type,
                    T1=work.title,
                    AU=authors,
                    PY=str(work.year),
                    PB=work.publisher,
                    SN=work.issn,
                    UR=f"https://hdl.handle.net/{handle_of(n)}",
                    ID=f"cdi_repo_{n:06d}",
                ),
            )
        )
    # --- Publish or Perish CSV: initials, the first authors only, a cut title, mostly no type.
    pop_title = cut_at_subtitle(work.title) if n % 2 == 0 else cut_with_ellipsis(work.title, 55)
    pop_type = "BOOK" if report_like and n % 4 == 1 else ("PDF" if work.host and n % 4 == 3 else "")
    out.append(
        Rendering(
            "pop.csv",
            work,
            f"Publish or Perish CSV: title "
            f"{'cut at the subtitle' if n % 2 == 0 else 'cut with …'}, initials, at most 3 authors, "
            f"Type {pop_type or 'empty'}"
            + (", organisation author dropped" if people and len(people) < len(work.authors) else ""),
            dict(
                Authors=byline(work),
                Title=pop_title,
                Year=str(work.year),
                Source=work.venue if work.doc_type == "article" else "",
                Publisher=work.host,
                ArticleURL=links(work, n)[1],
                Type=pop_type,
                DOI=work.doi if n % 2 else "",
            ),
        )
    )
    # --- A saved Scholar page: [BOOK] on reports, chapters and books, a title cut with "…".
    marker = (
        "BOOK"
        if work.doc_type in ("report", "book", "chapter") and n % 3 != 2
        else ("PDF" if work.host else "CITATION")
    )
    out.append(
        Rendering(
            "scholar.html",
            work,
            f"Scholar result page: [{marker}], title cut with … at 70 "
            "characters, byline with initials and at most 2 authors",
            dict(
                marker=marker,
                title=cut_with_ellipsis(work.title, 70),
                byline=byline(work, 2),
                venue=work.venue if work.doc_type in ("article", "thesis") else "",
                year=str(work.year),
                host=work.host,
                cid=f"syn{n:09d}",
                link=links(work, n, marker)[2],
            ),
        )
    )
    # --- Scholar "Cite" BibTeX: @book for anything bound, initials, the series part dropped.
    if work.doc_type != "article" or n % 2 == 0:
        entry = "article" if work.doc_type == "article" else "phdthesis" if work.doc_type == "thesis" else "book"
        bib_title = work.title.rsplit(". Delrapport", 1)[0] if n % 2 == 0 else work.title
        out.append(
            Rendering(
                "scholar.bib",
                work,
                f"Scholar Cite BibTeX: @{entry}, initials"
                + (", series number dropped from the title" if bib_title != work.title else "")
                + (", no author (an organisation's document)" if not people else ""),
                dict(
                    entry=entry,
                    title=bib_title,
                    author=" and ".join(f"{f}, {initials(g)}" for f, g in people),
                    year=str(work.year),
                    publisher=work.publisher,
                    journal=work.venue if entry == "article" else "",
                    volume=work.volume,
                    pages=work.pages,
                ),
            )
        )
    return out


def all_renderings(twins: bool = True) -> list[Rendering]:
    items: list[Rendering] = []
    for n, work in enumerate(real_works() + (TWINS if twins else [])):
        items.extend(renderings(work, n))
    return items


# ---------------------------------------------------------------------------------------------- writers
def write_ris(items: list[Rendering]) -> str:
    lines: list[str] = []
    for item in items:
        f = item.fields
        lines.append(f"TY  - {f['TY']}")
        lines.append(f"T1  - {f['T1']}")
        lines += [f"AU  - {name}" for name in f["AU"]]
        for tag in ("PY", "T2", "VL", "SP", "PB", "SN", "DO", "UR", "ID"):
            if f.get(tag):
                lines.append(f"{tag}  - {f[tag]}")
        lines.append(f"N1  - {SYNTHETIC}")
        lines += ["ER  - ", ""]
    return "\n".join(lines)


POP_COLUMNS = list(PUBLISH_OR_PERISH_COLUMNS)


def write_pop(items: list[Rendering]) -> str:
    buffer = io.StringIO()
    buffer.write(f"# {SYNTHETIC}\n")
    writer = csv.DictWriter(buffer, POP_COLUMNS, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    for rank, item in enumerate(items, 1):
        row = dict.fromkeys(POP_COLUMNS, "")
        row.update(
            item.fields,
            Cites="0",
            GSRank=str(rank),
            QueryDate="2023-01-10",
            CitesURL=f"https://scholar.google.com/scholar?cites={9000000000 + rank}&hl=en",
        )
        writer.writerow(row)
    return buffer.getvalue()


def write_html(items: list[Rendering]) -> str:
    blocks = []
    for rank, item in enumerate(items):
        f = item.fields
        title = html.escape(f["title"])
        if f["marker"] == "CITATION":
            heading = f'<span class="gs_ctu"><span class="gs_ct1">[CITATION]</span></span> {title}'
        else:
            heading = (
                f'<span class="gs_ctc"><span class="gs_ct1">[{f["marker"]}]</span></span> '
                f'<a href="{html.escape(f["link"] or "https://example.org/" + f["cid"])}">{title}</a>'
            )
        middle = ", ".join(x for x in (f["venue"], f["year"]) if x)
        line = f"{html.escape(f['byline'])}&nbsp;- {html.escape(middle)}" + (
            f"&nbsp;- {f['host']}" if f["host"] else ""
        )
        blocks.append(
            f'<div class="gs_r gs_or gs_scl" data-cid="{f["cid"]}" data-rp="{rank}" data-synthetic="1">'
            f'<div class="gs_ri"><h3 class="gs_rt">{heading}</h3><div class="gs_a">{line}</div>'
            f'<div class="gs_rs">…</div><div class="gs_fl gs_flb"><a href="/scholar?cluster='
            f'{8000000000 + rank}&amp;hl=en">All 2 versions</a></div></div></div>'
        )
    body = "\n".join(blocks)
    return (
        f"<!DOCTYPE html>\n<!-- {SYNTHETIC}: every result on this page is synthetic. -->\n"
        f'<html><head><meta charset="UTF-8"><title>karriereveiledning - Google Scholar</title></head>'
        f'<body><div id="gs_top"><div id="gs_res_ccl_mid">\n{body}\n</div></div></body></html>\n'
    )


def _bib_value(value: str) -> str:
    return value.replace("&", r"\&").replace("%", r"\%")


def write_bib(items: list[Rendering]) -> str:
    out = [f"% {SYNTHETIC}"]
    for n, item in enumerate(items):
        f = item.fields
        fields = [
            ("title", f["title"]),
            ("author", f["author"]),
            ("year", f["year"]),
            ("journal", f["journal"]),
            ("volume", f["volume"]),
            ("pages", f["pages"].replace("-", "--")),
            ("publisher", f["publisher"]),
        ]
        body = ",\n".join(f"  {name}={{{_bib_value(value)}}}" for name, value in fields if value)
        out.append(f"@{f['entry']}{{syn{n:03d}{f['year']},\n{body}\n}}\n")
    return "\n".join(out)


WRITERS = {"oria.ris": write_ris, "pop.csv": write_pop, "scholar.html": write_html, "scholar.bib": write_bib}
# The source a project lead declares on import (Scholar's "Cite" BibTeX has no marker of its own).
SOURCES = {"oria.ris": "oria", "pop.csv": "scholar", "scholar.html": "scholar", "scholar.bib": "scholar"}


def generate(out: Path = OUT, *, twins: bool = True) -> list[Rendering]:
    """Write the files and labels.csv; ``twins=False`` renders only the real works (an update round's hits)."""
    out.mkdir(parents=True, exist_ok=True)
    items = all_renderings(twins)
    rows = []
    for name in FILES:
        mine = [item for item in items if item.file == name]
        (out / name).write_text(WRITERS[name](mine), encoding="utf-8")
        for position, item in enumerate(mine, 1):
            rows.append(
                {
                    "file": name,
                    "position": position,
                    "work": item.work.key,
                    "record": "synthetic",
                    "real_work": "yes" if item.work.real else "no (synthetic near-twin)",
                    "variant": item.variant,
                    "twin_note": item.work.note,
                }
            )
    with (out / "labels.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return items


def load(folder: Path = OUT):
    """(records, gold pairs) read through the project's importers; labels matched by file and position."""
    from review.importers import read_file

    labels: dict[tuple[str, int], str] = {}
    with (folder / "labels.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            labels[(row["file"], int(row["position"]))] = row["work"]
    records, works = [], []
    for name in FILES:
        result = read_file(folder / name, source=SOURCES[name])
        expected = sum(1 for file, _ in labels if file == name)
        if len(result.records) != expected:
            raise SystemExit(f"{name}: the importer read {len(result.records)} records, labels.csv has {expected}")
        for record in result.records:
            records.append(record)
            works.append(labels[(name, record.position)])
    gold = {(i, j) for i, j in combinations(range(len(records)), 2) if works[i] == works[j]}
    return records, gold, works


if __name__ == "__main__":
    made = generate()
    print(f"wrote {len(made)} synthetic records of {len({i.work.key for i in made})} works to {OUT.relative_to(ROOT)}")
