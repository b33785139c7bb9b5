"""review user add|passwd|disable|enable|role|list DIR …: the lead manages who may sign in.

Passwords are read from a hidden prompt (typed twice) or, with --password-stdin, from the first line
of standard input (for scripts); never from an option, which would land in the shell history."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from review.errors import ReviewError
from review.vocabulary import ACCOUNT_ROLES as ROLES


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "user",
        help="accounts that may sign in to the web app (the lead's tool)",
        description="Manage the review's accounts. Once any account exists, every page of the app asks for a sign-in.",
    )
    sub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", help="add an account")
    _common(add)
    add.add_argument("--role", choices=ROLES, default="reviewer", help="lead, reviewer (default) or viewer")
    add.add_argument("--email", help="verified e-mail the identity provider gives (single sign-on)")
    add.add_argument("--subject", help="the identity provider's subject ('sub') for this person")
    add.add_argument("--no-password", action="store_true", help="single sign-on only: set no password")
    _password_options(add)
    add.set_defaults(handler=_add)

    passwd = sub.add_parser("passwd", help="set a new password")
    _common(passwd)
    _password_options(passwd)
    passwd.set_defaults(handler=_passwd)

    for name, disabled, text in (
        ("disable", True, "stop an account from signing in (its history stays)"),
        ("enable", False, "let a disabled account sign in again"),
    ):
        cmd = sub.add_parser(name, help=text)
        _common(cmd)
        cmd.set_defaults(handler=lambda args, disabled=disabled: _disable(args, disabled))

    role = sub.add_parser("role", help="change an account's role")
    _common(role)
    role.add_argument("role", choices=ROLES)
    role.set_defaults(handler=_role)

    lst = sub.add_parser("list", help="list the accounts (never their passwords)")
    lst.add_argument("dir", type=Path, help="review directory")
    lst.set_defaults(handler=_list)


def _common(parser) -> None:
    parser.add_argument("dir", type=Path, help="review directory")
    parser.add_argument("name", help="the person's name as it appears in decisions")


def _password_options(parser) -> None:
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first line of standard input"
    )


def read_password(args) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise ReviewError("--password-stdin: standard input was empty")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise ReviewError("no terminal to ask for a password; use --password-stdin")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise ReviewError("the two passwords differ; nothing was changed")
    return first


def _with_store(args, work):
    from review.store import open_store  # the core loads only when a command runs: --help stays fast

    store = open_store(args.dir)
    try:
        return work(store)
    finally:
        store.close()


def _add(args) -> int:
    from review.auth.accounts import add_account

    password = None if args.no_password else read_password(args)
    account = _with_store(
        args,
        lambda store: add_account(
            store, args.name, args.role, password=password, email=args.email, subject=args.subject
        ),
    )
    print(f"added {account.name} ({account.role})")
    return 0


def _passwd(args) -> int:
    from review.auth.accounts import set_password

    password = read_password(args)
    account = _with_store(args, lambda store: set_password(store, args.name, password))
    print(f"new password set for {account.name}")
    return 0


def _disable(args, disabled: bool) -> int:
    from review.auth.accounts import set_disabled

    account = _with_store(args, lambda store: set_disabled(store, args.name, disabled))
    print(f"{account.name} is {'disabled' if disabled else 'enabled'}")
    return 0


def _role(args) -> int:
    from review.auth.accounts import set_role

    account = _with_store(args, lambda store: set_role(store, args.name, args.role))
    print(f"{account.name} is now {account.role}")
    return 0


def _list(args) -> int:
    from review.auth.accounts import list_accounts

    def show(store):
        with store.read() as conn:
            return list_accounts(conn)

    accounts = _with_store(args, show)
    if not accounts:
        print("no accounts: the app runs in solo mode on this machine only")
    for a in accounts:
        ways = [
            w for w, on in (("password", a.has_password), (f"sso {a.email or a.subject}", a.email or a.subject)) if on
        ]
        print(f"{a.name}\t{a.role}\t{'disabled' if a.disabled else 'active'}\t{', '.join(ways)}")
    return 0
