"""What every page shares: the open review, the signed-in reviewer, messages that survive a rerun,
and the one place where a ReviewError becomes an ``st.error``."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

import streamlit as st

from review.errors import ReviewError
from review.protocol import Protocol, load_protocol
from review.store import Store, open_store
from review.ui.i18n import (DEFAULT, LANGUAGES, N_, gettext_for, remember_language, remembered_language,
                            vocabulary_word)
from review.ui.location import resolve
from review.ui.text import md_escape
from screening.team import add_reviewer, reviewer_choices

log = logging.getLogger("nordic-review.app")
# Where the open review came from (review.ui.location), as the sidebar says it.
ORIGINS = {"argument": N_("named on the command line"), "environment": N_("named by REVIEW_DIR"),
           "bundled": N_("the bundled example")}
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

    @property
    def reviewer(self) -> Optional[str]:
        name = st.session_state.get("reviewer")
        return None if name == NEW_REVIEWER else name


def _(message: str) -> str:
    """The message in the signed-in reader's interface language (see review/ui/i18n.py)."""
    return gettext_for(st.session_state.get("lang") or DEFAULT)(message)


def word(value: str) -> str:
    """A stored value (include, maybe, yes, open, dual …) as the reader says it."""
    return vocabulary_word(value, _)


def identity() -> Optional[str]:
    """The name this session acts under (the reviewer chosen in the sidebar), read before the sidebar is
    drawn: the widget's value, else the one its address binding will restore."""
    name = st.session_state.get("reviewer") or st.query_params.get("reviewer")
    return None if not name or name == NEW_REVIEWER else name


def language_picker(review: "Review") -> None:
    """Chosen per person and kept in the review's store: for the signed-in name, or for the review while
    nobody is signed in. When the name changes (a new session, someone else signs in), that person's
    kept language is taken up; with none kept, the session's language stays (else the review's). Drawn
    before the rest of the sidebar, so every string of this run is in the chosen language."""
    owner = identity()
    if "_lang_owner" not in st.session_state or st.session_state["_lang_owner"] != owner:
        with review.store.read() as conn:
            kept = remembered_language(conn, owner) or (
                st.session_state.get("lang") if st.session_state.get("lang") in LANGUAGES else None
            ) or remembered_language(conn, None)
        st.session_state["lang"] = kept or DEFAULT
        st.session_state["_lang_owner"] = owner
    st.sidebar.selectbox("Language · Språk · Sprog", list(LANGUAGES), format_func=LANGUAGES.get, key="lang",
                         on_change=_keep_language, args=(review, owner))


def _keep_language(review: "Review", owner: Optional[str]) -> None:
    attempt(lambda: remember_language(review.store, owner, st.session_state["lang"]))


@st.cache_resource(show_spinner=False)
def _store(directory: str) -> Store:
    # One engine per review directory, shared by every browser session (SQLAlchemy pools are thread-safe).
    return open_store(Path(directory))


@st.cache_resource(show_spinner="Preparing the bundled review (first start only)…")
def _location(argv: tuple[str, ...], review_dir_env: str):
    return resolve(argv, {"REVIEW_DIR": review_dir_env} if review_dir_env else {})


def open_review() -> Review:
    """Called once per run by app.py; pages get the same object from ``review_context``."""
    try:
        location = _location(tuple(sys.argv[1:]), os.environ.get("REVIEW_DIR", ""))
        directory = location.directory.resolve()
        protocol = load_protocol(directory)
        store = _store(str(directory))
    except ReviewError as exc:
        st.error(md_escape(_("The review could not be opened: {error}").format(error=exc)))
        st.stop()
    review = Review(directory, location.origin, store, protocol)
    st.session_state["_review"] = review
    return review


def flash(kind: str, text: str) -> None:
    """Queue a message for the next run (callbacks run before the page is drawn)."""
    st.session_state.setdefault("_flash", []).append((kind, text))


def show_flash() -> None:
    for kind, text in st.session_state.pop("_flash", []):
        getattr(st, kind)(md_escape(text))  # messages quote file names and record text: never markup


def attempt(action: Callable[[], Any], *, done: Optional[Callable[[Any], str]] = None) -> Any:
    """Run one core call; a ReviewError becomes a message, anything else is logged as a bug."""
    try:
        result = action()
    except ReviewError as exc:
        flash("error", str(exc))
        return None
    except Exception:  # a bug: keep the traceback in the log, show a calm message
        log.exception("unexpected error in a page action")
        flash("error", _("Something went wrong inside the app; nothing was stored by this action. "
                         "The details are in the server log."))
        return None
    if done is not None:
        flash("success", done(result))
    return result


def sidebar(review: Review) -> None:
    with st.sidebar:
        st.caption(_("Review"))
        st.text(review.protocol.title)
        st.caption(md_escape(f"{review.directory.name} ({_(ORIGINS.get(review.origin, review.origin))})"))
        _sign_in(review)
        _round_picker(review)


WHOLE_REVIEW = 0  # the round picker's entry for every round together


def _round_picker(review: Review) -> None:
    """One choice for every page: the Overview, the queues and the Reports show this round, or all."""
    from review.update import list_rounds

    with review.store.read() as conn:
        rounds = {r["id"]: r for r in list_rounds(conn)}
    if len(rounds) < 2:  # a review with one round has nothing to choose
        st.session_state.pop("round_view", None)
        return
    if st.session_state.get("round_view") not in [WHOLE_REVIEW, *rounds]:
        st.session_state["round_view"] = WHOLE_REVIEW
    st.selectbox(_("Round"), [WHOLE_REVIEW, *rounds], key="round_view",
                 format_func=lambda r: _("Whole review") if r == WHOLE_REVIEW else
                 f"{rounds[r]['label']} ({rounds[r]['year_from']}–{rounds[r]['year_to']})",
                 help=_("The pages show this round alone (its searches, its new works) or the whole review."))


def chosen_round() -> Optional[int]:
    """The round the pages show, or None for the whole review."""
    return st.session_state.get("round_view") or None


def is_lead(review: Review) -> bool:
    return bool(review.reviewer) and review.reviewer == review.protocol.lead


def _sign_in(review: Review) -> None:
    """The name is a widget bound to the URL (?reviewer=Anna), so a reload keeps you signed in."""
    with review.store.read() as conn:
        names = reviewer_choices(conn, review.protocol)
    current = st.session_state.get("reviewer")
    if current and current not in names and current != NEW_REVIEWER:
        names.append(current)
    st.selectbox(_("Signed in as"), names + [NEW_REVIEWER], index=None, placeholder=_("Choose your name"),
                 key="reviewer", bind="query-params",
                 format_func=lambda name: _("➕ Add a new reviewer…") if name == NEW_REVIEWER else name)
    if st.session_state.get("reviewer") == NEW_REVIEWER:
        st.text_input(_("New reviewer's name"), key="new_reviewer", max_chars=200)
        st.button(_("Add and sign in"), key="add_reviewer", on_click=_add_reviewer, args=(review,))
    if review.reviewer and review.reviewer == review.protocol.lead:
        st.caption(_("You are the review lead."))


def _add_reviewer(review: Review) -> None:
    name = attempt(lambda: add_reviewer(review.store, review.protocol, st.session_state.get("new_reviewer", "")))
    if name:
        st.session_state["reviewer"] = name
        st.session_state["new_reviewer"] = ""
        flash("success", _("Signed in as {name}.").format(name=name))


def require_reviewer(review: Review) -> str:
    name = review.reviewer
    if not name:
        st.info(_("Choose your name under **Signed in as** in the sidebar to start."))
        st.stop()
    return name


def review_context() -> Review:
    """The review app.py opened in this run (the protocol is read once per run, not once per use)."""
    return st.session_state.get("_review") or open_review()
