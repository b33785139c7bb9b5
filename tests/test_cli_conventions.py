"""CLI conventions from issue 21: options before or after positional arguments, one `Error:` line with
exit code 1 for every user error (argparse's included), no traceback for paths that cannot be used, and
`review app` stopping its server when it is stopped itself. Records used here are synthetic fixtures."""

import os
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import time
import urllib.request

import pytest

from review.cli import main
from tests.conftest import REPO

pytestmark = pytest.mark.slow  # most tests run the command in a subprocess or start the app: seconds each

RIS = REPO / "tests" / "fixtures" / "ris_oria.ris"
RIS_2 = REPO / "tests" / "fixtures" / "ris_bom_crlf.ris"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> None:
    assert err.startswith("Error: ") and err.count("\n") == 1 and "Traceback" not in err and "usage:" not in err


@pytest.fixture
def review(tmp_path, capsys):
    path = tmp_path / "r"
    assert run(capsys, "init", path)[0] == 0
    return path


def _imports(review):
    with sqlite3.connect(review / "review.sqlite") as db:
        return db.execute("select file_name, round_id from imports order by id").fetchall()


def test_update_takes_its_options_after_the_directory_and_between_files(review, capsys):
    # The README's order: DIR, then --years, then the files (exited 2 with "unrecognized arguments").
    code, out, err = run(capsys, "update", review, "--years", "2023-2025", RIS, "--source", "oria", RIS_2)
    assert code == 0, err
    assert _imports(review) == [(RIS.name, 2), (RIS_2.name, 2)]


@pytest.mark.parametrize(
    "order",
    [
        lambda d: ["import", d, RIS, "--family", "no", "--source", "oria"],
        lambda d: ["import", "--family", "no", d, "--source", "oria", RIS],
        lambda d: ["import", "--source", "oria", "--family", "no", d, RIS],
    ],
)
def test_import_accepts_any_order(review, capsys, order):
    code, _, err = run(capsys, *order(review))
    assert code == 0, err
    assert [name for name, _ in _imports(review)] == [RIS.name]


def test_status_and_export_accept_options_first_or_last(review, capsys, tmp_path):
    run(capsys, "import", review, RIS, "--family", "no")
    first = run(capsys, "status", "--json", review)
    last = run(capsys, "status", review, "--json")
    assert first[0] == last[0] == 0 and first[1] == last[1]
    assert run(capsys, "export", "-o", tmp_path / "a.csv", review, "raw")[0] == 0
    assert run(capsys, "export", review, "-o", tmp_path / "b.csv", "raw")[0] == 0
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_search_subcommand_accepts_options_after_the_directory(review, capsys):
    code, out, err = run(capsys, "search", "oria", review, "--dry-run", "--no-key", "--family", "sv")
    assert code == 0, err
    assert "Family sv" in out and "Family no" not in out


@pytest.mark.parametrize(
    "argv",
    [
        ["update", "{dir}", "FILE.ris"],  # --years missing
        ["status", "{dir}", "--round", "two"],  # not a number
        ["status", "{dir}", "--nonsense"],
        ["nosuchcommand"],
        [],
    ],
)
def test_argparse_errors_are_one_error_line_with_exit_1(review, capsys, argv):
    code, out, err = run(capsys, *[a.replace("{dir}", str(review)) for a in argv])
    assert code == 1
    one_error_line(err)


def test_status_of_a_round_that_does_not_exist_is_an_error(review, capsys):
    run(capsys, "import", review, RIS, "--family", "no")
    code, out, err = run(capsys, "status", review, "--round", "5")
    assert code == 1 and out == ""
    one_error_line(err)
    assert "no round 5" in err and "rounds 1" in err
    assert run(capsys, "status", review, "--round", "1")[0] == 0


@pytest.mark.parametrize("command", ["init", "example"])
def test_init_and_example_on_a_file_are_one_error_line(tmp_path, capsys, command):
    target = tmp_path / "taken.txt"
    target.write_text("not a review\n", encoding="utf-8")
    code, out, err = run(capsys, command, target, *(["--quiet"] if command == "example" else []))
    assert code == 1
    one_error_line(err)
    assert "taken.txt is a file" in err
    assert target.read_text(encoding="utf-8") == "not a review\n"
    code, _, err = run(capsys, command, target / "below")  # a parent that is a file
    assert code == 1
    one_error_line(err)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write a read-only folder")
def test_export_into_a_read_only_folder_is_one_error_line(review, capsys, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        code, _, err = run(capsys, "export", review, "search-log", "-o", folder / "log.csv")
    finally:
        folder.chmod(stat.S_IRWXU)
    assert code == 1
    one_error_line(err)
    assert "locked" in err and list(folder.iterdir()) == []


def test_export_that_cannot_be_written_is_one_error_line(review, capsys, tmp_path, monkeypatch):
    # As root a read-only folder is still writable, so the refusal is made by the file system call itself.
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, _, err = run(capsys, "export", review, "search-log", "-o", tmp_path / "log.csv")
    assert code == 1
    one_error_line(err)
    assert "Permission denied" in err and not (tmp_path / "log.csv").exists()


def test_example_names_the_file_of_a_flagged_row_and_quiet_silences_it(tmp_path, capsys, monkeypatch):
    from review import pipeline

    real = pipeline.apply_decisions_csv

    def flagging(store, protocol, path, **kwargs):
        result = real(store, protocol, path, **kwargs)
        result.warnings.append("line 385: work 197 (synthetic warning for this test)")
        return result

    monkeypatch.setattr(pipeline, "apply_decisions_csv", flagging)
    code, out, _ = run(capsys, "example", tmp_path / "loud")
    assert code == 0
    assert "Flagged: decisions.csv: line 385: work 197" in out
    code, out, _ = run(capsys, "example", tmp_path / "quiet", "--quiet")
    assert code == 0 and "Flagged" not in out and "Included" in out


def _port_free(port: int) -> bool:
    """Nobody listens on the port, and a new server could bind it (as servers do, with SO_REUSEADDR;
    connections of the health check may linger in TIME_WAIT)."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_stopping_review_app_stops_the_server_and_frees_the_port(review, sig):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "review",
            "app",
            str(review),
            "--headless",
            "--port",
            str(port),
            "--address",
            "127.0.0.1",
        ],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # a group of its own, as a service
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, "review app stopped by itself"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                    if answer.read() == b"ok":
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.3)
        proc.send_signal(sig)  # to `review app` alone, not to its process group
        code = proc.wait(timeout=30)
        deadline = time.monotonic() + 10
        while not _port_free(port):  # the kernel may take a moment to release the socket
            assert time.monotonic() < deadline, f"port {port} still held after review app exited"
            time.sleep(0.2)
        assert code == 0  # a requested stop is a clean exit
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # anything left of the group (the bug this test covers)
            except ProcessLookupError:
                pass
