"""The catalogue function every page and the sign-in gate call: a message in the reader's language,
chosen in the sidebar (``st.session_state["lang"]``, see ``common.language_picker``)."""

from __future__ import annotations

import streamlit as st

from review.ui.i18n import DEFAULT, gettext_for, vocabulary_word


def _(message: str) -> str:
    """The message in the reader's interface language (see review/ui/i18n.py)."""
    return gettext_for(st.session_state.get("lang") or DEFAULT)(message)


def word(value: str) -> str:
    """A stored value (include, maybe, yes, open, dual, lead …) as the reader says it."""
    return vocabulary_word(value, _)
