"""review app [DIR] [--port N]: open the screening app in the browser (Streamlit)."""

import subprocess
import sys
from pathlib import Path

from review.errors import ReviewError

APP = Path(__file__).resolve().parent.parent / "app" / "main.py"  # ships in the package


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
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(args.port),
           "--server.address", args.address, "--browser.gatherUsageStats", "false",
           "--client.toolbarMode", "minimal"]
    if args.headless:
        cmd += ["--server.headless", "true"]
    if args.dir is not None:
        cmd += ["--", "--dir", str(args.dir.resolve())]
    return cmd


def run(args) -> int:
    try:
        return subprocess.call(command(args))
    except KeyboardInterrupt:
        return 0
