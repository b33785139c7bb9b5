"""Full texts for stage 2: a web link or a file kept in the review directory, per work."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Connection, select

from review.auth.roles import require
from review.errors import ReviewError
from review.messages import Message
from review.store import Store, schema
from review.store.db import inserted_id
from review.timeutil import now_iso

ATTACHMENT_DIR = "attachments"
MAX_FILE_BYTES = 100 * 1024 * 1024


def attachments_for(conn: Connection, work_id: int) -> list[dict]:
    a = schema.attachments
    return [row._asdict() for row in conn.execute(select(a).where(a.c.work_id == work_id).order_by(a.c.id))]


def _check_work(conn: Connection, work_id: int) -> None:
    if conn.execute(select(schema.works.c.id).where(schema.works.c.id == work_id)).first() is None:
        raise ReviewError(Message("no work with id {work_id}", work_id=work_id))


def add_link(store: Store, work_id: int, url: str, added_by: str) -> int:
    url = (url or "").strip()
    if not re.match(r"(?i)^https?://\S+$", url):
        raise ReviewError(Message("'{url}' is not a web link (it must start with http:// or https://)", url=url))

    def work(conn: Connection) -> int:
        _check_work(conn, work_id)
        require(conn, None, added_by, "screen")
        return inserted_id(
            conn.execute(
                schema.attachments.insert().values(
                    work_id=work_id, kind="url", location=url, added_by=added_by, added_at=now_iso()
                )
            )
        )

    return store.transact(work)


def safe_file_name(name: str) -> str:
    """The last path part with anything but letters, digits, dot, dash and underscore replaced."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\-]+", "_", base).strip("._") or "file"
    return base[:120]


def add_file(store: Store, review_dir: Path, work_id: int, name: str, data: bytes, added_by: str) -> int:
    """Keep an uploaded full text under attachments/<work id>/ and link it to the work."""
    if not data:
        raise ReviewError(Message("{name}: the file is empty", name=name))
    if len(data) > MAX_FILE_BYTES:
        raise ReviewError(
            Message(
                "{name}: larger than {MAX_FILE_BYTES} MB", name=name, MAX_FILE_BYTES=MAX_FILE_BYTES // (1024 * 1024)
            )
        )
    folder = Path(review_dir) / ATTACHMENT_DIR / str(int(work_id))
    target = folder / safe_file_name(name)
    stem, suffix, n = target.stem, target.suffix, 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}{suffix}"

    def work(conn: Connection) -> int:
        _check_work(conn, work_id)
        require(conn, None, added_by, "screen")
        folder.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        relative = target.relative_to(Path(review_dir)).as_posix()
        return inserted_id(
            conn.execute(
                schema.attachments.insert().values(
                    work_id=work_id, kind="file", location=relative, added_by=added_by, added_at=now_iso()
                )
            )
        )

    return store.transact(work)


def attachment_path(review_dir: Path, row: dict) -> Path | None:
    """The file of a file attachment, only when it lies inside the review's attachment folder."""
    if row["kind"] != "file":
        return None
    root = (Path(review_dir) / ATTACHMENT_DIR).resolve()
    path = (Path(review_dir) / row["location"]).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None
