"""Apply one decisions CSV to a review, as its own process, for the kill-during-import test.

Prints ``ready`` once the store is open, then ``applied <rows>`` after ``apply_decisions_csv``
has returned (the file is then committed, all of it).

    python bulk_session.py REVIEW_DIR FILE.csv
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository root

from review.protocol import load_protocol  # noqa: E402
from review.store import open_store  # noqa: E402
from screening.bulk import apply_decisions_csv  # noqa: E402


def main() -> int:
    review_dir, csv_path = Path(sys.argv[1]), Path(sys.argv[2])
    protocol = load_protocol(review_dir)
    store = open_store(review_dir)
    print("ready", flush=True)
    try:
        result = apply_decisions_csv(store, protocol, csv_path)
    finally:
        store.close()
    print(f"applied {result.rows}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
