"""The sign-in gate: who is using this browser session, decided before any page is drawn.

Solo mode (loopback, no accounts): no sign-in; the person picks their name in the sidebar as before.
Otherwise every page needs a signed-in account, by password or through the identity provider
(``st.login``). The identity lives in the session on the server (and, for single sign-on, in
Streamlit's signed cookie), never in the address bar."""

from __future__ import annotations

import os
from dataclasses import dataclass

import streamlit as st

from review.app.language import _
from review.auth import audit
from review.auth.accounts import SignInError, find_account, sign_in_oidc, sign_in_password
from review.auth.exposure import REQUIRE_ENV, is_proxied, sign_in_required
from review.auth.roles import allowed, has_accounts
from review.auth.secrets import providers
from review.messages import message_of
from review.ui.text import md_escape

ACTOR_KEY = "_actor"  # (name, role, method) of the signed-in account


@dataclass(frozen=True)
class Actor:
    name: str
    role: str
    method: str  # "password" or "sso"


def _auth_settings() -> dict:
    try:
        section = st.secrets.get("auth")  # raises when no secrets.toml exists at all
    except Exception:
        return {}
    if section is None:
        return {}
    return section.to_dict() if hasattr(section, "to_dict") else dict(section)


def sso_providers() -> list[str | None]:
    return providers(_auth_settings())


def _sso_claims() -> dict | None:
    try:
        if st.user.get("is_logged_in"):
            return dict(st.user.to_dict()) if hasattr(st.user, "to_dict") else dict(st.user)
    except Exception:  # no login support (AppTest, no Authlib): nobody signed in that way
        return None
    return None


def _headers() -> dict:
    try:
        return dict(st.context.headers or {})
    except Exception:  # AppTest: no request
        return {}


def needs_sign_in(store) -> bool:
    with store.read() as conn:
        accounts = has_accounts(conn)
    return sign_in_required(
        st.get_option("server.address"),
        accounts,
        proxied=is_proxied(_headers()),
        forced=bool(os.environ.get(REQUIRE_ENV)),
    )


def current(store) -> Actor | None:
    """The signed-in actor, re-read from the store each run (a disabled account or a new role counts at once)."""
    held = st.session_state.get(ACTOR_KEY)
    if not held:
        return None
    with store.read() as conn:
        account = find_account(conn, held.name)
    if account is None or account.disabled:
        st.session_state.pop(ACTOR_KEY, None)
        return None
    return Actor(account.name, account.role, held.method)


def gate(review) -> Actor | None:
    """None in solo mode; else the actor, or the sign-in page and ``st.stop()``."""
    store = review.store
    if not needs_sign_in(store):
        return None
    actor = current(store)
    if actor is not None:
        return actor
    claims = _sso_claims()
    if claims is not None:
        try:
            account = sign_in_oidc(store, claims)
        except SignInError as exc:
            st.title(_("Sign in"))
            st.error(md_escape(_(message_of(exc))))
            st.button(_("Sign out of the identity provider"), key="sso_logout", on_click=st.logout)
            st.stop()
        actor = Actor(account.name, account.role, "sso")
        st.session_state[ACTOR_KEY] = actor
        return actor
    _sign_in_page(review)
    st.stop()


def _sign_in_page(review) -> None:
    st.title(_("Sign in"))
    st.caption(
        md_escape(
            _("{title}: this review is shared, so every page needs a sign-in.").format(title=review.protocol.title)
        )
    )
    names = sso_providers()
    if names:
        settings = _auth_settings()
        for name in names:
            label = (settings.get(name, {}) or {}).get("label") if name else settings.get("label")
            st.button(
                _("Sign in with {provider}").format(provider=label or name or _("single sign-on")),
                key=f"sso_{name or 'default'}",
                type="primary",
                on_click=st.login,
                args=(name,) if name else (),
            )
    with review.store.read() as conn:
        accounts = has_accounts(conn)
    if accounts:
        with st.form("password_sign_in"):
            name = st.text_input(_("Name"), key="signin_name", max_chars=200)
            password = st.text_input(_("Password"), type="password", key="signin_password", max_chars=500)
            if st.form_submit_button(_("Sign in"), type="primary" if not names else "secondary"):
                try:
                    account = sign_in_password(review.store, name, password)
                except SignInError as exc:
                    st.error(md_escape(_(message_of(exc))))
                else:
                    st.session_state[ACTOR_KEY] = Actor(account.name, account.role, "password")
                    st.rerun()
    if not names and not accounts:
        st.error(
            _(
                "This app listens beyond this computer but has no accounts and no single sign-on, so nobody "
                "can sign in. Ask the lead to run 'review user add DIR NAME --role lead'."
            )
        )


def sign_out(review, actor: Actor) -> None:
    audit.record(review.store, actor.name, "sign-out", actor.name, {"method": actor.method})
    st.session_state.pop(ACTOR_KEY, None)
    st.session_state.pop("reviewer", None)
    if actor.method == "sso":
        st.logout()


def may(actor: Actor | None, action: str) -> bool:
    """Whether to show an action (the core checks again when it runs). Solo mode: everything."""
    return actor is None or allowed(actor.role, action)
