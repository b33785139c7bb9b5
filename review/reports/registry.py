"""Which exports exist, in which file formats, and where their data comes from.

``export(data, what, path)`` picks the writer from ``what`` and the file suffix. Writers get an
``ExportData``, which reads from the store lazily, so an export touches only the tables it needs.
The file is written next to its target and renamed into place: a failed export leaves no half file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from review.errors import ReviewError
from review.protocol import Protocol
from review.reports import appendix, collect, included, listings, methods, search_appendix
from review.reports.catalogue import EXPORT_FORMATS, ROUND_EXPORTS
from review.reports.flow.labels import family_display_names
from review.reports.table31 import table_3_1
from review.reports.tabular import Table, write_csv, write_markdown, write_xlsx
from review.rounds import check_round
from review.searches import list_searches
from review.store.db import Store
from screening.flow import compute_flow
from screening.flowtypes import Flow


class ExportData:
    """What the exporters read: the protocol, the flow counts and the store's contents."""

    def __init__(
        self,
        store: Store,
        protocol: Protocol,
        *,
        flow: Flow | None = None,
        round_id: int | None = None,
        viewer: str | None = None,
        full_log: bool = False,
    ):
        self.store, self.protocol, self._flow, self.round_id = store, protocol, flow, round_id
        self.viewer = viewer  # whose view of the decision log (blinding); None: the team's
        # The log without blinding: the lead's alone (``viewer`` names them; None is the command line).
        self.full_log = full_log

    @property
    def language(self) -> str:
        return self.protocol.report_language

    def flow(self) -> Flow:
        if self._flow is None:
            if self.round_id is not None:
                self._check_round()
            self._flow = compute_flow(self.store, self.protocol, self.round_id)
        return self._flow

    def _check_round(self) -> None:
        if self.round_id is None:  # the whole review: every round exists
            return
        with self.store.read() as conn:
            check_round(conn, self.round_id)

    def _read(self, fn, *args):
        with self.store.read() as conn:
            return fn(conn, *args)

    def included(self) -> list[collect.IncludedWork]:
        if self.round_id is not None:
            self._check_round()
        return self._read(collect.collect_included, self.protocol, self.round_id)

    def screening_works(self) -> list[collect.ScreeningWork]:
        return self._read(collect.collect_screening_works, self.protocol)

    def search_log(self) -> list[collect.SearchLogEntry]:
        return self._read(collect.collect_search_log, self.protocol, self.round_id)

    def search_appendix(self) -> search_appendix.SearchAppendix:
        if self.round_id is not None:
            self._check_round()

        def read(conn):
            return search_appendix.build(
                list_searches(conn, self.round_id), collect.dedup_method(conn, self.language), self.language
            )

        return self._read(read)

    def raw(self) -> list[collect.RawRow]:
        return self._read(collect.collect_raw)

    def decisions(self) -> list[collect.DecisionRow]:
        if not self.full_log:
            return self._read(collect.collect_decisions, self.protocol, self.viewer)
        from review.auth import audit

        def read_and_log(conn):  # the role check and the record of the export in one transaction
            rows = collect.collect_decisions(conn, self.protocol, self.viewer, full=True)
            audit.log_event(conn, self.viewer, "export-full-log", "decisions", {"rows": len(rows)})
            return rows

        return self.store.transact(read_and_log)

    def screening_methods(self) -> methods.ScreeningMethods:
        return self._read(methods.collect_screening_methods, self.protocol)


Writer = Callable[[ExportData, Path], None]


def _tabular(build: Callable[[ExportData], Table], *, excel: bool = True, sheet: str = "Sheet") -> dict[str, Writer]:
    return {
        ".csv": lambda d, p: write_csv(build(d), p, excel=excel),
        ".xlsx": lambda d, p: write_xlsx([(sheet, build(d))], p),
        ".md": lambda d, p: write_markdown(build(d), p),
    }


def _flow(d: ExportData, p: Path) -> None:
    from review.reports.flow.draw import write_flow  # matplotlib: loaded only when a diagram is drawn

    write_flow(d.flow(), p, language=d.language, family_names=family_display_names(d.protocol.families, d.language))


def _family_labels(d: ExportData) -> dict[str, str]:
    return {f.id: f.label for f in d.protocol.families}


EXPORTS: dict[str, dict[str, Writer]] = {
    "flow": {".svg": _flow, ".png": _flow},
    "included": {
        ".csv": lambda d, p: write_csv(included.included_table(d.included(), d.language), p),
        ".xlsx": lambda d, p: included.write_included_xlsx(d.included(), d.protocol.appendix_groups, p, d.language),
        ".ris": lambda d, p: included.write_ris(d.included(), p, d.language),
        ".bib": lambda d, p: included.write_bibtex(d.included(), p, d.language),
        ".docx": lambda d, p: included.write_included_docx(d.included(), p, d.language, _family_labels(d)),
    },
    "table": _tabular(lambda d: table_3_1(d.flow(), d.protocol), sheet="Tabell 3.1"),
    "appendix": {
        ".md": lambda d, p: appendix.write_appendix_markdown(d.included(), d.protocol.appendix_groups, p, d.language),
        ".html": lambda d, p: appendix.write_appendix_html(d.included(), d.protocol.appendix_groups, p, d.language),
        ".docx": lambda d, p: appendix.write_appendix_docx(d.included(), d.protocol.appendix_groups, p, d.language),
    },
    "search-appendix": {
        ".md": lambda d, p: search_appendix.write_markdown(d.search_appendix(), p),
        ".docx": lambda d, p: search_appendix.write_docx(d.search_appendix(), p),
        ".csv": lambda d, p: search_appendix.write_csv_file(d.search_appendix(), p),
    },
    "search-log": _tabular(lambda d: listings.search_log_table(d.search_log()), sheet="Search log"),
    "asreview": {".csv": lambda d, p: write_csv(listings.asreview_table(d.screening_works()), p, excel=False)},
    "raw": _tabular(lambda d: listings.raw_table(d.raw()), excel=False, sheet="Raw records"),
    "works": _tabular(lambda d: listings.works_table(d.screening_works()), excel=False, sheet="Works"),
    "decisions": _tabular(lambda d: listings.decisions_table(d.decisions()), excel=False, sheet="Decisions"),
    "screening-methods": {
        ".md": lambda d, p: methods.write_methods_markdown(d.screening_methods(), d.protocol, p),
        ".docx": lambda d, p: methods.write_methods_docx(d.screening_methods(), d.protocol, p),
    },
}

if {what: set(writers) for what, writers in EXPORTS.items()} != {what: set(s) for what, s in EXPORT_FORMATS.items()}:
    raise RuntimeError("review.reports.registry.EXPORTS and review.reports.catalogue.EXPORT_FORMATS disagree")


def supported(what: str) -> list[str]:
    return sorted(EXPORTS.get(what, {}))


def writer_for(what: str, path: Path) -> Writer:
    """The writer for ``what`` in the format of ``path``'s suffix, or a ReviewError saying what is possible."""
    if what not in EXPORTS:
        raise ReviewError(f"unknown export '{what}'; choose one of: {', '.join(EXPORTS)}")
    path = Path(path)
    suffix = path.suffix.lower()
    writer = EXPORTS[what].get(suffix)
    if writer is None:
        raise ReviewError(
            f"'{what}' cannot be written as {suffix or 'a file without a suffix'}; "
            f"'{what}' supports: {', '.join(supported(what))}"
        )
    if not path.parent.is_dir():
        raise ReviewError(f"{path.parent}: no such directory")
    return writer


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (os.umask both sets and
    reads, which would race with other threads of the app)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def export(data: ExportData, what: str, path: Path) -> Path:
    """Write export ``what`` to ``path`` in the format its suffix names."""
    path = Path(path)
    writer = writer_for(what, path)
    if data.round_id is not None and what not in ROUND_EXPORTS:
        raise ReviewError(f"--round applies to {', '.join(ROUND_EXPORTS)} only, not to '{what}'")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix.lower(), dir=path.parent)
    except OSError as exc:
        raise ReviewError(f"{path.parent}: cannot write the export there ({exc.strerror or exc})") from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        writer(data, temp)
        # mkstemp makes the file 0600; an export is for co-authors, so it gets the mode any new file would.
        os.chmod(temp, 0o666 & ~current_umask())
        os.replace(temp, path)
    except OSError as exc:
        raise ReviewError(f"{path}: cannot write the export ({exc.strerror or exc})") from None
    finally:
        if temp.exists():
            temp.unlink()
    return path
