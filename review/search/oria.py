"""One family's live Oria search: page through Primo, save every raw page, then import the pages.

Every page is saved as received (``exports/oria/<family>-<date>-pNN.json``). When all pages have
arrived, their records (less any outside the searched years) are gathered into one file,
``<family>-<date>-records.json``, which is imported as one import: one search, one hit count in the
store's search log. ``<family>-<date>-search.json`` records the query, the filters, the reported hit
count and what was retrieved, which is what PRISMA-S asks a review to report. A half-finished
search is never imported.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from review.errors import ReviewError
from review.normalise import parse_year
from review.search.config import OriaConfig
from review.search.primo_client import PrimoClient
from review.search.primo_query import PrimoQuery

log = logging.getLogger(__name__)

EXPORT_SUBDIR = Path("exports") / "oria"
# Where a PNX record states its year, most reliable first.
YEAR_FIELDS = (("display", "creationdate"), ("addata", "date"), ("addata", "risdate"), ("search", "creationdate"))


@dataclass
class SavedPage:
    number: int
    offset: int
    file: str  # raw page, relative to the export folder
    docs: int
    out_of_range: int  # records whose stated year falls outside the searched years
    attempts: int = 1


@dataclass
class FamilySearch:
    family: str
    source: str
    searched: str  # ISO date
    endpoint: str
    query: str  # the Boolean query as typed into Oria
    params: dict[str, str]  # everything sent except paging and the key
    years: tuple[int, int]
    total: int | None = None  # info.total as Primo reported it
    pages: list[SavedPage] = field(default_factory=list)
    complete: bool = False
    stopped_because: str = ""
    notes: list[str] = field(default_factory=list)
    reuses: int | None = None  # the earlier search whose stored string this re-ran
    run_by: str | None = None
    records_file: str = ""  # the gathered in-range records that are imported
    imported: bool = False
    import_results: list[dict[str, Any]] = field(default_factory=list)
    error: str = ""

    @property
    def retrieved(self) -> int:
        return sum(p.docs for p in self.pages)

    @property
    def out_of_range(self) -> int:
        return sum(p.out_of_range for p in self.pages)


def page_name(family: str, searched: str, number: int) -> str:
    return f"{family}-{searched}-p{number:02d}.json"


def log_name(family: str, searched: str) -> str:
    return f"{family}-{searched}-search.json"


def records_name(family: str, searched: str) -> str:
    return f"{family}-{searched}-records.json"


def record_year(doc: dict[str, Any]) -> int | None:
    pnx = doc.get("pnx") if isinstance(doc, dict) else None
    if not isinstance(pnx, dict):
        return None
    for section, name in YEAR_FIELDS:
        values = (pnx.get(section) or {}).get(name)
        for value in values if isinstance(values, list) else [values]:
            year = parse_year(value) if isinstance(value, str) else None
            if year:
                return year
    return None


def outside_years(docs: list[Any], years: tuple[int, int]) -> list[int]:
    """Positions of records whose stated year is outside ``years``; records without a year stay in."""
    first, last = years
    return [i for i, doc in enumerate(docs) if (y := record_year(doc)) is not None and not first <= y <= last]


def base_params(config: OriaConfig) -> dict[str, str]:
    params = {
        "vid": config.vid,
        "tab": config.tab,
        "scope": config.scope,
        "sort": config.sort,
        "pcAvailability": "true" if config.pc_availability else "false",
    }
    params.update(config.params)
    return params


def write_log(folder: Path, run: FamilySearch) -> Path:
    path = folder / log_name(run.family, run.searched)
    data = asdict(run)
    data["retrieved"], data["out_of_range"] = run.retrieved, run.out_of_range
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def read_log(folder: Path, family: str, searched: str) -> dict[str, Any] | None:
    path = folder / log_name(family, searched)
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def prepare_folder(review_dir: Path, family: str, searched: str) -> Path:
    """The export folder, refusing to overwrite a search of the same day that was already imported."""
    folder = Path(review_dir) / EXPORT_SUBDIR
    folder.mkdir(parents=True, exist_ok=True)
    previous = read_log(folder, family, searched)
    if previous and previous.get("imported"):
        raise ReviewError(
            f"family '{family}' was already searched and imported on {searched} "
            f"({folder / log_name(family, searched)}); move those files away to search again"
        )
    stale = list(folder.glob(f"{family}-{searched}-p*.json")) + [folder / records_name(family, searched)]
    for path in stale:  # files of an unfinished or unimported earlier attempt
        path.unlink(missing_ok=True)
    return folder


def _save_page(
    folder: Path,
    run: FamilySearch,
    number: int,
    offset: int,
    text: str,
    docs: list[Any],
    attempts: int,
    keep: list[Any],
) -> SavedPage:
    """Save the page as received; collect its in-range records into ``keep``."""
    name = page_name(run.family, run.searched, number)
    (folder / name).write_text(text, encoding="utf-8")
    dropped = set(outside_years(docs, run.years))
    keep.extend(doc for i, doc in enumerate(docs) if i not in dropped)
    return SavedPage(
        number=number, offset=offset, file=name, docs=len(docs), out_of_range=len(dropped), attempts=attempts
    )


def _write_records(folder: Path, run: FamilySearch, docs: list[Any]) -> None:
    """One file with every in-range record of the search, shaped like a Primo answer for the PNX reader."""
    run.records_file = records_name(run.family, run.searched)
    data = {
        "info": {"total": run.total, "first": 1, "last": len(docs)},
        "docs": docs,
        "nordic_review": {
            "derived_from": [p.file for p in run.pages],
            "query": run.query,
            "searched": run.searched,
            "years": list(run.years),
            "removed_outside_years": run.out_of_range,
        },
    }
    (folder / run.records_file).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _total(data: dict[str, Any]) -> int | None:
    raw_info = data.get("info")
    info: dict[str, Any] = raw_info if isinstance(raw_info, dict) else {}
    try:
        return int(info["total"])
    except (KeyError, TypeError, ValueError):
        return None


def search_family(
    client: PrimoClient,
    query: PrimoQuery,
    review_dir: Path,
    *,
    searched: str | None = None,
    max_records: int | None = None,
    progress: bool | None = None,
    progress_factory: Callable[..., Any] | None = None,
) -> FamilySearch:
    """Fetch and save every page of one family's results. Raises ReviewError when a page cannot be had;
    the pages saved so far and a search log marked incomplete stay on disk."""
    from tqdm import tqdm

    config = client.config
    searched = searched or date.today().isoformat()
    folder = prepare_folder(review_dir, query.family, searched)
    fixed = {**base_params(config), **query.params()}
    run = FamilySearch(
        family=query.family,
        source="oria",
        searched=searched,
        endpoint=config.endpoint,
        query=query.query,
        params=fixed,
        years=query.years,
        notes=list(query.notes),
        reuses=query.reuses,
    )
    bar = (progress_factory or tqdm)(
        total=None, unit="rec", desc=f"Oria {query.family}", disable=(None if progress is None else not progress)
    )
    kept: list[Any] = []
    try:
        offset, number = 0, 1
        while True:
            wanted = config.limit
            if max_records is not None:
                wanted = min(wanted, max_records - run.retrieved)
            page = client.get({**fixed, "offset": str(offset), "limit": str(wanted)})
            docs = page.data.get("docs", [])
            if run.total is None:
                run.total = _total(page.data)
                bar.total = (
                    min(x for x in (run.total, max_records, config.offset_limit) if x is not None)
                    if run.total is not None
                    else None
                )
                bar.refresh()
            run.pages.append(_save_page(folder, run, number, offset, page.text, docs, page.attempts, kept))
            bar.update(len(docs))
            offset += len(docs)
            number += 1
            if not docs:
                run.stopped_because = "Primo returned an empty page"
                break
            if run.total is not None and offset >= run.total:
                run.stopped_because = "all reported hits retrieved"
                break
            if max_records is not None and run.retrieved >= max_records:
                run.stopped_because = f"--max-records {max_records} reached"
                break
            if offset >= config.offset_limit:
                run.stopped_because = (
                    f"Primo serves no records beyond offset {config.offset_limit}; "
                    f"{(run.total or 0) - offset} reported hits not retrieved "
                    f"(narrow the query or split the years)"
                )
                break
        run.complete = True
    except ReviewError as exc:
        run.error = str(exc)
        write_log(folder, run)
        raise ReviewError(
            f"{exc}. Family '{query.family}': {len(run.pages)} page(s) saved in {folder}, nothing imported"
        ) from None
    finally:
        bar.close()
    if run.total is not None and run.retrieved < run.total:
        run.notes.append(f"retrieved {run.retrieved} of {run.total} reported hits")
    if run.out_of_range:
        run.notes.append(
            f"{run.out_of_range} record(s) dated outside {run.years[0]}–{run.years[1]} "
            f"kept in the raw pages but not imported"
        )
    _write_records(folder, run, kept)
    write_log(folder, run)
    return run


def describe_filters(run: FamilySearch) -> str:
    """The filters as the search log should show them."""
    parts = [f"years {run.years[0]}–{run.years[1]}"]
    parts += [
        f"{name}={run.params[name]}"
        for name in ("qInclude", "qExclude", "multiFacets", "pcAvailability")
        if name in run.params
    ]
    return "Primo API; " + "; ".join(parts)


def interface_settings(run: FamilySearch) -> dict[str, str]:
    """The Primo VE settings that change what a search returns, as the search record keeps them."""
    expanded = run.params.get("pcAvailability")
    settings = {
        "view": run.params.get("vid", ""),
        "tab": run.params.get("tab", ""),
        "scope": run.params.get("scope", ""),
        "endpoint": run.endpoint,
        "expanded": {"true": "yes", "false": "no"}.get(expanded or "", expanded or ""),
    }
    return {k: v for k, v in settings.items() if v}


def import_search(
    store: Any, protocol: Any, review_dir: Path, run: FamilySearch, import_file: Callable[..., Any] | None = None
) -> FamilySearch:
    """Import a finished family search as one import of source ``oria``, then mark its log imported."""
    if not run.complete:
        raise ReviewError(f"family '{run.family}': the search did not finish, so nothing is imported")
    folder = Path(review_dir) / EXPORT_SUBDIR
    if run.retrieved - run.out_of_range == 0:
        run.notes.append("no records to import")
    else:
        if import_file is None:  # the store is loaded only when a search is imported
            from review.ingest import import_file as ingest_import_file

            import_file = ingest_import_file
        try:
            result = import_file(
                store,
                protocol,
                folder / run.records_file,
                source="oria",
                family=run.family,
                query=run.query,
                searched=run.searched,
                filters=describe_filters(run),
                hits=run.total,
                database="Oria",
                interface="primo-api",
                settings=interface_settings(run),
                method="live API",
                query_origin="sent by the tool",
                run_by=run.run_by,
                reuses=run.reuses,
                notes="; ".join(run.notes) or None,
            )
        except (ReviewError, ImportError) as exc:  # ImportError: this installation lacks a reader module
            raise ReviewError(
                f"{exc}. The search itself succeeded: its pages and {run.records_file} are in "
                f"{folder}; import them later with 'review import'"
            ) from None
        run.import_results.append({"file": run.records_file, "result": _summary(result)})
    run.imported = True
    write_log(folder, run)
    return run


def _summary(result: Any) -> Any:
    """A JSON-friendly view of whatever the import returned (a dataclass, a dict or a count)."""
    if hasattr(result, "__dataclass_fields__"):
        return {k: v for k, v in asdict(result).items() if isinstance(v, (int, str, float, bool, type(None)))}
    return result if isinstance(result, (int, str, float, bool, dict, type(None))) else str(result)
