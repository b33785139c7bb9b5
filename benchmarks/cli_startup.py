"""How long the `review` command takes to start, against a bare Python start in the same run.

Every command pays the import cost before it does anything, so heavy libraries (matplotlib, pandas,
scikit-learn, SQLAlchemy) must load only where they are used. Prints the median wall and CPU time of
`review --help`, `review status DIR` (on a fresh starter review) and `python -c pass`, and the ratio of
each to the bare start. Target: `review --help` and `review status DIR` well under half a second.

    python benchmarks/cli_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds (user + system of the child) over ``runs`` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode(errors='replace')[-500:]}")
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        review_dir = Path(tmp) / "starter"
        subprocess.run(
            [sys.executable, "-m", "review", "init", str(review_dir)], cwd=REPO, check=True, stdout=subprocess.DEVNULL
        )
        cases = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("review --help", [sys.executable, "-m", "review", "--help"]),
            ("review status DIR", [sys.executable, "-m", "review", "status", str(review_dir)]),
        ]
        results = {name: timed(cmd, args.runs) for name, cmd in cases}
    base_wall, base_cpu = results["python -c pass"]
    print(f"{'command':<20} {'wall s':>8} {'cpu s':>8} {'wall / bare':>12}")
    for name, (wall, cpu) in results.items():
        print(f"{name:<20} {wall:8.3f} {cpu:8.3f} {wall / base_wall:12.1f}")
    print(f"(median of {args.runs} runs each; target: review --help and review status under 0.5 s)")


if __name__ == "__main__":
    main()
