"""Read what the exporters need from the store into plain dataclasses.

Exporters never touch SQL: they take the dataclasses below, so each can be tested with objects
built by hand, and the store's layout can change in one place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from review.errors import ProtocolError
from review.model import Author
from review.protocol import Protocol
from review.searches import SearchRecord, list_searches
from review.store import schema
from review.store.decisions import included, latest_final, people_labels
from review.store.pairs import count_standing_verdicts
from review.store.works import decode_authors, decode_list, live_work_ids
from screening.blinding import full_decision_rows, visible_decision_rows
from screening.summaries import latest_summaries


@dataclass
class IncludedWork:
    """A work finally included at the last stage, with its summary and where it was found."""

    work_id: int
    title: str
    authors: list[Author] = field(default_factory=list)
    authors_truncated: bool = False
    year: int | None = None
    venue: str | None = None
    publisher: str | None = None
    doi: str | None = None
    url: str | None = None
    doc_type: str = "other"
    language: str | None = None
    peer_reviewed: bool | None = None
    abstract: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    isbns: list[str] = field(default_factory=list)
    issns: list[str] = field(default_factory=list)
    family: str | None = None  # the family it counts for
    appendix_group: str | None = None
    aim: str = ""
    method: str = ""
    findings: str = ""
    sources: list[str] = field(default_factory=list)  # "oria", "scholar", ... that found it
    families: list[str] = field(default_factory=list)  # every family that found it
    synthetic: bool = False  # a made-up stand-in (review.synthetic), never to be published


@dataclass
class SearchLogEntry:
    """One search as run (its search record), or a family/source search the protocol plans and no
    search covers yet (``search`` is None)."""

    family: str | None
    family_label: str
    source: str
    search: SearchRecord | None = None
    planned_query: str = ""  # the protocol's string, shown only for a planned search
    planned_filters: str = ""  # the protocol's filters and limits, shown where none were recorded
    formats: list[str] = field(default_factory=list)
    problems: int = 0


@dataclass
class ScreeningWork:
    """A work as the ASReview hand-off and the works table need it."""

    work_id: int
    title: str
    abstract: str | None
    authors: list[Author]
    year: int | None
    venue: str | None
    publisher: str | None
    doc_type: str
    language: str | None
    doi: str | None
    url: str | None
    peer_reviewed: bool | None
    family: str | None
    n_records: int = 0
    sources: list[str] = field(default_factory=list)
    families: list[str] = field(default_factory=list)
    final: dict[int, str] = field(default_factory=dict)  # stage -> latest final decision
    labels: dict[int, int] = field(default_factory=dict)  # stage -> 1/0 where people decided (ranker labels)
    synthetic: bool = False


@dataclass
class RawRow:
    raw_id: int
    file_name: str
    position: int
    work_id: int | None
    source: str
    family: str | None
    year: int | None
    title: str
    doi: str | None
    synthetic: bool = False


@dataclass
class DecisionRow:
    work_id: int
    stage: int
    decision: str
    reasons: list[str]
    note: str | None
    reviewer: str
    final: bool
    automatic: bool  # decided by a protocol rule (basis "rule")
    created_at: str
    basis: str = "reviewer"  # who decided: review.vocabulary.BASES
    synthetic: bool = False  # the decided work is a stand-in


_authors = decode_authors  # the one mapping of a stored author list
_json_list = decode_list


def latest_final_decisions(conn: Connection, stage: int) -> dict[int, str]:
    """work id -> decision of its latest final row at ``stage`` (``review.store.decisions``)."""
    return {work_id: row["decision"] for work_id, row in latest_final(conn, stage).items()}


def included_work_ids(conn: Connection) -> list[int]:
    """The included works, as the flow counts them (``review.store.decisions.included``)."""
    return included(conn)


def _provenance(conn: Connection, work_ids: Iterable[int], protocol: Protocol | None) -> dict[int, dict]:
    """Per work: sources and families that found it, record count, and first non-empty page details."""
    r, links, w = schema.raw_records, schema.work_links, schema.works
    rows = conn.execute(
        select(
            links.c.work_id,
            r.c.source,
            r.c.family,
            r.c.volume,
            r.c.issue,
            r.c.pages,
            r.c.synthetic,
            w.c.synthetic.label("work_synthetic"),
        )
        .join(r, r.c.id == links.c.raw_id)
        .join(w, w.c.id == links.c.work_id)
        .where(links.c.work_id.in_(list(work_ids)))
        .order_by(links.c.work_id, r.c.id)
    )
    info: dict[int, dict] = defaultdict(lambda: {"sources": [], "families": [], "n": 0})
    for work_id, source, family, volume, issue, pages, synthetic, work_synthetic in rows:
        entry = info[work_id]
        entry["n"] += 1
        if source not in entry["sources"]:
            entry["sources"].append(source)
        if family and family not in entry["families"]:
            entry["families"].append(family)
        if synthetic and not work_synthetic:
            continue  # a stand-in's made-up pages never describe a real work (see review.dedup.best)
        for key, value in (("volume", volume), ("issue", issue), ("pages", pages)):
            if value and not entry.get(key):
                entry[key] = value
    source_rank = {"oria": 0, "scholar": 1}
    for entry in info.values():
        entry["sources"].sort(key=lambda s: (source_rank.get(s, 9), s))
        if protocol is not None:
            entry["families"].sort(key=protocol.family_rank)
    return info


def collect_included(
    conn: Connection, protocol: Protocol | None = None, round_id: int | None = None
) -> list[IncludedWork]:
    """Included works; with ``round_id`` only those first found in that round."""
    ids = included_work_ids(conn)
    if round_id is not None and ids:
        w = schema.works
        ids = list(conn.execute(select(w.c.id).where(w.c.id.in_(ids), w.c.round_id == round_id)).scalars())
    if not ids:
        return []
    w = schema.works
    summaries = latest_summaries(conn, ids)
    provenance = _provenance(conn, ids, protocol)
    out = []
    for row in conn.execute(select(w).where(w.c.id.in_(ids)).order_by(w.c.id)).mappings():
        summary = summaries.get(row["id"], {})
        prov = provenance.get(row["id"], {})
        out.append(
            IncludedWork(
                work_id=row["id"],
                title=row["title"],
                authors=_authors(row["authors"]),
                authors_truncated=bool(row["authors_truncated"]),
                year=row["year"],
                venue=row["venue"],
                publisher=row["publisher"],
                doi=row["doi"],
                url=row["url"],
                doc_type=row["doc_type"],
                language=row["language"],
                peer_reviewed=row["peer_reviewed"],
                abstract=row["abstract"],
                volume=prov.get("volume"),
                issue=prov.get("issue"),
                pages=prov.get("pages"),
                isbns=_json_list(row["isbns"]),
                issns=_json_list(row["issns"]),
                family=row["family"],
                appendix_group=summary.get("appendix_group") or None,
                aim=summary.get("aim", ""),
                method=summary.get("method", ""),
                findings=summary.get("findings", ""),
                sources=list(prov.get("sources", [])),
                families=list(prov.get("families", [])),
                synthetic=bool(row["synthetic"]),
            )
        )
    return out


def collect_screening_works(conn: Connection, protocol: Protocol | None = None) -> list[ScreeningWork]:
    """Every live work (not merged away, with a record) and its latest final decision per stage."""
    w = schema.works
    ids = live_work_ids(conn)
    rows = list(conn.execute(select(w).where(w.c.id.in_(ids)).order_by(w.c.id)).mappings())
    provenance = _provenance(conn, ids, protocol)
    finals = {stage: latest_final_decisions(conn, stage) for stage in schema.STAGES}
    labelled = {stage: people_labels(conn, stage) for stage in schema.STAGES}
    out = []
    for row in rows:
        prov = provenance.get(row["id"], {})
        out.append(
            ScreeningWork(
                work_id=row["id"],
                title=row["title"],
                abstract=row["abstract"],
                authors=_authors(row["authors"]),
                year=row["year"],
                venue=row["venue"],
                publisher=row["publisher"],
                doc_type=row["doc_type"],
                language=row["language"],
                doi=row["doi"],
                url=row["url"],
                peer_reviewed=row["peer_reviewed"],
                family=row["family"],
                n_records=prov.get("n", 0),
                sources=list(prov.get("sources", [])),
                families=list(prov.get("families", [])),
                final={stage: finals[stage][row["id"]] for stage in schema.STAGES if row["id"] in finals[stage]},
                labels={stage: labelled[stage][row["id"]] for stage in schema.STAGES if row["id"] in labelled[stage]},
                synthetic=bool(row["synthetic"]),
            )
        )
    return out


def collect_raw(conn: Connection) -> list[RawRow]:
    r, i, links = schema.raw_records, schema.imports, schema.work_links
    query = (
        select(
            r.c.id,
            i.c.file_name,
            r.c.position,
            links.c.work_id,
            r.c.source,
            r.c.family,
            r.c.year,
            r.c.title,
            r.c.doi,
            r.c.synthetic,
        )
        .join(i, i.c.id == r.c.import_id)
        .outerjoin(links, links.c.raw_id == r.c.id)
        .order_by(r.c.import_id, r.c.position)
    )
    return [
        RawRow(raw_id, file_name, position, work_id, source, family, year, title, doi, synthetic=bool(synthetic))
        for raw_id, file_name, position, work_id, source, family, year, title, doi, synthetic in conn.execute(query)
    ]


def collect_decisions(
    conn: Connection, protocol: Protocol, viewer: str | None = None, *, full: bool = False
) -> list[DecisionRow]:
    """The decision log as ``viewer`` may see it (blinding in dual screening; see screening.blinding);
    ``full``: every row, for the lead (refused in screening.blinding for anyone else)."""
    found = full_decision_rows(conn, viewer, protocol) if full else visible_decision_rows(conn, protocol, viewer)
    rows = sorted(found, key=lambda r: (r["created_at"], r["id"]))
    stand_ins = set(conn.execute(select(schema.works.c.id).where(schema.works.c.synthetic.is_(True))).scalars())
    return [
        DecisionRow(
            work_id=r["work_id"],
            stage=r["stage"],
            decision=r["decision"],
            reasons=_json_list(r["reasons"]),
            note=r["note"],
            reviewer=r["reviewer"],
            final=bool(r["final"]),
            automatic=bool(r["automatic"]),
            created_at=r["created_at"],
            basis=r["basis"],
            synthetic=r["work_id"] in stand_ins,
        )
        for r in rows
    ]


def _protocol_filters(protocol: Protocol, family_id: str | None) -> dict:
    filters: dict = {"years": [protocol.year_from, protocol.year_to]}
    if family_id is None:
        return filters
    try:
        family = protocol.family(family_id)
    except ProtocolError:  # an import under a family the protocol no longer declares
        return filters
    if family.years:
        filters["years"] = list(family.years)
    if family.peer_reviewed_only:
        filters["peer_reviewed_only"] = True
    if family.exclude_doc_types:
        filters["exclude_doc_types"] = list(family.exclude_doc_types)
    return filters


def format_filters(filters: dict) -> str:
    """A stable one-line rendering: ``key=value; key=value`` in key order."""
    parts = []
    for key in sorted(filters):
        value = filters[key]
        if isinstance(value, list):
            value = "-".join(str(v) for v in value) if key == "years" else ", ".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = "yes" if value else "no"
        parts.append(f"{key}={value}")
    return "; ".join(parts)


def collect_search_log(conn: Connection, protocol: Protocol, round_id: int | None = None) -> list[SearchLogEntry]:
    """Every search as run (its search record), then every family/source pair the protocol plans that
    no search covers. Nothing recorded is filled in from the protocol: a planned row is marked planned.

    With ``round_id``, only that round's searches (an update's own search log)."""
    i = schema.imports
    labels = {f.id: f.label for f in protocol.families}
    details: dict[int, tuple[list[str], int]] = {}
    for search_id, fmt, problems in conn.execute(
        select(i.c.search_id, i.c.format, i.c.n_problems).where(i.c.search_id.is_not(None)).order_by(i.c.id)
    ):
        formats, total = details.get(search_id, ([], 0))
        details[search_id] = (formats + [fmt] if fmt not in formats else formats, total + problems)
    entries: list[SearchLogEntry] = []
    seen: set[tuple[str | None, str]] = set()
    for search in list_searches(conn, round_id):
        seen.add((search.family, search.source))
        formats, problems = details.get(search.id, ([], 0))
        entries.append(
            SearchLogEntry(
                family=search.family,
                family_label=labels.get(search.family or "", search.family or ""),
                source=search.source,
                search=search,
                planned_filters=format_filters(_protocol_filters(protocol, search.family)),
                formats=formats,
                problems=problems,
            )
        )
    for family in protocol.families:
        for source in family.sources:
            if (family.id, source) not in seen:
                entries.append(
                    SearchLogEntry(
                        family=family.id,
                        family_label=family.label,
                        source=source,
                        planned_query=family.query(),
                        planned_filters=format_filters(_protocol_filters(protocol, family.id)),
                    )
                )
    rank = {f.id: n for n, f in enumerate(protocol.families)}
    entries.sort(
        key=lambda e: (
            e.search.round_id if e.search else 10**9,
            rank.get(e.family or "", len(rank)),
            e.source,
            (e.search.searched or "9999") if e.search else "9999",
            e.search.id if e.search else 0,
        )
    )
    return entries


DEDUP_METHOD = {
    "en": (
        "Duplicates were removed with nordic-review {version} ('review dedup'): records sharing an identifier "
        "(DOI, Oria/Primo record id, Google Scholar cluster id) were joined first, then records whose title, "
        "first author and year agreed; pairs the rules could not decide were shown to a person. Records found "
        "again in a later round were joined to the works already screened, so earlier decisions stand.",
        " Records joined to another record's work, by rule: {rules}.",
        " Pairs decided by a person: {n}.",
    ),
    "no": (
        "Duplikater ble fjernet med nordic-review {version} ('review dedup'): poster med samme identifikator "
        "(DOI, post-id i Oria/Primo, klynge-id i Google Scholar) ble slått sammen først, deretter poster med "
        "samme tittel, førsteforfatter og år; par som reglene ikke kunne avgjøre, ble vurdert av en person. "
        "Poster som ble funnet igjen i en senere runde, ble knyttet til verkene som allerede var vurdert, så "
        "tidligere beslutninger står.",
        " Poster knyttet til en annen posts verk, etter regel: {rules}.",
        " Par avgjort av en person: {n}.",
    ),
}


def dedup_method(conn: Connection, language: str = "en") -> str:
    """The deduplication method in words, with the counts of what each step did (PRISMA-S item 16)."""
    from review import __version__

    links = schema.work_links
    rules: dict[str, int] = dict(
        conn.execute(select(links.c.rule, func.count()).where(links.c.rule != "first").group_by(links.c.rule)).all()
    )
    verdicts = count_standing_verdicts(conn)  # a verdict a person undid decided nothing
    method, by_rule, by_person = DEDUP_METHOD.get(language, DEDUP_METHOD["en"])
    text = method.format(version=__version__)
    if rules:
        text += by_rule.format(rules=", ".join(f"{rule} {n}" for rule, n in sorted(rules.items())))
    return text + by_person.format(n=verdicts)
