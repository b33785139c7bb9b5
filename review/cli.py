"""The `review` command: a thin shell over the core. Each subcommand lives in ``review.commands.*``
and calls core functions; user errors end as one ``Error: …`` line and exit code 1."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from review.errors import ReviewError

# Each module defines register(subparsers), which adds the commands named beside it; its handlers take
# the parsed args and return an exit code. Add a module here when its command exists. A command line
# that names one of these commands imports and registers only that command's module (importing all
# fifteen cost `review status` about 4 % of its start-up); tests/test_cli.py checks each module adds
# exactly the names listed.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "review.commands.init": ("init",),
    "review.commands.importing": ("import",),
    "review.commands.dedup": ("dedup",),
    "review.commands.status": ("status",),
    "review.commands.decide": ("decide",),
    "review.commands.example": ("example",),
    "review.commands.update": ("update",),
    "review.commands.search": ("search",),
    "review.commands.export": ("export",),
    "review.commands.app": ("app",),
    "review.commands.stop": ("stop",),
    "review.commands.verify": ("verify",),
    "review.commands.user": ("user",),
    "review.commands.audit": ("audit",),
    "review.commands.backup": ("backup", "restore"),
}
# Top-level options that take no value and print nothing, so the word after them can still name the command.
QUIET_OPTIONS = ("-v", "--verbose")


class UsageError(Exception):
    """A command line argparse could not read; shown as one ``Error:`` line, exit code 1."""


class ReviewArgumentParser(argparse.ArgumentParser):
    """argparse with the tool's conventions: options may come before or after positional arguments
    (each command is parsed "intermixed"), and a usage error is one ``Error:`` line with exit code 1,
    as for every other user error, instead of argparse's usage text and exit code 2."""

    _intermixed_running = False

    def parse_known_args(self, args=None, namespace=None):
        # A leaf parser (a command without subcommands) reads its arguments intermixed, so
        # `review update DIR --years 2023-2025 FILE` works as well as every option first.
        # parse_known_intermixed_args calls back into this method, hence the guard.
        if self._subparsers is None and not self._intermixed_running:
            self._intermixed_running = True
            try:
                return self.parse_known_intermixed_args(args, namespace)
            finally:
                self._intermixed_running = False
        return super().parse_known_args(args, namespace)

    def error(self, message: str):
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def package_version() -> str:
    """The installed distribution's version (the one pip reports), else the source tree's."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("nordic-review")
    except PackageNotFoundError:
        from review import __version__

        return __version__


class VersionAction(argparse.Action):
    """``--version``: the version is looked up only when asked for (importlib.metadata is slow to load)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(
            option_strings=option_strings, dest=dest, default=default, nargs=0, help=help or "show the version and exit"
        )

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"{parser.prog} {package_version()}")
        parser.exit()


def modules_for(argv: Sequence[str] | None) -> list[str]:
    """The command modules the parser needs for ``argv``: the one module that defines the command it
    names, or every module (``review --help``, a misspelt or missing command, ``-h`` before the command)."""
    words = list(argv or ())
    while words and words[0] in QUIET_OPTIONS:
        words.pop(0)
    if words:
        for module, commands in COMMAND_MODULES.items():
            if words[0] in commands:
                return [module]
    return list(COMMAND_MODULES)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv`` (see ``modules_for``); without ``argv``, with every command."""
    parser = ReviewArgumentParser(
        prog="review",
        description="Systematic literature reviews from Oria and Google Scholar exports: "
        "import, deduplicate, screen in three stages, report.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    parser.add_argument("--version", action=VersionAction)
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=ReviewArgumentParser
    )
    for name in modules_for(argv):
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    try:
        return int(args.handler(args) or 0)
    except ReviewError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        if type(exc).__module__.startswith("sqlalchemy"):  # a storage failure the store did not name itself
            from review.store.health import describe  # imported here: the CLI starts without SQLAlchemy

            print(f"Error: {describe(exc)}", file=sys.stderr)
            return 1
        if isinstance(exc, OSError):  # a full disk or a missing permission while writing a file
            where = f"{exc.filename}: " if exc.filename else ""
            print(f"Error: {where}{exc.strerror or exc}; nothing more was written", file=sys.stderr)
            return 1
        raise
    except KeyboardInterrupt:
        print("Error: interrupted; everything acknowledged before this is stored", file=sys.stderr)
        return 1
