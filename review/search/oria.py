"""One family's live Oria search: page through Primo, save every raw page, then import the pages.

Every page is saved as received (``exports/oria/<family>-<date>-pNN.json``) before anything is
imported, and a search log (``<family>-<date>-search.json``) records the query, the filters, the
reported hit count and what was retrieved, which is what PRISMA-S asks a review to report.
A family is imported only after all its pages arrived, so a half-finished search never reaches
the store.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional

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
    import_file: str  # the raw page, or a copy without the out-of-range records
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
    total: Optional[int] = None  # info.total as Primo reported it
    pages: list[SavedPage] = field(default_factory=list)
    complete: bool = False
    stopped_because: str = ""
    notes: list[str] = field(default_factory=list)
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


def record_year(doc: dict[str, Any]) -> Optional[int]:
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
    params = {"vid": config.vid, "tab": config.tab, "scope": config.scope, "sort": config.sort,
              "pcAvailability": "true" if config.pc_availability else "false"}
    params.update(config.params)
    return params


def write_log(folder: Path, run: FamilySearch) -> Path:
    path = folder / log_name(run.family, run.searched)
    data = asdict(run)
    data["retrieved"], data["out_of_range"] = run.retrieved, run.out_of_range
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def read_log(folder: Path, family: str, searched: str) -> Optional[dict[str, Any]]:
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
        raise ReviewError(f"family '{family}' was already searched and imported on {searched} "
                          f"({folder / log_name(family, searched)}); move those files away to search again")
    for stale in folder.glob(f"{family}-{searched}-p*.json"):  # pages of an unfinished earlier attempt
        stale.unlink()
    return folder


def _save_page(folder: Path, run: FamilySearch, number: int, offset: int, text: str, docs: list[Any],
               data: dict[str, Any], attempts: int) -> SavedPage:
    name = page_name(run.family, run.searched, number)
    (folder / name).write_text(text, encoding="utf-8")
    dropped = outside_years(docs, run.years)
    import_name = name
    if dropped:
        import_name = name.replace(".json", "-in-range.json")
        kept = [doc for i, doc in enumerate(docs) if i not in set(dropped)]
        copy = {**data, "docs": kept,
                "nordic_review": {"derived_from": name, "removed_outside_years": len(dropped),
                                  "years": list(run.years)}}
        (folder / import_name).write_text(json.dumps(copy, ensure_ascii=False), encoding="utf-8")
    return SavedPage(number=number, offset=offset, file=name, docs=len(docs), out_of_range=len(dropped),
                     import_file=import_name, attempts=attempts)


def _total(data: dict[str, Any]) -> Optional[int]:
    info = data.get("info") if isinstance(data.get("info"), dict) else {}
    try:
        return int(info.get("total"))
    except (TypeError, ValueError):
        return None


def search_family(client: PrimoClient, query: PrimoQuery, review_dir: Path, *, searched: Optional[str] = None,
                  max_records: Optional[int] = None, progress: Optional[bool] = None,
                  progress_factory: Optional[Callable[..., Any]] = None) -> FamilySearch:
    """Fetch and save every page of one family's results. Raises ReviewError when a page cannot be had;
    the pages saved so far and a search log marked incomplete stay on disk."""
    from tqdm import tqdm

    config = client.config
    searched = searched or date.today().isoformat()
    folder = prepare_folder(review_dir, query.family, searched)
    fixed = {**base_params(config), **query.params()}
    run = FamilySearch(family=query.family, source="oria", searched=searched, endpoint=config.endpoint,
                       query=query.query, params=fixed, years=query.years, notes=list(query.notes))
    bar = (progress_factory or tqdm)(total=None, unit="rec", desc=f"Oria {query.family}",
                                     disable=(None if progress is None else not progress))
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
                bar.total = min(x for x in (run.total, max_records, config.offset_limit) if x is not None) \
                    if run.total is not None else None
            run.pages.append(_save_page(folder, run, number, offset, page.text, docs, page.data, page.attempts))
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
                run.stopped_because = (f"Primo serves no records beyond offset {config.offset_limit}; "
                                       f"{(run.total or 0) - offset} reported hits not retrieved "
                                       f"(narrow the query or split the years)")
                break
        run.complete = True
    except ReviewError as exc:
        run.error = str(exc)
        write_log(folder, run)
        raise ReviewError(f"{exc}. Family '{query.family}': {len(run.pages)} page(s) saved in {folder}, "
                          f"nothing imported") from None
    finally:
        bar.close()
    if run.total is not None and run.retrieved < run.total:
        run.notes.append(f"retrieved {run.retrieved} of {run.total} reported hits")
    write_log(folder, run)
    return run


def import_search(store: Any, protocol: Any, review_dir: Path, run: FamilySearch,
                  import_file: Optional[Callable[..., Any]] = None) -> FamilySearch:
    """Import a finished family search page by page as source ``oria``, then mark its log imported."""
    if not run.complete:
        raise ReviewError(f"family '{run.family}': the search did not finish, so nothing is imported")
    if import_file is None:
        try:
            from review.ingest import import_file
        except ImportError:
            raise ReviewError("this version has no import step (review.ingest); the pages are saved under "
                              f"{Path(review_dir) / EXPORT_SUBDIR} and can be imported later") from None
    folder = Path(review_dir) / EXPORT_SUBDIR
    for page in run.pages:
        if not page.docs:
            continue
        result = import_file(store, protocol, folder / page.import_file, source="oria", family=run.family,
                             query=run.query, searched=run.searched)
        run.import_results.append({"file": page.import_file, "result": _summary(result)})
    run.imported = True
    write_log(folder, run)
    return run


def _summary(result: Any) -> Any:
    """A JSON-friendly view of whatever the import returned (a dataclass, a dict or a count)."""
    if hasattr(result, "__dataclass_fields__"):
        return {k: v for k, v in asdict(result).items() if isinstance(v, (int, str, float, bool, type(None)))}
    return result if isinstance(result, (int, str, float, bool, dict, type(None))) else str(result)
