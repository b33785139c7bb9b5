"""Pair verdicts recorded in a file (the bundled review's ``decisions/pairs.csv``): a person's word on
uncertain duplicate pairs, applied with the same ``resolve_pair`` as ``review dedup --merge/--distinct``.

A row names each raw record by its identity in the source file, not by a raw id that depends on the
import order: ``FILE#ID`` with the record's source id (Oria ``ID``, a Scholar result id), ``FILE#cluster:N``
(a Scholar cluster id) or, for a row with neither, ``FILE#row:N`` (its position). FILE is the export
file's name; a path before it (``oria/no.ris``) is allowed and ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sqlalchemy import Connection, select

from review.csv_rows import read_csv_rows
from review.dedup.workflow import VERDICTS, resolve_pair
from review.errors import InputError, ReviewError
from review.protocol import Protocol
from review.store import Store, schema

COLUMNS = ("record_a", "record_b", "verdict", "reviewer", "note")


@dataclass
class VerdictResult:
    rows: int = 0
    skipped: int = 0  # rows naming records the review does not hold
    warnings: list[str] = field(default_factory=list)


def record_identity(file_name: str, source_id: str | None, cluster_id: str | None, position: int) -> str:
    """The key a verdict file uses for one raw record."""
    if source_id:
        return f"{file_name}#{source_id}"
    if cluster_id:
        return f"{file_name}#cluster:{cluster_id}"
    return f"{file_name}#row:{position}"


def _identities(conn: Connection) -> dict[str, list[int]]:
    r, i = schema.raw_records, schema.imports
    found: dict[str, list[int]] = {}
    rows = conn.execute(
        select(r.c.id, i.c.file_name, r.c.source_id, r.c.cluster_id, r.c.position).join(i, i.c.id == r.c.import_id)
    )
    for raw_id, name, source_id, cluster_id, position in rows:
        found.setdefault(record_identity(name, source_id, cluster_id, position), []).append(raw_id)
    return found


def identity_of(conn: Connection, raw_id: int) -> str:
    r, i = schema.raw_records, schema.imports
    row = conn.execute(
        select(i.c.file_name, r.c.source_id, r.c.cluster_id, r.c.position)
        .join(i, i.c.id == r.c.import_id)
        .where(r.c.id == raw_id)
    ).one()
    return record_identity(*row)


def apply_pair_verdicts(store: Store, protocol: Protocol, path: Path, *, skip_unknown: bool = False) -> VerdictResult:
    """Record every verdict in ``path``; a malformed row stops the run before anything is recorded."""
    path = Path(path)
    rows = read_csv_rows(path, COLUMNS[:4], columns=COLUMNS)
    with store.read() as conn:
        known = _identities(conn)
    plan, result = [], VerdictResult()
    for line, row in rows:
        if row["verdict"] not in VERDICTS:
            raise InputError(
                path.name, f"verdict must be one of {', '.join(VERDICTS)}, not '{row['verdict']}'", line=line
            )
        ids: list[int | None] = []
        for column in ("record_a", "record_b"):
            name, _, key = row[column].partition("#")
            identity = f"{PurePosixPath(name).name}#{key}"
            matches = known.get(identity, [])
            if len(matches) > 1:
                raise InputError(path.name, f"{column} '{row[column]}' names {len(matches)} records", line=line)
            ids.append(matches[0] if matches else None)
        a, b = ids
        if a is None or b is None:
            if not skip_unknown:
                raise InputError(path.name, "names a record the review does not hold", line=line)
            result.skipped += 1
            continue
        plan.append((line, (a, b), row))
    for line, (a, b), row in plan:
        try:
            resolve_pair(store, a, b, row["verdict"], row["reviewer"], note=row.get("note") or None, protocol=protocol)
        except ReviewError as exc:
            raise InputError(path.name, str(exc), line=line) from None
        result.rows += 1
    return result
