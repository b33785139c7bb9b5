"""CSV files a person writes for the tool (decisions, quality ratings, pair verdicts): UTF-8 text with a
header row. Read here once so every such file is refused the same way, with the file and line named."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from review.errors import InputError


def read_csv_rows(
    path: Path,
    required: Iterable[str],
    alternatives: Iterable[str] | None = None,
    *,
    columns: Iterable[str] | None = None,
) -> list[tuple[int, dict[str, str]]]:
    """Rows as (line number, {lower-case column: stripped text}).

    ``required`` columns must all be there, at least one of ``alternatives`` (e.g. work_id or record);
    ``columns`` is what the error message offers as the expected header (default: those two)."""
    required, alternatives = list(required), list(alternatives or [])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "is not UTF-8 text", expected="a CSV file saved as UTF-8") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = {(h or "").strip().lower() for h in reader.fieldnames or []}
    missing = [c for c in required if c not in header]
    if alternatives and not header & set(alternatives):
        missing.append(" or ".join(sorted(alternatives)))
    if missing:
        offered = list(columns) if columns is not None else required + sorted(alternatives)
        raise InputError(
            path.name, f"missing column(s) {', '.join(missing)}", line=1, expected="a header with " + ", ".join(offered)
        )
    return [
        (number, {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if not isinstance(v, list)})
        for number, row in enumerate(reader, start=2)
    ]
