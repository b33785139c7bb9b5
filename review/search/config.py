"""``[search.oria]`` in review.toml as a typed object, with Oria's hosted Primo API as the default.

The API key itself never appears here: the config only names the environment variable that holds it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import Any

from review.errors import ProtocolError, ReviewError

DEFAULT_ENDPOINT = "https://api-eu.hosted.exlibrisgroup.com/primo/v1/search"
DEFAULT_KEY_ENV = "PRIMO_API_KEY"


@dataclass(frozen=True)
class OriaConfig:
    endpoint: str = DEFAULT_ENDPOINT
    vid: str = "47BIBSYS_NETWORK:Oria"
    tab: str = "default_tab"
    scope: str = "default_scope"
    # Name of the environment variable holding the key; "" means the endpoint needs no key.
    api_key_env: str = DEFAULT_KEY_ENV
    # "header" sends ``Authorization: apikey …`` so the key never appears in a URL; "query" sends
    # ``apikey=…`` for gateways that accept only that.
    api_key_in: str = "header"
    limit: int = 50  # records per page; the Primo search API serves at most 50
    offset_limit: int = 5000  # Primo refuses offsets beyond this, whatever info.total says
    timeout: float = 30.0  # seconds for a whole request, connection to last byte (not per read)
    max_bytes: int = 20_000_000  # a larger answer is refused (a page of 50 records is well under 2 MB)
    max_retries: int = 5  # extra attempts after a 429, a 5xx, a timeout or a dropped connection
    backoff_base: float = 2.0  # first wait in seconds; doubles with each retry
    backoff_max: float = 120.0
    min_interval: float = 1.0  # politeness: seconds between the starts of two requests
    pc_availability: bool = True  # include central-index records the library has no full text for
    sort: str = "rank"
    # How the year range is sent: "multiFacets" (Primo VE UI style, facet_searchcreationdate),
    # "qInclude" (facet_creationdate, the documented API style) or "none" (client-side check only).
    date_facet: str = "multiFacets"
    params: dict[str, str] = field(default_factory=dict)  # extra query parameters, e.g. inst, lang

    @property
    def needs_key(self) -> bool:
        return bool(self.api_key_env)


_CHOICES = {"api_key_in": ("header", "query"), "date_facet": ("multiFacets", "qInclude", "none")}


def load_oria_config(
    search_section: dict[str, Any],
    *,
    endpoint: str | None = None,
    no_key: bool = False,
    where: str = "review.toml [search.oria]",
) -> OriaConfig:
    """Read ``protocol.search["oria"]``; unknown keys and wrong types are protocol errors naming ``where``."""
    raw = dict(search_section.get("oria", {}) or {})
    known = {f.name: f for f in fields(OriaConfig)}
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise ProtocolError(f"{where}: unknown keys {unknown}; known: {sorted(known)}")
    values: dict[str, Any] = {}
    defaults = OriaConfig()
    for name, value in raw.items():
        expected = type(getattr(defaults, name))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ProtocolError(f"{where}: '{name}' must be a {expected.__name__}, not {value!r}")
        if name in _CHOICES and value not in _CHOICES[name]:
            raise ProtocolError(f"{where}: '{name}' must be one of {_CHOICES[name]}")
        if name == "params":
            value = {str(k): str(v) for k, v in value.items()}
        values[name] = value
    if endpoint:
        values["endpoint"] = endpoint
    if no_key:
        values["api_key_env"] = ""
    config = OriaConfig(**values)
    if not 1 <= config.limit <= 50:
        raise ProtocolError(f"{where}: 'limit' must be between 1 and 50")
    if config.max_bytes < 1000:
        raise ProtocolError(f"{where}: 'max_bytes' must be at least 1000")
    if config.max_retries < 0 or config.timeout <= 0 or config.min_interval < 0:
        raise ProtocolError(
            f"{where}: 'max_retries', 'timeout' and 'min_interval' must not be negative (timeout above zero)"
        )
    return config


def read_api_key(config: OriaConfig, environ: dict[str, str] | None = None) -> str | None:
    """The key from the environment, or None when the config says the endpoint needs none."""
    if not config.needs_key:
        return None
    env = os.environ if environ is None else environ
    key = (env.get(config.api_key_env) or "").strip()
    if not key:
        raise ReviewError(
            f"no Primo API key: set the environment variable {config.api_key_env} "
            f"(an Ex Libris Developer Network key for the Primo search API), or pass --no-key "
            f"for an endpoint that needs none"
        )
    return key
