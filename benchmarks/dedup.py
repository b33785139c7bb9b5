"""Deduplication benchmark: pairwise precision, recall and F1 on the labelled sets, with baselines.

Run from the repository root:  python benchmarks/dedup.py [--sets diabetes,stroke] [--skip-bib-dedupe]
The data is found in ../shared/benchmarks next to the repository, or where REVIEW_BENCHMARKS points.
The eleventh set, ``grey_literature``, is our own labelled SYNTHETIC Nordic grey-literature set in
benchmarks/grey_literature/ (built by benchmarks/grey_literature.py), read through our importers.

For each set it scores our ``find_duplicates``; a naive all-pairs rapidfuzz baseline (sets up to
10,000 records); and bib-dedupe (PyPI), installed into its own virtual environment under
benchmarks/.venvs/ and run in a subprocess on the same records in the same run. Finally it times our
dedup on a generated 50,000-record set. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
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
GREY = "grey_literature"  # benchmarks/grey_literature/: Oria RIS, PoP CSV, Scholar HTML and BibTeX
# In the Rathbone (SRA-DM) exports the `number` column holds the EndNote record number, not the issue.
NO_ISSUE_COLUMN = {"cytology", "haematology", "respiratory", "stroke"}
NAIVE_MAX_RECORDS = 10_000
NAIVE_THRESHOLD = 90  # title ratio for the naive baseline: same title up to small typos
BIB_DEDUPE_VERSION = "0.7.2"
VENV = ROOT / "benchmarks" / ".venvs" / "bib-dedupe"
ENTRY_TYPES = {
    "article": "article",
    "inproceedings": "other",
    "proceedings": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "book": "book",
    "techreport": "report",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
}


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


def to_records(frame: pd.DataFrame, *, issue_column: bool = True) -> list[RawRecord]:
    records = []
    for row in frame.to_dict("records"):
        row["title"], row["author"] = repaired(row.get("title", "")), repaired(row.get("author", ""))
        authors = [a for a in (parse_author(n) for n in split_authors(row["author"])) if a]
        volume = row.get("volume", "")
        records.append(
            RawRecord(
                source="other",
                format="csv",
                title=row.get("title", ""),
                authors=authors,
                year=parse_year(row.get("year")),
                venue=row.get("journal") or row.get("booktitle") or None,
                doi=normalise_doi(row.get("doi", "")),
                pages=row.get("pages") or None,
                volume=None if volume in ("", "UNKNOWN") else volume,
                issue=(row.get("number") or None) if issue_column else None,
                doc_type=ENTRY_TYPES.get(row.get("ENTRYTYPE", "").lower(), "other"),
                abstract=row.get("abstract") or None,
            )
        )
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


def run_ours(records: list[RawRecord]):
    start = time.perf_counter()
    result = find_duplicates(records)
    return result, time.perf_counter() - start


def split_silently(result, gold: set) -> int:
    """Gold pairs neither merged nor shown to a person: no queued pair joins their two groups."""
    group_of = {pos: n for n, group in enumerate(result.groups) for pos in group}
    asked = {frozenset((group_of[p.a], group_of[p.b])) for p in result.uncertain}
    return sum(1 for a, b in gold if group_of[a] != group_of[b] and frozenset((group_of[a], group_of[b])) not in asked)


def run_naive(records: list[RawRecord]) -> tuple[set, float]:
    """All pairs: same title (ratio >= NAIVE_THRESHOLD) and same year, clustered transitively."""
    from review.normalise import title_key

    start = time.perf_counter()
    titles = [title_key(r.title) for r in records]
    years = np.array([r.year or -1 for r in records])
    scores = process.cdist(titles, titles, scorer=fuzz.ratio, score_cutoff=NAIVE_THRESHOLD, dtype=np.uint8, workers=2)
    rows, cols = np.nonzero(np.triu(scores, k=1))
    keep = years[rows] == years[cols]
    parent = list(range(len(records)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(rows[keep].tolist(), cols[keep].tolist(), strict=True):
        if titles[a]:
            parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for i in range(len(records)):
        groups.setdefault(find(i), []).append(i)
    return pairs_of_groups(groups.values()), time.perf_counter() - start


# Runs inside bib-dedupe's own virtual environment: reads the records CSV, prints the groups as JSON.
BIB_DEDUPE_RUNNER = """
import json, sys, time
import pandas as pd
from bib_dedupe.bib_dedupe import prep, block, match, cluster
records = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
start = time.perf_counter()
matched = match(block(prep(records, cpu=2), cpu=2), cpu=2)
groups = [sorted(g) for g in cluster(matched)]
print(json.dumps({"seconds": time.perf_counter() - start, "groups": groups}))
"""


def ensure_bib_dedupe() -> Path:
    python = VENV / "bin" / "python"
    if not python.exists():
        print(f"installing bib-dedupe {BIB_DEDUPE_VERSION} into {VENV.relative_to(ROOT)} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        # bib-dedupe 0.7.2 imports pandas without declaring it as a dependency.
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", f"bib-dedupe=={BIB_DEDUPE_VERSION}", "pandas>=2,<3"], check=True
        )
    return python


def run_bib_dedupe(frame: pd.DataFrame, name: str, timeout: float) -> tuple[set | None, float | None, str]:
    """bib-dedupe on the same records, in a subprocess; (pairs, seconds, note)."""
    python = ensure_bib_dedupe()
    cache = ROOT / "benchmarks" / ".cache"
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{name}.csv"
    frame.to_csv(path, index=False)
    try:
        done = subprocess.run(
            [str(python), "-c", BIB_DEDUPE_RUNNER, str(path)], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None, None, f"stopped after {timeout:.0f} s"
    if done.returncode != 0:
        return None, None, "failed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:120]
    output = json.loads(done.stdout.strip().splitlines()[-1])
    (cache / f"{name}.bib-dedupe.json").write_text(json.dumps(output))  # kept for looking at differences
    index = {value: pos for pos, value in enumerate(frame["ID"])}
    groups = [[index[i] for i in group if i in index] for group in output["groups"]]
    return pairs_of_groups(groups), output["seconds"], ""


# A generated set for timing only: random titles from a vocabulary, 15% of works copied with
# realistic damage (case, punctuation, a dropped subtitle, a "…" cut, initials instead of names).
VOCABULARY = (
    "refugee migrant career guidance labour market integration school adult education language "
    "training employment policy municipality evaluation report survey outcomes barriers youth "
    "counselling qualification recognition network social capital gender health welfare "
    "programme introduction norway sweden denmark nordic inclusion work practice mentoring "
    "digital competence vocational upper secondary transition newcomer participation"
).split()
# Surnames: stems x endings (about 600), drawn with Zipf-like weights as in real author lists.
SURNAMES = [
    stem + ending
    for stem in (
        "Nord Berg Lund Sven Johan Lar Niel Ol Anders Karl Haug Dahl Lie Bakk Moe "
        "Strand Erik Jen Peder Holm Nil Sol Lien Fjell Vik"
    ).split()
    for ending in (
        "",
        "sen",
        "son",
        "mann",
        "ström",
        "gaard",
        "heim",
        "berg",
        "vik",
        "dal",
        "strand",
        "by",
        "land",
        "rud",
        "seth",
        "holm",
        "nes",
        "stad",
        "lie",
        "bø",
        "hagen",
        "li",
        "mo",
        "ås",
    )
]
SURNAME_WEIGHTS = [1 / (rank + 1) for rank in range(len(SURNAMES))]


def generated_records(n: int, seed: int = 7) -> list[RawRecord]:
    rng = random.Random(seed)
    records: list[RawRecord] = []
    while len(records) < n:
        words = rng.sample(VOCABULARY, rng.randint(5, 12))
        title = " ".join(words[:-3]).capitalize() + ": " + " ".join(words[-3:])
        authors = [
            parse_author(f"{name}, {rng.choice('ABCDEFGHIJ')}.")
            for name in rng.choices(SURNAMES, SURNAME_WEIGHTS, k=rng.randint(1, 4))
        ]
        year = rng.randint(2005, 2023)
        records.append(RawRecord(title=title, authors=authors, year=year, source="oria"))
        if rng.random() < 0.15 and len(records) < n:
            copy = title.split(":")[0] if rng.random() < 0.5 else " ".join(title.split()[:6]) + " …"
            records.append(
                RawRecord(
                    title=copy.upper() if rng.random() < 0.2 else copy,
                    source="scholar",
                    authors=[parse_author(f"{a.given[:1]} {a.family}") for a in authors[:3]],
                    year=year,
                )
            )
    return records


def fmt(value: float | None, digits: int = 4) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", help="comma-separated subset of: " + ", ".join(SETS))
    parser.add_argument("--data", help="folder with the benchmark sets (default: ../shared/benchmarks)")
    parser.add_argument("--skip-bib-dedupe", action="store_true", help="do not run bib-dedupe")
    parser.add_argument("--skip-naive", action="store_true", help="do not run the all-pairs baseline")
    parser.add_argument("--bib-dedupe-timeout", type=float, default=900, help="seconds per set (default 900)")
    parser.add_argument("--generated", type=int, default=50_000, help="size of the generated timing set (0: skip)")
    args = parser.parse_args(argv)
    names = args.sets.split(",") if args.sets else [*SETS, GREY]
    unknown = [n for n in names if n not in SETS and n != GREY]
    if unknown:
        parser.error(f"unknown sets {unknown}; choose from {', '.join([*SETS, GREY])}")
    base = data_dir(args.data)

    rows = []
    for name in names:
        if name == GREY:
            from grey_literature import load as load_grey

            records, truth, _ = load_grey()
            frame = None
        else:
            frame, gold = load_set(base / SETS[name])
            records = to_records(frame, issue_column=name not in NO_ISSUE_COLUMN)
            truth = gold_pairs(list(frame["ID"]), gold)
        result, seconds = run_ours(records)
        found, uncertain = result.duplicate_pairs(), len(result.uncertain)
        ours = score(found, truth)
        ours["silent"] = split_silently(result, truth)
        row = {
            "set": name,
            "records": len(records),
            "gold": len(truth),
            "ours": ours,
            "ours_s": seconds,
            "uncertain": uncertain,
            "questions": result.decisions_for_a_person(),
            "naive": None,
            "naive_s": None,
            "bib": None,
            "bib_s": None,
            "bib_note": "",
        }
        if not args.skip_naive and len(records) <= NAIVE_MAX_RECORDS:
            pairs, row["naive_s"] = run_naive(records)
            row["naive"] = score(pairs, truth)
        if not args.skip_bib_dedupe and frame is not None:
            pairs, row["bib_s"], row["bib_note"] = run_bib_dedupe(frame, name, args.bib_dedupe_timeout)
            row["bib"] = score(pairs, truth) if pairs is not None else None
        rows.append(row)
        print(
            f"{name}: ours P {ours['precision']:.4f} R {ours['recall']:.4f} F1 {ours['f1']:.4f} "
            f"({seconds:.1f} s, {uncertain} uncertain record pairs, {row['questions']} questions for a person, "
            f"{ours['silent']} gold pairs split without asking)"
            + (
                f"; bib-dedupe F1 {fmt(row['bib']['f1'])} ({row['bib_s']:.1f} s)"
                if row["bib"]
                else f"; bib-dedupe {row['bib_note']}"
                if row["bib_note"]
                else ""
            ),
            file=sys.stderr,
            flush=True,
        )

    print(
        "| set | records | gold pairs | ours P / R / F1 | ours s | queued pairs | queued per gold pair "
        "| questions for a person | gold pairs split unasked | naive P / R / F1 | naive s | bib-dedupe P / R / F1 "
        "| bib-dedupe s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:

        def prf(s):
            return "–" if not s else f"{s['precision']:.4f} / {s['recall']:.4f} / {s['f1']:.4f}"

        bib = prf(r["bib"]) if r["bib"] else (r["bib_note"] or "not run")
        per_pair = r["uncertain"] / r["gold"] if r["gold"] else 0.0
        print(
            f"| {r['set']} | {r['records']:,} | {r['gold']:,} | {prf(r['ours'])} | {r['ours_s']:.1f} | "
            f"{r['uncertain']:,} | {per_pair:.3f} | {r['questions']:,} | {r['ours']['silent']:,} | {prf(r['naive'])} | {fmt(r['naive_s'], 1)} | {bib} "
            f"| {fmt(r['bib_s'], 1)} |"
        )
    public = [r for r in rows if r["set"] in SETS]
    if public:
        print(
            f"\nMean F1 of ours over the {len(public)} public sets run: "
            f"{sum(r['ours']['f1'] for r in public) / len(public):.4f}."
        )
    compared = [r for r in rows if r["bib"]]
    if compared:
        ours_mean = sum(r["ours"]["f1"] for r in compared) / len(compared)
        bib_mean = sum(r["bib"]["f1"] for r in compared) / len(compared)
        print(
            f"\nMean F1 over the {len(compared)} sets bib-dedupe finished: ours {ours_mean:.4f}, "
            f"bib-dedupe {bib_mean:.4f}."
        )
    if args.generated:
        records = generated_records(args.generated)
        start = time.perf_counter()
        result = find_duplicates(records)
        seconds = time.perf_counter() - start
        print(
            f"\nGenerated set: {len(records):,} records -> {len(result.groups):,} works in {seconds:.1f} s "
            f"({result.n_candidates:,} candidate pairs scored)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
