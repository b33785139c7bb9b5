"""Long word-for-word overlaps between our summaries and the seed report.

The summaries in decisions/summaries.toml must be in our own words. The check compares runs of
``SHINGLE`` consecutive words (case and punctuation ignored, words broken across lines joined) with a
fingerprint of the report: hashes of its word runs, so the report's text itself is not stored here.

    python fafo_data/overlap.py --seed REPORT.txt   # rewrite seed_fingerprint.txt from the report
"""

from __future__ import annotations

import argparse
import hashlib
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
FINGERPRINT = HERE / "seed_fingerprint.txt"
SHINGLE = 8  # a run of eight words in the same order is too long to be a coincidence of phrasing
_BROKEN = re.compile(r"(\w)-[ \t]*\r?\n\s*(\w)")


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", _BROKEN.sub(r"\1\2", text).casefold())


def _digest(words: list[str]) -> str:
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:10]


def fingerprint(text: str) -> set[str]:
    words = tokens(text)
    return {_digest(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def load_fingerprint(path: Path = FINGERPRINT) -> set[str]:
    return {
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }


def overlaps(text: str, known: set[str]) -> list[tuple[int, str]]:
    """(length in words, phrase) of every run of at least SHINGLE words that the report also has."""
    words = tokens(text)
    hits = [i for i in range(len(words) - SHINGLE + 1) if _digest(words[i : i + SHINGLE]) in known]
    runs, out = [], []
    for i in hits:
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    for start, last in runs:
        length = last - start + SHINGLE
        out.append((length, " ".join(words[start : start + length])))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Write the seed report's fingerprint.")
    parser.add_argument("--seed", type=Path, required=True, help="the report as plain text")
    args = parser.parse_args(argv)
    digests = sorted(fingerprint(args.seed.read_text(encoding="utf-8")))
    FINGERPRINT.write_text(
        f"# {SHINGLE}-word runs of the seed report, as sha1 prefixes (see overlap.py)\n" + "\n".join(digests) + "\n",
        encoding="utf-8",
    )
    print(f"{len(digests)} runs written to {FINGERPRINT.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
