"""Identity in the core (issue 17): one person one name, roles checked by the core functions, the
append-only audit trail, passwords that never leave the accounts module. All names are synthetic."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from review.auth import audit
from review.auth.accounts import (
    MAX_FAILURES,
    SignInError,
    add_account,
    list_accounts,
    set_disabled,
    set_password,
    set_role,
    sign_in_oidc,
    sign_in_password,
)
from review.auth.roles import PermissionDenied
from review.dedup import resolve_pair, undo_merge
from review.errors import ReviewError
from review.ingest import SearchInfo, import_files
from review.names import fold, same_person
from review.protocol import load_protocol
from review.reports.registry import ExportData
from review.store import schema
from screening.agreement import conflicts, reconcile
from screening.blinding import visible_decision_rows, visible_votes
from screening.decisions import Decision, latest_final, outcome_of_votes, record, settle_votes
from screening.summaries import save_summary
from tests.conftest import REPO, set_stage_mode

pytestmark = pytest.mark.slow  # accounts hash passwords with Argon2 (deliberately slow): seconds each

PW = {
    "Cecilie": "synthetic lead password",
    "Bjørn": "synthetic reviewer password",
    "Vera": "synthetic viewer password",
    "Anna": "synthetic second reviewer",
}
RIS = REPO / "tests" / "fixtures" / "ris_oria.ris"


@pytest.fixture
def team(store):
    add_account(store, "Cecilie", "lead", password=PW["Cecilie"])
    add_account(store, "Bjørn", "reviewer", password=PW["Bjørn"])
    add_account(store, "Anna", "reviewer", password=PW["Anna"], email="Anna@Example.org")
    add_account(store, "Vera", "viewer", password=PW["Vera"])
    return store


@pytest.fixture
def dual_protocol(review_dir):
    set_stage_mode(review_dir, 1, "dual")
    return load_protocol(review_dir)


def events(store, action=None):
    with store.read() as conn:
        return audit.events(conn, action=action)


def test_names_fold_case_and_accents_but_keep_letters():
    assert fold("  ÅNNA  ") == fold("anna") == fold("Ánna")
    assert same_person("Bjørn Nilsen", "bjørn  nilsen")
    assert not same_person("Bjørn", "Bjorn")  # ø is a letter of its own, not an accented o


def test_two_spellings_of_one_name_never_make_a_consensus(store, works, dual_protocol):
    """Issue 17: 'anna' beside 'Anna' counted as a second reviewer, so one person made a consensus alone."""
    record(store, dual_protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="Anna"))
    record(store, dual_protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="anna"))
    record(store, dual_protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="ÁNNA "))
    with store.read() as conn:
        assert works[0] not in latest_final(conn, 1)
        names = set(conn.execute(select(schema.decisions.c.reviewer)).scalars())
        assert names == {"Anna"}  # one spelling in the log
        assert set(conn.execute(select(schema.reviewers.c.name)).scalars()) & {"anna", "ÁNNA"} == set()
    record(store, dual_protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="Bjørn"))
    with store.read() as conn:
        assert latest_final(conn, 1)[works[0]]["reviewer"] == "consensus"


def test_votes_stored_under_two_spellings_earlier_still_count_as_one_person(store, works, dual_protocol):
    """A log written before names were folded may hold 'Anna' and 'anna': blinding and conflicts see one."""
    from review.timeutil import now_iso

    with store.write() as conn:
        for name, decision in (("Anna", "include"), ("anna", "exclude")):
            conn.execute(
                schema.decisions.insert().values(
                    work_id=works[0],
                    stage=1,
                    reviewer=name,
                    decision=decision,
                    reasons="[]",
                    final=False,
                    basis="vote",
                    created_at=now_iso(),
                )
            )
        for name in ("Anna", "anna"):  # the same person twice, agreeing with themself
            conn.execute(
                schema.decisions.insert().values(
                    work_id=works[1],
                    stage=1,
                    reviewer=name,
                    decision="include",
                    reasons="[]",
                    final=False,
                    basis="vote",
                    created_at=now_iso(),
                )
            )
        assert settle_votes(conn, works[1], 1) is None  # never a consensus alone
    assert outcome_of_votes({"Anna": "include", "anna": "include"}) is None
    assert outcome_of_votes({"Anna": "include", "Bjørn": "include"}) == "include"
    with store.read() as conn:
        assert not conflicts(conn, 1)
        assert latest_final(conn, 1, [works[1]]) == {}
        assert set(visible_votes(conn, dual_protocol, 1, works[0], "Bjørn")) == set()  # still blinded for Bjørn
        assert [r for r in visible_decision_rows(conn, dual_protocol, "Bjørn") if r["work_id"] == works[0]] == []


def test_roles_are_checked_in_the_core(team, works, dual_protocol, review_dir):
    store = team
    record(store, dual_protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="Anna"))
    record(
        store, dual_protocol, Decision(work_id=works[0], stage=1, decision="exclude", reviewer="Bjørn", reasons=["x"])
    )
    with pytest.raises(PermissionDenied, match="Bjørn .*may not reconcile"):
        reconcile(store, dual_protocol, works[0], 1, "Bjørn", "include")
    reconcile(store, dual_protocol, works[0], 1, "cecilie", "include")  # the lead, spelled loosely
    with pytest.raises(PermissionDenied, match="Vera .*may not screen"):
        record(store, dual_protocol, Decision(work_id=works[1], stage=1, decision="include", reviewer="Vera"))
    with pytest.raises(PermissionDenied, match="no account"):
        record(store, dual_protocol, Decision(work_id=works[1], stage=1, decision="include", reviewer="Mallory"))
    with pytest.raises(PermissionDenied, match="may not import"):
        import_files(store, dual_protocol, [RIS], SearchInfo(family="no"), actor="Bjørn")
    import_files(store, dual_protocol, [RIS], SearchInfo(family="no"), actor="Cecilie")
    with pytest.raises(PermissionDenied, match="may not dedup"):
        resolve_pair(store, 1, 2, "duplicate", "Anna", protocol=dual_protocol)
    with pytest.raises(PermissionDenied, match="may not dedup"):
        undo_merge(store, works[0], "Anna", dual_protocol)
    with pytest.raises(PermissionDenied, match="may not screen"):
        save_summary(store, dual_protocol, works[0], aim="a", method="m", findings="f", group=None, author="Vera")
    with pytest.raises(PermissionDenied, match="may not full log"):
        ExportData(store, dual_protocol, viewer="Bjørn", full_log=True).decisions()
    from screening.attachments import add_link
    from screening.quality import save_ratings
    from screening.stopping import stop_screening

    with pytest.raises(PermissionDenied, match="may not stop"):
        stop_screening(store, dual_protocol, "Bjørn", basis="reviewers", note="synthetic")
    with pytest.raises(PermissionDenied, match="may not screen"):
        add_link(store, works[0], "https://example.org/full-text", "Vera")
    with pytest.raises(PermissionDenied, match="may not screen"):
        save_ratings(store, dual_protocol, works[0], "Vera", {})
    set_disabled(store, "Bjørn")
    with pytest.raises(PermissionDenied):
        record(store, dual_protocol, Decision(work_id=works[2], stage=1, decision="include", reviewer="Bjørn"))
    imported = events(store, "import")
    assert imported[-1]["actor"] == "Cecilie" and imported[-1]["target"] == RIS.name


def test_without_accounts_names_are_trusted_as_before(store, works, dual_protocol):
    """Solo mode: no account exists, so nobody is refused except the rule that predates accounts."""
    record(store, dual_protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="Anyone"))
    with pytest.raises(ReviewError, match="reconcile"):
        reconcile(store, dual_protocol, works[0], 1, "Anyone", "include")


def test_the_full_log_is_the_leads_and_its_export_is_audited(team, works, dual_protocol):
    record(
        team,
        dual_protocol,
        Decision(work_id=works[0], stage=1, decision="exclude", reviewer="Anna", reasons=["hidden"]),
    )
    blinded = ExportData(team, dual_protocol, viewer="Bjørn").decisions()
    assert not [d for d in blinded if d.reviewer == "Anna"]
    full = ExportData(team, dual_protocol, viewer="Cecilie", full_log=True).decisions()
    assert [d.reasons for d in full if d.reviewer == "Anna"] == [["hidden"]]
    assert events(team, "export-full-log")[-1]["actor"] == "Cecilie"


def test_every_action_leaves_an_event(team, works, dual_protocol):
    record(team, dual_protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="Anna"))
    save_summary(team, dual_protocol, works[0], aim="a", method="m", findings="f", group=None, author="Anna")
    set_role(team, "Vera", "reviewer", actor="Cecilie")
    set_password(team, "Vera", "another synthetic password", actor="Cecilie")
    actions = [e["action"] for e in events(team)]
    for expected in ("account-add", "decision", "summary", "account-role", "account-password"):
        assert expected in actions
    assert all(e["row_hash"] for e in events(team))  # each event chained to the one before (store/chain.py)
    role_change = events(team, "account-role")[-1]
    assert (role_change["actor"], role_change["target"]) == ("Cecilie", "Vera")


def test_the_events_table_refuses_updates_and_deletes(team):
    for statement in ("UPDATE events SET actor = 'someone else'", "DELETE FROM events"):
        with pytest.raises(Exception, match="append-only"):
            with team.write() as conn:
                conn.execute(text(statement))
    assert len(events(team)) == 4


@pytest.mark.slow
def test_password_sign_in_is_rate_limited_and_logged(team):
    assert sign_in_password(team, "bjørn", PW["Bjørn"]).name == "Bjørn"
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInError, match="wrong"):
            sign_in_password(team, "Bjørn", "not the password")
    with pytest.raises(SignInError, match="too many"):
        sign_in_password(team, "BJØRN", PW["Bjørn"])
    assert sign_in_password(team, "Anna", PW["Anna"]).name == "Anna"  # others are not locked out
    with pytest.raises(SignInError, match="wrong"):
        sign_in_password(team, "Nobody", "whatever password")
    failed = [e for e in events(team, "sign-in") if not e["ok"]]
    assert len(failed) == MAX_FAILURES + 2


def test_passwords_never_reach_the_events_or_the_account_list(team):
    set_password(team, "Vera", "a fresh synthetic password")
    with pytest.raises(SignInError):
        sign_in_password(team, "Vera", "typed wrongly by Vera")
    dump = repr(events(team))
    with team.read() as conn:
        dump += repr(list_accounts(conn))
        hashes = list(conn.execute(select(schema.accounts.c.password_hash)).scalars())
    for secret in [*PW.values(), "a fresh synthetic password", "typed wrongly by Vera", *hashes]:
        assert secret not in dump
    assert all(h.startswith("$argon2") for h in hashes)


def test_a_disabled_account_cannot_sign_in(team):
    set_disabled(team, "Vera")
    with pytest.raises(SignInError):
        sign_in_password(team, "Vera", PW["Vera"])


def test_single_sign_on_maps_a_verified_email_or_subject(team):
    assert sign_in_oidc(team, {"sub": "x1", "email": "ANNA@example.org", "email_verified": True}).name == "Anna"
    with pytest.raises(SignInError):  # an unverified address names nobody
        sign_in_oidc(team, {"sub": "x2", "email": "anna@example.org", "email_verified": False})
    with pytest.raises(SignInError):
        sign_in_oidc(team, {"sub": "x3", "email": "stranger@example.org"})
    add_account(team, "Sami", "reviewer", subject="feide-synthetic-7")
    assert sign_in_oidc(team, {"sub": "feide-synthetic-7"}).name == "Sami"


def test_account_rules(team):
    with pytest.raises(ReviewError, match="already exists"):
        add_account(team, "cecilie", "reviewer", password="long enough password")
    with pytest.raises(ReviewError, match="reserved"):
        add_account(team, "Consensus", "reviewer", password="long enough password")
    with pytest.raises(ReviewError, match="at least"):
        add_account(team, "Kort", "reviewer", password="short")
    with pytest.raises(ReviewError, match="role"):
        add_account(team, "Rolf", "admin", password="long enough password")
    with pytest.raises(ReviewError, match="another account"):
        add_account(team, "Anna Two", "reviewer", email="anna@example.org")


def test_opening_a_round_from_the_app_is_left_to_the_lead(team, dual_protocol):
    """The Overview page passes the signed-in person to update_review, and the core checks the role."""
    from review.update import update_review

    with pytest.raises(PermissionDenied, match="Bjørn .*may not"):
        update_review(team, dual_protocol, (2023, 2025), actor="Bjørn")
    report = update_review(team, dual_protocol, (2023, 2025), actor="Cecilie")
    assert report.opened and events(team, "open-round")[-1]["actor"] == "Cecilie"
