"""review app [DIR] [--port N]: open the screening app in the browser (Streamlit)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from review.errors import ReviewError

APP = Path(__file__).resolve().parent.parent / "app" / "main.py"  # ships in the package

# Nothing leaves the machine: no usage statistics, no Deploy button (minimal toolbar, no developer mode).
# Given on the command line because `streamlit run` on the packaged script reads no .streamlit/ of ours;
# the checkout's .streamlit/config.toml says the same for a plain `streamlit run app.py`.
# The primary colour is dark enough for text on its own tint (axe-core colour contrast, WCAG 2.1).
PRIVATE_OPTIONS = ("--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal",
                   "--global.developmentMode", "false", "--theme.primaryColor", "#1f4e79")


def streamlit_command(script: Path = APP, *options: str, review_dir: Path | None = None) -> list[str]:
    """`streamlit run` with the app's fixed settings; the tests start the app the same way."""
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), *PRIVATE_OPTIONS, *options]
    if review_dir is not None:
        cmd += ["--", "--dir", str(review_dir)]
    return cmd


def register(subparsers) -> None:
    p = subparsers.add_parser("app", help="open the web app for importing, screening and reports",
                              description="Start the Streamlit app over a review directory (default: a working "
                                          "copy of the bundled review in ~/.cache/nordic-review).")
    p.add_argument("dir", type=Path, nargs="?", help="review directory")
    p.add_argument("--port", type=int, default=8501, help="port to listen on (default 8501)")
    p.add_argument("--address", default="localhost", help="address to listen on (default localhost)")
    p.add_argument("--headless", action="store_true", help="do not open a browser window")
    p.set_defaults(handler=run)


def command(args) -> list[str]:
    if not APP.is_file():
        raise ReviewError(f"the app script is missing from the installed package ({APP}); reinstall nordic-review")
    if args.dir is not None and not (args.dir / "review.toml").is_file():
        raise ReviewError(f"{args.dir} is not a review directory (no review.toml); create one with "
                          f"'review init {args.dir}'")
    options = ["--server.port", str(args.port), "--server.address", args.address]
    if args.headless:
        options += ["--server.headless", "true"]
    return streamlit_command(APP, *options, review_dir=args.dir.resolve() if args.dir is not None else None)


def run(args) -> int:
    try:
        return subprocess.call(command(args))
    except KeyboardInterrupt:
        return 0
