"""Simulated title/abstract screening: our ranking model vs random order vs ASReview LAB's default.

Data: the labelled sets in shared/benchmarks/screening_asreview_srd (label: ``label_included``).
For each set and prior seed, every method starts from the same prior knowledge (1 random include
+ 1 random exclude) and retrains after the same number of decisions (``batch_size``). Prints
WSS@95, recall after 10 % screened and mean seconds per retrain as a Markdown table, plus how
the stopping advice would have done (recall and share screened when it first said stop).

    python benchmarks/prioritisation.py                      # all 17 sets, with ASReview
    python benchmarks/prioritisation.py --sets Kitchenham ADHD --skip-asreview
    python benchmarks/prioritisation.py --models lr-word-char nb-word-char --skip-asreview

ASReview is installed on first use into benchmarks/.venvs/asreview (its own pinned pandas/rispy
must not touch the project's interpreter) and run through prioritisation_asreview_driver.py.
The data folder is ../shared/benchmarks next to the repository, or $REVIEW_BENCHMARKS_DIR.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from screening.prioritise.cold_start import ProtocolTerms, protocol_scores  # noqa: E402
from screening.prioritise.model import CANDIDATES, DEFAULT_SETTINGS, Features, settings_named  # noqa: E402
from screening.prioritise.simulate import (  # noqa: E402
    batch_size,
    first_labels,
    prior_knowledge,
    random_order,
    recall_after,
    simulate,
    wss,
)
from screening.prioritise.stopping import DEFAULT_RECALL_TARGET  # noqa: E402

PROTOCOLS = REPO / "benchmarks" / "prioritisation_protocols.toml"
COLD_START_SHARE = 0.05

VENV = REPO / "benchmarks" / ".venvs" / "asreview"
DRIVER = REPO / "benchmarks" / "prioritisation_asreview_driver.py"
ASREVIEW_REQUIREMENT = "asreview>=2,<4"


def data_dir(option: str | None) -> Path:
    base = option or os.environ.get("REVIEW_BENCHMARKS_DIR") or REPO.parent / "shared" / "benchmarks"
    path = Path(base)
    return path / "screening_asreview_srd" if (path / "screening_asreview_srd").is_dir() else path


def find_sets(folder: Path, wanted: list[str] | None) -> list[Path]:
    files = sorted(folder.glob("*.csv")) + sorted(folder.glob("cohen_2006/*.csv"))
    if wanted:
        files = [f for f in files if any(w.lower() in f.stem.lower() for w in wanted)]
    if not files:
        raise SystemExit(f"no screening sets found in {folder}")
    return files


def load(path: Path) -> tuple[list[str], np.ndarray]:
    frame = pd.read_csv(path)
    texts = (frame["title"].fillna("").astype(str) + " " + frame["abstract"].fillna("").astype(str)).tolist()
    return texts, frame["label_included"].astype(int).to_numpy()


def asreview_python() -> Path:
    python = VENV / "bin" / "python"
    if python.exists() and subprocess.run([str(python), "-c", "import asreview"], capture_output=True).returncode == 0:
        return python
    print(f"installing {ASREVIEW_REQUIREMENT} into {VENV.relative_to(REPO)} ...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", ASREVIEW_REQUIREMENT], check=True)
    return python


def run_asreview(python: Path, csv: Path, prior: list[int], batch: int) -> dict:
    job = json.dumps({"csv": str(csv), "prior": prior, "batch": batch})
    done = subprocess.run([str(python), str(DRIVER)], input=job, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"ASReview driver failed on {csv.name}:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def run_set(path: Path, args, python: Path | None, terms: ProtocolTerms | None = None) -> dict[str, dict]:
    """Metrics per method for one set, averaged over the prior seeds.

    ``terms``: the set's protocol (search terms written from the review question). Its scores go to
    every candidate alike; only models with ``protocol_weight`` read them. ASReview gets none: it has no
    notion of a protocol.
    """
    texts, labels = load(path)
    prior_scores = protocol_scores(terms, texts) if terms is not None else None
    n = len(labels)
    batch = batch_size(n)
    rows: dict[str, dict[str, list]] = {}

    def add(method: str, order, seconds=None, stop=None, criterion=None):
        row = rows.setdefault(
            method,
            {
                "wss": [],
                "r10": [],
                "sec": [],
                "stop_recall": [],
                "stop_share": [],
                "crit_recall": [],
                "crit_saved": [],
                "crit_met": [],
            },
        )
        row["wss"].append(wss(order, labels))
        row["r10"].append(recall_after(order, labels, 0.10))
        if seconds is not None:
            row["sec"].append(seconds)
        if stop is not None:
            row["stop_recall"].append(labels[order[:stop]].sum() / labels.sum())
            row["stop_share"].append(stop / n)
        if criterion is not None:
            recall = labels[order[:criterion]].sum() / labels.sum()
            row["crit_recall"].append(recall)
            row["crit_saved"].append(1 - criterion / n)
            row["crit_met"].append(float(recall >= DEFAULT_RECALL_TARGET))
            CRITERION_RUNS.append((path.stem, seed, recall, 1 - criterion / n))

    for seed in range(args.seeds):
        prior = prior_knowledge(labels, seed)
        for name in args.models:
            settings = settings_named(name)
            started = time.perf_counter()
            features = Features(texts, settings, prior_scores)
            result = simulate(
                features.matrix,
                labels,
                prior,
                settings,
                batch,
                follow_stopping=not args.no_stopping,
                hint=not args.no_hint,
            )
            total = time.perf_counter() - started
            stop = None if args.no_stopping or args.no_hint else (result.stop_at if result.stop_at is not None else n)
            criterion = None if args.no_stopping else (result.criterion_at if result.criterion_at is not None else n)
            add(name, result.order, total / max(1, len(result.retrain_seconds)), stop, criterion)
        for r in range(args.random_seeds):
            add("random", random_order(n, prior, 1000 * seed + r))
        if python is not None:
            out = run_asreview(python, path, prior, batch)
            order = out["order"] + [i for i in range(n) if i not in set(out["order"])]
            add(f"asreview ({out['model']})", order, out["seconds"] / max(1, out["retrains"]))
    if terms is not None and not args.skip_cold_start:
        cold_start(path.stem, texts, labels, terms, args)
    return {m: {k: (statistics.mean(v) if v else None) for k, v in row.items()} for m, row in rows.items()}


CRITERION_RUNS: list[tuple[str, int, float, float]] = []  # (set, seed, recall when it fired, share saved)
COLD_START: dict[str, tuple[float, float]] = {}  # set -> (recall@5% protocol start, recall@5% random start)


def load_protocols() -> dict[str, ProtocolTerms]:
    import tomllib

    data = tomllib.loads(PROTOCOLS.read_text(encoding="utf-8"))
    design = tuple(tuple(g) for g in data.get("design", {}).get("groups", []))
    found = {}
    for name, entry in data["sets"].items():
        groups = tuple(tuple(g) for g in entry["groups"])
        if len(groups) == 1:  # a drug class alone: add the review design the Cohen reviews share
            groups += design
        found[name] = ProtocolTerms((groups,))
    return found


def cold_start(name: str, texts: list[str], labels: np.ndarray, terms: ProtocolTerms, args) -> None:
    """Recall after the first 5 % screened: the protocol's order until the model can train, against
    random order until then (the model takes over in both once an include and an exclude exist)."""
    settings = DEFAULT_SETTINGS
    scores = np.asarray(protocol_scores(terms, texts))
    matrix = Features(texts, settings, scores).matrix
    limit = int(np.ceil(COLD_START_SHARE * len(labels)))
    got = {"protocol": [], "random": []}
    for seed in range(args.seeds):
        shuffled = np.random.default_rng(seed).permutation(len(labels))
        starts = {"protocol": shuffled[np.argsort(-scores[shuffled], kind="stable")], "random": shuffled}
        for kind, start in starts.items():
            head = first_labels(start, labels)
            if len(head) >= limit:
                order = list(start[:limit])
            else:
                order = simulate(
                    matrix, labels, head, settings, batch_size(len(labels)), follow_stopping=False, limit=limit
                ).order
            got[kind].append(recall_after(order, labels, COLD_START_SHARE))
    COLD_START[name] = (statistics.mean(got["protocol"]), statistics.mean(got["random"]))


def fmt(value, pattern="{:.3f}") -> str:
    return "–" if value is None else pattern.format(value)


def markdown(results: dict[str, dict[str, dict]], methods: list[str]) -> str:
    lines = [
        "| set | records | relevant | method | WSS@95 | recall@10% | s/retrain | stop: recall | stop: screened |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, (n, n_rel, per_method) in results.items():
        for method in methods:
            m = per_method.get(method)
            if m:
                lines.append(
                    f"| {name} | {n} | {n_rel} | {method} | {fmt(m['wss'])} | {fmt(m['r10'])} | "
                    f"{fmt(m['sec'], '{:.3f}')} | {fmt(m['stop_recall'])} | {fmt(m['stop_share'], '{:.1%}')} |"
                )
    lines += [
        "",
        "| method | mean WSS@95 | mean recall@10% | mean s/retrain | mean stop recall | mean stop screened |",
        "|---|---|---|---|---|---|",
    ]
    for method in methods:
        vals = [per[method] for (_, _, per) in results.values() if method in per]
        if not vals:
            continue

        def avg(key, vals=vals):
            got = [v[key] for v in vals if v[key] is not None]
            return statistics.mean(got) if got else None

        lines.append(
            f"| {method} | {fmt(avg('wss'))} | {fmt(avg('r10'))} | {fmt(avg('sec'))} | "
            f"{fmt(avg('stop_recall'))} | {fmt(avg('stop_share'), '{:.1%}')} |"
        )
    return "\n".join(lines)


def stopping_report() -> str:
    if not CRITERION_RUNS:
        return ""
    lines = [
        "",
        f"Statistical stopping criterion (recall target {DEFAULT_RECALL_TARGET:.0%}, 95 % confidence), "
        "per set and seed: recall when it first fired and the share of records left unscreened",
        "",
        "| set | seed | recall at stop | work saved |",
        "|---|---|---|---|",
    ]
    lines += [f"| {name} | {seed} | {recall:.3f} | {saved:.1%} |" for name, seed, recall, saved in CRITERION_RUNS]
    met = sum(1 for *_, recall, _saved in CRITERION_RUNS if recall >= DEFAULT_RECALL_TARGET)
    lines.append(
        f"\nRuns reaching the target when the criterion fired: {met} of {len(CRITERION_RUNS)} "
        f"({met / len(CRITERION_RUNS):.1%}); mean work saved "
        f"{statistics.mean(saved for *_, saved in CRITERION_RUNS):.1%}."
    )
    return "\n".join(lines)


def cold_start_report() -> str:
    if not COLD_START:
        return ""
    lines = [
        "",
        f"Cold start: recall after the first {COLD_START_SHARE:.0%} screened (model takes over after the "
        "first include and exclude)",
        "",
        "| set | protocol order first | random order first |",
        "|---|---|---|",
    ]
    lines += [f"| {name} | {p:.3f} | {r:.3f} |" for name, (p, r) in COLD_START.items()]
    lines.append(
        f"| mean | {statistics.mean(p for p, _ in COLD_START.values()):.3f} | "
        f"{statistics.mean(r for _, r in COLD_START.values()):.3f} |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="benchmarks folder (default: ../shared/benchmarks or $REVIEW_BENCHMARKS_DIR)")
    parser.add_argument("--sets", nargs="*", help="run only sets whose file name contains one of these")
    parser.add_argument("--models", nargs="*", default=[DEFAULT_SETTINGS.name], choices=list(CANDIDATES))
    parser.add_argument("--seeds", type=int, default=1, help="prior-knowledge seeds per set (default 1)")
    parser.add_argument("--random-seeds", type=int, default=5, help="random orders per prior seed (default 5)")
    parser.add_argument("--skip-asreview", action="store_true")
    parser.add_argument("--skip-cold-start", action="store_true", help="no protocol-ordered cold-start figures")
    parser.add_argument(
        "--no-hint",
        action="store_true",
        help="follow only the statistical criterion, not the heuristic hint (much faster)",
    )
    parser.add_argument(
        "--no-stopping",
        action="store_true",
        help="stop each simulation once all relevant are found (faster; no stopping figures)",
    )
    args = parser.parse_args(argv)

    python = None if args.skip_asreview else asreview_python()
    protocols = load_protocols()
    results: dict[str, tuple] = {}
    methods: list[str] = list(args.models) + ["random"]
    started = time.perf_counter()
    for path in find_sets(data_dir(args.data), args.sets):
        _, labels = load(path)
        per = run_set(path, args, python, protocols.get(path.stem))
        for method in per:
            if method not in methods:
                methods.append(method)
        results[path.stem] = (len(labels), int(labels.sum()), per)
        print(f"{path.stem}: " + ", ".join(f"{m} {v['wss']:.3f}" for m, v in per.items()), file=sys.stderr)
    print(markdown(results, methods))
    print(stopping_report())
    print(cold_start_report())
    print(
        f"\n{len(results)} sets, {args.seeds} prior seed(s), {args.random_seeds} random orders each; "
        f"retrain every max(1, ceil(n/200)) decisions; total {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
