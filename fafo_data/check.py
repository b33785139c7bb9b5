"""Check the bundled review's data without the project's own importers.

    python fafo_data/check.py [--repo DIR]

Parses every file in exports/searches.toml with rispy, pandas and BeautifulSoup, links duplicates with
the plain rules the data promises (same DOI, Oria id, Scholar cluster or result id, or the same title up
to case, punctuation, diacritics and a "…" cut with the same first-author surname and year), and
compares the result with the generator's ground truth. Then it checks the decisions, quality ratings,
pair verdicts and summaries against review.toml, Table 3.1 and the report (summaries share no run of
eight words with it). Last, it runs the bundled review with the tool itself and checks what a user
sees: no uncertain pair without a verdict, a quiet run, the flow diagram's 385 screened, Vedlegg 1's
24 reference lines against the report, the synthetic mark in exports, and the 2023–2025 update (no
synthetic value in a real work). Exit code 1 if anything is off.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import tomllib

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import pandas as pd  # noqa: E402
import rispy  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402

from review.importers.mappings import POP_COLUMNS as PUBLISH_OR_PERISH_COLUMNS  # noqa: E402
from review.normalise import fold, normalise_doi, parse_author, title_key  # noqa: E402

ORDER = ("no", "sv", "da", "en")
TABLE_3_1 = {"no": (190, 31, 12, 9), "sv": (112, 22, 6, 3), "da": (15, 6, 2, 2), "en": (68, 29, 17, 10)}
SYNTHETIC = "Syntetisk stand-in-post (ikke en ekte publikasjon)"
POP_COLUMNS = list(PUBLISH_OR_PERISH_COLUMNS)
THESIS_WORDS = re.compile(r"masteroppgave|bacheloroppgave|examensarbete|uppsats|speciale", re.I)
CITES = re.compile(r"[?&]cites=(\d+)")
CLUSTER = re.compile(r"[?&]cluster=(\d+)")
RELATED = re.compile(r"related:([\w-]{12}):")


class Report:
    def __init__(self):
        self.failures = 0

    def check(self, ok: bool, message: str) -> None:
        print(("  ok    " if ok else "  FAIL  ") + message)
        self.failures += not ok


def surname(authors: list[str]) -> str:
    first = parse_author(authors[0].rstrip("…").strip()) if authors else None
    return fold(first.family) if first else ""


def raw(file, position, title, authors, year, **ids) -> dict:
    cut = title.rstrip().endswith("…")
    return dict(
        file=file,
        position=position,
        key=title_key(title),
        cut=cut,
        surname=surname(authors),
        year=int(year) if str(year).strip().isdigit() else None,
        **ids,
    )


def read_ris(path: Path, name: str, rep: Report, truth) -> list[dict]:
    records = rispy.loads(path.read_text(encoding="utf-8-sig"))
    out = []
    for i, r in enumerate(records, 1):
        rep_ok = all(r.get(k) for k in ("type_of_reference", "primary_title", "id", "year"))
        if not rep_ok:
            rep.check(False, f"{name} record {i}: missing TY/T1/ID/PY")
        marked = SYNTHETIC in (r.get("notes") or [])
        if marked == bool(truth[(name, i)]["real"] == "1"):
            rep.check(False, f"{name} record {i}: synthetic marker does not match the ground truth")
        out.append(
            raw(
                name,
                i,
                r["primary_title"],
                r.get("authors", []),
                r.get("year", ""),
                oria=r["id"],
                doi=normalise_doi(r.get("doi")),
                venue=r.get("alternate_title3", ""),
                publisher=r.get("publisher", ""),
            )
        )
    return out


def read_pop(path: Path, name: str, rep: Report, truth) -> list[dict]:
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    rep.check(list(frame.columns) == POP_COLUMNS + ["Note"], f"{name}: the 26 Publish or Perish columns + Note")
    out = []
    for i, row in enumerate(frame.itertuples(index=False), 1):
        if (row.Note == SYNTHETIC) == (truth[(name, i)]["real"] == "1"):
            rep.check(False, f"{name} row {i}: synthetic marker does not match the ground truth")
        cites = CITES.search(row.CitesURL)
        related = RELATED.search(row.RelatedURL)
        out.append(
            raw(
                name,
                i,
                row.Title,
                row.Authors.split(", "),
                row.Year,
                cluster=cites and cites.group(1),
                cid=related and related.group(1),
                doi=normalise_doi(row.DOI),
                venue=row.Source,
                publisher=row.Publisher,
            )
        )
    return out


def read_page(path: Path, name: str, rep: Report, truth) -> list[dict]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    out = []
    for i, div in enumerate(soup.select("div.gs_r.gs_or.gs_scl"), 1):
        title_el = div.select_one("h3.gs_rt")
        for marker in title_el.select("span.gs_ctc, span.gs_ctu"):
            marker.decompose()
        byline = div.select_one("div.gs_a").get_text().replace("\xa0", " ")
        parts = re.split(r"\s+-\s+", byline)
        year = re.search(r"(\d{4})\s*$", parts[1].split(",")[-1] if len(parts) > 1 else "")
        links = " ".join(a.get("href", "") for a in div.select("div.gs_fl a"))
        cluster = CITES.search(links) or CLUSTER.search(links)
        if (div.get("data-synthetic") == "1") == (truth[(name, i)]["real"] == "1"):
            rep.check(False, f"{name} result {i}: synthetic marker does not match the ground truth")
        out.append(
            raw(
                name,
                i,
                title_el.get_text(" ", strip=True),
                parts[0].split(", "),
                year.group(1) if year else "",
                cluster=cluster and cluster.group(1),
                cid=div.get("data-cid"),
                doi=None,
                venue=parts[1] if len(parts) > 2 else "",
                publisher=parts[-1] if len(parts) > 2 else "",
            )
        )
    return out


def link(records: list[dict]) -> list[int]:
    """Union-find over the promised duplicate rules; returns a group number per record."""
    parent = list(range(len(records)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a, b):
        parent[find(a)] = find(b)

    seen: dict[tuple, int] = {}
    for i, r in enumerate(records):
        for field in ("doi", "oria", "cluster", "cid"):
            value = r.get(field)
            if value:
                if (field, value) in seen:
                    union(i, seen[(field, value)])
                seen.setdefault((field, value), i)
    by_author_year = defaultdict(list)
    for i, r in enumerate(records):
        by_author_year[(r["surname"], r["year"])].append(i)
    for members in by_author_year.values():
        for x in members:
            for y in members:
                a, b = records[x], records[y]
                if x < y and (
                    a["key"] == b["key"]
                    or (a["cut"] and b["key"].startswith(a["key"]))
                    or (b["cut"] and a["key"].startswith(b["key"]))
                ):
                    union(x, y)
    return [find(i) for i in range(len(records))]


def check_files(repo: Path, rep: Report, truth) -> list[dict]:
    manifest = tomllib.loads((repo / "exports" / "searches.toml").read_text(encoding="utf-8"))["search"]
    readers = {".ris": read_ris, ".csv": read_pop, ".html": read_page}
    records = []
    for search in manifest:
        path = repo / "exports" / search["file"]
        got = readers[path.suffix](path, search["file"], rep, truth)
        expected = sum(1 for f, _ in truth if f == search["file"])
        shown = min(10, search["hits"]) if path.suffix == ".html" else search["hits"]
        rep.check(
            len(got) == expected == shown,
            f"{search['file']}: {len(got)} records parsed, manifest says {search['hits']} hits",
        )
        for r in got:
            r["family"], r["source"] = search["family"], search["source"]
        records += got
    first = (repo / "exports/oria/sv.ris").read_bytes()[:3] == b"\xef\xbb\xbf"
    crlf = b"\r\n" in (repo / "exports/oria/da.ris").read_bytes()
    rep.check(first and crlf, "quirks present: oria/sv.ris starts with a UTF-8 BOM, oria/da.ris has CRLF lines")
    return records


def check_dedup(records: list[dict], rep: Report, truth) -> dict[str, dict]:
    groups = link(records)
    work_of = [truth[(r["file"], r["position"])]["work"] for r in records]
    by_group, by_work = defaultdict(set), defaultdict(set)
    for g, w in zip(groups, work_of, strict=True):
        by_group[g].add(w)
        by_work[w].add(g)
    merged_wrongly = [sorted(ws) for ws in by_group.values() if len(ws) > 1]
    split = [w for w, gs in by_work.items() if len(gs) > 1]
    rep.check(not merged_wrongly, f"no two works share a duplicate key {merged_wrongly[:3] if merged_wrongly else ''}")
    rep.check(not split, f"every work's raw records link up by the promised keys {split[:5] if split else ''}")
    works: dict[str, dict] = {}
    for r, w in zip(records, work_of, strict=True):
        info = works.setdefault(
            w,
            dict(
                families=set(),
                records=[],
                thesis=truth[(r["file"], r["position"])]["thesis"],
                peer_reviewed=truth[(r["file"], r["position"])]["peer_reviewed"],
            ),
        )
        info["families"].add(r["family"])
        info["records"].append(r)
    for info in works.values():
        info["family"] = min(info["families"], key=ORDER.index)
    counts = Counter(info["family"] for info in works.values())
    print(f"  raw records: {len(records)} in {len({r['file'] for r in records})} files; unique works: {len(works)}")
    rep.check(
        len(works) == 385 and all(counts[f] == TABLE_3_1[f][0] for f in ORDER),
        "unique works by counting family: " + " / ".join(f"{f} {counts[f]}" for f in ORDER) + " (want 190/112/15/68)",
    )
    cues = {
        w: any(
            THESIS_WORDS.search(f"{r['venue']} {r['publisher']}") for r in info["records"] if r["source"] == "scholar"
        )
        for w, info in works.items()
    }
    wrong = [w for w, info in works.items() if cues[w] != (info["thesis"] == "1")]
    rep.check(not wrong, f"student theses carry a thesis word in the Scholar venue, others never {wrong[:5]}")
    return works


def resolve(key: str, records: list[dict], truth) -> set[str]:
    kind, _, value = key.partition(":")
    if kind == "doi":
        hits = [r for r in records if r.get("doi") == value.lower()]
    elif kind == "cluster":
        hits = [r for r in records if r.get("cluster") == value]
    else:
        hits = [r for r in records if r.get("oria") == key]
    return {truth[(r["file"], r["position"])]["work"] for r in hits}


def check_decisions(repo: Path, records, works, rep: Report, truth) -> None:
    protocol = tomllib.loads((repo / "review.toml").read_text(encoding="utf-8"))
    reasons = {s["number"]: set(s["reasons"]) for s in protocol["stages"]}
    reviewers = set(protocol["team"]["reviewers"])
    rows = list(csv.DictReader((repo / "decisions" / "decisions.csv").open(encoding="utf-8")))
    unresolved, decided = [], defaultdict(dict)
    for row in rows:
        found = resolve(row["record"], records, truth)
        if len(found) != 1:
            unresolved.append(row["record"])
            continue
        decided[found.pop()][int(row["stage"])] = row
    rep.check(not unresolved, f"every decision record key names exactly one work ({len(rows)} rows) {unresolved[:3]}")
    bad = [
        r["record"]
        for r in rows
        if r["reviewer"] not in reviewers
        or r["final"] != "true"
        or r["decision"] not in ("include", "exclude")
        or (r["reason"] and r["reason"] not in reasons[int(r["stage"])])
        or (r["decision"] == "exclude" and int(r["stage"]) > 1 and not r["reason"])
    ]
    rep.check(not bad, f"reviewers, final flags and reasons follow review.toml {bad[:3]}")
    flow = {f: [0, 0, 0, 0] for f in ORDER}
    gaps = []
    thesis_reason = protocol["auto_exclusions"]["thesis"]
    for w, info in works.items():
        f = info["family"]
        flow[f][0] += 1
        stages = decided.get(w, {})
        if info["thesis"] == "1":
            # Scholar cannot filter theses out: the team excluded them at stage 1 with the protocol's reason
            first = stages.get(1, {})
            if set(stages) != {1} or first.get("decision") != "exclude" or first.get("reason") != thesis_reason:
                gaps.append(f"{w}: a thesis needs one stage-1 exclusion «{thesis_reason}»")
            continue
        for stage in (1, 2, 3):
            if stage not in stages:
                if stage == 1 or stages.get(stage - 1, {}).get("decision") == "include":
                    gaps.append(f"{w}: no stage-{stage} row")
                break
            if stages[stage]["decision"] != "include":
                break
            flow[f][stage] += 1
    rep.check(not gaps, f"each work has the rows its path needs {gaps[:3]}")
    for f in ORDER:
        rep.check(tuple(flow[f]) == TABLE_3_1[f], f"flow {f}: " + " → ".join(map(str, flow[f])))
    totals = [sum(flow[f][i] for f in ORDER) for i in range(4)]
    rep.check(totals == [385, 88, 37, 24], "flow total: " + " → ".join(map(str, totals)))
    check_quality(repo, protocol, records, works, decided, rep, truth)
    check_summaries(repo, protocol, records, decided, rep, truth)


def check_quality(repo, protocol, records, works, decided, rep, truth) -> None:
    rule = protocol["quality"]["rule"]
    criteria = {c["id"] for c in protocol["quality"]["criteria"]}
    ratings = defaultdict(dict)
    for row in csv.DictReader((repo / "decisions" / "quality.csv").open(encoding="utf-8")):
        found = resolve(row["record"], records, truth)
        if len(found) == 1 and row["criterion"] in criteria and row["rating"] in ("yes", "partly", "no", "unclear"):
            ratings[found.pop()][row["criterion"]] = row["rating"]
        else:
            rep.check(False, f"quality row {row}")
    vouching = {
        f
        for f in ORDER
        if tomllib.loads((repo / "queries" / f"{f}.toml").read_text(encoding="utf-8"))
        .get("filters", {})
        .get("peer_reviewed_only")
    }
    problems = []
    for w, info in works.items():
        stage2 = decided.get(w, {}).get(2)
        # only records from a peer-reviewed-only search say a work is peer reviewed; the rest are rated
        vouched = info["peer_reviewed"] == "1" and bool(info["families"] & vouching)
        if stage2 is None or vouched:
            if w in ratings:
                problems.append(f"{w}: rated, but its records vouch for peer review or it never reached stage 2")
            continue
        r = ratings.get(w, {})
        if set(r) != criteria:
            problems.append(f"{w}: {len(r)} of 6 criteria rated")
            continue
        c = Counter(r.values())
        passes = c["no"] <= rule["max_no"] and c["unclear"] <= rule["max_unclear"] and c["yes"] >= rule["min_yes"]
        if stage2["decision"] == "include" and not passes:
            problems.append(f"{w}: included but fails the quality rule")
        if stage2["reason"] == "Utilstrekkelig kvalitet" and passes:
            problems.append(f"{w}: excluded for quality but passes the rule")
    rep.check(
        not problems,
        f"quality ratings for the {len(ratings)} stage-2 works whose records do not vouch for "
        f"peer review follow the rule {problems[:3]}",
    )


def check_summaries(repo, protocol, records, decided, rep, truth) -> None:
    data = tomllib.loads((repo / "decisions" / "summaries.toml").read_text(encoding="utf-8"))["summary"]
    included = {w for w, s in decided.items() if s.get(3, {}).get("decision") == "include"}
    named = [resolve(s["record"], records, truth) for s in data]
    rep.check(
        len(data) == 24 and all(len(n) == 1 for n in named) and {n.pop() for n in named} == included,
        f"{len(data)} summaries, one per included work",
    )
    groups = Counter(s["group"] for s in data)
    rep.check(
        set(groups) <= set(protocol["appendix"]["groups"]) and sorted(groups.values()) == [6, 9, 9],
        "appendix groups: " + ", ".join(f"{g} {n}" for g, n in groups.items()),
    )
    lengths = [len(s[part].split()) for s in data for part in ("aim", "method", "findings")]
    rep.check(
        all(60 <= n <= 150 for n in lengths), f"summary parts are 60–150 words (range {min(lengths)}–{max(lengths)})"
    )
    import overlap

    known = overlap.load_fingerprint()
    shared = [
        f"{s['record']} {part}: {n} words «{phrase}»"
        for s in data
        for part in ("aim", "method", "findings")
        for n, phrase in overlap.overlaps(s[part], known)
    ]
    rep.check(
        not shared, f"summaries are in our own words: no run of {overlap.SHINGLE}+ words from the report {shared[:3]}"
    )


def identity(r: dict) -> str:
    """A raw record's key in decisions/pairs.csv (review.dedup.verdict_file.record_identity)."""
    if r.get("oria"):
        return f"{r['file']}#{r['oria']}"
    if r["file"].endswith(".html") and r.get("cid"):
        return f"{r['file']}#{r['cid']}"
    if r.get("cluster"):
        return f"{r['file']}#cluster:{r['cluster']}"
    return f"{r['file']}#row:{r['position']}"


def check_pair_verdicts(repo: Path, records: list[dict], rep: Report, truth) -> None:
    by_identity = defaultdict(list)
    for r in records:
        by_identity[identity(r)].append(r)
    rows = list(csv.DictReader((repo / "decisions" / "pairs.csv").open(encoding="utf-8")))
    wrong = []
    for row in rows:
        sides = [by_identity.get(row[c], []) for c in ("record_a", "record_b")]
        if any(len(side) != 1 for side in sides):
            wrong.append(f"{row['record_a']} / {row['record_b']}: does not name two records")
            continue
        works = [truth[(side[0]["file"], side[0]["position"])]["work"] for side in sides]
        expected = "duplicate" if works[0] == works[1] else "distinct"
        if row["verdict"] != expected:
            wrong.append(f"{row['record_a']} / {row['record_b']}: {row['verdict']}, truth says {expected}")
    rep.check(not wrong, f"{len(rows)} pair verdicts name two records each and agree with the ground truth {wrong[:3]}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Check the bundled review's data.")
    parser.add_argument("--repo", type=Path, default=HERE.parent)
    parser.add_argument("--files-only", action="store_true", help="skip running the bundled review with the tool")
    args = parser.parse_args(argv)
    truth = {
        (r["file"], int(r["position"])): r for r in csv.DictReader((HERE / "ground_truth.csv").open(encoding="utf-8"))
    }
    rep = Report()
    print("Files")
    records = check_files(args.repo, rep, truth)
    print("Deduplication")
    works = check_dedup(records, rep, truth)
    print("Decisions")
    check_decisions(args.repo, records, works, rep, truth)
    check_pair_verdicts(args.repo, records, rep, truth)
    if not args.files_only:
        print("The tool's run (review example, exports, the 2023–2025 update)")
        import tool_run

        tool_run.check(args.repo, rep, truth)
    print("all checks passed" if not rep.failures else f"{rep.failures} check(s) failed")
    return 1 if rep.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
