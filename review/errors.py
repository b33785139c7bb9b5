"""One error family. The CLI and the UI catch ``ReviewError`` once and show its message;
anything else is a bug and keeps its traceback. The message is a ``review.messages.Message`` where the
core built one: the CLI prints it as it is (English), the app translates it (``message_of``)."""

from __future__ import annotations

from review.messages import Message


class ReviewError(Exception):
    """A problem the user can act on; the message is meant to be shown as it is."""


class InputError(ReviewError):
    """A file could not be read as what it claims to be.

    The message always names the file and, where known, the line and record and what was expected.
    """

    def __init__(
        self,
        file: str,
        problem: str,
        *,
        line: int | None = None,
        record: int | None = None,
        expected: str | None = None,
    ):
        self.file, self.problem, self.line, self.record, self.expected = file, problem, line, record, expected
        where: str
        if line is not None and record is not None:
            where = Message("{file}, line {line}, record {record}", file=file, line=line, record=record)
        elif line is not None:
            where = Message("{file}, line {line}", file=file, line=line)
        elif record is not None:
            where = Message("{file}, record {record}", file=file, record=record)
        else:
            where = file
        message = Message("{where}: {problem}", where=where, problem=problem)
        if expected:
            message = Message("{message} (expected {expected})", message=message, expected=expected)
        super().__init__(message)


class UnknownFormatError(InputError):
    """No reader recognises the file."""


class ProtocolError(ReviewError):
    """review.toml or a query family file is missing or invalid."""


class StoreError(ReviewError):
    """The review store refused an operation (unknown work, constraint, wrong schema version)."""
