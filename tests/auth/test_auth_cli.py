"""`review user`, `review audit`, `review backup`/`restore` and `review app`'s refusal to start open,
as a user meets them on the command line. Names and passwords are synthetic."""

from __future__ import annotations

import csv
import io
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from review.auth.accounts import sign_in_password
from review.cli import main
from review.store import open_store, schema
from tests.conftest import REPO

RIS = REPO / "tests" / "fixtures" / "ris_oria.ris"
PASSWORD = "synthetic password for the lead"


def run(capsys, *args, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def add_lead(capsys, rev, monkeypatch):
    """`review user add REV Cecilie --role lead`, the password typed on standard input."""
    return run(
        capsys,
        "user",
        "add",
        rev,
        "Cecilie",
        "--role",
        "lead",
        "--password-stdin",
        stdin=PASSWORD + "\n",
        monkeypatch=monkeypatch,
    )


@pytest.fixture
def rev(tmp_path, capsys):
    assert main(["init", str(tmp_path / "rev")]) == 0
    capsys.readouterr()
    return tmp_path / "rev"


@pytest.mark.slow
def test_user_add_from_stdin_then_list_passwd_disable(rev, capsys, monkeypatch):
    code, out, _ = add_lead(capsys, rev, monkeypatch)
    assert code == 0 and "added Cecilie (lead)" in out
    code, out, _ = run(capsys, "user", "add", rev, "Anna", "--email", "anna@example.org", "--no-password")
    assert code == 0
    code, out, _ = run(capsys, "user", "list", rev)
    assert "Cecilie\tlead\tactive\tpassword" in out and "sso anna@example.org" in out
    assert PASSWORD not in out and "argon2" not in out
    code, _, err = run(
        capsys, "user", "add", rev, "cecilie", "--password-stdin", stdin=PASSWORD + "\n", monkeypatch=monkeypatch
    )
    assert code == 1 and err.startswith("Error: an account named 'Cecilie' already exists")
    code, _, _ = run(
        capsys,
        "user",
        "passwd",
        rev,
        "Cecilie",
        "--password-stdin",
        stdin="a newer synthetic one\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0
    store = open_store(rev)
    try:
        assert sign_in_password(store, "Cecilie", "a newer synthetic one").role == "lead"
    finally:
        store.close()
    assert run(capsys, "user", "disable", rev, "Anna")[0] == 0
    assert "Anna\treviewer\tdisabled" in run(capsys, "user", "list", rev)[1]


def test_user_add_asks_twice_at_a_prompt(rev, capsys, monkeypatch):
    answers = iter([PASSWORD, PASSWORD + " but different"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr(sys, "stdin", type("Tty", (io.StringIO,), {"isatty": lambda self: True})())
    code, _, err = run(capsys, "user", "add", rev, "Bjørn")
    assert code == 1 and "the two passwords differ" in err
    answers = iter([PASSWORD, PASSWORD])
    assert run(capsys, "user", "add", rev, "Bjørn")[0] == 0


def test_short_or_empty_passwords_are_refused(rev, capsys, monkeypatch):
    code, _, err = run(
        capsys, "user", "add", rev, "Bjørn", "--password-stdin", stdin="short\n", monkeypatch=monkeypatch
    )
    assert code == 1 and "at least" in err
    code, _, err = run(capsys, "user", "add", rev, "Bjørn", "--password-stdin", stdin="", monkeypatch=monkeypatch)
    assert code == 1 and "standard input was empty" in err


def test_audit_lists_and_exports_who_imported_what(rev, capsys, monkeypatch, tmp_path):
    add_lead(capsys, rev, monkeypatch)
    assert run(capsys, "import", rev, RIS, "--family", "no")[0] == 0
    code, out, _ = run(capsys, "audit", rev)
    assert code == 0 and "account-add" in out and f"import  {RIS.name}" in out and "command line (" in out
    target = tmp_path / "audit.csv"
    assert run(capsys, "audit", rev, "--csv", target)[0] == 0
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["action"] for r in rows] == ["account-add", "import"]
    assert PASSWORD not in target.read_text(encoding="utf-8-sig")


def test_backup_and_restore_round_trip(rev, capsys, tmp_path):
    assert run(capsys, "import", rev, RIS, "--family", "no")[0] == 0
    backup = tmp_path / "copy.sqlite"
    assert run(capsys, "backup", rev, backup)[0] == 0
    code, _, err = run(capsys, "backup", rev, backup)
    assert code == 1 and "never overwrites" in err
    assert run(capsys, "import", rev, REPO / "tests" / "fixtures" / "ris_bom_crlf.ris", "--family", "no")[0] == 0

    def imports():
        store = open_store(rev)
        try:
            with store.read() as conn:
                return conn.execute(select(schema.imports.c.file_name).order_by(schema.imports.c.id)).scalars().all()
        finally:
            store.close()

    assert imports() == [RIS.name, "ris_bom_crlf.ris"]
    code, out, _ = run(capsys, "restore", rev, backup)
    assert code == 0 and "before-restore" in out
    assert imports() == [RIS.name]  # the state the backup was taken in
    kept = list(rev.glob("review.sqlite.before-restore-*"))
    assert len(kept) == 1
    code, out, _ = run(capsys, "audit", rev)
    assert "backup" in out and "restore" in out


def test_restore_refuses_a_file_that_is_no_review_store(rev, capsys, tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    code, _, err = run(capsys, "restore", rev, junk)
    assert code == 1 and err.startswith(f"Error: {junk}: not a SQLite database")
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert run(capsys, "restore", rev, empty)[0] == 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("flag", ["--host", "--address"])
def test_app_refuses_to_listen_beyond_loopback_without_sign_in(rev, capsys, flag):
    code, _, err = run(capsys, "app", rev, flag, "0.0.0.0", "--headless", "--port", free_port())
    assert code == 1
    assert err.startswith("Error: refusing to listen on 0.0.0.0 with no sign-in configured")


def test_app_command_allows_loopback_alone_or_accounts_or_sso(rev, capsys, monkeypatch, tmp_path):
    from argparse import Namespace

    from review.commands.app import command

    args = Namespace(dir=rev, port=8501, address="127.0.0.1", headless=True, secrets=None)
    assert "--server.address" in command(args)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        '[auth]\nredirect_uri = "https://review.example.org/oauth2callback"\ncookie_secret = "s"\n'
        '[auth.feide]\nclient_id = "c"\nclient_secret = "s"\n'
        'server_metadata_url = "https://auth.dataporten.no/.well-known/openid-configuration"\n'
    )
    cmd = command(Namespace(dir=rev, port=8501, address="0.0.0.0", headless=True, secrets=secrets))
    assert cmd[cmd.index("--secrets.files") + 1] == str(secrets)
    add_lead(capsys, rev, monkeypatch)
    assert command(Namespace(dir=rev, port=8501, address="0.0.0.0", headless=True, secrets=None))


@pytest.mark.slow
def test_the_server_never_starts_open_on_a_non_loopback_address(rev):
    """The real `review app` process: it exits with the message and nothing listens on the port."""
    port = free_port()
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "review", "app", str(rev), "--host", "0.0.0.0", "--port", str(port), "--headless"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "refusing to listen on 0.0.0.0" in proc.stderr
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0
    assert time.monotonic() - started < 120


@pytest.mark.slow
def test_ending_review_app_ends_the_server(rev):
    """Terminating the `review app` wrapper used to leave Streamlit listening (orphaned servers were
    found after test runs); the wrapper now ends its server."""
    import urllib.request

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "review", "app", str(rev), "--headless", "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                    if response.read() == b"ok":
                        break
            except OSError:
                assert time.monotonic() < deadline, "the app did not start"
                time.sleep(0.3)
        proc.terminate()
        proc.wait(30)
        deadline = time.monotonic() + 15
        while True:  # the server shuts down after its wrapper: wait for the port to close
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) != 0:
                    break
            assert time.monotonic() < deadline, "the server still listens after review app ended"
            time.sleep(0.2)
    finally:
        if proc.poll() is None:
            proc.kill()


def test_restore_replaces_a_store_too_damaged_to_open(rev, capsys, tmp_path):
    assert run(capsys, "import", rev, RIS, "--family", "no")[0] == 0
    backup = tmp_path / "copy.sqlite"
    assert run(capsys, "backup", rev, backup)[0] == 0
    live = rev / "review.sqlite"
    for suffix in ("-wal", "-shm"):
        Path(f"{live}{suffix}").unlink(missing_ok=True)
    live.write_bytes(b"damaged beyond repair " * 500)
    code, out, err = run(capsys, "restore", rev, backup)
    assert code == 0, err
    assert (rev / out.split("kept as ")[1].strip()).read_bytes().startswith(b"damaged")
    assert run(capsys, "verify", rev)[0] == 0
