"""When the app must ask for a sign-in, and when it must not start at all.

Solo mode (no sign-in) is for one person on their own machine: the app listens on loopback only and
the review has no accounts. Anything else (another address, or accounts defined) means every page
asks who you are; listening beyond loopback with no way to sign in is refused before starting."""

from __future__ import annotations

import ipaddress

from review.errors import ReviewError

LOOPBACK_NAMES = ("localhost", "ip6-localhost", "ip6-loopback")


def is_loopback(address: str | None) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost. An empty address means every interface: not loopback."""
    if not address:
        return False
    address = address.strip().strip("[]")
    if address.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


# A reverse proxy on the same machine reaches the app over loopback; these headers give it away.
PROXY_HEADERS = ("x-forwarded-for", "x-forwarded-host", "x-real-ip", "forwarded")
REQUIRE_ENV = "NORDIC_REVIEW_REQUIRE_SIGN_IN"  # set by `review app --require-sign-in`


def sign_in_required(address: str | None, has_accounts: bool, *, proxied: bool = False, forced: bool = False) -> bool:
    """Solo mode only for loopback with no accounts, no proxy in front and no explicit demand."""
    return has_accounts or forced or proxied or not is_loopback(address)


def is_proxied(headers) -> bool:
    return any(h.lower() in PROXY_HEADERS for h in (headers or {}))


def check_can_start(address: str | None, has_accounts: bool, sso_configured: bool) -> None:
    """Refuse to serve a review beyond loopback when nobody could sign in (it would be open to all)."""
    if is_loopback(address) or has_accounts or sso_configured:
        return
    raise ReviewError(
        f"refusing to listen on {address or 'every address'} with no sign-in configured: anyone who can "
        "reach this machine could act as any reviewer. Add accounts with 'review user add DIR NAME --role "
        "lead', or configure single sign-on in .streamlit/secrets.toml ([auth]), or listen on 127.0.0.1"
    )
