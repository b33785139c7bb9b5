"""Uploaded export files are kept under ``exports/uploads/`` of the review, so an import can always be
traced to the exact bytes that were read. An upload that is not imported leaves no file behind."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from review.errors import ReviewError
from review.ingest import ImportSummary, content_hash
from review.messages import Message
from screening.attachments import safe_file_name

UPLOAD_DIR = Path("exports") / "uploads"
T = TypeVar("T")


def save_uploads(review_dir: Path, files: Iterable[tuple[str, bytes]]) -> list[Path]:
    """Write each (name, bytes) once; the same content under the same name is reused, a different
    content under a taken name gets a numbered name. Returns the paths in the given order."""
    return _save(review_dir, files, [])


def _save(review_dir: Path, files: Iterable[tuple[str, bytes]], written: list[Path]) -> list[Path]:
    folder = Path(review_dir) / UPLOAD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files:
        if not data:
            raise ReviewError(Message("{name}: the uploaded file is empty", name=name))
        target = folder / safe_file_name(name)
        stem, suffix, n = target.stem, target.suffix, 1
        while target.exists() and content_hash(target.read_bytes()) != content_hash(data):
            n += 1
            target = folder / f"{stem}-{n}{suffix}"
        if not target.exists():
            target.write_bytes(data)
            written.append(target)
        paths.append(target)
    return paths


def import_uploads(
    review_dir: Path, files: Sequence[tuple[str, bytes]], run: Callable[[list[Path]], list[ImportSummary]]
) -> list[ImportSummary]:
    """Save the uploads, ``run`` the import on their paths, and remove every file this call wrote
    when the import is refused (or when its content had been imported before: nothing was added)."""
    written: list[Path] = []
    try:
        paths = _save(review_dir, files, written)
        summaries = run(paths)
    except BaseException:
        _remove(written)
        raise
    _remove(
        [
            path
            for path, summary in zip(paths, summaries, strict=False)
            if summary.already_imported is not None and path in written
        ]
    )
    return summaries


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
