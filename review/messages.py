"""Messages the core writes for people (an error, an import problem, a queue note), kept translatable.

The core speaks English: the command line, the exports and the tests read these messages as they are.
The app shows them in the reader's language. So a message is built once, here, as a ``Message``: a
``str`` whose value is the English text, exactly what an f-string gave before, which also carries the
English template and its parameters. The app (review/ui/i18n.py) looks the template up in the reader's
catalogue and fills in the same parameters; a parameter that is itself a Message is translated too,
anything else (a stage name, a reason, a file name, a number) stays as it is.

Templates are extracted for the catalogues by their keyword: ``pybabel extract -k Message …`` (see
docs/ui.md). Write the template as a literal in the call, never an f-string, or it is not extracted.
This module imports nothing of the project: every layer may use it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any


class Message(str):
    """English text (the ``str`` value) plus the template and parameters it was made from."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Message:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template, self.params = template, params
        return self

    def __reduce__(self):  # a copy or a pickle keeps what the translation needs
        return _rebuild, (type(self), self.template, self.params)

    def __repr__(self) -> str:
        return f"Message({self.template!r}, {self.params!r})"


class Joined(str):
    """Messages (or plain text) joined by a separator, as one message: each part is translated alone."""

    separator: str
    parts: tuple[str, ...]

    def __new__(cls, separator: str, parts: Iterable[str]) -> Joined:
        parts = tuple(parts)
        self = super().__new__(cls, separator.join(parts))
        self.separator, self.parts = separator, parts
        return self

    def __reduce__(self):
        return Joined, (self.separator, self.parts)


def _rebuild(cls: type[Message], template: str, params: dict[str, Any]) -> Message:
    return cls(template, **params)


def render(message: Any, gettext) -> str:
    """``message`` in the language of ``gettext`` (a template → translation function). A Message is
    looked up by its template and filled with its parameters (Messages among them rendered the same
    way); a Joined renders each part; anything else is returned as it is (the review's own words)."""
    if isinstance(message, Message):
        text = gettext(message.template)
        if not message.params:
            return text
        try:
            return text.format(**{key: render(value, gettext) for key, value in message.params.items()})
        except (KeyError, IndexError, ValueError):  # a broken translation shows the English, never fails
            return str.__str__(message)
    if isinstance(message, Joined):
        return message.separator.join(render(part, gettext) for part in message.parts)
    return message


def to_data(message: Any) -> Any:
    """A Message as plain JSON data, so a message kept in the store (a pair's reason, an import problem)
    can be shown translated later: {"template", "params"} for a Message, {"separator", "parts"} for a
    Joined; anything else as it is."""
    if isinstance(message, Message):
        return {"template": message.template, "params": {k: to_data(v) for k, v in message.params.items()}}
    if isinstance(message, Joined):
        return {"separator": message.separator, "parts": [to_data(p) for p in message.parts]}
    if isinstance(message, str):
        return str.__str__(message)
    return message


def from_data(data: Any) -> Any:
    """The inverse of ``to_data``; data that is not a stored message comes back as it is."""
    if isinstance(data, dict) and isinstance(data.get("template"), str) and isinstance(data.get("params"), dict):
        return Message(data["template"], **{k: from_data(v) for k, v in data["params"].items()})
    if isinstance(data, dict) and isinstance(data.get("separator"), str) and isinstance(data.get("parts"), list):
        return Joined(data["separator"], [from_data(p) for p in data["parts"]])
    return data


def stored_message(data: Any, english: str) -> str:
    """A message kept as ``to_data`` data beside its English text: the Message where the data rebuilds
    exactly that text, else the English as stored (a store written before messages were kept)."""
    try:
        found = from_data(data)
    except (ValueError, TypeError, KeyError, IndexError):
        return english
    return found if isinstance(found, Message | Joined) and str.__str__(found) == english else english


def dumps(message: Any) -> str | None:
    """JSON text for a column beside the English one; None when there is nothing to translate."""
    return json.dumps(to_data(message), ensure_ascii=False) if isinstance(message, Message | Joined) else None


def loads(text: str | None, english: str) -> str:
    """The message kept by ``dumps``, or ``english`` (the stored text) when none was kept or it no longer
    reads as one. A message whose text differs from ``english`` is not trusted: the English stays."""
    if not text:
        return english
    try:
        data = json.loads(text)
    except ValueError:
        return english
    return stored_message(data, english)


def message_of(exc: BaseException) -> str:
    """What an exception says, as raised: the Message itself where the core built one (``str(exc)``
    would give plain English text), else its text."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Message | Joined):
        return exc.args[0]
    return str(exc)
