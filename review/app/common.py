"""What every page shares: the open review, the signed-in reviewer, messages that survive a rerun,
and the one place where a ReviewError becomes an ``st.error``. Who is signed in is decided by
``review.app.gate``; in solo mode the person picks their name here."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from review.app.gate import ACTOR_KEY, Actor, gate, may, needs_sign_in, sign_out
from review.app.language import _, word  # noqa: F401  (pages import them from here)
from review.auth import audit
from review.auth.roles import PermissionDenied
from review.errors import ReviewError
from review.messages import message_of
from review.names import same_person
from review.protocol import Protocol, load_protocol
from review.store import Store, open_store
from review.ui.i18n import DEFAULT, LANGUAGES, N_, remember_language, remembered_language
from review.ui.location import resolve
from review.ui.text import md_escape
from screening.team import add_reviewer, reviewer_choices

log = logging.getLogger("nordic-review.app")
T = TypeVar("T")
# Where the open review came from (review.ui.location), as the sidebar says it.
ORIGINS = {
    "argument": N_("named on the command line"),
    "environment": N_("named by REVIEW_DIR"),
    "bundled": N_("the bundled example"),
}
NEW_REVIEWER = "➕ Add a new reviewer…"

# Drawn once per run by main.py. WCAG 2.1: captions dark enough to read (Streamlit fades them to 3.9:1 on
# white, 4.5:1 is needed) and a focus outline that is always visible for keyboard users.
APP_CSS = """<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; color: #55555f !important; }
:focus-visible { outline: 3px solid #1f4e79 !important; outline-offset: 2px !important; }
[data-testid="stSidebarNavLink"]:focus-visible { outline-offset: -3px !important; }
</style>"""


@dataclass
class Review:
    directory: Path
    origin: str
    store: Store
    protocol: Protocol
    actor: Actor | None = None  # the signed-in account; None in solo mode

    @property
    def reviewer(self) -> str | None:
        if self.actor is not None:
            return self.actor.name
        name = st.session_state.get("reviewer")
        return None if name == NEW_REVIEWER else name

    @property
    def signed_in(self) -> bool:
        return self.actor is not None


def identity() -> tuple[str | None, bool]:
    """(the name this session acts under, whether it is a signed-in account), read before the gate and the
    sidebar are drawn: the signed-in account (checked again by the gate), else the name picked in solo
    mode. Neither is ever taken from the address."""
    held = st.session_state.get(ACTOR_KEY)
    if held:
        return held.name, True
    name = st.session_state.get("reviewer")
    return (None if not name or name == NEW_REVIEWER else name), False


def language_picker(review: Review) -> None:
    """Chosen per person and kept in the review's store, never in the address: with accounts, for the
    signed-in account; in solo mode (one computer, no accounts), for the review and for the name picked,
    so a reload shows it before the name is picked again. When the name changes (a new session, someone
    else signs in), that person's kept language is taken up; with none kept, the session's stays (else
    the review's). Drawn before the gate and the sidebar, so every string of the run is in it."""
    owner, signed_in = identity()
    if st.session_state.get("_lang_owner", ()) != owner:
        with review.store.read() as conn:
            kept = (
                remembered_language(conn, owner)
                or (st.session_state.get("lang") if st.session_state.get("lang") in LANGUAGES else None)
                or remembered_language(conn, None)
            )
        st.session_state["lang"] = kept or DEFAULT
        st.session_state["_lang_owner"] = owner
    st.sidebar.selectbox(
        "Language · Språk · Sprog",
        list(LANGUAGES),
        format_func=lambda code: LANGUAGES[code],
        key="lang",
        on_change=_keep_language,
        args=(review, owner, signed_in),
    )


def _keep_language(review: Review, owner: str | None, signed_in: bool) -> None:
    """A shared review keeps the choice for the signed-in account only (a visitor who has not signed in
    changes nothing stored); solo mode keeps it for the review and for the name picked."""
    lang = st.session_state["lang"]
    if signed_in:
        attempt(lambda: remember_language(review.store, owner, lang))
        return
    if needs_sign_in(review.store):  # asked on a change only, not on every run; a name left in the
        return  # session from solo mode is no identity once accounts exist
    attempt(lambda: remember_language(review.store, None, lang))
    if owner:
        attempt(lambda: remember_language(review.store, owner, lang))


@st.cache_resource(show_spinner=False)
def _store(directory: str) -> Store:
    # One engine per review directory, shared by every browser session (SQLAlchemy pools are thread-safe).
    return open_store(Path(directory))


@st.cache_resource(show_spinner=False)  # the spinner is drawn by open_review, in the reader's language
def _location(argv: tuple[str, ...], review_dir_env: str):
    return resolve(argv, {"REVIEW_DIR": review_dir_env} if review_dir_env else {})


def read_cached(review: Review, function: Callable[..., T], *args: Any) -> T:
    """``function(conn, *args)``, read once per state of the store and shared by every session: the
    key is the store's ``version`` (it changes with every committed write, from the app, the CLI or
    another server) and the arguments (the viewer among them where blinding applies; a Protocol is
    keyed by its content). What comes back is shared: never change it. A store without a version
    (PostgreSQL) is read afresh."""
    version = review.store.version()
    if version is None:
        with review.store.read() as conn:
            return function(conn, *args)
    return _read_cached(
        str(review.directory), version, f"{function.__module__}.{function.__qualname__}", args, review.store, function
    )


@st.cache_resource(show_spinner=False, max_entries=48, ttl=dt.timedelta(minutes=30))
def _read_cached(directory: str, version: tuple, name: str, args: tuple, _store: Store, _function: Callable):
    # cache_resource, not cache_data: a copy of a 20,000-work list per run costs as much as the query.
    with _store.read() as conn:
        return _function(conn, *args)


def log_run_time(what: str, started: float) -> None:
    """With NORDIC_REVIEW_TIMING set: the server time of a run (the page's, or a fragment's alone)."""
    if os.environ.get("NORDIC_REVIEW_TIMING"):
        logging.getLogger("nordic-review.timing").warning("%s %.1f ms", what, (time.perf_counter() - started) * 1000)


def open_review() -> Review:
    """Called once per run by app.py; pages get the same object from ``review_context``."""
    try:
        # Shown only when this takes over half a second: the first start of the bundled review, which
        # copies and imports it. The language is this session's (English until someone chooses).
        with st.spinner(_("Preparing the bundled review (first start only)…")):
            location = _location(tuple(sys.argv[1:]), os.environ.get("REVIEW_DIR", ""))
        directory = location.directory.resolve()
        protocol = load_protocol(directory)
        store = _store(str(directory))
    except ReviewError as exc:
        st.error(md_escape(_("The review could not be opened: {error}").format(error=_(message_of(exc)))))
        st.stop()
    review = Review(directory, location.origin, store, protocol)
    language_picker(review)  # before the gate: the sign-in page is in the reader's language too
    review.actor = gate(review)  # the sign-in page and st.stop() when someone must sign in first
    st.session_state["_review"] = review
    return review


def flash(kind: str, text: str) -> None:
    """Queue a message for the next run (callbacks run before the page is drawn)."""
    st.session_state.setdefault("_flash", []).append((kind, text))


def show_flash() -> None:
    for kind, text in st.session_state.pop("_flash", []):
        getattr(st, kind)(md_escape(text))  # messages quote file names and record text: never markup


def attempt(action: Callable[[], Any], *, done: Callable[[Any], str] | None = None) -> Any:
    """Run one core call; a ReviewError becomes a message, anything else is logged as a bug."""
    try:
        result = action()
    except PermissionDenied as exc:  # the core refused: keep a record of the attempt
        audit.record(review_context().store, exc.name, "refused", exc.action, {"role": exc.role}, ok=False)
        flash("error", _(message_of(exc)))
        return None
    except ReviewError as exc:
        flash("error", _(message_of(exc)))
        return None
    except Exception:  # a bug: keep the traceback in the log, show a calm message
        log.exception("unexpected error in a page action")
        flash(
            "error",
            _(
                "Something went wrong inside the app; nothing was stored by this action. "
                "The details are in the server log."
            ),
        )
        return None
    if done is not None:
        flash("success", done(result))
    return result


def sidebar(review: Review) -> None:
    with st.sidebar:
        st.caption(_("Review"))
        st.text(review.protocol.title)
        st.caption(md_escape(f"{review.directory.name} ({_(ORIGINS.get(review.origin, review.origin))})"))
        if review.actor is not None:
            st.markdown(
                md_escape(
                    _("Signed in as {name} ({role})").format(name=review.actor.name, role=word(review.actor.role))
                )
            )
            st.button(_("Sign out"), key="sign_out", on_click=sign_out, args=(review, review.actor))
        else:
            _sign_in(review)
        _round_picker(review)


def page_links(pages: list) -> None:
    """The navigation, in the sidebar below the sign-in (one link per page; the current one marked)."""
    with st.sidebar.container(key="pages"):
        for page in pages:
            st.page_link(page)


WHOLE_REVIEW = 0  # the round picker's entry for every round together


def _round_picker(review: Review) -> None:
    """One choice for every page: the Overview, the queues and the Reports show this round, or all."""
    from review.update import list_rounds

    rounds = {r["id"]: r for r in read_cached(review, list_rounds)}  # drawn on every page: read once per change
    if len(rounds) < 2:  # a review with one round has nothing to choose
        st.session_state.pop("round_view", None)
        return
    if st.session_state.get("round_view") not in [WHOLE_REVIEW, *rounds]:
        st.session_state["round_view"] = WHOLE_REVIEW
    st.selectbox(
        _("Round"),
        [WHOLE_REVIEW, *rounds],
        key="round_view",
        format_func=lambda r: (
            _("Whole review")
            if r == WHOLE_REVIEW
            else f"{rounds[r]['label']} ({rounds[r]['year_from']}–{rounds[r]['year_to']})"
        ),
        help=_("The pages show this round alone (its searches, its new works) or the whole review."),
    )


def chosen_round() -> int | None:
    """The round the pages show, or None for the whole review."""
    return st.session_state.get("round_view") or None


def _sign_in(review: Review) -> None:
    """Solo mode (this computer only, no accounts): pick a name. The address bar carries no name:
    a name in the URL would let anyone who edits it act as someone else."""
    with review.store.read() as conn:
        names = reviewer_choices(conn, review.protocol)
    current = st.session_state.get("reviewer")
    if current and current not in names and current != NEW_REVIEWER:
        names.append(current)
    st.selectbox(
        _("Signed in as"),
        names + [NEW_REVIEWER],
        index=None,
        placeholder=_("Choose your name"),
        key="reviewer",  # never bound to the address: a URL must not carry an identity (issue 17)
        format_func=lambda name: _("➕ Add a new reviewer…") if name == NEW_REVIEWER else name,
    )
    if st.session_state.get("reviewer") == NEW_REVIEWER:
        st.text_input(_("New reviewer's name"), key="new_reviewer", max_chars=200)
        st.button(_("Add and sign in"), key="add_reviewer", on_click=_add_reviewer, args=(review,))
    if is_lead(review):
        st.caption(_("You are the review lead."))


def _add_reviewer(review: Review) -> None:
    name = attempt(lambda: add_reviewer(review.store, review.protocol, st.session_state.get("new_reviewer", "")))
    if name:
        st.session_state["reviewer"] = name
        st.session_state["new_reviewer"] = ""
        flash("success", _("Signed in as {name}.").format(name=name))


def is_lead(review: Review) -> bool:
    """Whether to offer the lead's controls: the account's role, or in solo mode the protocol's lead."""
    if review.signed_in:
        return may(review.actor, "reconcile")
    lead, name = review.protocol.lead, review.reviewer
    return bool(lead and name and same_person(name, lead))


def require_name(review: Review) -> str:
    """Whoever acts is named (solo mode: the name picked in the sidebar), so the audit trail says who."""
    name = review.reviewer
    if not name:
        st.info(_("Choose your name under **Signed in as** in the sidebar to start."))
        st.stop()
    return name


def require_reviewer(review: Review) -> str:
    name = require_name(review)
    require_role(review, "screen")
    return name


def require_role(review: Review, action: str) -> None:
    """Stop a page the signed-in role may not use (the core refuses the action itself too)."""
    if may(review.actor, action):
        return
    actor = review.actor
    seen = st.session_state.setdefault("_refused_logged", set())
    if action not in seen:  # one event per session and page, not one per rerun
        seen.add(action)
        audit.record(
            review.store,
            actor.name if actor else "?",
            "refused",
            action,
            {"role": actor.role if actor else None, "page": True},
            ok=False,
        )
    st.warning(
        md_escape(
            _("Your role ({role}) does not allow this page. Ask the lead if you need it.").format(
                role=word(actor.role) if actor else "–"
            )
        )
    )
    st.stop()


def review_context() -> Review:
    """The review app.py opened in this run (the protocol is read once per run, not once per use)."""
    return st.session_state.get("_review") or open_review()
