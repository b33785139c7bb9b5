"""The bundled review (the Fafo review the repository ships) and starter protocols modelled on it."""

from __future__ import annotations

import re
import shutil
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from review.errors import ReviewError
from review.protocol import load_protocol

PROTOCOL_PARTS = ("review.toml", "queries")
REVIEW_PARTS = PROTOCOL_PARTS + ("exports", "decisions")


PACKAGED_DIR = "bundled_data"  # where a wheel carries the bundled review (copied in by setup.py at build time)


def bundled_root() -> Path:
    """The bundled review: inside the installed package, or the checkout root in a source checkout."""
    package = Path(__file__).resolve().parent
    for root in (package / PACKAGED_DIR, package.parent):
        if (root / "review.toml").is_file() and (root / "queries").is_dir():
            return root
    raise ReviewError(f"the bundled review is missing from the installed package ({package / PACKAGED_DIR}); "
                      "reinstall nordic-review")


def write_starter_protocol(target: Path) -> list[Path]:
    """A new review directory with the bundled protocol as a starting point (no data)."""
    target = Path(target)
    if (target / "review.toml").exists():
        raise ReviewError(f"{target} already holds a review (review.toml exists); nothing changed")
    root = bundled_root()
    target.mkdir(parents=True, exist_ok=True)
    text = (root / "review.toml").read_text(encoding="utf-8")
    title = f"{target.resolve().name}: starter protocol modelled on the bundled Fafo review"
    text = re.sub(r'(?m)^title = ".*"$', f'title = "{title}"', text, count=1)
    (target / "review.toml").write_text(text, encoding="utf-8")
    shutil.copytree(root / "queries", target / "queries", dirs_exist_ok=True)
    (target / "exports").mkdir(exist_ok=True)
    return [target / "review.toml", *sorted((target / "queries").glob("*.toml"))]


def copy_bundled_review(target: Path) -> None:
    target = Path(target)
    if (target / "review.toml").exists():
        raise ReviewError(f"{target} already holds a review (review.toml exists); choose an empty directory")
    root = bundled_root()
    target.mkdir(parents=True, exist_ok=True)
    for part in REVIEW_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.is_file():
            shutil.copy2(source, target / part)


@dataclass
class SearchEntry:
    file: Path
    source: str
    family: Optional[str]
    query: Optional[str]
    searched: Optional[str]
    filters: Optional[str]
    hits: Optional[int]

    def search_info(self):
        from review.ingest import SearchInfo

        return SearchInfo(source=self.source, family=self.family, query=self.query, searched=self.searched,
                          filters=self.filters, hits=self.hits)


@dataclass
class RunReport:
    imported: list[str] = field(default_factory=list)
    dedup: str = ""
    auto_excluded: int = 0
    pair_verdicts: int = 0
    decisions: int = 0
    ratings: int = 0
    summaries: int = 0
    warnings: list[str] = field(default_factory=list)


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
        entries.append(SearchEntry(file=path.parent / item["file"], source=item["source"], family=item.get("family"),
                                   query=item.get("query"), searched=item.get("searched"),
                                   filters=item.get("filters"), hits=item.get("hits")))
    return entries


def run_review(review_dir: Path, *, progress: bool = False,
               say: Callable[[str], None] = lambda _: None) -> RunReport:
    """Import every listed export, deduplicate, apply protocol rules and the recorded decisions."""
    from review.dedup import run_dedup
    from review.dedup.verdict_file import apply_pair_verdicts
    from review.ingest import import_batch
    from review.store import open_store
    from screening.auto import apply_protocol_exclusions
    from screening.bulk import apply_decisions_csv, apply_quality_csv, apply_summaries_toml

    review_dir = Path(review_dir)
    protocol = load_protocol(review_dir)
    store = open_store(review_dir)
    report = RunReport()
    try:
        items = []
        for entry in read_search_manifest(review_dir / "exports" / "searches.toml"):
            if entry.file.is_file():
                items.append((entry.file, entry.search_info()))
            else:
                report.warnings.append(f"{entry.file.name}: listed in exports/searches.toml but missing; skipped")
        for summary in import_batch(store, protocol, items):
            report.imported.append(summary.describe())
            say(summary.describe())
        report.dedup = str(run_dedup(store, protocol, progress=progress))
        say(report.dedup)
        decisions = review_dir / "decisions"
        # A review re-run with an export left out still applies every decision it can.
        steps = [("pairs.csv", apply_pair_verdicts, "pair_verdicts"),  # the lead's word on uncertain pairs
                 ("quality.csv", apply_quality_csv, "ratings"),  # before decisions: stage-2 includes find them
                 ("decisions.csv", apply_decisions_csv, "decisions"),
                 ("summaries.toml", apply_summaries_toml, "summaries")]
        for name, apply, field_name in steps:
            if (decisions / name).is_file():
                result = apply(store, protocol, decisions / name, skip_unknown=True)
                setattr(report, field_name, result.rows)
                report.warnings += result.warnings
                if result.skipped:
                    report.warnings.append(f"{name}: {result.skipped} rows name records not in the review; skipped")
        # Protocol rules apply to what no person decided: the team screened the Scholar theses itself.
        report.auto_excluded = apply_protocol_exclusions(store, protocol)
    finally:
        store.close()
    return report
