"""Local accounts: argon2-hashed passwords in the review's store, managed by the lead.

A failed sign-in is an event (ok=False); the rate limit counts those events, so it holds across
browser sessions, server restarts and several app processes on one store. Passwords and hashes never
leave this module: events, listings and exports carry neither."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, func, select

from review.auth import audit
from review.auth.roles import ROLES, account_row
from review.errors import ReviewError
from review.messages import Message
from review.names import fold, tidy
from review.store import Store, schema
from review.timeutil import now_iso

MIN_PASSWORD = 10
MAX_NAME = 200
RESERVED = ("consensus", "protocol")  # names on rows written by rules (screening.team.SYSTEM_NAMES)
MAX_FAILURES = 5  # failed sign-ins for one name within WINDOW before further tries are refused unchecked
WINDOW = timedelta(minutes=15)
_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified when the name is unknown, so a wrong name costs as long as a wrong password. Made on the
    first sign-in, not at import: one Argon2 hash costs most of a second, which every command paid."""
    return _hasher.hash("not a password of anyone")


class SignInError(ReviewError):
    """Sign-in refused; the message never says whether the name or the password was wrong."""


@dataclass
class Account:
    name: str
    role: str
    email: str | None
    subject: str | None
    disabled: bool
    has_password: bool
    created_at: str
    updated_at: str


def _account(row: dict) -> Account:
    return Account(
        name=row["name"],
        role=row["role"],
        email=row["email"],
        subject=row["subject"],
        disabled=bool(row["disabled"]),
        has_password=row["password_hash"] is not None,
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def list_accounts(conn: Connection) -> list[Account]:
    a = schema.accounts
    return [_account(r._asdict()) for r in conn.execute(select(a).order_by(a.c.name_key))]


def find_account(conn: Connection, name: str) -> Account | None:
    row = account_row(conn, name)
    return _account(row) if row else None


def check_password(password: str | None) -> str:
    if password is None or len(password) < MIN_PASSWORD:
        raise ReviewError(Message("a password needs at least {MIN_PASSWORD} characters", MIN_PASSWORD=MIN_PASSWORD))
    if password != password.strip("\r\n"):
        raise ReviewError(Message("a password may not begin or end with a line break"))
    return password


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise ReviewError(Message("role must be one of {items}, not '{role}'", items=", ".join(ROLES), role=role))
    return role


def _existing(conn: Connection, name: str) -> dict:
    row = account_row(conn, name)
    if row is None:
        raise ReviewError(Message("no account named '{name}' in this review", name=tidy(name)))
    return row


def add_account(
    store: Store,
    name: str,
    role: str,
    *,
    password: str | None = None,
    email: str | None = None,
    subject: str | None = None,
    actor: str | None = None,
) -> Account:
    """A new account; at least one way to sign in (a password, an e-mail or a subject for single sign-on)."""
    name, role = tidy(name), _check_role(role)
    if not name:
        raise ReviewError(Message("an account needs a name"))
    if len(name) > MAX_NAME:
        raise ReviewError(Message("a name has at most {MAX_NAME} characters", MAX_NAME=MAX_NAME))
    if fold(name) in RESERVED:
        raise ReviewError(Message("'{name}' is reserved for decisions made by rules; choose another name", name=name))
    email = fold(email) if email and email.strip() else None
    subject = subject.strip() if subject and subject.strip() else None
    if password is None and not email and not subject:
        raise ReviewError(Message("give a password, or an e-mail or subject for single sign-on"))
    hashed = _hasher.hash(check_password(password)) if password is not None else None

    def work(conn: Connection) -> Account:
        row = account_row(conn, name)
        if row is not None:
            raise ReviewError(
                Message(
                    "an account named '{name}' already exists (names are compared without case and accents)",
                    name=row["name"],
                )
            )
        a = schema.accounts
        for column, value in (("email", email), ("subject", subject)):
            if value and conn.execute(select(a.c.name).where(a.c[column] == value)).first():
                raise ReviewError(Message("another account already signs in with that {column}", column=column))
        now = now_iso()
        conn.execute(
            a.insert().values(
                name=name,
                name_key=fold(name),
                role=role,
                password_hash=hashed,
                email=email,
                subject=subject,
                disabled=False,
                created_at=now,
                updated_at=now,
            )
        )
        audit.log_event(
            conn,
            actor,
            "account-add",
            name,
            {"role": role, "email": email, "subject": subject, "sign_in": "password" if hashed else "sso"},
        )
        return _account(_existing(conn, name))

    return store.transact(work)


def _update(store: Store, name: str, action: str, values: dict, detail: dict, actor: str | None) -> Account:
    def work(conn: Connection) -> Account:
        row = _existing(conn, name)
        a = schema.accounts
        conn.execute(a.update().where(a.c.name == row["name"]).values(updated_at=now_iso(), **values))
        audit.log_event(conn, actor, action, row["name"], detail)
        return _account(_existing(conn, name))

    return store.transact(work)


def set_password(store: Store, name: str, password: str, *, actor: str | None = None) -> Account:
    hashed = _hasher.hash(check_password(password))
    return _update(store, name, "account-password", {"password_hash": hashed}, {}, actor)


def set_role(store: Store, name: str, role: str, *, actor: str | None = None) -> Account:
    return _update(store, name, "account-role", {"role": _check_role(role)}, {"role": role}, actor)


def set_disabled(store: Store, name: str, disabled: bool = True, *, actor: str | None = None) -> Account:
    return _update(store, name, "account-disable" if disabled else "account-enable", {"disabled": disabled}, {}, actor)


def recent_failures(conn: Connection, name: str, now: datetime | None = None) -> int:
    e = schema.events
    since = ((now or datetime.now(timezone.utc)) - WINDOW).isoformat(timespec="microseconds")
    return conn.execute(
        select(func.count())
        .select_from(e)
        .where(e.c.action == "sign-in", e.c.ok.is_(False), e.c.target == fold(name), e.c.at >= since)
    ).scalar_one()


def sign_in_password(store: Store, name: str, password: str, *, where: str = "app") -> Account:
    """The account for a name and password, or SignInError (logged, and counted for the rate limit)."""
    key = fold(name)
    with store.read() as conn:
        failures = recent_failures(conn, name)
        row = account_row(conn, name) if key else None
    if failures >= MAX_FAILURES:
        audit.record(
            store,
            tidy(name) or "?",
            "sign-in",
            key,
            {"method": "password", "where": where, "reason": "rate limited"},
            ok=False,
        )
        raise SignInError(
            Message(
                "too many failed sign-ins for this name; wait {minutes} minutes and try again, or "
                "ask the lead to set a new password",
                minutes=int(WINDOW.total_seconds() // 60),
            )
        )
    dummy = _dummy_hash()
    stored = row["password_hash"] if row and row["password_hash"] else dummy
    try:
        good = _hasher.verify(stored, password or "") and stored is not dummy
    except (VerificationError, InvalidHashError):
        good = False
    if not good or row is None or row["disabled"]:
        reason = "disabled" if good else "wrong name or password"
        audit.record(
            store, tidy(name) or "?", "sign-in", key, {"method": "password", "where": where, "reason": reason}, ok=False
        )
        raise SignInError(Message("the name or the password is wrong, or the account is disabled"))

    def work(conn: Connection) -> None:
        if _hasher.check_needs_rehash(stored):
            conn.execute(
                schema.accounts.update()
                .where(schema.accounts.c.name == row["name"])
                .values(password_hash=_hasher.hash(password))
            )
        audit.log_event(conn, row["name"], "sign-in", key, {"method": "password", "where": where})

    store.transact(work)
    return _account(row)


def sign_in_oidc(store: Store, claims: dict, *, provider: str | None = None) -> Account:
    """The account an identity provider's ID token names: by subject, else by a verified e-mail."""
    sub = str(claims.get("sub") or "").strip()
    email = str(claims.get("email") or "").strip()
    verified = claims.get("email_verified", True) not in (False, "false", "False")
    a = schema.accounts
    with store.read() as conn:
        row = conn.execute(select(a).where(a.c.subject == sub)).first() if sub else None
        if row is None and email and verified:
            row = conn.execute(select(a).where(a.c.email == fold(email))).first()
    who = email or sub or "?"
    detail = {"method": "sso", "provider": provider or "default", "email": email or None, "subject": sub or None}
    if row is None or row.disabled:
        reason = (
            "disabled"
            if row is not None
            else ("e-mail not verified" if email and not verified else "no account for this identity")
        )
        audit.record(store, who, "sign-in", fold(who), dict(detail, reason=reason), ok=False)
        raise SignInError(
            Message(
                "{who} has no active account in this review; ask the lead to add you (review user add DIR "
                "NAME --email ADDRESS)",
                who=who,
            )
        )
    audit.record(store, row.name, "sign-in", row.name_key, detail)
    return _account(row._asdict())
