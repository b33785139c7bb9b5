"""review init DIR"""

from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "init",
        help="create a review directory with a starter protocol",
        description="Create a review directory with a starter protocol modelled on the "
        "bundled review: families no, sv, da, en; three stages; exclusion "
        "reasons; six quality criteria. Edit review.toml and queries/ after.",
    )
    p.add_argument("dir", type=Path, help="the new review directory")
    p.set_defaults(handler=run)


def run(args) -> int:
    from review.bundled import write_starter_protocol
    from review.store import open_store

    written = write_starter_protocol(args.dir)
    open_store(args.dir).close()
    print(f"Created review in {args.dir}:")
    for path in written:
        print(f"  {path.relative_to(args.dir)}")
    print("Edit review.toml and queries/*.toml, then: review import DIR FILE --family ID")
    return 0
