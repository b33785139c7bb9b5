"""What the store's checks and the hash chain cost.

Builds a throwaway review of synthetic records (50,000 by default, each with a 1 KB synthetic
abstract, and 1,000 as the baseline in the same run), then measures:

- opening the store with its checks (``Store(url)``: integrity_check, schema version, triggers)
  against opening without them (``check=False``), and SQLite's quick_check against integrity_check;
- recording 300 decisions one by one (each sealed into the chain in its own transaction);
- ``review verify`` (full integrity check plus recomputing every chain).

    python benchmarks/store_open.py [--records 50000] [--baseline 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from review.bundled import write_starter_protocol  # noqa: E402
from review.protocol import load_protocol  # noqa: E402
from review.store import open_store  # noqa: E402
from review.store.db import Store, store_url  # noqa: E402
from review.store.verify import verify  # noqa: E402
from screening.decisions import Decision, record  # noqa: E402
from tests.conftest import add_records, singleton_works, synthetic_records  # noqa: E402


def build(directory: Path, n: int) -> list[int]:
    write_starter_protocol(directory)
    store = open_store(directory)
    records = synthetic_records(n)
    for r in records:
        r.abstract = "Syntetisk sammendrag (testdata). " * 30
    add_records(store, load_protocol(directory), records)
    works = singleton_works(store)
    store.close()
    return works


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(directory: Path, n: int, runs: int) -> dict[str, float]:
    works = build(directory, n)
    url = store_url(directory)
    path = directory / "review.sqlite"
    out = {"MB": path.stat().st_size / 1e6}
    out["open, checked"] = median_time(lambda: Store(url).close(), runs)
    out["open, unchecked"] = median_time(lambda: Store(url, check=False).close(), runs)
    conn = sqlite3.connect(path)
    out["quick_check"] = median_time(lambda: conn.execute("PRAGMA quick_check").fetchall(), runs)
    out["integrity_check"] = median_time(lambda: conn.execute("PRAGMA integrity_check").fetchall(), runs)
    conn.close()
    protocol = load_protocol(directory)
    store = Store(url)
    start = time.perf_counter()
    for i in range(300):
        record(
            store,
            protocol,
            Decision(work_id=works[i % len(works)], stage=1, decision="include", reviewer="Benchmark (synthetic)"),
        )
    out["300 decisions, ms each"] = (time.perf_counter() - start) / 300 * 1000
    store.close()
    start = time.perf_counter()
    report = verify(url)
    out["review verify"] = time.perf_counter() - start
    assert report.problems == 0, report.lines()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--baseline", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    results = {}
    for n in (args.baseline, args.records):
        with tempfile.TemporaryDirectory() as tmp:
            results[n] = measure(Path(tmp) / "review", n, args.runs)
    print(f"{'seconds (median)':<26}" + "".join(f"{n:>14,}" for n in results) + "   ratio")
    base, big = results[args.baseline], results[args.records]
    for key in base:
        ratio = big[key] / base[key] if base[key] else float("nan")
        print(f"{key:<26}" + "".join(f"{results[n][key]:>14.3f}" for n in results) + f"   {ratio:6.1f}x")


if __name__ == "__main__":
    main()
