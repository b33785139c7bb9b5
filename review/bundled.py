"""The bundled review's files (the Fafo review the repository ships): where they are, a copy of them
for `review example` and the app, and starter protocols modelled on them for `review init`.

Running a review's files end to end is ``review.pipeline``; reading its search manifest is
``review.manifest``."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from review.errors import ReviewError

PROTOCOL_PARTS = ("review.toml", "queries")
REVIEW_PARTS = PROTOCOL_PARTS + ("exports", "decisions")


PACKAGED_DIR = "bundled_data"  # where a wheel carries the bundled review (copied in by setup.py at build time)


def bundled_root() -> Path:
    """The bundled review: inside the installed package, or the checkout root in a source checkout."""
    package = Path(__file__).resolve().parent
    for root in (package / PACKAGED_DIR, package.parent):
        if (root / "review.toml").is_file() and (root / "queries").is_dir():
            return root
    raise ReviewError(
        f"the bundled review is missing from the installed package ({package / PACKAGED_DIR}); reinstall nordic-review"
    )


def _make_review_dir(target: Path) -> None:
    """Create ``target`` as a directory, or say in one line why it cannot be one."""
    if target.exists() and not target.is_dir():
        raise ReviewError(f"{target} is a file, not a directory; choose a new or empty directory")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a parent that is a file, a read-only folder, ...
        raise ReviewError(f"{target}: cannot create the review directory ({exc.strerror or exc})") from None


def write_starter_protocol(target: Path) -> list[Path]:
    """A new review directory with the bundled protocol as a starting point (no data)."""
    target = Path(target)
    if (target / "review.toml").exists():
        raise ReviewError(f"{target} already holds a review (review.toml exists); nothing changed")
    root = bundled_root()
    _make_review_dir(target)
    text = (root / "review.toml").read_text(encoding="utf-8")
    title = f"{target.resolve().name}: starter protocol modelled on the bundled Fafo review"
    text = re.sub(r'(?m)^title = ".*"$', f'title = "{title}"', text, count=1)
    (target / "review.toml").write_text(text, encoding="utf-8")
    shutil.copytree(root / "queries", target / "queries", dirs_exist_ok=True)
    (target / "exports").mkdir(exist_ok=True)
    return [target / "review.toml", *sorted((target / "queries").glob("*.toml"))]


def copy_bundled_review(target: Path) -> None:
    target = Path(target)
    if (target / "review.toml").exists():
        raise ReviewError(f"{target} already holds a review (review.toml exists); choose an empty directory")
    root = bundled_root()
    _make_review_dir(target)
    for part in REVIEW_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.is_file():
            shutil.copy2(source, target / part)
