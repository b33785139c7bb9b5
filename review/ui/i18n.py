"""The interface's language: Norwegian Bokmål, Swedish, Danish or English, from gettext catalogues.

The catalogues are Babel ``.po`` files under ``review/ui/locales/<lang>/LC_MESSAGES/messages.po``, read
once per process and compiled in memory (Babel's reader and .mo writer), so no build step is needed and a
translator edits plain .po files. A message missing from a catalogue shows in English. Only the
interface is translated: the review's own words (stage names, reasons, criteria, search terms) stay as
the protocol writes them. Update the catalogues with ``pybabel extract`` / ``pybabel update`` (see
docs/ui.md)."""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

LOCALES = Path(__file__).resolve().parent / "locales"
DOMAIN = "messages"
# Each language named in itself, as a reader looks for it.
LANGUAGES = {"en": "English", "nb": "Norsk (bokmål)", "sv": "Svenska", "da": "Dansk"}
DEFAULT = "en"


def catalogue_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=None)
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue for a language; English (the source text) for "en" or an unknown code."""
    path = catalogue_path(lang)
    if lang == DEFAULT or lang not in LANGUAGES or not path.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def gettext_for(lang: str):
    return translations(lang if lang in LANGUAGES else DEFAULT).gettext


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; it is translated where it is drawn."""
    return message
