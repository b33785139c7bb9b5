"""Deduplication benchmark: pairwise precision, recall and F1 on the labelled sets, with baselines.

Run from the repository root:  python benchmarks/dedup.py [--sets diabetes,stroke] [--skip-bib-dedupe]
The data is found in ../shared/benchmarks next to the repository, or where REVIEW_BENCHMARKS points.

For each set it scores our ``find_duplicates``; a naive all-pairs rapidfuzz baseline (sets up to
10,000 records); and bib-dedupe (PyPI), installed into its own virtual environment under
benchmarks/.venvs/ and run in a subprocess on the same records in the same run. Finally it times our
dedup on a generated 50,000-record set. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import subprocess
import sys
import time
from itertools import combinations
from pathlib import Path

import ftfy
import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from review.dedup import find_duplicates  # noqa: E402
from review.model import RawRecord  # noqa: E402
from review.normalise import normalise_doi, parse_author, parse_year  # noqa: E402

SETS = {
    "diabetes": "dedup_asysd_hair2023/diabetes",
    "neuroimaging": "dedup_asysd_hair2023/neuroimaging",
    "cardiac": "dedup_asysd_hair2023/cardiac",
    "srsr": "dedup_asysd_hair2023/srsr",
    "depression": "dedup_asysd_hair2023/depression",
    "cytology": "dedup_rathbone2015_sradm/cytology_screening",
    "haematology": "dedup_rathbone2015_sradm/haematology",
    "respiratory": "dedup_rathbone2015_sradm/respiratory",
    "stroke": "dedup_rathbone2015_sradm/stroke",
    "digital_work": "dedup_wagner2021_digital_work",
}
NAIVE_MAX_RECORDS = 10_000
NAIVE_THRESHOLD = 90  # title ratio for the naive baseline: same title up to small typos
BIB_DEDUPE_VERSION = "0.7.2"
VENV = ROOT / "benchmarks" / ".venvs" / "bib-dedupe"
ENTRY_TYPES = {"article": "article", "inproceedings": "other", "proceedings": "book", "incollection": "chapter",
               "inbook": "chapter", "book": "book", "techreport": "report", "phdthesis": "thesis",
               "mastersthesis": "thesis"}


def data_dir(option: str | None) -> Path:
    """--data, else $REVIEW_BENCHMARKS, else shared/benchmarks next to the repository (or next to a
    parent folder, for a git worktree kept one level deeper)."""
    if option or os.environ.get("REVIEW_BENCHMARKS"):
        return Path(option or os.environ["REVIEW_BENCHMARKS"])
    for folder in ROOT.parents:
        if (folder / "shared" / "benchmarks").is_dir():
            return folder / "shared" / "benchmarks"
    return ROOT.parent / "shared" / "benchmarks"


def load_set(folder: Path) -> tuple[pd.DataFrame, list[list[str]]]:
    parts = sorted(folder.glob("records_pre_merged*.csv*"))
    frame = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in parts], ignore_index=True)
    gold = pd.read_csv(folder / "merged_record_ids.csv", dtype=str)["merged_ids"]
    return frame, [g.split(";") for g in gold]


# "Adeli K.Lewis G. F." and "Smith, J. and Jones, K.": the benchmark exports' author fields.
_GLUED = re.compile(r"(?<=\.)(?=[A-Z][a-z])")
_VANCOUVER = re.compile(r"^(?P<family>.+?)\s+(?P<given>(?:[A-Z]\.?\s?-?){1,4})$")


def split_authors(value: str) -> list[str]:
    names = []
    for part in re.split(r"\s+and\s+|;\s*", value):
        names.extend(_GLUED.split(part))
    cleaned = []
    for name in names:
        name = name.strip()
        match = _VANCOUVER.match(name) if "," not in name else None
        cleaned.append(f"{match['family']}, {match['given']}" if match else name)
    return [n for n in cleaned if n]


def repaired(value: str) -> str:
    """Undo double-encoded UTF-8 ("KÃ¶nig"), as our importers do on reading (docs/importers)."""
    return ftfy.fix_text(value) if "Ã" in value else value


def to_records(frame: pd.DataFrame) -> list[RawRecord]:
    records = []
    for row in frame.to_dict("records"):
        row["title"], row["author"] = repaired(row.get("title", "")), repaired(row.get("author", ""))
        authors = [a for a in (parse_author(n) for n in split_authors(row["author"])) if a]
        volume = row.get("volume", "")
        records.append(RawRecord(
            source="other", format="csv", title=row.get("title", ""), authors=authors,
            year=parse_year(row.get("year")), venue=row.get("journal") or row.get("booktitle") or None,
            doi=normalise_doi(row.get("doi", "")), pages=row.get("pages") or None,
            volume=None if volume in ("", "UNKNOWN") else volume, issue=row.get("number") or None,
            doc_type=ENTRY_TYPES.get(row.get("ENTRYTYPE", "").lower(), "other"),
            abstract=row.get("abstract") or None))
    return records


def gold_pairs(ids: list[str], gold: list[list[str]]) -> set[tuple[int, int]]:
    index = {value: pos for pos, value in enumerate(ids)}
    pairs = set()
    for group in gold:
        positions = sorted(index[i] for i in group if i in index)
        pairs.update(combinations(positions, 2))
    return pairs


def pairs_of_groups(groups) -> set[tuple[int, int]]:
    pairs = set()
    for group in groups:
        pairs.update(combinations(sorted(group), 2))
    return pairs


def score(found: set, gold: set) -> dict:
    tp = len(found & gold)
    precision = tp / len(found) if found else 1.0
    recall = tp / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "fp": len(found - gold), "fn": len(gold - found)}


def run_ours(records: list[RawRecord]) -> tuple[set, float, int]:
    start = time.perf_counter()
    result = find_duplicates(records)
    return result.duplicate_pairs(), time.perf_counter() - start, len(result.uncertain)


def run_naive(records: list[RawRecord]) -> tuple[set, float]:
    """All pairs: same title (ratio >= NAIVE_THRESHOLD) and same year, clustered transitively."""
    from review.normalise import title_key
    start = time.perf_counter()
    titles = [title_key(r.title) for r in records]
    years = np.array([r.year or -1 for r in records])
    scores = process.cdist(titles, titles, scorer=fuzz.ratio, score_cutoff=NAIVE_THRESHOLD,
                           dtype=np.uint8, workers=2)
    rows, cols = np.nonzero(np.triu(scores, k=1))
    keep = years[rows] == years[cols]
    parent = list(range(len(records)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for a, b in zip(rows[keep].tolist(), cols[keep].tolist()):
        if titles[a]:
            parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for i in range(len(records)):
        groups.setdefault(find(i), []).append(i)
    return pairs_of_groups(groups.values()), time.perf_counter() - start
