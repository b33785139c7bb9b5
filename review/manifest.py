"""A search manifest (``exports/searches.toml``): the export files of a review in import order, each with
the search that found it. `review example`, the app's bundled review and `review update --manifest` read
it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import tomllib

from review.errors import ReviewError
from review.ingest import SearchInfo


@dataclass
class SearchEntry:
    file: Path
    source: str
    family: str | None
    query: str | None
    searched: str | None
    filters: str | None
    hits: int | None
    # The rest of the search record (review/searches.py), where the manifest states it.
    database: str | None = None
    interface: str | None = None
    settings: dict = field(default_factory=dict)
    run_by: str | None = None

    def search_info(self) -> SearchInfo:
        return SearchInfo(
            source=self.source,
            family=self.family,
            query=self.query,
            searched=self.searched,
            filters=self.filters,
            hits=self.hits,
            database=self.database,
            interface=self.interface,
            settings=dict(self.settings),
            run_by=self.run_by,
        )


def read_search_manifest(path: Path) -> list[SearchEntry]:
    """A searches.toml: one [[search]] per export file (file relative to the manifest), in import order."""
    path = Path(path)
    if not path.is_file():
        raise ReviewError(f"{path} is missing: it lists the export files to import, in order")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ReviewError(f"{path}: not valid TOML ({exc})") from None
    entries = []
    for number, item in enumerate(data.get("search", []), start=1):
        if "file" not in item or "source" not in item:
            raise ReviewError(f"{path}: search {number} needs 'file' and 'source'")
        settings = item.get("settings", {})
        if not isinstance(settings, dict):
            raise ReviewError(f"{path}: search {number}: 'settings' must be a table of KEY = \"value\"")
        entries.append(
            SearchEntry(
                file=path.parent / item["file"],
                source=item["source"],
                family=item.get("family"),
                query=item.get("query"),
                searched=item.get("searched"),
                filters=item.get("filters"),
                hits=item.get("hits"),
                database=item.get("database"),
                interface=item.get("interface"),
                settings={str(k): str(v) for k, v in settings.items()},
                run_by=item.get("run_by"),
            )
        )
    return entries
