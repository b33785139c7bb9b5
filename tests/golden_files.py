"""Golden-file comparison shared by the export tests: exact text, regenerated on request."""

import os
from pathlib import Path

GOLDEN_ROOT = Path(__file__).parent / "golden"
UPDATE_GOLDEN = os.environ.get("REVIEW_UPDATE_GOLDEN") == "1"


def check_golden_file(path: Path, text: str) -> None:
    """Compare ``text`` with ``path`` exactly; REVIEW_UPDATE_GOLDEN=1 rewrites the file instead."""
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"no golden file {path.name}; run with REVIEW_UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.name} differs from its golden file (REVIEW_UPDATE_GOLDEN=1 to accept)"
    )
