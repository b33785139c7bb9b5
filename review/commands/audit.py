"""review audit DIR [--csv FILE]: who did what and when (the append-only events table)."""

from __future__ import annotations

from pathlib import Path

from review.vocabulary import EVENT_ACTIONS as ACTIONS


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "audit",
        help="show or export the audit trail (sign-ins, imports, decisions, …)",
        description="Print the audit trail, oldest first, or write it to a CSV file.",
    )
    p.add_argument("dir", type=Path, help="review directory")
    p.add_argument("--csv", type=Path, metavar="FILE", help="write every event to this CSV file")
    p.add_argument("--action", choices=ACTIONS, help="only this kind of event")
    p.add_argument("--last", type=int, metavar="N", help="only the newest N events (printing only)")
    p.set_defaults(handler=run)


def run(args) -> int:
    from review.auth.audit import events  # the core loads only when a command runs: --help stays fast
    from review.reports.audit_log import write_events_csv
    from review.store import open_store

    store = open_store(args.dir)
    try:
        if args.csv:
            n = write_events_csv(store, args.csv, action=args.action)
            print(f"wrote {n} event(s) to {args.csv}")
            return 0
        with store.read() as conn:
            rows = events(conn, action=args.action, limit=args.last)
    finally:
        store.close()
    for row in rows:
        flag = "" if row["ok"] else "  [refused]"
        print(f"{row['at'][:19]}  {row['actor']}  {row['action']}  {row['target'] or ''}  {row['detail'] or ''}{flag}")
    if not rows:
        print("no events yet")
    return 0
