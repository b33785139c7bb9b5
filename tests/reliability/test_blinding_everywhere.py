"""Blinding across every page and every export: in a dual-screened stage, reviewer B sees nothing of
A's vote on a work (its value, reasons or note) until B has voted too. Works are synthetic."""

from __future__ import annotations

import zipfile
from io import BytesIO

import pytest

from review.cli import main as cli
from review.protocol import load_protocol
from review.ui.report_views import export_choices
from screening.decisions import Decision, record
from screening.flow import compute_flow
from tests.conftest import set_stage_mode
from tests.ui import conftest as ui_conftest
from tests.ui.conftest import no_errors, press

app = ui_conftest.app  # the app fixture of tests/ui, used here by name

pytestmark = pytest.mark.slow  # every page and export is checked for blinded votes: seconds each

A, B = "Anna", "Bjørn"
SECRET_REASON = "Synthetic secret reason of A"
SECRET_NOTE = "Synthetic secret note of A"
PAGES = ("overview", "screening", "works", "conflicts", "reports")


def page_text(at) -> str:
    """Everything the page shows as text: messages, HTML, tables, widget options and values."""
    parts = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "text",
        "info",
        "success",
        "warning",
        "error",
        "html",
        "metric",
    ):
        parts += [str(getattr(e, "value", "")) + " " + str(getattr(e, "label", "")) for e in at.get(kind)]
    parts += [d.value.to_csv() for d in at.dataframe]
    for kind in ("multiselect", "selectbox", "text_input", "text_area"):
        for widget in at.get(kind):
            # The reason list too: a custom reason A used only in a hidden vote is not offered to B.
            options = getattr(widget, "options", [])
            parts.append(" ".join(map(str, options)) + " " + str(widget.value))
    return "\n".join(parts)


def export_texts(review_dir, tmp_path, reviewer) -> dict[str, str]:
    """Every export kind through `review export`, as text (Office files: their XML parts)."""
    out = {}
    for what, suffix in export_choices():
        path = tmp_path / f"{what}-{reviewer or 'team'}{suffix}"
        args = ["export", str(review_dir), what, "-o", str(path)] + (["--reviewer", reviewer] if reviewer else [])
        assert cli(args) == 0, (what, suffix)
        data = path.read_bytes()
        if suffix in (".xlsx", ".docx"):
            with zipfile.ZipFile(BytesIO(data)) as z:
                data = b"\n".join(z.read(name) for name in z.namelist())
        out[f"{what}{suffix}"] = data.decode("utf-8", errors="replace")
    return out


@pytest.fixture
def dual(review_dir, store, works):
    set_stage_mode(review_dir, 1, "dual")
    protocol = load_protocol(review_dir)
    before = compute_flow(store, protocol)
    record(
        store,
        protocol,
        Decision(work_id=works[0], stage=1, decision="exclude", reviewer=A, reasons=[SECRET_REASON], note=SECRET_NOTE),
    )
    return protocol, before


def test_other_vote_is_hidden_on_every_page_and_export_until_both_voted(app, review_dir, store, works, dual, tmp_path):
    protocol, before = dual
    after = compute_flow(store, protocol)
    # The counts (overview, reports, flow diagram, Table 3.1) move only with final decisions.
    assert (after.stages[1].excluded, after.stages[1].screened, after.stages[1].excluded_by_reason) == (
        before.stages[1].excluded,
        before.stages[1].screened,
        before.stages[1].excluded_by_reason,
    )

    leaks = []
    for page in PAGES:
        at = no_errors(app(B, page))
        text = page_text(at)
        leaks += [
            f"{page}: {secret}"
            for secret in (SECRET_REASON, SECRET_NOTE, f"{A} voted", f"{A}: exclude")
            if secret in text
        ]
    screen = app(B, "screening")
    assert any("1 other vote(s) stay hidden" in c.value for c in screen.caption)

    exports = {
        **{f"B {k}": v for k, v in export_texts(review_dir, tmp_path, B).items()},
        **{f"team {k}": v for k, v in export_texts(review_dir, tmp_path, None).items()},
    }
    leaks += [
        f"export {name}: {secret}"
        for name, text in exports.items()
        for secret in (SECRET_REASON, SECRET_NOTE)
        if secret in text
    ]
    for who in ("B", "team"):  # the decision log has no row of A's at all
        log = exports[f"{who} decisions.csv"]
        leaks += [f"{who} decisions.csv: a row of {A}" for line in log.splitlines() if f",{A}," in line]
    import io
    import zipfile

    from review.ui.report_views import all_exports_zip

    with zipfile.ZipFile(io.BytesIO(all_exports_zip(store, protocol, viewer=B))) as archive:  # the page's zip
        leaks += [
            f"zip {name}: {secret}"
            for name in archive.namelist()
            for secret in (SECRET_REASON, SECRET_NOTE)
            if secret.encode() in archive.read(name)
        ]
    assert not leaks, "\n".join(leaks)
    assert len(exports) == 2 * len(export_choices())
    print(f"\nblinding: {len(PAGES)} pages and {len(exports)} exports ({len(export_choices())} kinds x B/team) clean")

    # Once B has voted, both see both votes: on the card, in the log and in the exports.
    at = app(B, "screening")
    press(at, 1, "include")
    at.button(key="s1_undo").click().run()
    no_errors(at)
    assert f"{A} voted: exclude ({SECRET_REASON}), note: {SECRET_NOTE}" in [t.value for t in at.text]
    conflicts = page_text(no_errors(app(B, "conflicts")))
    assert f"{A}: exclude ({SECRET_REASON})" in conflicts
    (tmp_path / "after").mkdir()
    for reviewer in (B, None):
        path = tmp_path / "after" / f"decisions-{reviewer or 'team'}.csv"
        args = ["export", str(review_dir), "decisions", "-o", str(path)] + (
            ["--reviewer", reviewer] if reviewer else []
        )
        assert cli(args) == 0
        assert SECRET_NOTE in path.read_text(encoding="utf-8-sig")


def test_blinding_holds_with_real_accounts_on_every_page_and_download(app, review_dir, store, works, dual):
    """Issue 17: the same check with accounts, signed in through the gate as a reviewer and as a viewer;
    every page their role lists and every export the Reports page offers them."""
    from review.auth.accounts import add_account
    from review.ui.report_views import export_bytes

    protocol, _ = dual
    passwords = {B: "synthetic password of B", "Vera": "synthetic password of Vera"}
    add_account(store, A, "reviewer", password="synthetic password of A")
    add_account(store, B, "reviewer", password=passwords[B])
    add_account(store, "Vera", "viewer", password=passwords["Vera"])
    leaks, checked = [], 0
    for who, pages in ((B, PAGES), ("Vera", ("overview", "reports"))):
        at = app(A)  # a name put in the session by hand is ignored once accounts exist
        at.text_input(key="signin_name").input(who.lower())
        at.text_input(key="signin_password").input(passwords[who])
        at.button[0].click().run()
        for page in pages:
            at.switch_page(f"views/{page}.py").run()
            no_errors(at)
            text = page_text(at)
            leaks += [
                f"{who} {page}: {s}" for s in (SECRET_REASON, SECRET_NOTE, f"{A} voted", f"{A}: exclude") if s in text
            ]
            checked += 1
        for what, suffix in export_choices():  # what the Reports page's download gives this person
            data = export_bytes(store, protocol, what, suffix, viewer=who)
            if suffix in (".xlsx", ".docx"):
                with zipfile.ZipFile(BytesIO(data)) as z:
                    data = b"\n".join(z.read(name) for name in z.namelist())
            text = data.decode("utf-8", errors="replace")
            leaks += [f"{who} {what}{suffix}: {s}" for s in (SECRET_REASON, SECRET_NOTE) if s in text]
            checked += 1
    assert not leaks, "\n".join(leaks)
    print(f"\nblinding with accounts: {checked} pages and downloads clean")
