"""review backup DIR FILE"""

from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "backup", help="copy the review store to a file, safely while others use it",
        description="Write a consistent copy of the review's SQLite store to FILE using SQLite's online "
                    "backup, even while reviewers are screening; the copy is checked before it is kept. "
                    "To restore: stop every program using the review, delete review.sqlite-wal and "
                    "review.sqlite-shm, copy FILE to review.sqlite. A PostgreSQL store is backed up with "
                    "pg_dump (docs/reliability.md).")
    p.add_argument("dir", type=Path, help="review directory")
    p.add_argument("file", type=Path, help="the backup file to write (must not exist)")
    p.set_defaults(handler=run)


def run(args) -> int:
    from review.store import open_store  # imported here: `review --help` starts without SQLAlchemy
    from review.store.verify import backup

    store = open_store(args.dir)
    try:
        target = backup(store, args.file)
    finally:
        store.close()
    print(f"Backup written to {target} ({target.stat().st_size:,} bytes)")
    return 0
