"""Importing export files into the store: read every file first, then store all in one transaction,
so a bad file leaves the store exactly as it was."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import Connection, func, select

from review.auth import audit
from review.auth.roles import require
from review.errors import InputError, ReviewError
from review.interfaces import INTERFACES, NOT_RECORDED
from review.messages import Joined, Message, to_data
from review.model import SOURCES, ImportResult, Problem, RawRecord
from review.protocol import Protocol
from review.rounds import current_round
from review.searches import SearchFacts, record_search
from review.store import Store, schema
from review.store.db import inserted_id
from review.store.records import record_row
from review.synthetic import fields_say_synthetic
from review.timeutil import now_iso


@dataclass
class ImportSummary:
    file_name: str
    format: str = ""
    encoding: str = ""
    source: str = ""
    database: str | None = None
    family: str | None = None
    import_id: int | None = None
    records: int = 0
    problems: list[str] = field(default_factory=list)
    fatal: list[bool] = field(default_factory=list)  # per problem: the record was skipped
    repaired_mojibake: int = 0
    already_imported: int | None = None  # id of the earlier import of the same content

    def describe(self) -> str:
        if self.already_imported is not None:
            return Message(
                "{file}: already imported (import #{id}, same content); nothing added",
                file=self.file_name,
                id=self.already_imported,
            )
        text = (
            f"{self.file_name}: {self.records} records read as {self.format} ({self.encoding}), "
            f"source {self.source}"
            + (f" ({self.database})" if self.database else "")
            + f", family {self.family or '-'}"
        )
        if self.repaired_mojibake:
            text += f"; repaired {self.repaired_mojibake} double-encoded values"
        if self.problems:
            text += f"; {len(self.problems)} problem(s):" + "".join(f"\n  {line}" for line in self.problem_lines())
        return text

    def problem_lines(self) -> list[str]:
        """One line per problem naming the file, the record and the line: 'Warning: a.ris, record 3, line 20: …'."""
        lines: list[str] = []
        for text, fatal in zip(self.problems, self.fatal or [True] * len(self.problems), strict=False):
            placed = text.startswith(("record ", "line "))  # "a.ris, record 3: …", else "a.ris: …"
            name = self.file_name
            if fatal:
                line = (
                    Message("Skipped: {file}, {problem}", file=name, problem=text)
                    if placed
                    else Message("Skipped: {file}: {problem}", file=name, problem=text)
                )
            else:
                line = (
                    Message("Warning: {file}, {problem}", file=name, problem=text)
                    if placed
                    else Message("Warning: {file}: {problem}", file=name, problem=text)
                )
            lines.append(line)
        return lines


@dataclass
class SearchInfo:
    """What the user says about a search: where it ran, for which family, with which query, when.

    Files imported with equal descriptions are one search (say, the pages of one Scholar search);
    the search record (review/searches.py) keeps what is said here and nothing guessed: no query
    given means the query is not recorded."""

    source: str = "auto"
    family: str | None = None
    query: str | None = None  # exactly as run; None: not recorded (never the protocol's string)
    searched: str | None = None
    filters: str | None = None  # filters and limits, as the person states them
    hits: int | None = None  # the hit count the source reported
    database: str | None = None  # e.g. Oria, Google Scholar, PubMed (default: from the interface)
    interface: str | None = None  # a key of review.interfaces.INTERFACES (default: from the file)
    settings: dict = field(default_factory=dict)  # the interface's settings, e.g. {"view": ..., "expanded": "yes"}
    run_by: str | None = None  # who ran the search
    method: str = "export"  # "export" (a person exported the file) or "live API"
    query_origin: str | None = None  # None: "as run" when a query is given
    reuses: int | None = None  # the earlier search whose string was re-run
    notes: str | None = None
    peer_reviewed_only: bool = False  # the search was limited to peer-reviewed work (from the family)

    def facts(self, source: str) -> SearchFacts:
        origin = self.query_origin or ("as run" if self.query else NOT_RECORDED)
        return SearchFacts(
            source=source,
            family=self.family,
            database=self.database,
            interface=self.interface,
            settings=dict(self.settings),
            query=self.query,
            query_origin=origin,
            searched=self.searched,
            filters=self.filters,
            hits=self.hits,
            run_by=self.run_by,
            method=self.method,
            reuses=self.reuses,
            notes=self.notes,
        )

    def key(self) -> str:
        """Files whose descriptions are equal belong to one search."""
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _validate(protocol: Protocol, info: SearchInfo) -> SearchInfo:
    if info.source not in SOURCES + ("auto",):
        raise ReviewError(f"unknown source '{info.source}'; use one of: auto, " + ", ".join(SOURCES))
    if info.family is not None:
        family = protocol.family(info.family)  # raises, listing the declared families
        info.peer_reviewed_only = family.peer_reviewed_only
    if info.query is not None and not info.query.strip():
        info.query = None
    if info.hits is not None and info.hits < 0:
        raise ReviewError(Message("--hits must not be negative, not {hits}", hits=info.hits))
    if info.interface is not None and info.interface not in INTERFACES:
        raise ReviewError(
            Message(
                "unknown interface '{interface}'; choose one of: {items}",
                interface=info.interface,
                items=", ".join(INTERFACES),
            )
        )
    if info.searched is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", info.searched):
        raise ReviewError(Message("search date '{searched}' is not YYYY-MM-DD", searched=info.searched))
    return info


# The databases whose records the dedup rules treat as a source of their own (review.vocabulary.SOURCES).
_SOURCE_OF_DATABASE = {"oria": "oria", "google scholar": "scholar"}


def declared_source(info: SearchInfo) -> str:
    """The source the person named: ``--source``, else the database of the search they describe (``--database``,
    or the interface's, Publish or Perish's ``source`` setting included); "auto" when they named none, and
    the file's reader guesses. A Scholar search exported as BibTeX whose keys were renamed looks like any
    reference manager's file, yet its @book is Scholar's guess, which the dedup rules must not trust."""
    if info.source != "auto":
        return info.source
    database = info.database
    if database is None and info.interface is not None:
        database = info.settings.get("source") if info.interface == "pop" else None
        database = database or INTERFACES[info.interface].database
    if database is None:
        return "auto"
    return _SOURCE_OF_DATABASE.get(database.strip().casefold(), "other")


def _read(path: Path, info: SearchInfo) -> ImportResult:
    from review.importers import read_file  # the registry; imported late to keep start-up light

    result = read_file(path, source=declared_source(info))
    if not result.records:
        detail = Joined("; ", [str(p) for p in result.problems[:3]])
        raise InputError(
            path.name,
            Message("no record could be read: {problems}", problems=detail)
            if detail
            else Message("no record could be read"),
            expected=Message("at least one bibliographic record"),
        )
    return result


def _stored_problem(problem: Problem) -> dict:
    """A problem as the import keeps it: its fields (the English message among them) and, where the
    message is translatable, its template and parameters (``message_data``) so the app can show it in
    the reader's language later."""
    kept = asdict(problem)
    data = to_data(problem.message)
    if isinstance(data, dict):
        kept["message_data"] = data
    return kept


def import_files(
    store: Store,
    protocol: Protocol,
    paths: Sequence[Path],
    info: SearchInfo,
    *,
    round_id: int | None = None,
    actor: str | None = None,
) -> list[ImportSummary]:
    """Import files that share one search description (source, family, query, date)."""
    return import_batch(store, protocol, [(Path(p), info) for p in paths], round_id=round_id, actor=actor)


def import_batch(
    store: Store,
    protocol: Protocol,
    items: Sequence[tuple[Path, SearchInfo]],
    *,
    round_id: int | None = None,
    actor: str | None = None,
) -> list[ImportSummary]:
    """Read every file first, then store them all in one transaction: one unreadable file leaves the
    store unchanged. Content imported before (same hash) is reported, not stored twice."""
    from review.importers.limits import read_bytes  # late, like the registry in ``_read``

    items = [(Path(path), _validate(protocol, info)) for path, info in items]
    prepared: list[tuple[Path, str, SearchInfo, ImportResult | None]] = []
    with store.read() as conn:
        known = dict(conn.execute(select(schema.imports.c.file_hash, schema.imports.c.id)).all())
    seen: set[str] = set()
    for path, info in items:
        digest = content_hash(read_bytes(path))  # a regular file within the size limit, or an InputError
        if digest in known or digest in seen:
            prepared.append((path, digest, info, None))
            continue
        seen.add(digest)
        prepared.append((path, digest, info, _read(path, info)))

    def store_all(conn: Connection) -> list[ImportSummary]:
        require(conn, protocol, actor, "import")  # the web app names its signed-in person; the CLI None
        rid = round_id if round_id is not None else current_round(conn, protocol)
        summaries = []
        searches: dict[str, int] = {}  # one search per distinct description
        for path, digest, info, result in prepared:
            if result is None:
                summaries.append(ImportSummary(file_name=path.name, already_imported=known.get(digest)))
                continue
            summary = store_result(conn, result, digest, info, rid, searches=searches)
            audit.log_event(
                conn,
                actor,
                "import",
                path.name,
                {
                    "import_id": summary.import_id,
                    "records": summary.records,
                    "sha256": digest,
                    "source": summary.source,
                    "family": summary.family,
                },
            )
            summaries.append(summary)
        return summaries

    return store.transact(store_all)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _record_row(import_id: int, rec: RawRecord, info: SearchInfo) -> dict:
    # A search filtered to peer-reviewed work vouches for what it found, unless the record says otherwise.
    peer = rec.peer_reviewed if rec.peer_reviewed is not None else (True if info.peer_reviewed_only else None)
    return record_row(
        import_id,
        rec,
        family=info.family,
        query=info.query,
        searched=info.searched,
        peer_reviewed=peer,
        synthetic=rec.synthetic or fields_say_synthetic(rec.fields),
    )


def store_result(
    conn: Connection,
    result: ImportResult,
    digest: str,
    info: SearchInfo,
    round_id: int,
    *,
    searches: dict[str, int] | None = None,
) -> ImportSummary:
    """Write one read file and its records inside the caller's transaction, with its search record
    (shared with the other files of ``searches`` that have the same description)."""
    source = result.source  # what the person declared (declared_source), else the reader's guess
    filters = {"text": info.filters} if info.filters else {}
    searches = {} if searches is None else searches
    key = info.key() + source
    if key not in searches:
        facts = info.facts(source)
        facts.database = facts.database or result.database  # the database the file names (RIS DB, ...)
        searches[key] = record_search(conn, round_id, facts, result.format)
    import_id = inserted_id(
        conn.execute(
            schema.imports.insert().values(
                round_id=round_id,
                file_name=result.file_name,
                file_hash=digest,
                format=result.format,
                source=source,
                family=info.family,
                query=info.query,
                searched=info.searched,
                filters=_json(filters) if filters else None,
                encoding=result.encoding,
                repaired_mojibake=result.repaired_mojibake,
                n_records=len(result.records),
                n_problems=len(result.problems),
                problems=_json([_stored_problem(p) for p in result.problems]),
                imported_at=now_iso(),
                database=result.database,
                search_id=searches[key],
            )
        )
    )
    rows = [_record_row(import_id, rec, info) for rec in result.records]
    if rows:
        conn.execute(schema.raw_records.insert(), rows)
    return ImportSummary(
        file_name=result.file_name,
        format=result.format,
        encoding=result.encoding,
        source=source,
        database=result.database,
        family=info.family,
        import_id=import_id,
        records=len(rows),
        problems=[str(p) for p in result.problems],
        fatal=[p.fatal for p in result.problems],
        repaired_mojibake=result.repaired_mojibake,
    )


def import_file(
    store: Store,
    protocol: Protocol,
    path: Path,
    *,
    source: str = "auto",
    family: str | None = None,
    query: str | None = None,
    searched: str | None = None,
    filters: str | None = None,
    hits: int | None = None,
    round_id: int | None = None,
    **facts,
) -> ImportSummary:
    """One file as one search; ``facts`` are further SearchInfo fields (database, interface, settings, ...)."""
    info = SearchInfo(source=source, family=family, query=query, searched=searched, filters=filters, hits=hits, **facts)
    return import_files(store, protocol, [Path(path)], info, round_id=round_id)[0]


def count_raw(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(schema.raw_records)).scalar_one()
