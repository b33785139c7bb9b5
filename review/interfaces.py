"""The vocabulary of a search record (review/searches.py): the interfaces a database is searched
through with the settings of each that change what a search returns, and where a string came from.

Plain data, free of the store, so that `review import --help` can list the interfaces without loading
SQLAlchemy, and a migration can read it."""

from __future__ import annotations

from dataclasses import dataclass

from review.errors import ReviewError
from review.messages import Message

NOT_RECORDED = "not recorded"
# Where a search's string came from: typed by the person who ran it, sent by the live client, not
# given at all, or stored by a version before search records existed (which put the protocol's
# string there when none was given, so it cannot be trusted as the string run).
LEGACY = "recorded before search records"
QUERY_ORIGINS = ("as run", "sent by the tool", NOT_RECORDED, LEGACY)
METHODS = ("export", "live API")


@dataclass(frozen=True)
class Interface:
    """How a database was searched, and which of its settings change what a search returns."""

    key: str
    label: str
    database: str
    settings: tuple[tuple[str, str], ...] = ()  # (key, what it means), the ones a report should state


INTERFACES: dict[str, Interface] = {
    i.key: i
    for i in (
        Interface(
            "oria-web",
            "Oria web interface (Ex Libris Primo VE)",
            "Oria",
            (
                ("view", "the institution's Primo VE view (vid), e.g. 47BIBSYS_NETWORK:Oria"),
                ("expanded", "results expanded beyond the library's holdings (yes/no)"),
                ("tab", "search tab"),
                ("scope", "search scope"),
            ),
        ),
        Interface(
            "primo-api",
            "Primo search API (Ex Libris Primo VE), run by nordic-review",
            "Oria",
            (
                ("view", "the institution's Primo VE view (vid)"),
                ("expanded", "results expanded beyond the library's holdings (pcAvailability)"),
                ("tab", "search tab"),
                ("scope", "search scope"),
                ("endpoint", "the API endpoint"),
            ),
        ),
        Interface(
            "scholar-web",
            "Google Scholar web interface",
            "Google Scholar",
            (
                ("citations", "citations included (yes/no)"),
                ("patents", "patents included (yes/no)"),
                ("language", "language setting (any, or the languages chosen)"),
                ("sort", "sorted by relevance or by date"),
                ("signed_in", "searched while signed in to Google (yes/no)"),
            ),
        ),
        Interface(
            "pop",
            "Publish or Perish",
            "Google Scholar",
            (
                ("version", "Publish or Perish version"),
                ("source", "the data source searched, e.g. Google Scholar"),
                ("max_results", "maximum number of results requested"),
            ),
        ),
        Interface("other", "other interface", NOT_RECORDED, ()),
    )
}


def default_interface(source: str, file_format: str) -> str:
    """The interface an export file shows it came from, when the person did not say."""
    if file_format == "pop-csv":
        return "pop"
    if file_format == "scholar-html" or source == "scholar":
        return "scholar-web"
    if source == "oria":
        return "oria-web"
    return "other"


def parse_settings(pairs: list[str]) -> dict[str, str]:
    """``KEY=VALUE`` strings as a dict (checked against the interface when the search is stored)."""
    settings: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key or not value:
            raise ReviewError(Message("setting '{pair}' must look like KEY=VALUE", pair=pair))
        settings[key] = value
    return settings


def check_settings(interface: str, settings: dict[str, str]) -> None:
    """Only the settings an interface has ("other" takes any), so a typo is not stored as a fact."""
    if interface not in INTERFACES:
        raise ReviewError(
            Message(
                "unknown interface '{interface}'; choose one of: {items}",
                interface=interface,
                items=", ".join(INTERFACES),
            )
        )
    known = dict(INTERFACES[interface].settings)
    wrong = sorted(k for k in settings if known and k not in known)
    if wrong:
        raise ReviewError(
            Message(
                "interface '{interface}' ({label}) has no setting {items}; its settings are: {known}",
                interface=interface,
                label=INTERFACES[interface].label,
                items=", ".join(repr(k) for k in wrong),
                known=", ".join(known),
            )
        )
