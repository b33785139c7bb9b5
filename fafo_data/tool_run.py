"""check.py's last part: run the bundled review with the tool itself and check what a user sees."""

from __future__ import annotations

import contextlib
import csv
import io
import re
import tempfile
from collections import defaultdict
from pathlib import Path

from pair_verdicts import manifest_paths, uncertain_pairs
from vedlegg1_reference import REFERENCES, differences

SYNTHETIC_DOI_PREFIX = "10.5555/"  # the Crossref test prefix every synthetic DOI uses


def _cli(*args) -> str:
    from review.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([str(a) for a in args])
    if code:
        raise RuntimeError(f"review {' '.join(map(str, args))} exited with {code}")
    return out.getvalue()


def _rows(path: Path) -> list[dict]:
    lines = [ln for ln in path.read_text(encoding="utf-8-sig").splitlines(keepends=True) if not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("".join(lines))))


def check(repo: Path, rep, truth) -> None:
    import shutil

    from review.bundled import REVIEW_PARTS
    from review.pipeline import run_review

    with tempfile.TemporaryDirectory() as tmp:
        review = Path(tmp) / "fafo"
        review.mkdir()
        for part in REVIEW_PARTS:
            source = repo / part
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, review / part)
        report = run_review(review)
        rep.check(not report.warnings, f"a quiet run: no warnings {report.warnings[:2]}")
        waiting = uncertain_pairs(review)
        rep.check(
            not waiting,
            "every uncertain pair has a verdict in decisions/pairs.csv; without one: "
            + "; ".join(f"{p['a']['identity']} ~ {p['b']['identity']}" for p in waiting[:5]),
        )
        check_flow(review, rep)
        check_appendix(review, rep)
        check_synthetic_marks(review, rep, truth)
        check_update(review, rep)


def check_flow(review: Path, rep) -> None:
    from review.protocol import load_protocol
    from review.reports.flow.labels import family_display_names
    from review.reports.flow.layout import layout_flow
    from review.store import open_store
    from screening.flow import compute_flow

    protocol = load_protocol(review)
    store = open_store(review)
    try:
        flow = compute_flow(store, protocol)
    finally:
        store.close()
    stage1 = flow.stages[1]
    diagram = layout_flow(
        flow, protocol.report_language, family_display_names(protocol.families, protocol.report_language)
    )
    drawn = [int(n) for ln in diagram.box("screened").lines for n in re.findall(r"\(n = (\d+)\)", ln.text)]
    rep.check(
        drawn[:1] == [stage1.screened] == [385],
        f"the flow diagram's records screened {drawn[:1]} = Table 3.1's stage-1 total {stage1.screened} = 385",
    )
    rep.check(
        stage1.excluded_automatically == 0 and stage1.excluded_by_reason.get("Studentoppgave") == 51,
        "the 51 Scholar theses were excluded by the team at stage 1, none by a protocol rule",
    )
    counts = [flow.unique] + [flow.stages[n].included for n in (1, 2, 3)]
    rep.check(counts == [385, 88, 37, 24], "the tool's flow: " + " → ".join(map(str, counts)))


def check_appendix(review: Path, rep) -> None:
    path = review.parent / "vedlegg1.md"
    _cli("export", review, "appendix", "-o", path)
    text = path.read_text(encoding="utf-8")
    lines, group = [], ""
    for line in text.splitlines():
        if line.startswith("## "):
            group = line[3:]
        elif line.startswith("**") and line.endswith("**"):
            lines.append((group, line.strip("*").replace("\\", "")))
    rep.check(len(lines) == len(REFERENCES) == 24, f"Vedlegg 1 has {len(lines)} reference lines")
    wrong = []
    for n, ((group, line), ref) in enumerate(zip(lines, REFERENCES, strict=False), 1):
        problems = differences(line, ref) + ([f"group {group}"] if group != ref["group"] else [])
        if problems:
            wrong.append(f"{n}. {line[:40]}…: {'; '.join(problems)}")
    rep.check(not wrong, f"Vedlegg 1's lines match the report's entries, in its order {wrong[:3]}")


def check_synthetic_marks(review: Path, rep, truth) -> None:
    names = manifest_paths(review)
    raw_path, works_path, included_path = (review.parent / f"{n}.csv" for n in ("raw", "works", "included"))
    for what, path in (("raw", raw_path), ("works", works_path), ("included", included_path)):
        _cli("export", review, what, "-o", path)
    real_of_work = defaultdict(set)
    wrong = []
    for row in _rows(raw_path):
        is_real = truth[(names[row["file"]], int(row["position"]))]["real"] == "1"
        real_of_work[row["work_id"]].add(is_real)
        if (row["synthetic"] == "1") == is_real:
            wrong.append(f"raw {row['raw_id']}")
    for row in _rows(works_path):
        if (row["synthetic"] == "1") != (True not in real_of_work[row["work_id"]]):
            wrong.append(f"work {row['work_id']}")
    rep.check(not wrong, f"the synthetic column of the raw and works exports follows the files' marks {wrong[:3]}")
    included = _rows(included_path)
    rep.check(
        len(included) == 24
        and all(r["synthetic"] == "0" for r in included)
        and not included_path.read_text(encoding="utf-8-sig").startswith("#"),
        "the 24 included works are real: no synthetic row, no warning at the top",
    )


def check_update(review: Path, rep) -> None:
    from sqlalchemy import select

    from review.store import open_store, schema

    _cli(
        "update",
        review,
        "--years",
        "2023-2025",
        "--manifest",
        review / "exports" / "update-2023-2025" / "searches.toml",
    )
    _cli("dedup", review)
    store = open_store(review)
    try:
        with store.read() as conn:
            w, r, links = schema.works, schema.raw_records, schema.work_links
            mixed = list(
                conn.execute(
                    select(w.c.id, w.c.title)
                    .join(links, links.c.work_id == w.c.id)
                    .join(r, r.c.id == links.c.raw_id)
                    .where(w.c.synthetic.is_(False), r.c.synthetic.is_(True))
                    .distinct()
                )
            )
            leaked = list(
                conn.execute(
                    select(w.c.id, w.c.doi).where(w.c.synthetic.is_(False), w.c.doi.like(SYNTHETIC_DOI_PREFIX + "%"))
                )
            )
    finally:
        store.close()
    rep.check(not mixed, f"after the update no synthetic record belongs to a real work {mixed[:3]}")
    rep.check(not leaked, f"no real work has a synthetic DOI {leaked[:3]}")
