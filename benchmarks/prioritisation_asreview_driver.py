"""Run one ASReview LAB simulation with its default model; called by prioritisation.py.

Runs inside benchmarks/.venvs/asreview (ASReview pins its own pandas and rispy), so it imports
nothing from this project. Reads a JSON job on stdin: {"csv": path, "prior": [row positions],
"batch": records per retrain}; writes {"order": [...], "seconds": s, "retrains": k, "model": name}
on stdout. Stops when every relevant record is found (ASReview's default stopper).
"""

import json
import sys
import time

import pandas as pd
from asreview import ActiveLearningCycle, Simulate
from asreview.models.models import get_ai_config


def main() -> None:
    job = json.load(sys.stdin)
    frame = pd.read_csv(job["csv"])
    frame["title"] = frame["title"].fillna("").astype(str)
    frame["abstract"] = frame["abstract"].fillna("").astype(str)
    labels = frame["label_included"].astype(int).to_numpy()
    config = get_ai_config()  # the default ("ultra") model of the installed version
    meta = config["value"]
    batch = int(job["batch"])
    meta.n_query = batch
    cycle = ActiveLearningCycle.from_meta(meta)
    simulation = Simulate(frame[["title", "abstract"]], labels, [cycle], print_progress=False)
    simulation.label(job["prior"])
    started = time.perf_counter()
    simulation.review()
    seconds = time.perf_counter() - started
    results = simulation._results
    retrains = int(results["training_set"].dropna().nunique())
    json.dump(
        {
            "order": [int(i) for i in results["record_id"]],
            "seconds": seconds,
            "retrains": retrains,
            "model": config["name"],
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
