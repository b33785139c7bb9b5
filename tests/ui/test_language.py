"""The interface in the reader's language (Norwegian Bokmål, Swedish, Danish, English) from Babel
catalogues; the review's own words stay as the protocol writes them; the choice follows the person.
Records are synthetic."""

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from google.protobuf.json_format import MessageToDict

from review.store.preferences import REVIEW_WIDE, get_preference
from review.ui.i18n import (
    LANGUAGES,
    LOCALES,
    PREFERENCE,
    catalogue_path,
    gettext_for,
    remember_language,
    remembered_language,
)
from screening.decisions import Decision, record
from tests.conftest import set_stage_mode
from tests.ui.conftest import decide_button, no_errors, plain, press

pytestmark = pytest.mark.slow  # every test drives the app in Streamlit's AppTest: seconds each

PLACEHOLDER = re.compile(r"\{\w*\}")
ROOT = Path(__file__).resolve().parents[2]
# The pages (review/app, review/ui) and the core's messages (review.messages.Message) throughout.
SOURCES = [ROOT / "review", ROOT / "screening"]
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "translate": None, "tr": None, "Message": None}  # as docs/ui.md says
TRANSLATED = [code for code in LANGUAGES if code != "en"]


def template_ids() -> list[str]:
    with (LOCALES / "messages.pot").open("rb") as handle:
        return [m.id for m in read_po(handle) if m.id]


def catalogue(lang: str):
    with catalogue_path(lang).open("rb") as handle:
        return read_po(handle)


# --- the catalogues are complete --------------------------------------------------------------------


def test_the_template_holds_exactly_the_messages_the_code_marks():
    """A message wrapped in the code but not extracted (or one left behind after a change) fails here."""
    marked = {
        message
        for folder in SOURCES
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(folder), method_map=[("**.py", "python")], keywords=KEYWORDS
        )
        if isinstance(message, str)
    }
    assert marked == set(template_ids())


def test_every_literal_given_to_the_catalogue_function_is_in_the_template():
    """Babel's extractor does not look inside f-strings; a call there would never be translated."""
    ids = set(template_ids())
    missed = []
    for folder in SOURCES:
        for path in folder.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "N_", "tr", "translate", "Message")
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                    and node.args[0].value not in ids
                ):
                    missed.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.args[0].value!r}")
    assert missed == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_with_the_same_placeholders(lang):
    found = catalogue(lang)
    ids = template_ids()
    assert len(ids) > 300
    for message_id in ids:
        message = found.get(message_id)
        assert message is not None and message.string, f"{lang}: {message_id!r} untranslated"
        assert "fuzzy" not in message.flags, f"{lang}: {message_id!r} is a fuzzy guess"
        assert sorted(PLACEHOLDER.findall(message.string)) == sorted(PLACEHOLDER.findall(message_id)), message_id


def test_an_unknown_language_falls_back_to_english():
    assert gettext_for("xx")("Include") == "Include" and gettext_for("sv")("Include") == "Inkludera"


# --- every page is drawn in the chosen language --------------------------------------------------------


def strings_on_screen(at) -> list[str]:
    """Every piece of text the page sends to the browser: labels, help, placeholders, options, bodies of
    Markdown and HTML, and the column names and cells of tables."""
    found: list[str] = []

    def collect(value):
        if isinstance(value, str):
            found.append(plain(value))
        elif isinstance(value, dict):
            for key, inner in value.items():
                if key not in ("data", "arrowData", "styles", "id", "formId"):
                    collect(inner)
        elif isinstance(value, list):
            for inner in value:
                collect(inner)

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None and not isinstance(proto, (str, bytes)):
            collect(MessageToDict(proto))
        for child in (getattr(node, "children", None) or {}).values():
            walk(child)

    walk(at._tree)
    for frame in at.dataframe:
        table = frame.value
        found += [str(c) for c in table.columns]
        found += [str(v) for row in table.itertuples(index=False) for v in row if isinstance(v, str)]
    return found


def english_left(at, lang: str, own_words=frozenset()) -> list[tuple[str, str]]:
    """(message, where) for each catalogue message that shows in English although ``lang`` translates it
    differently. A message with placeholders is looked for by its longest fixed part. ``own_words`` are the
    review's own (a family called "no"), which may look like a message and stay as written."""
    found = catalogue(lang)
    screen = [text for text in strings_on_screen(at) if text not in own_words]
    left = []
    for message_id in template_ids():
        if found.get(message_id).string == message_id:
            continue  # the same word in both languages (DOI, Import)
        pieces = [p for p in PLACEHOLDER.split(message_id)]
        fixed = max(pieces, key=len).strip()
        whole = len(pieces) == 1
        for text in screen:
            if (whole and text.strip() == message_id.strip()) or (len(fixed) >= 14 and fixed in text):
                left.append((message_id, text[:120]))
                break
    return left


PAGES = (
    "overview",
    "import_files",
    "duplicates",
    "screening",
    "fulltext",
    "final",
    "works",
    "conflicts",
    "reports",
    "accounts",
    "audit",
)


@pytest.fixture
def busy_review(app, review_dir, store, works):
    """A synthetic review with something on every page: a dual-screened stage 1 with a conflict, works
    waiting at stages 2 and 3 (one with a full-text link), a maybe and an uncertain duplicate pair."""
    from review.protocol import load_protocol
    from review.store import schema
    from review.timeutil import now_iso
    from screening.attachments import add_link

    set_stage_mode(review_dir, 1, "dual")
    protocol = load_protocol(review_dir)
    votes = {works[0]: ("include", "exclude"), works[1]: ("include", "include"), works[2]: ("include", "include")}
    for work, (anna, bjorn) in votes.items():
        record(store, protocol, Decision(work_id=work, stage=1, decision=anna, reviewer="Anna", note="synthetic"))
        record(
            store,
            protocol,
            Decision(
                work_id=work,
                stage=1,
                decision=bjorn,
                reviewer="Bjørn",
                reasons=[] if bjorn == "include" else [protocol.stage(1).reasons[0]],
            ),
        )
    record(store, protocol, Decision(work_id=works[2], stage=2, decision="include", reviewer="Anna"))
    record(store, protocol, Decision(work_id=works[3], stage=1, decision="maybe", reviewer="Anna"))
    add_link(store, works[2], "https://example.org/synthetic-full-text", "Anna")
    from review.messages import Message, dumps

    # A reason as deduplication writes it (review.dedup.compare / engine): kept in English and as a message.
    reason = Message(
        "{reason}; not merged: {why}",
        reason=Message("{why} ({described})", why=Message("similar titles"), described=Message("same year")),
        why=Message("both works already have screening decisions"),
    )
    with store.write() as conn:
        conn.execute(
            schema.candidate_pairs.insert().values(
                raw_a=works[5],
                raw_b=works[6],
                score=0.9,
                reason=reason,
                reason_message=dumps(reason),
                created_at=now_iso(),
            )
        )
    return protocol


@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_norwegian_shows_no_english_message(app, busy_review, page):
    at = app("Anna")
    at.session_state["lang"] = "nb"
    at.run()
    at.switch_page(f"views/{page}.py").run()
    no_errors(at)
    from review.auth.audit import ACTIONS

    # The protocol's family ids (no, sv, da, en) and the audit trail's kinds as its CSV writes them.
    own_words = {family.id for family in busy_review.families} | set(ACTIONS)
    assert english_left(at, "nb", own_words) == []
    assert len(strings_on_screen(at)) > 10


UI_FIELDS = ("label", "body", "placeholder", "help", "caption", "alt")


def interface_texts(at) -> set[str]:
    """The texts of the interface itself: widget labels, help and placeholders, headings, captions,
    messages (HTML blocks left out: they carry record text and styles)."""
    found = set()

    def collect(value, key=None):
        if isinstance(value, str):
            if key in UI_FIELDS and not value.lstrip().startswith("<"):
                found.add(plain(value))
        elif isinstance(value, dict):
            for inner_key, inner in value.items():
                collect(inner, inner_key)
        elif isinstance(value, list):
            for inner in value:
                collect(inner, key)

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None and not isinstance(proto, (str, bytes)):
            collect(MessageToDict(proto))
        for child in (getattr(node, "children", None) or {}).values():
            walk(child)

    walk(at._tree)
    return found


def drawn_in(app, page: str, lang: str):
    at = app("Anna")
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(f"views/{page}.py").run()
    return no_errors(at)


@pytest.mark.parametrize("page", PAGES)
def test_no_interface_text_reads_the_same_in_english_and_norwegian(app, busy_review, page):
    """Catches a string never given to the catalogue: drawn in both languages, only the review's own
    words, file names, numbers and words spelt alike in both (Import) may be the same."""
    protocol = busy_review
    own = {protocol.title, "Language · Språk · Sprog", *(c.label for c in protocol.quality_criteria)}
    alike = {m for m in template_ids() if catalogue("nb").get(m).string == m}
    same = interface_texts(drawn_in(app, page, "en")) & interface_texts(drawn_in(app, page, "nb"))
    left = {
        text for text in same - own - alike if re.search(r"[^\W\d_]", text) and not re.fullmatch(r"[\w-]+\.\w+", text)
    }
    assert left == set()


def test_the_page_check_finds_an_english_message(app, busy_review):
    """The check above can fail: the same page in English shows the source messages it looks for."""
    at = no_errors(app("Anna", "duplicates"))
    left = {message for message, _ in english_left(at, "nb")}
    assert {"Possible duplicates", "Same work: merge", "Position in file"} <= left


def test_stage_1_in_swedish_keeps_the_protocols_own_words_and_stores_the_same_decision(app, protocol, store, works):
    from screening.decisions import history

    at = app("Anna", None)
    at.session_state["lang"] = "sv"
    at.run()
    at.switch_page("views/screening.py").run()
    no_errors(at)
    assert at.sidebar.selectbox(key="reviewer").label == "Inloggad som"
    assert decide_button(at, 1, "include").label == "Inkludera" and decide_button(at, 1, "exclude").label == "Exkludera"
    assert at.header[0].value == "Steg 1: titel och sammanfattning"
    criteria = [h.value for h in at.get("html") if 'class="criteria"' in h.value][0]
    assert "Kriterier, steg 1" in criteria
    assert all(c in criteria for c in protocol.stage(1).criteria)  # the protocol's words, untranslated
    assert set(at.multiselect(key="s1_reasons").options) >= set(protocol.stage(1).reasons)
    press(at, 1, "include")
    with store.read() as conn:
        assert [r["decision"] for r in history(conn, works[0], 1)] == ["include"]


def test_the_overview_in_danish_keeps_stage_names_and_quality_criteria_as_written(app, protocol, works):
    at = app("Anna")
    at.session_state["lang"] = "da"
    at.run()
    no_errors(at)
    stages = next(d.value for d in at.dataframe if "Navn i rapporten" in d.value.columns)
    assert list(stages.columns)[:3] == ["Trin", "Navn", "Navn i rapporten"]
    assert list(stages["Navn"]) == [s.name for s in protocol.stages]  # as the protocol writes them
    caption = " ".join(c.value for c in at.caption)
    assert "Kvalitetskriterier" in caption and all(c.label in caption for c in protocol.quality_criteria)


# --- the choice follows the person, not the address ---------------------------------------------------


def test_a_language_is_kept_per_owner_and_for_the_review(store):
    with store.read() as conn:
        assert remembered_language(conn, "Anna") is None and remembered_language(conn, None) is None
    remember_language(store, "Anna", "sv")
    remember_language(store, "Anna", "da")  # a second choice replaces the first
    remember_language(store, None, "nb")
    with store.read() as conn:
        assert remembered_language(conn, "Anna") == "da"
        assert remembered_language(conn, "Bjørn") is None
        assert remembered_language(conn, None) == "nb" and get_preference(conn, REVIEW_WIDE, PREFERENCE) == "nb"
    with pytest.raises(ValueError):
        remember_language(store, "Anna", "xx")


def test_a_kept_value_this_version_does_not_speak_is_ignored(store):
    from review.store.preferences import set_preference

    with store.write() as conn:
        set_preference(conn, "Anna", PREFERENCE, "fi")
    with store.read() as conn:
        assert remembered_language(conn, "Anna") is None


def test_solo_mode_keeps_the_choice_for_the_review_and_for_the_name_picked(app, store, works):
    at = app("Anna")
    at.sidebar.selectbox(key="lang").select("sv").run()
    no_errors(at)
    assert at.sidebar.selectbox(key="reviewer").label == "Inloggad som"
    assert "lang" not in at.query_params and "reviewer" not in at.query_params
    with store.read() as conn:
        assert remembered_language(conn, "Anna") == "sv" and remembered_language(conn, None) == "sv"

    fresh = app()  # a reload: a new session with no name picked yet shows the review's language
    assert fresh.session_state["lang"] == "sv" and fresh.sidebar.selectbox(key="reviewer").label == "Inloggad som"
    remember_language(store, "Bjørn", "da")
    taking_turns = app()
    taking_turns.sidebar.selectbox(key="reviewer").select("Bjørn").run()
    taking_turns.run()  # the language is read at the top of the run after the name changed
    no_errors(taking_turns)
    assert taking_turns.session_state["lang"] == "da"
    assert taking_turns.sidebar.selectbox(key="reviewer").label == "Logget ind som"
    taking_turns.sidebar.selectbox(key="reviewer").select("Anna").run()
    taking_turns.run()
    assert taking_turns.session_state["lang"] == "sv"


def test_with_accounts_the_choice_is_kept_for_the_account_and_the_sign_in_page_stores_nothing(app, store, works):
    from review.auth.accounts import add_account

    add_account(store, "Cecilie", "lead", password="synthetic lead password")
    add_account(store, "Bjørn", "reviewer", password="synthetic reviewer password")
    at = app("Cecilie")  # a name left in the session (solo mode's picker) is no identity once accounts exist
    assert [t.value for t in at.title] == ["Sign in"]
    at.sidebar.selectbox(key="lang").select("nb").run()
    assert [t.value for t in at.title] == ["Logg inn"]  # the sign-in page in the chosen language
    with store.read() as conn:  # a visitor who has not signed in stores nothing, under no name
        assert remembered_language(conn, None) is None and remembered_language(conn, "Cecilie") is None

    at.text_input(key="signin_name").input("Cecilie")
    at.text_input(key="signin_password").input("synthetic lead password")
    at.button[0].click().run()
    no_errors(at)
    assert "Logget inn som Cecilie (leder)" in plain(" ".join(m.value for m in at.sidebar.markdown))
    at.sidebar.selectbox(key="lang").select("sv").run()
    with store.read() as conn:
        assert remembered_language(conn, "Cecilie") == "sv" and remembered_language(conn, None) is None

    again = app()  # another browser: English until Cecilie signs in, then hers
    assert [t.value for t in again.title] == ["Sign in"]
    again.text_input(key="signin_name").input("cecilie")
    again.text_input(key="signin_password").input("synthetic lead password")
    again.button[0].click().run()
    again.run()
    no_errors(again)
    assert again.session_state["lang"] == "sv"
    assert "Inloggad som Cecilie (ledare)" in plain(" ".join(m.value for m in again.sidebar.markdown))
