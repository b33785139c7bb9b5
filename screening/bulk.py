"""Decisions, quality ratings and summaries in and out as files, so a team can move from a
spreadsheet, Rayyan or Covidence. A file is applied whole or not at all."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import tomllib
from sqlalchemy import Connection, select

from review.csv_rows import read_csv_rows
from review.errors import InputError, ReviewError
from review.protocol import Protocol
from review.store import Store, schema
from review.store.reviewers import ensure_reviewer
from review.store.works import surviving_work
from screening.decisions import Decision, Recorded, decide, record_in
from screening.quality import write_rating
from screening.summaries import write_summary

TRUE = {"true", "yes", "1", "y", "ja", "x"}
FALSE = {"false", "no", "0", "n", "nei", ""}
REASON_SEPARATOR = ";"


class UnknownRecordKey(ReviewError):
    """A file names a record the review does not hold."""


@dataclass
class BulkResult:
    rows: int = 0
    skipped: int = 0  # rows naming records not in the review (only when asked to skip them)
    new_reviewers: list[str] = field(default_factory=list)
    custom_reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def resolve_record_key(conn: Connection, key: str) -> int:
    """A work named through one of its raw records: a source record id, ``cluster:<id>`` or ``doi:<doi>``."""
    r, links = schema.raw_records, schema.work_links
    key = key.strip()
    if key.startswith("cluster:"):
        cond = r.c.cluster_id == key[len("cluster:") :]
    elif key.startswith("doi:"):
        cond = r.c.doi == key[len("doi:") :].lower()
    else:
        cond = r.c.source_id == key
    found = set(conn.execute(select(links.c.work_id).join(r, r.c.id == links.c.raw_id).where(cond)).scalars())
    if not found:
        raise UnknownRecordKey(f"no record with key '{key}' (has it been imported and deduplicated?)")
    # follow person-made merges to the surviving work
    resolved = {surviving_work(conn, w) for w in found}
    if len(resolved) > 1:
        raise ReviewError(f"record key '{key}' names several works ({sorted(resolved)}); use work_id")
    return resolved.pop()


def _work_id(conn: Connection, row: dict) -> int:
    if row.get("work_id"):
        try:
            return int(row["work_id"])
        except ValueError:
            raise ReviewError(f"work_id '{row['work_id']}' is not a number") from None
    if row.get("record"):
        return resolve_record_key(conn, row["record"])
    raise ReviewError("the row names no work (work_id or record)")


def _flag(value: str, column: str) -> bool:
    low = value.strip().lower()
    if low in TRUE:
        return True
    if low in FALSE:
        return False
    raise ReviewError(f"{column} must be true or false, not '{value}'")


def apply_decisions_csv(store: Store, protocol: Protocol, path: Path, *, skip_unknown: bool = False) -> BulkResult:
    return store.transact(decisions_csv_work(protocol, path, skip_unknown=skip_unknown))


def decisions_csv_work(protocol: Protocol, path: Path, *, skip_unknown: bool = False):
    """Columns work_id (or record), stage, decision, reason, reviewer, final; optional note.

    Rows are applied stage by stage so a file can carry a work through all three stages. Each row goes
    through ``decisions.decide`` exactly as a press on the screening page does: in a dual stage a row
    is a vote (final false, or no final column), two agreeing votes make the agreed decision, and only
    the lead's row may be final (the reconciliation). A reason outside the
    protocol's list is kept as a custom reason; an unknown reviewer is added.
    ``skip_unknown`` passes over rows naming records the review does not hold (a re-run of a bundled
    review with an export file left out) instead of refusing the file.
    """
    rows = read_csv_rows(
        Path(path),
        sorted({"stage", "decision", "reviewer"}),
        {"work_id", "record"},
        columns=sorted({"stage", "decision", "reviewer", "work_id", "record"}),
    )
    rows.sort(key=lambda item: item[1].get("stage", ""))

    def work(conn: Connection) -> BulkResult:
        result = BulkResult()
        known = set(conn.execute(select(schema.reviewers.c.name)).scalars())
        for line, row in rows:
            try:
                stage = int(row["stage"])
                reasons = [r for r in row.get("reason", "").split(REASON_SEPARATOR) if r.strip()]
                d = Decision(
                    work_id=_work_id(conn, row),
                    stage=stage,
                    decision=row["decision"].lower(),
                    reviewer=row["reviewer"],
                    reasons=reasons,
                    note=row.get("note") or None,
                    final=_flag(row.get("final", "true") or "true", "final"),
                    order_mode=row.get("order_mode") or None,
                )
                recorded = _apply_row(conn, protocol, d, final_given=bool(row.get("final")))
            except UnknownRecordKey:
                if not skip_unknown:
                    raise InputError(Path(path).name, f"no record with key '{row.get('record')}'", line=line) from None
                result.skipped += 1
                continue
            except ValueError:
                raise InputError(Path(path).name, f"stage '{row.get('stage')}' is not 1, 2 or 3", line=line) from None
            except ReviewError as exc:
                raise InputError(Path(path).name, str(exc), line=line) from None
            if d.reviewer not in known:
                known.add(d.reviewer)
                result.new_reviewers.append(d.reviewer)
            result.custom_reasons += recorded.custom_reasons
            result.warnings += [f"line {line}: {w}" for w in recorded.warnings]
            result.rows += 1
        return result

    return work


def _apply_row(conn: Connection, protocol: Protocol, d: Decision, *, final_given: bool) -> Recorded:
    """One row, recorded as the screening page would record it.

    In a stage screened by two reviewers a person's row is a vote (consensus follows when the votes
    agree); a final decision there is the lead's reconciliation, never one reviewer's alone.
    """
    if protocol.stage(d.stage).mode != "dual":
        return decide(conn, protocol, d)
    if d.final and final_given:
        if not protocol.lead or d.reviewer.strip() != protocol.lead:
            lead = f"only the lead ({protocol.lead})" if protocol.lead else "only a lead ([team] lead in review.toml)"
            raise ReviewError(
                f"stage {d.stage} is screened by two reviewers: {d.reviewer}'s row is a vote "
                f"(final = false) and cannot be a final decision; {lead} records one"
            )
        return decide(conn, protocol, d)  # the lead's reconciliation (basis "reconciled")
    return record_in(conn, protocol, d)


def apply_quality_csv(store: Store, protocol: Protocol, path: Path, *, skip_unknown: bool = False) -> BulkResult:
    return store.transact(quality_csv_work(protocol, path, skip_unknown=skip_unknown))


def quality_csv_work(protocol: Protocol, path: Path, *, skip_unknown: bool = False):
    """Columns work_id (or record), reviewer, criterion, rating; optional note."""
    rows = read_csv_rows(
        Path(path),
        sorted({"reviewer", "criterion", "rating"}),
        {"work_id", "record"},
        columns=sorted({"reviewer", "criterion", "rating", "work_id", "record"}),
    )
    known_criteria = {c.id for c in protocol.quality_criteria}

    def work(conn: Connection) -> BulkResult:
        result = BulkResult()
        for line, row in rows:
            try:
                if ensure_reviewer(conn, row["reviewer"]):
                    result.new_reviewers.append(row["reviewer"])
                write_rating(
                    conn,
                    known_criteria,
                    _work_id(conn, row),
                    row["reviewer"],
                    row["criterion"],
                    row["rating"].lower(),
                    row.get("note"),
                )
            except UnknownRecordKey as exc:
                if not skip_unknown:
                    raise InputError(Path(path).name, str(exc), line=line) from None
                result.skipped += 1
                continue
            except ReviewError as exc:
                raise InputError(Path(path).name, str(exc), line=line) from None
            result.rows += 1
        return result

    return work


def apply_summaries_toml(
    store: Store, protocol: Protocol, path: Path, author: str = "import", *, skip_unknown: bool = False
) -> BulkResult:
    return store.transact(summaries_toml_work(protocol, path, author, skip_unknown=skip_unknown))


def summaries_toml_work(protocol: Protocol, path: Path, author: str = "import", *, skip_unknown: bool = False):
    """``[[summary]]`` tables with work_id or record, group, aim, method, findings."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(path.name, f"not a readable TOML file ({exc})") from None
    entries = data.get("summary", [])

    def work(conn: Connection) -> BulkResult:
        result = BulkResult()
        for number, entry in enumerate(entries, start=1):
            try:
                work_id = _work_id(conn, {k: str(v) for k, v in entry.items()})
                write_summary(
                    conn,
                    protocol,
                    work_id,
                    aim=entry.get("aim", ""),
                    method=entry.get("method", ""),
                    findings=entry.get("findings", ""),
                    group=entry.get("group"),
                    author=entry.get("author", author),
                )
            except UnknownRecordKey as exc:
                if not skip_unknown:
                    raise InputError(path.name, str(exc), record=number) from None
                result.skipped += 1
                continue
            except ReviewError as exc:
                raise InputError(path.name, str(exc), record=number) from None
            result.rows += 1
        return result

    return work


def apply_files(
    store: Store,
    protocol: Protocol,
    *,
    decisions: Path | None = None,
    quality: Path | None = None,
    summaries: Path | None = None,
) -> dict[str, BulkResult]:
    """Several files in one transaction: decisions and the ratings or summaries that go with them are
    stored together or not at all (as the page stores a decision with its form). Ratings and
    summaries go first, so a stage-2 include is checked against the ratings given beside it."""
    steps = [
        (kind, make(protocol, path))
        for kind, make, path in (
            ("quality", quality_csv_work, quality),
            ("summaries", summaries_toml_work, summaries),
            ("decisions", decisions_csv_work, decisions),
        )
        if path is not None
    ]

    def work(conn: Connection) -> dict[str, BulkResult]:
        return {kind: step(conn) for kind, step in steps}

    return store.transact(work)
