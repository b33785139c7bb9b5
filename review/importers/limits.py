"""Limits that keep one hostile or damaged file from stalling or swamping an import.

A small file can declare a huge workbook (a sheet that claims a million rows, a zip member that
inflates a thousandfold) and a path can be a named pipe that never ends. Every reader goes through
these checks, and each limit ends in one ``InputError`` that names the file and the limit, so a user
knows what to split or re-export. The figures are far above any real export (the largest we have
seen is a 50,000-record RIS file of 60 MB) and can be changed per process through ``LIMITS``.
"""

from __future__ import annotations

import contextvars
import os
import stat
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from review.errors import InputError
from review.messages import Message


@dataclass
class Limits:
    file_bytes: int = 512 * 1024 * 1024  # a text export read into memory
    uncompressed_bytes: int = 512 * 1024 * 1024  # all members of an .xlsx together, as declared in the zip
    shared_strings_bytes: int = 128 * 1024 * 1024  # xl/sharedStrings.xml: openpyxl keeps all of it in memory
    compression_ratio: int = 200  # a member this much smaller than its content is a zip bomb
    rows: int = 500_000
    columns: int = 1_000
    seconds: float = 300.0  # wall time for reading one file


LIMITS = Limits()
_DEADLINE: contextvars.ContextVar[tuple[str, float, float] | None] = contextvars.ContextVar(
    "import_deadline", default=None
)


def require_regular_file(path: Path) -> os.stat_result:
    """Only regular files are read: a named pipe, a device or a socket could block the import forever."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(str(path), Message("no such file"), expected=Message("the path of an exported file")) from None
    except OSError as exc:
        raise InputError(str(path), Message("cannot be read ({error})", error=exc.strerror or exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(
            str(path), Message("this is a folder, not a file"), expected=Message("the path of an exported file")
        )
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            str(path),
            Message("not a regular file (a named pipe, device or socket); it was not read"),
            expected=Message("an exported file saved on disk"),
        )
    return info


def read_bytes(path: Path) -> bytes:
    """The whole file, after checking it is a regular file no larger than the limit."""
    info = require_regular_file(path)
    if info.st_size > LIMITS.file_bytes:
        raise InputError(
            path.name,
            Message(
                "the file is {size}, more than the limit of {limit} for one export",
                size=_mb(info.st_size),
                limit=_mb(LIMITS.file_bytes),
            ),
            expected=Message("a smaller export (split the search into several files)"),
        )
    try:
        with open(path, "rb") as handle:
            data = handle.read(LIMITS.file_bytes + 1)
    except OSError as exc:
        raise InputError(path.name, Message("cannot be read ({error})", error=exc.strerror or exc)) from None
    if len(data) > LIMITS.file_bytes:  # the file grew while we read it
        raise InputError(
            path.name,
            Message("the file is more than the limit of {limit}", limit=_mb(LIMITS.file_bytes)),
            expected=Message("a smaller export"),
        )
    return data


def check_workbook(path: Path) -> None:
    """Refuse an .xlsx whose zip members would inflate beyond the limits, before openpyxl opens it.

    The sizes checked are the ones the zip declares; Python's zipfile never inflates a member past its
    declared size, so a lying header cannot get more past this check than it declares.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(
            path.name,
            Message("not a readable Excel workbook ({error_type})", error_type=type(exc).__name__),
            expected=Message("an .xlsx file saved by Excel or an export tool"),
        ) from None
    total = 0
    for member in members:
        total += member.file_size
        if member.filename.lower().endswith("sharedstrings.xml") and member.file_size > LIMITS.shared_strings_bytes:
            raise InputError(
                path.name,
                Message(
                    "the workbook's shared strings inflate to {size}, more than the limit of {limit}",
                    size=_mb(member.file_size),
                    limit=_mb(LIMITS.shared_strings_bytes),
                ),
                expected=Message("an .xlsx export of a normal size"),
            )
        ratio = member.file_size // max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > LIMITS.compression_ratio:
            raise InputError(
                path.name,
                Message(
                    "{filename} inflates {ratio} times (to {size}), like a zip bomb; it was not opened",
                    filename=member.filename,
                    ratio=ratio,
                    size=_mb(member.file_size),
                ),
                expected=Message("an .xlsx file saved by Excel or an export tool"),
            )
    if total > LIMITS.uncompressed_bytes:
        raise InputError(
            path.name,
            Message(
                "the workbook inflates to {size}, more than the limit of {limit}",
                size=_mb(total),
                limit=_mb(LIMITS.uncompressed_bytes),
            ),
            expected=Message("a smaller export"),
        )


def check_table_size(file_name: str, rows: int, columns: int, *, declared: bool = False) -> None:
    """Rows and columns of a spreadsheet (as declared by the sheet, or as counted while reading)."""
    if rows > LIMITS.rows:
        found = f"declares {rows:,} rows" if declared else f"has more than {LIMITS.rows:,} rows"
        raise InputError(
            file_name,
            Message("the sheet {found}, more than the limit of {rows:,}", found=found, rows=LIMITS.rows),
            expected=Message("a smaller export (split the search into several files)"),
        )
    if columns > LIMITS.columns:
        found = "declares" if declared else "has a row of"
        raise InputError(
            file_name,
            Message(
                "the sheet {found} {columns:,} columns, more than the limit of {limit:,}",
                found=found,
                columns=columns,
                limit=LIMITS.columns,
            ),
            expected=Message("one column per field"),
        )


@contextmanager
def deadline(file_name: str, seconds: float | None = None) -> Iterator[None]:
    """Give reading one file a wall-time budget; readers call ``check_time`` as they go."""
    seconds = LIMITS.seconds if seconds is None else seconds
    token = _DEADLINE.set((file_name, time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_time() -> None:
    """Raise when the file being read has used up its time; free when no deadline is set."""
    current = _DEADLINE.get()
    if current is not None and time.monotonic() > current[1]:
        raise InputError(
            current[0],
            Message("reading the file took longer than the limit of {seconds:g} s", seconds=current[2]),
            expected=Message("an export that can be read in reasonable time (split large exports)"),
        )


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MB"
