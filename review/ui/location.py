"""Which review directory the app opens: ``--dir`` after ``--``, else ``REVIEW_DIR``, else a working
copy of the bundled review in the user's cache (the repository itself is never written to)."""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from review.errors import ReviewError
from review.messages import Message

ENV_DIR = "REVIEW_DIR"
ENV_CACHE = "NORDIC_REVIEW_CACHE"  # overrides ~/.cache/nordic-review (tests, shared machines)
BUNDLED_COPY = "bundled-review"


@dataclass
class Location:
    directory: Path
    origin: str  # "argument", "environment" or "bundled"
    created: bool = False  # the bundled working copy was made on this start


def parse_app_args(argv: Sequence[str]) -> Path | None:
    """The ``--dir`` after ``--`` in ``streamlit run app.py -- --dir DIR``; unknown options are ignored."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--dir", type=Path)
    known, _ = parser.parse_known_args(list(argv))
    return known.dir


def cache_root() -> Path:
    override = os.environ.get(ENV_CACHE)
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "nordic-review"


def bundled_working_copy(say: Callable[[str], None] = lambda _: None) -> Location:
    """The bundled review copied to the cache and run once (imports, dedup, recorded decisions).

    It is built in a scratch folder next to the target and renamed into place when complete, so an
    interrupted first start leaves nothing half-built behind."""
    from review.bundled import copy_bundled_review

    target = cache_root() / BUNDLED_COPY
    if (target / "review.toml").is_file():
        return Location(target, "bundled")
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
    try:
        copy_bundled_review(scratch / "review")
        try:
            # Loaded here, not at the top: the pipeline brings the deduplication and screening core,
            # which the app needs only when the bundled review is built.
            from review.pipeline import run_review

            run_review(scratch / "review", say=say)
        except ImportError as exc:
            raise ReviewError(
                Message(
                    "the bundled review cannot be built in this version ({name} is missing); open a review "
                    "directory with --dir instead",
                    name=exc.name,
                )
            ) from None
        (scratch / "review").rename(target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return Location(target, "bundled", created=True)


def resolve(
    argv: Sequence[str], environ: Mapping[str, str] | None = None, say: Callable[[str], None] = lambda _: None
) -> Location:
    environ = os.environ if environ is None else environ
    chosen = parse_app_args(argv)
    if chosen is not None:
        location = Location(chosen, "argument")
    elif environ.get(ENV_DIR):
        location = Location(Path(environ[ENV_DIR]), "environment")
    else:
        return bundled_working_copy(say)
    if not (location.directory / "review.toml").is_file():
        raise ReviewError(
            Message(
                "{directory} is not a review directory (no review.toml); create one with 'review init {directory}'",
                directory=location.directory,
            )
        )
    return location
