"""Uploaded export files are kept under ``exports/uploads/`` of the review, so an import can always be
traced to the exact bytes that were read."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from review.errors import ReviewError
from review.ingest import content_hash
from screening.attachments import safe_file_name

UPLOAD_DIR = Path("exports") / "uploads"


def save_uploads(review_dir: Path, files: Iterable[tuple[str, bytes]]) -> list[Path]:
    """Write each (name, bytes) once; the same content under the same name is reused, a different
    content under a taken name gets a numbered name. Returns the paths in the given order."""
    folder = Path(review_dir) / UPLOAD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files:
        if not data:
            raise ReviewError(f"{name}: the uploaded file is empty")
        target = folder / safe_file_name(name)
        stem, suffix, n = target.stem, target.suffix, 1
        while target.exists() and content_hash(target.read_bytes()) != content_hash(data):
            n += 1
            target = folder / f"{stem}-{n}{suffix}"
        if not target.exists():
            target.write_bytes(data)
        paths.append(target)
    return paths
