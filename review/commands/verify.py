"""review verify DIR"""

import sys
from pathlib import Path

from review.errors import ReviewError


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "verify",
        help="check the store: integrity, schema, append-only triggers, the history's hash chain",
        description="Check the review store without changing it: SQLite's integrity check and foreign keys, "
        "the schema version, the append-only triggers of every history table, and that every "
        "decision, rating, summary and pair verdict still matches its hash chain. Prints the head "
        "hash of each chain (note it down to detect a rebuilt history later). Exit code 1 when "
        "anything is wrong.",
    )
    p.add_argument("dir", type=Path, help="review directory")
    p.set_defaults(handler=run)


def run(args) -> int:
    if not (args.dir / "review.toml").is_file():
        raise ReviewError(f"{args.dir} is not a review directory (no review.toml)")
    from review.store.db import store_url  # imported here: `review --help` starts without SQLAlchemy
    from review.store.verify import verify

    report = verify(store_url(args.dir))
    print("\n".join(report.lines()))
    if report.problems:
        print(
            f"Error: the review store failed verification ({report.problems} problem(s) listed above)", file=sys.stderr
        )
        return 1
    return 0
