"""review backup DIR FILE / review restore DIR FILE: a consistent copy of a SQLite store, and back."""

from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "backup",
        help="copy the review's store to FILE while the app may be running",
        description="Write a consistent copy of the SQLite store (SQLite's online backup). "
        "A PostgreSQL store is backed up with pg_dump.",
    )
    p.add_argument("dir", type=Path, help="review directory")
    p.add_argument("file", type=Path, help="the backup file to create (must not exist)")
    p.set_defaults(handler=_backup)
    r = subparsers.add_parser(
        "restore",
        help="put a backup made by 'review backup' in place of the store",
        description="Check FILE is an intact review store, keep the current store as "
        "review.sqlite.before-restore-TIME, and copy FILE in its place.",
    )
    r.add_argument("dir", type=Path, help="review directory")
    r.add_argument("file", type=Path, help="a backup file")
    r.set_defaults(handler=_restore)


def _backup(args) -> int:
    from review.backup import backup  # the store loads only when a command runs: --help stays fast

    target = backup(args.dir, args.file)
    print(f"Backup written to {target} ({target.stat().st_size:,} bytes)")
    return 0


def _restore(args) -> int:
    from review.backup import restore

    kept = restore(args.dir, args.file)
    print(f"restored {args.file} into {args.dir}" + (f"; the previous store is kept as {kept.name}" if kept else ""))
    return 0
