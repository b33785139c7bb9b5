"""Write decisions/pairs.csv: the lead's verdict on every pair the tool leaves uncertain.

    python fafo_data/pair_verdicts.py [--repo DIR]

Runs the bundled review without the verdict file, lists the uncertain pairs the deduplication asks a
person about, and records for each what the ground truth says: 'duplicate' when both raw records belong
to one work, 'distinct' otherwise. Run it again after the dedup rules change (the set of uncertain pairs
may change); check.py names any uncertain pair the file does not cover.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from pathlib import Path

import tomllib

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]

from review.dedup.verdict_file import COLUMNS, record_identity  # noqa: E402

LEAD = "Anna"
NOTES = {"duplicate": "Samme verk: Google Scholar har kuttet tittelen og forfatterlisten", "distinct": "Ulike verk"}


def manifest_paths(repo: Path) -> dict[str, str]:
    """Export file name -> its path under exports/ (what ground_truth.csv and the verdict file use)."""
    data = tomllib.loads((repo / "exports" / "searches.toml").read_text(encoding="utf-8"))
    return {Path(s["file"]).name: s["file"] for s in data["search"]}


def truth_works(repo: Path) -> dict[tuple[str, int], str]:
    with (repo / "fafo_data" / "ground_truth.csv").open(encoding="utf-8") as fh:
        return {(r["file"], int(r["position"])): r["work"] for r in csv.DictReader(fh)}


def uncertain_pairs(review_dir: Path) -> list[dict]:
    """Every pair in the queue, each side with its file path, position and verdict-file identity."""
    from sqlalchemy import select

    from review.dedup.workflow import list_pairs
    from review.store import open_store, schema

    paths = manifest_paths(review_dir)
    store = open_store(review_dir)
    try:
        with store.read() as conn:
            pairs = list_pairs(conn)
            r, i = schema.raw_records, schema.imports
            ids = {x for p in pairs for x in (p["raw_a"], p["raw_b"])}
            rows = (
                {
                    row.id: row
                    for row in conn.execute(
                        select(r.c.id, i.c.file_name, r.c.source_id, r.c.cluster_id, r.c.position)
                        .join(i, i.c.id == r.c.import_id)
                        .where(r.c.id.in_(ids))
                    )
                }
                if ids
                else {}
            )
    finally:
        store.close()
    out = []
    for p in pairs:
        sides = []
        for raw_id in (p["raw_a"], p["raw_b"]):
            row = rows[raw_id]
            path = paths.get(row.file_name, row.file_name)
            sides.append(
                dict(
                    file=path,
                    position=row.position,
                    identity=record_identity(path, row.source_id, row.cluster_id, row.position),
                )
            )
        out.append(dict(a=sides[0], b=sides[1], reason=p["reason"]))
    return out


def run_without_verdicts(repo: Path, target: Path):
    from review.bundled import REVIEW_PARTS
    from review.pipeline import run_review

    for part in REVIEW_PARTS:
        source = repo / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.is_file():
            shutil.copy2(source, target / part)
    (target / "decisions" / "pairs.csv").unlink(missing_ok=True)
    return run_review(target)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=HERE.parent)
    args = parser.parse_args(argv)
    truth = truth_works(args.repo)
    with tempfile.TemporaryDirectory() as tmp:
        run_without_verdicts(args.repo, Path(tmp))
        pairs = uncertain_pairs(Path(tmp))
    rows = []
    for pair in pairs:
        a, b = pair["a"], pair["b"]
        same = truth[(a["file"], a["position"])] == truth[(b["file"], b["position"])]
        verdict = "duplicate" if same else "distinct"
        rows.append([a["identity"], b["identity"], verdict, LEAD, NOTES[verdict]])
    with (args.repo / "decisions" / "pairs.csv").open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(COLUMNS)
        out.writerows(sorted(rows))
    print(
        f"{len(rows)} verdicts: {sum(r[2] == 'duplicate' for r in rows)} duplicate, "
        f"{sum(r[2] == 'distinct' for r in rows)} distinct"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
