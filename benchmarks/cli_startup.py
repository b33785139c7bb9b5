"""How long the `review` command takes to start, against a bare Python start in the same run.

Every command pays the import cost before it does anything, so heavy libraries (matplotlib, pandas,
scikit-learn, SQLAlchemy) must load only where they are used. Prints the median wall and CPU time of
`review --help`, `review status DIR` (on a fresh starter review) and `python -c pass`, and the ratio of
each to the bare start (on a busy machine the CPU ratio moves less than the wall ratio). Target:
`review --help` and `review status DIR` well under half a second.

The commands run with Python's bytecode cache, as after `pip install` (which compiles every module) or
any earlier run of a checkout: the cache is kept in a temporary folder and filled by one run of each
command before the timed ones. `--inherit-environment` runs them with the caller's environment instead;
where that sets PYTHONDONTWRITEBYTECODE=1 and the checkout holds no __pycache__, every start compiles the
project's own modules from source (about 0.04 s of CPU for `review status` on the machine of README.md).

    python benchmarks/cli_startup.py [--runs 15] [--inherit-environment]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds (user + system of the child) over ``runs`` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode(errors='replace')[-500:]}")
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--inherit-environment",
        action="store_true",
        help="run with this environment as it is, without a bytecode cache of the benchmark's own",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        if not args.inherit_environment:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        review_dir = Path(tmp) / "starter"
        subprocess.run(
            [sys.executable, "-m", "review", "init", str(review_dir)],
            cwd=REPO,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        cases = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("review --help", [sys.executable, "-m", "review", "--help"]),
            ("review status DIR", [sys.executable, "-m", "review", "status", str(review_dir)]),
        ]
        if not args.inherit_environment:
            for _, cmd in cases:  # fills the bytecode cache
                timed(cmd, 1, env)
        results = {name: timed(cmd, args.runs, env) for name, cmd in cases}
    base_wall, base_cpu = results["python -c pass"]
    print(f"{'command':<20} {'wall s':>8} {'cpu s':>8} {'wall / bare':>12} {'cpu / bare':>11}")
    for name, (wall, cpu) in results.items():
        print(f"{name:<20} {wall:8.3f} {cpu:8.3f} {wall / base_wall:12.1f} {cpu / base_cpu:11.1f}")
    cache = "the caller's environment" if args.inherit_environment else "a filled bytecode cache"
    print(f"(median of {args.runs} runs each, with {cache}; target: review --help and review status well under 0.5 s)")


if __name__ == "__main__":
    main()
