"""Time the first switch to ranked order on the stage-1 page, in a fresh process.

Issue #16 measured 10.7 s for that page run (the model library imported and the ranker built while the
page waited). Each measurement starts a new Python process (so nothing is imported or cached yet),
builds a throwaway review of synthetic works with ``benchmarks/next_work.build``, opens the stage-1 page
with Streamlit's AppTest in import order (the baseline: the same page, same process) and then switches
to ranked. Prints both page runs in ms and their ratio.

    python benchmarks/ranked_switch.py [--works 400] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ONE_RUN = r"""
import json, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {root!r})
sys.path.insert(0, {bench!r})
from next_work import build
from streamlit.testing.v1 import AppTest

with tempfile.TemporaryDirectory() as tmp:
    directory = Path(tmp) / "rev"
    store, _ = build(directory, {works})
    store.close()
    sys.argv = ["app.py", "--dir", str(directory)]
    at = AppTest.from_file({app!r}, default_timeout=120)
    at.session_state["reviewer"] = "Anna"
    at.run()
    at.switch_page("views/screening.py")
    start = time.perf_counter(); at.run(); baseline = time.perf_counter() - start
    start = time.perf_counter(); at.segmented_control(key="s1_order").set_value("ranked").run()
    ranked = time.perf_counter() - start
    captions = [c.value for c in at.caption if "order" in c.value.lower() or "ranked" in c.value.lower()]
    print(json.dumps({{"baseline": baseline, "ranked": ranked, "errors": len(at.exception), "captions": captions}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--works", type=int, default=400)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    code = ONE_RUN.format(
        root=str(ROOT), bench=str(ROOT / "benchmarks"), works=args.works, app=str(ROOT / "review" / "app" / "main.py")
    )
    results = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = statistics.median(r["baseline"] for r in results) * 1000
    ranked = statistics.median(r["ranked"] for r in results) * 1000
    print(f"{args.works} synthetic works, {args.runs} fresh processes (median):")
    print(f"  stage-1 page, import order (baseline): {base:.0f} ms")
    print(f"  first switch to ranked:                {ranked:.0f} ms  ({ranked / base:.2f} x baseline)")
    print(f"  page errors: {sum(r['errors'] for r in results)}; caption: {results[-1]['captions'][:1]}")


if __name__ == "__main__":
    main()
