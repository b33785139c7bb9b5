"""Is single sign-on configured? Read from the same secrets.toml files Streamlit reads ([auth]).

Checked by `review app` before starting (an open server is refused) and by the sign-in gate (to offer
the provider's button). Only the presence of settings is read here; secrets are never printed."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import tomllib

from review.errors import ReviewError

REQUIRED = ("redirect_uri", "cookie_secret")
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")


def secrets_files(review_dir: Path | None, extra: Path | None = None) -> list[Path]:
    """Where secrets are read, later files winning (Streamlit's order, plus the review's own folder)."""
    files = [Path.home() / ".streamlit" / "secrets.toml", Path.cwd() / ".streamlit" / "secrets.toml"]
    if review_dir is not None:
        files.append(Path(review_dir) / ".streamlit" / "secrets.toml")
    if extra is not None:
        files.append(Path(extra))
    return list(dict.fromkeys(files))


def providers(auth: dict) -> list[str | None]:
    """Provider names usable with st.login: None for settings directly under [auth], else the section."""
    found: list[str | None] = []
    if all(auth.get(k) for k in PROVIDER_KEYS):
        found.append(None)
    found += [
        name
        for name, section in auth.items()
        if isinstance(section, dict) and all(section.get(k) for k in PROVIDER_KEYS)
    ]
    return found if all(auth.get(k) for k in REQUIRED) else []


def auth_section(files: Iterable[Path]) -> dict:
    merged: dict = {}
    for path in files:
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ReviewError(f"{path}: not a readable secrets file ({exc})") from None
        section = data.get("auth")
        if isinstance(section, dict):
            merged.update(section)
    return merged


def sso_configured(files: Iterable[Path]) -> bool:
    return bool(providers(auth_section(files)))
