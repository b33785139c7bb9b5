"""Write the bundled Fafo review's exports/ and decisions/ from the ground truth (run from anywhere).

    python fafo_data/generate.py [--repo DIR]

It produced the synthetic stand-in records in exports/ and the decisions in decisions/; the same
seed gives the same files. It also writes fafo_data/ground_truth.csv, which check.py uses.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from assemble import build  # noqa: E402
from model import FAMILIES, Work  # noqa: E402
from summaries_text import SUMMARIES  # noqa: E402
from writers import write_pop, write_ris, write_scholar_page  # noqa: E402

from review.protocol import load_family  # noqa: E402

DATES = {"no": "2022-09-26", "sv": "2022-09-28", "da": "2022-09-29", "en": "2022-10-03"}
RIS_QUIRKS = {"no": {}, "sv": {"bom": True}, "da": {"crlf": True}, "en": {"crlf": True}}
HTML_PAGES = {"no": 2, "sv": 1, "da": 1}
ORIA_FILTERS = {
    "no": "Utgivelsesår 2016–2022; studentoppgaver (masteroppgaver o.l.) ekskludert",
    "sv": "Utgivelsesår 2016–2022; studentoppgaver ekskludert",
    "da": "Utgivelsesår 2016–2022; studentoppgaver ekskludert",
    "en": "Utgivelsesår 2016–2022; kun fagfellevurdert; studentoppgaver ekskludert",
}
SCHOLAR_FILTERS = "Tidsrom 2016–2022; uten sitater og patenter (studentoppgaver kan ikke filtreres i Scholar)"


def rank(works: list[Work], family: str, rng) -> list[Work]:
    """Result order: the real works and works that passed stage 1 rank high, as relevant hits do."""

    def score(w: Work) -> float:
        tier = 0 if (w.real and w._html_hint == (family, 1)) else 1 if w.real else 2 if w._fate != "exc1" else 3
        return tier + rng.random() * 1.6

    return sorted(works, key=score)


def scholar_query(family) -> str:
    groups = []
    for group in family.groups:
        forms = []
        for term in group.terms:
            forms += family.scholar_forms.get(term, [term.rstrip("*")])
        groups.append(" OR ".join(f'"{f}"' if " " in f else f for f in forms))
    return " ".join(groups)


def write_exports(repo: Path, works: list[Work], rng) -> list[dict]:
    exports = repo / "exports"
    (exports / "oria").mkdir(parents=True, exist_ok=True)
    (exports / "scholar").mkdir(parents=True, exist_ok=True)
    searches, truth = [], []
    for f in FAMILIES:
        family = load_family(repo / "queries" / f"{f}.toml")
        oria_works = rank([w for w in works if w.in_source(f, "oria")], f, rng)
        entries = [(w, oid) for w in oria_works for oid in w.oria_ids]
        name = f"oria/{f}.ris"
        n = write_ris(exports / name, entries, **RIS_QUIRKS[f])
        searches.append(
            dict(
                file=name,
                source="oria",
                family=f,
                query=family.query(),
                searched=DATES[f],
                filters=ORIA_FILTERS[f],
                hits=n,
            )
        )
        truth += [(name, i, w, oid) for i, (w, oid) in enumerate(entries, 1)]
        if "scholar" not in family.sources:
            continue
        ranked = rank([w for w in works if w.in_source(f, "scholar")], f, rng)
        query = scholar_query(family)
        name = f"scholar/{f}_pop.csv"
        n = write_pop(exports / name, ranked, DATES[f])
        searches.append(
            dict(
                file=name,
                source="scholar",
                family=f,
                query=query,
                searched=DATES[f],
                filters=SCHOLAR_FILTERS + "; eksportert med Publish or Perish",
                hits=n,
            )
        )
        truth += [(name, i, w, w.cluster_id) for i, w in enumerate(ranked, 1)]
        terms = [x for t in family.scholar_forms.values() for x in t]
        for page in range(HTML_PAGES[f]):
            chunk = ranked[page * 10 : (page + 1) * 10]
            name = f"scholar/{f}_page{page + 1}.html"
            write_scholar_page(exports / name, chunk, query=query, start=page * 10, total=len(ranked), terms=terms)
            searches.append(
                dict(
                    file=name,
                    source="scholar",
                    family=f,
                    query=query,
                    searched=DATES[f],
                    filters=SCHOLAR_FILTERS + f"; lagret resultatside {page + 1}",
                    hits=len(ranked),
                )
            )
            truth += [(name, i, w, w.cluster_id) for i, w in enumerate(chunk, 1)]
    write_manifest(exports / "searches.toml", searches)
    write_truth(HERE / "ground_truth.csv", truth)
    return searches


def toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_manifest(path: Path, searches: list[dict]) -> None:
    lines = [
        "# Search log and import manifest of the bundled review, in import order.",
        "# The files are rebuilt test data (see docs/bundled-review.md): the real works are mixed with",
        "# synthetic stand-in records; `hits` is the number of records in each file.",
        "",
    ]
    for s in searches:
        lines.append("[[search]]")
        for key in ("file", "source", "family", "query", "searched", "filters"):
            lines.append(f"{key} = {toml_str(s[key])}")
        lines += [f"hits = {s['hits']}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_truth(path: Path, rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(
            ["file", "position", "work", "family", "real", "peer_reviewed", "thesis", "raw_id", "title", "fate", "twin"]
        )
        for name, pos, w, raw_id in rows:
            out.writerow(
                [
                    name,
                    pos,
                    w.key,
                    w.family,
                    int(w.real),
                    int(w.peer_reviewed),
                    int(w.thesis),
                    raw_id,
                    w.title,
                    w._fate,
                    w._twin,
                ]
            )


def write_decisions(repo: Path, works: list[Work]) -> None:
    folder = repo / "decisions"
    folder.mkdir(exist_ok=True)
    with (folder / "decisions.csv").open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["record", "stage", "decision", "reason", "reviewer", "final", "note"])
        for stage in (1, 2, 3):
            for w in works:
                for d in w.decisions:
                    if d.stage == stage:
                        out.writerow([w.record_key, d.stage, d.decision, d.reason, d.reviewer, "true", d.note])
    with (folder / "quality.csv").open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["record", "reviewer", "criterion", "rating", "note"])
        for w in works:
            for criterion, rating, note in w.quality:
                out.writerow([w.record_key, w.quality_reviewer, criterion, rating, note])
    lines = ["# Summaries of the 24 included works (Vedlegg 1 of the report), rewritten in our own words.", ""]
    for w in works:
        if not w.group:
            continue
        aim, method, findings = SUMMARIES[w.key]
        lines += [
            "[[summary]]",
            f"record = {toml_str(w.record_key)}",
            f"# {w.authors[0][0]} ({w.year}): {w.title}",
            f"group = {toml_str(w.group)}",
        ]
        for key, text in (("aim", aim), ("method", method), ("findings", findings)):
            lines.append(f"{key} = {toml_str(' '.join(text.split()))}")
        lines.append("")
    (folder / "summaries.toml").write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=HERE.parent, help="repository root to write into")
    args = parser.parse_args(argv)
    import random

    works = build()
    searches = write_exports(args.repo, works, random.Random(7))
    write_decisions(args.repo, works)
    raw = sum(s["hits"] if not s["file"].endswith(".html") else 0 for s in searches)
    pages = sum(1 for s in searches if s["file"].endswith(".html"))
    print(
        f"{len(works)} works; {len(searches)} files ({pages} saved Scholar pages); "
        f"{raw} records in RIS/CSV files plus the page results"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
