"""The interface's language: Norwegian Bokmål, Swedish, Danish or English, from gettext catalogues.

The catalogues are Babel ``.po`` files under ``review/ui/locales/<lang>/LC_MESSAGES/messages.po``, read
once per process and compiled in memory (Babel's reader and .mo writer), so no build step is needed and a
translator edits plain .po files. A message missing from a catalogue shows in English. Messages the core
builds (``review.messages.Message``: refusals, import problems, a pair's reason, queue notes) are
translated by their template, with their parameters filled in. Only the interface is translated: the
review's own words (stage names, reasons, criteria, search terms) stay as the protocol writes them. Update the catalogues with ``pybabel extract`` / ``pybabel update`` (see
docs/ui.md).

The choice is kept per person in the review's store (``preferences``), under the name the app knows
them by, or for the review as a whole when nobody is signed in; not in the address, which a person
shares or bookmarks."""

from __future__ import annotations

import gettext
import io
from collections.abc import Callable
from functools import cache
from pathlib import Path

from review.messages import Joined, Message, render
from review.store.preferences import REVIEW_WIDE, get_preference, set_preference

LOCALES = Path(__file__).resolve().parent / "locales"
DOMAIN = "messages"
# Each language named in itself, as a reader looks for it.
LANGUAGES = {"en": "English", "nb": "Norsk (bokmål)", "sv": "Svenska", "da": "Dansk"}
DEFAULT = "en"
PREFERENCE = "interface_language"  # the key the choice is kept under


def catalogue_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
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


@cache
def gettext_for(lang: str) -> Callable[[str], str]:
    """The page's translator for ``lang``: a catalogue message by its text; a message the core built
    (review/messages.py) by its template, filled with its parameters (those that are Messages translated
    too, the review's own words left as they are). English gives the core's text unchanged."""
    gettext = translations(lang if lang in LANGUAGES else DEFAULT).gettext

    def translate(message: str) -> str:
        if not message:  # gettext("") would give the catalogue's header
            return message
        if isinstance(message, Message | Joined):
            return render(message, gettext)
        return gettext(message)

    return translate


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; it is translated where it is drawn."""
    return message


# The stored vocabulary (review/vocabulary.py) as the reader sees it; what is stored stays as it is.
VOCABULARY = {
    "include": N_("include"),
    "exclude": N_("exclude"),
    "maybe": N_("maybe"),
    "open": N_("open"),
    "voted": N_("voted"),
    "yes": N_("yes"),
    "partly": N_("partly"),
    "no": N_("no"),
    "unclear": N_("unclear"),
    "single": N_("single"),
    "dual": N_("dual"),
    "duplicate": N_("duplicate"),
    "distinct": N_("distinct"),
    "lead": N_("lead"),
    "reviewer": N_("reviewer"),
    "viewer": N_("viewer"),
    "active": N_("active"),
    "disabled": N_("disabled"),
}


def vocabulary_word(value, translate: Callable[[str], str]) -> str:
    """A stored value (a decision, a rating, a status) in the reader's words; anything else unchanged."""
    return translate(VOCABULARY[value]) if isinstance(value, str) and value in VOCABULARY else value


def remembered_language(conn, owner: str | None) -> str | None:
    """The language ``owner`` chose last (None: the review's own choice), if it is one this version speaks."""
    value = get_preference(conn, owner or REVIEW_WIDE, PREFERENCE)
    return value if value in LANGUAGES else None


def remember_language(store, owner: str | None, lang: str) -> None:
    """Keep ``lang`` for ``owner`` (None: for the review, used while nobody is signed in)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown interface language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    with store.write() as conn:
        set_preference(conn, owner or REVIEW_WIDE, PREFERENCE, lang)
