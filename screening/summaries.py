"""The three-part summary of an included work (topic and aim, method, findings) and its appendix group."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from review.auth import audit
from review.auth.roles import canonical_name, require
from review.errors import ReviewError
from review.messages import Message
from review.protocol import Protocol
from review.store import Store, schema
from review.store.db import inserted_id
from review.timeutil import now_iso


def write_summary(
    conn: Connection,
    protocol: Protocol,
    work_id: int,
    *,
    aim: str,
    method: str,
    findings: str,
    group: str | None,
    author: str,
) -> int:
    if group and protocol.appendix_groups and group not in protocol.appendix_groups:
        raise ReviewError(f"unknown appendix group '{group}'; the protocol has: " + "; ".join(protocol.appendix_groups))
    if conn.execute(select(schema.works.c.id).where(schema.works.c.id == work_id)).first() is None:
        raise ReviewError(Message("no work with id {work_id}", work_id=work_id))
    author = canonical_name(conn, author)
    require(conn, protocol, author, "screen")
    summary_id = inserted_id(
        conn.execute(
            schema.summaries.insert().values(
                work_id=work_id,
                aim=aim.strip(),
                method=method.strip(),
                findings=findings.strip(),
                appendix_group=group,
                author=author,
                created_at=now_iso(),
            )
        )
    )
    audit.log_event(conn, author, "summary", f"work {work_id}", {"id": summary_id})
    return summary_id


def save_summary(
    store: Store,
    protocol: Protocol,
    work_id: int,
    *,
    aim: str,
    method: str,
    findings: str,
    group: str | None,
    author: str,
) -> int:
    return store.transact(
        lambda conn: write_summary(
            conn, protocol, work_id, aim=aim, method=method, findings=findings, group=group, author=author
        )
    )


def latest_summaries(conn: Connection, work_ids: list[int] | None = None) -> dict[int, dict]:
    s = schema.summaries
    newest = select(func.max(s.c.id)).group_by(s.c.work_id)
    if work_ids is not None:
        newest = newest.where(s.c.work_id.in_(work_ids))
    return {row.work_id: row._asdict() for row in conn.execute(select(s).where(s.c.id.in_(newest.scalar_subquery())))}


@dataclass(frozen=True)
class SummaryText:
    """What the stage-3 summary form holds."""

    aim: str = ""
    method: str = ""
    findings: str = ""
    group: str | None = None

    def is_empty(self) -> bool:
        return not (self.aim.strip() or self.method.strip() or self.findings.strip() or self.group)

    def same_as(self, row: dict | None) -> bool:
        row = row or {}
        return (self.aim.strip(), self.method.strip(), self.findings.strip(), self.group or None) == (
            row.get("aim") or "",
            row.get("method") or "",
            row.get("findings") or "",
            row.get("appendix_group") or None,
        )


def write_summary_if_changed(
    conn: Connection, protocol: Protocol, work_id: int, text: SummaryText, author: str
) -> int | None:
    """A new version only when the form differs from the latest one (an empty form over no summary
    stores nothing): the summary is stored with every stage-3 decision."""
    latest = latest_summaries(conn, [work_id]).get(work_id)
    if text.same_as(latest) or (latest is None and text.is_empty()):
        return None
    return write_summary(
        conn,
        protocol,
        work_id,
        aim=text.aim,
        method=text.method,
        findings=text.findings,
        group=text.group,
        author=author,
    )
