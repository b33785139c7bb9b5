"""`review export DIR WHAT -o FILE`: write one export; the format comes from the file's suffix."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers) -> None:
    from review.reports.catalogue import EXPORT_FORMATS, ROUND_EXPORTS

    choices = ", ".join(
        f"{what} ({' '.join(sorted(s.lstrip('.') for s in suffixes))})" for what, suffixes in EXPORT_FORMATS.items()
    )
    parser = subparsers.add_parser(
        "export",
        help="write the flow diagram, tables, appendix, search log or hand-off files",
        description=f"Write one export of a review. WHAT and its formats: {choices}.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("directory", type=Path, metavar="DIR", help="the review directory")
    parser.add_argument("what", metavar="WHAT", help="what to export: " + ", ".join(EXPORT_FORMATS))
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="file to write; its suffix chooses the format"
    )
    parser.add_argument(
        "--round",
        type=int,
        metavar="N",
        dest="round_id",
        help=", ".join(ROUND_EXPORTS) + ": round N alone (an update); the "
        "diagram then shows the studies of earlier rounds in a 'Previous studies' column",
    )
    parser.add_argument(
        "--reviewer",
        metavar="NAME",
        help="decisions only: the log as this reviewer may see it (their own votes, others' only "
        "once a work's votes are all in); without it no blinded vote is exported",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="decisions only: the whole log, blinded votes included (the lead's view; the export "
        "is recorded in the audit trail)",
    )
    parser.set_defaults(handler=handle)


def handle(args) -> int:
    from review.protocol import load_protocol
    from review.reports.registry import ExportData, export, writer_for
    from review.store.db import open_store

    writer_for(args.what, args.output)  # a wrong WHAT or suffix fails before the store is opened
    protocol = load_protocol(args.directory)
    store = open_store(args.directory)
    try:
        data = ExportData(
            store, protocol, round_id=args.round_id, viewer=None if args.full else args.reviewer, full_log=args.full
        )
        path = export(data, args.what, args.output)
    finally:
        store.close()
    print(f"wrote {path}")
    return 0
