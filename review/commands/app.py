"""review app [DIR] [--port N] [--host ADDR]: open the screening app in the browser (Streamlit).

On 127.0.0.1/localhost with no accounts the app is a one-person tool and asks nobody to sign in.
Beyond loopback it must have accounts or single sign-on, or it refuses to start (review.auth.exposure)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from review.auth.exposure import REQUIRE_ENV, check_can_start
from review.auth.secrets import secrets_files, sso_configured
from review.errors import ReviewError

APP = Path(__file__).resolve().parent.parent / "app" / "main.py"  # ships in the package

# Nothing leaves the machine: no usage statistics, no Deploy button (minimal toolbar, no developer mode).
# Given on the command line because `streamlit run` on the packaged script reads no .streamlit/ of ours;
# the checkout's .streamlit/config.toml says the same for a plain `streamlit run app.py`.
# The primary colour is dark enough for text on its own tint (axe-core colour contrast, WCAG 2.1).
PRIVATE_OPTIONS = (
    "--browser.gatherUsageStats",
    "false",
    "--client.toolbarMode",
    "minimal",
    "--global.developmentMode",
    "false",
    "--theme.primaryColor",
    "#1f4e79",
)


def streamlit_command(script: Path = APP, *options: str, review_dir: Path | None = None) -> list[str]:
    """`streamlit run` with the app's fixed settings; the tests start the app the same way."""
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), *PRIVATE_OPTIONS, *options]
    if review_dir is not None:
        cmd += ["--", "--dir", str(review_dir)]
    return cmd


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "app",
        help="open the web app for importing, screening and reports",
        description="Start the Streamlit app over a review directory (default: a working "
        "copy of the bundled review in ~/.cache/nordic-review). On another "
        "address than 127.0.0.1/localhost every page asks for a sign-in, and "
        "the app refuses to start unless accounts or single sign-on exist.",
    )
    p.add_argument("dir", type=Path, nargs="?", help="review directory")
    p.add_argument("--port", type=int, default=8501, help="port to listen on (default 8501)")
    p.add_argument(
        "--host",
        "--address",
        dest="address",
        default="localhost",
        help="address to listen on (default localhost; 0.0.0.0 for every interface)",
    )
    p.add_argument(
        "--secrets",
        type=Path,
        metavar="FILE",
        help="a secrets.toml with the [auth] settings for single sign-on (default: "
        "DIR/.streamlit/secrets.toml, ./.streamlit/secrets.toml, ~/.streamlit/secrets.toml)",
    )
    p.add_argument(
        "--require-sign-in",
        action="store_true",
        help="ask for a sign-in even on loopback (a team server behind a reverse proxy)",
    )
    p.add_argument("--headless", action="store_true", help="do not open a browser window")
    p.set_defaults(handler=run)


def _review_has_accounts(review_dir) -> bool:
    from review.auth.roles import has_accounts  # the store loads only when the app starts: --help stays fast
    from review.store import open_store

    if review_dir is None:
        return False
    store = open_store(review_dir)
    try:
        with store.read() as conn:
            return has_accounts(conn)
    finally:
        store.close()


def command(args) -> list[str]:
    if not APP.is_file():
        raise ReviewError(f"the app script is missing from the installed package ({APP}); reinstall nordic-review")
    if args.dir is not None and not (args.dir / "review.toml").is_file():
        raise ReviewError(
            f"{args.dir} is not a review directory (no review.toml); create one with 'review init {args.dir}'"
        )
    secrets = getattr(args, "secrets", None)
    if secrets is not None and not secrets.is_file():
        raise ReviewError(f"{secrets}: no such secrets file")
    files = secrets_files(args.dir, secrets)
    accounts = _review_has_accounts(args.dir)
    check_can_start(args.address, accounts, sso_configured(files))
    if getattr(args, "require_sign_in", False) and not accounts and not sso_configured(files):
        raise ReviewError(
            "--require-sign-in, but this review has no accounts and no single sign-on: nobody "
            "could sign in. Add one with 'review user add DIR NAME --role lead'"
        )
    options = ["--server.port", str(args.port), "--server.address", args.address]
    options += [arg for f in files if f.is_file() for arg in ("--secrets.files", str(f))]
    if args.headless:
        options += ["--server.headless", "true"]
    return streamlit_command(APP, *options, review_dir=args.dir.resolve() if args.dir is not None else None)


STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
GRACE_SECONDS = 10.0  # how long the server may take to stop before it is killed


def supervise(cmd: list[str], env: dict[str, str] | None = None) -> int:
    """Run the server as a child and stay its parent until it has exited: a SIGTERM or SIGINT sent to
    `review app` (a service manager stopping it, Ctrl-C) is passed on to the server, and the port is
    free once `review app` returns. Without this, killing `review app` left Streamlit holding the port."""
    child = subprocess.Popen(cmd, env=env)
    stopping: list[int] = []

    def forward(signum, _frame) -> None:
        stopping.append(signum)
        if child.poll() is None:
            child.send_signal(signum)

    previous = {sig: signal.signal(sig, forward) for sig in STOP_SIGNALS}
    try:
        while True:
            try:
                code = child.wait(timeout=GRACE_SECONDS if stopping else None)
                break
            except subprocess.TimeoutExpired:  # asked to stop, but still running after the grace period
                child.kill()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if child.poll() is None:  # an unexpected error in this process: never leave the server behind
            child.kill()
            child.wait()
    return 0 if stopping else code


def run(args) -> int:
    env = dict(os.environ)
    if getattr(args, "require_sign_in", False):
        env[REQUIRE_ENV] = "1"
    return supervise(command(args), env)
