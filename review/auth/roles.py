"""What each role may do, checked by the core functions themselves (not only by the pages).

With accounts, a person's role is their account's. A review without accounts is a solo or honest
team on one machine (the app then listens on loopback only): the protocol's lead is the lead and
every other name a reviewer, as before sign-in existed."""

from __future__ import annotations

from sqlalchemy import Connection, select

from review.errors import ReviewError
from review.messages import Message
from review.names import fold, same_person, tidy
from review.protocol import Protocol
from review.store import schema
from review.vocabulary import ACCOUNT_ROLES

ROLES = ACCOUNT_ROLES
# action -> roles allowed. One table, read by the core checks and by the pages (to hide what is refused).
PERMISSIONS: dict[str, frozenset[str]] = {
    "import": frozenset({"lead"}),
    "dedup": frozenset({"lead"}),  # deduplicate, merge, keep apart, split
    "reconcile": frozenset({"lead"}),
    "open-round": frozenset({"lead"}),
    "stop": frozenset({"lead"}),  # stop ranked screening early
    "full-log": frozenset({"lead"}),  # the decision log without blinding
    "accounts": frozenset({"lead"}),
    "audit": frozenset({"lead"}),
    "screen": frozenset({"lead", "reviewer"}),  # decisions, quality ratings, summaries, full-text links
    "reports": frozenset({"lead", "reviewer", "viewer"}),  # reports and blinded exports
}
ROLE_TEXT = {"lead": Message("the lead"), "reviewer": Message("a reviewer"), "viewer": Message("a viewer")}
NO_ROLE = Message("no role")
# The refusal per action, each a whole sentence so a translation can bend the verb ("… may not import: only
# the lead may").
REFUSALS = {
    "import": lambda **p: Message("{who} may not import: only {allowed} may", **p),
    "dedup": lambda **p: Message("{who} may not dedup: only {allowed} may", **p),
    "reconcile": lambda **p: Message("{who} may not reconcile: only {allowed} may", **p),
    "open-round": lambda **p: Message("{who} may not open round: only {allowed} may", **p),
    "stop": lambda **p: Message("{who} may not stop: only {allowed} may", **p),
    "full-log": lambda **p: Message("{who} may not full log: only {allowed} may", **p),
    "accounts": lambda **p: Message("{who} may not accounts: only {allowed} may", **p),
    "audit": lambda **p: Message("{who} may not audit: only {allowed} may", **p),
    "screen": lambda **p: Message("{who} may not screen: only {allowed} may", **p),
    "reports": lambda **p: Message("{who} may not reports: only {allowed} may", **p),
}


class PermissionDenied(ReviewError):
    """A signed-in person tried an action their role does not allow."""

    def __init__(self, name: str, role: str | None, action: str):
        self.name, self.role, self.action = name, role, action
        if role:
            said = ROLE_TEXT.get(role) or NO_ROLE
            who = Message("{name} ({role})", name=name, role=said)
        else:
            who = Message("{name} (no account in this review)", name=name)
        allowed: str | None = None
        for r in ROLES:
            if r in PERMISSIONS[action]:
                text = ROLE_TEXT[r]
                allowed = text if allowed is None else Message("{first} or {second}", first=allowed, second=text)
        refusal = REFUSALS.get(action)
        if refusal is not None:
            super().__init__(refusal(who=who, allowed=allowed))
        else:
            text = Message(
                "{who} may not {action}: only {allowed} may", who=who, action=action.replace("-", " "), allowed=allowed
            )
            super().__init__(text)


def has_accounts(conn: Connection) -> bool:
    return conn.execute(select(schema.accounts.c.name).limit(1)).first() is not None


def account_row(conn: Connection, name: str) -> dict | None:
    a = schema.accounts
    row = conn.execute(select(a).where(a.c.name_key == fold(name))).first()
    return row._asdict() if row else None


def role_of(conn: Connection, protocol: Protocol | None, name: str) -> str | None:
    """The role of a name, or None when it may not act at all (no account, or a disabled one)."""
    if has_accounts(conn):
        row = account_row(conn, name)
        return row["role"] if row and not row["disabled"] else None
    lead = protocol.lead if protocol else None
    return "lead" if lead and same_person(name, lead) else "reviewer"


def allowed(role: str | None, action: str) -> bool:
    return role in PERMISSIONS[action]


def require(conn: Connection, protocol: Protocol | None, name: str | None, action: str) -> str | None:
    """Refuse unless ``name`` may do ``action``.

    ``None`` is the command line: whoever can open the store can change it anyway, so its actions are
    allowed and recorded under the OS user's name. Without accounts names are self-declared (solo mode
    on loopback), so only the rule that predates accounts holds: the protocol's lead reconciles."""
    if name is None:
        return None
    role = role_of(conn, protocol, name)
    if not has_accounts(conn):
        if action == "reconcile" and protocol is not None and protocol.lead and role != "lead":
            raise PermissionDenied(name, role, action)
        return role
    if not allowed(role, action):
        raise PermissionDenied(name, role, action)
    return role


def canonical_name(conn: Connection, name: str) -> str:
    """The spelling already on record for this person ('anna' → 'Anna'), else the tidied name."""
    key = fold(name)
    row = account_row(conn, name)
    if row is not None:
        return row["name"]
    for known in conn.execute(select(schema.reviewers.c.name)).scalars():
        if fold(known) == key:
            return known
    return tidy(name)


def identities(names) -> set[str]:
    """How many different people a set of names is (for 'both votes are in')."""
    return {fold(n) for n in names}
