"""Messages the core writes (refusals, import problems, a pair's reason, the queue's notes, the stopping
statement) stay English for the command line and exports, and the app shows them in the reader's
language (review/messages.py, review/ui/i18n.py). Records are synthetic."""

import ast
import pickle
from pathlib import Path

import pytest

from review.auth.roles import PermissionDenied
from review.errors import InputError, ReviewError
from review.ingest import SearchInfo, import_files
from review.messages import Joined, Message, dumps, loads, message_of, render, stored_message
from review.ui.i18n import gettext_for
from screening.decisions import Decision, record
from screening.prioritise.stopping import RecallTest, relevant_left_text, stopping_advice

ROOT = Path(__file__).resolve().parents[1]


def shown(lang: str, message) -> str:
    return gettext_for(lang)(message)


# --- the type itself ------------------------------------------------------------------------------------


def test_a_message_is_its_english_text_and_keeps_template_and_parameters():
    m = Message("work {work_id} was merged into work {merged_into}; decide on that one", work_id=3, merged_into=7)
    assert m == "work 3 was merged into work 7; decide on that one" and isinstance(m, str)
    assert f"Error: {m}" == "Error: work 3 was merged into work 7; decide on that one"  # as the CLI prints it
    assert m.template.startswith("work {work_id}") and m.params == {"work_id": 3, "merged_into": 7}
    copied = pickle.loads(pickle.dumps(m))  # Streamlit's session state and copies keep it translatable
    assert copied == m and copied.params == m.params


def test_parameters_that_are_messages_are_translated_and_the_reviews_own_words_are_not():
    reason = Message(
        "an exclusion at stage {stage} ({name}) needs a reason; the protocol lists: {items}",
        stage=1,
        name="Title and abstract",
        items="Wrong population; Not Nordic",
    )
    nb = shown("nb", reason)
    assert nb.startswith("en eksklusjon på trinn 1 (Title and abstract) trenger en begrunnelse")
    assert nb.endswith("Wrong population; Not Nordic")  # the protocol's words, as written
    nested = Message("{reason}; not merged: {why}", reason="synthetic own words", why=Message("kept together"))
    assert shown("sv", nested) == "synthetic own words; inte sammanslagna: hölls samman"
    joined = Joined("; ", [Message("same DOI"), "as written"])
    assert joined == "same DOI; as written" and shown("da", joined) == "samme DOI; as written"


def test_english_and_an_unknown_language_give_the_cores_text_unchanged():
    m = Message("{name}: larger than {MAX_FILE_BYTES} MB", name="a.pdf", MAX_FILE_BYTES=50)
    assert shown("en", m) == str(m) == shown("xx", m) == "a.pdf: larger than 50 MB"
    assert shown("nb", "") == ""  # gettext("") would give the catalogue's header


def test_a_broken_translation_shows_the_english_and_never_fails():
    m = Message("{run} exclusions in a row", run=4)
    assert render(m, lambda template: "{missing} på rad") == "4 exclusions in a row"


# --- refusals the pages show as "Error:" lines ------------------------------------------------------------


def test_a_refused_decision_is_english_for_the_cli_and_translated_on_the_page(store, protocol, works):
    record(store, protocol, Decision(work_id=works[0], stage=1, decision="exclude", reviewer="Anna"))
    with pytest.raises(ReviewError) as caught:
        record(store, protocol, Decision(work_id=works[0], stage=2, decision="include", reviewer="Anna"))
    english = f"work {works[0]} cannot enter stage 2: its final decision at stage 1 is exclude, not include"
    assert str(caught.value) == english  # the CLI's line, byte for byte as before
    message = message_of(caught.value)
    assert isinstance(message, Message)
    assert shown("nb", message) == (
        f"arbeid {works[0]} kan ikke gå videre til trinn 2: den endelige beslutningen på trinn 1 er exclude, "
        "ikke inkluder"
    )
    assert shown("sv", message).startswith(f"verk {works[0]} kan inte gå vidare till steg 2")
    assert shown("da", message).startswith(f"værk {works[0]} kan ikke gå videre til trin 2")
    with pytest.raises(ReviewError) as custom:
        record(store, protocol, Decision(work_id=works[1], stage=1, decision="skip", reviewer="Anna"))
    assert shown("nb", message_of(custom.value)) == "beslutningen må være en av include, exclude, maybe, ikke «skip»"


def test_a_role_refusal_translates_its_parts():
    refusal = PermissionDenied("Bo", "viewer", "screen")
    assert str(refusal) == "Bo (a viewer) may not screen: only the lead or a reviewer may"
    assert (
        shown("nb", message_of(refusal))
        == "Bo (en leser) kan ikke vurdere arbeider: bare lederen eller en vurderer kan det"
    )
    assert shown("sv", message_of(refusal)).startswith("Bo (en läsare) får inte screena verk")
    assert shown("da", message_of(PermissionDenied("Bo", None, "import"))) == (
        "Bo (ingen konto i denne vidensoversigt) må ikke importere: kun lederen må det"
    )


def test_a_malformed_file_names_file_and_line_in_english_and_in_the_readers_language():
    error = InputError("synthetic.ris", Message("the record starts with {tag}, not TY", tag="AU"), line=3)
    assert str(error) == "synthetic.ris, line 3: the record starts with AU, not TY"
    assert shown("nb", message_of(error)) == "synthetic.ris, linje 3: posten begynner med AU, ikke TY"
    expected = InputError("x.csv", Message("no header row"), expected=Message("a header row naming the columns"))
    assert str(expected) == "x.csv: no header row (expected a header row naming the columns)"
    assert (
        shown("sv", message_of(expected)) == "x.csv: ingen rubrikrad (förväntat: en rubrikrad som namnger kolumnerna)"
    )


def test_message_of_an_exception_without_a_message_is_its_text():
    assert message_of(ValueError("plain")) == "plain" and not isinstance(message_of(ValueError("plain")), Message)


# --- import problems ----------------------------------------------------------------------------------


RIS = "TY  - RPRT\nTI  - Syntetisk rapport om introduksjon\nPY  - 2019\nER  - \nAU  - stray line\nTY  - RPRT\nTI  - Syntetisk rapport to\nPY  - 2020\n"


def test_import_problem_lines_are_english_in_the_summary_and_translated_for_the_page(store, protocol, tmp_path):
    path = tmp_path / "synthetic.ris"
    path.write_text(RIS, encoding="utf-8")
    (summary,) = import_files(store, protocol, [path], SearchInfo(source="oria", family="no"))
    lines = summary.problem_lines()
    assert lines and all(isinstance(line, Message) for line in lines)
    english = "\n".join(lines)
    assert "Warning: synthetic.ris, record 2, line 5: the record starts with AU, not TY" in english
    assert "the last record has no ER line; it was kept" in english
    assert all(f"\n  {line}" in summary.describe() for line in lines)  # the CLI's summary, as before
    norwegian = "\n".join(shown("nb", line) for line in lines)
    assert "Advarsel: synthetic.ris, post 2, linje 5: posten begynner med AU, ikke TY" in norwegian
    assert "den siste posten har ingen ER-linje; den ble beholdt" in norwegian


def test_an_imports_stored_problems_are_shown_translated_later(store, protocol, tmp_path):
    from review.ui.imports_view import problem_rows

    path = tmp_path / "synthetic.ris"
    path.write_text(RIS, encoding="utf-8")
    (summary,) = import_files(store, protocol, [path], SearchInfo(source="oria", family="no"))
    with store.read() as conn:
        english = [row["Problem"] for row in problem_rows(conn, summary.import_id)]
        da = gettext_for("da")
        danish = [row[da("Problem")] for row in problem_rows(conn, summary.import_id, da)]
    assert "the record starts with AU, not TY" in english
    assert "posten begynder med AU, ikke TY" in danish


def test_a_stored_message_is_trusted_only_when_it_gives_the_stored_english():
    m = Message("same DOI but {doubt}", doubt=Message("different volumes"))
    assert loads(dumps(m), str(m)) == m and isinstance(loads(dumps(m), str(m)), Message)
    assert loads(dumps(m), "edited by hand") == "edited by hand"
    assert loads(None, "older store") == "older store" and loads("{not json", "x") == "x"
    assert stored_message({"template": 1}, "as stored") == "as stored"
    assert dumps("plain text") is None


# --- the ranked queue and the stopping rule -------------------------------------------------------------


def test_the_stopping_statement_and_the_queue_notes_are_translated():
    test = RecallTest(0.01, 0.95, 0.95, 120, 9, 400, 40)
    assert str(test.statement()).startswith("The recall target of 95% was reached at 95% confidence")
    assert shown("nb", test.statement()).startswith("Målet om 95% gjenfinning ble nådd med 95% konfidens")
    advice = stopping_advice([1] * 6 + [0] * 60, 400, 0.2)
    assert str(advice.message).startswith("60 exclusions in a row (needed 50)")
    assert shown("sv", advice.message) == (
        "60 exkluderingar i rad (50 behövs) och modellen räknar med färre än 1 relevant verk kvar: "
        "ni kan överväga att avsluta."
    )
    assert shown("da", relevant_left_text(3.2)) == "omkring 3 relevante værker"


# --- every template is extracted ------------------------------------------------------------------------


def test_every_message_the_core_builds_has_a_literal_template():
    """A template in a variable or an f-string is never extracted, so it would never be translated."""
    loose = []
    for folder in (ROOT / "review", ROOT / "screening"):
        for path in folder.rglob("*.py"):
            if path.name == "messages.py" and path.parent.name == "review":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Message":
                    first = node.args[0] if node.args else None
                    if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                        loose.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert loose == []


# --- a pair's reason in the store -----------------------------------------------------------------------


def test_a_pair_queued_by_deduplication_keeps_its_reason_as_a_message(store, protocol, works):
    from review.store.pairs import replace_queue, uncertain_pairs
    from review.ui.pairs import open_pairs

    reason = Message("{why} ({described})", why=Message("similar titles"), described=Message("same year"))
    with store.write() as conn:
        replace_queue(conn, [{"raw_a": works[0], "raw_b": works[1], "score": 0.9, "reason": reason}])
    with store.read() as conn:
        (row,) = uncertain_pairs(conn)
        (pair,) = open_pairs(conn)
    assert row["reason"] == "similar titles (same year)"  # what the CLI and exports read
    assert shown("nb", pair.reason) == "like titler (samme år)"


def test_a_pair_an_undo_puts_back_keeps_its_reason_as_a_message(store, protocol, works):
    """A verdict takes the pair out of the queue and its undo puts it back: the reason must come back as
    the message it was, not as the English text the change log kept beside it."""
    from sqlalchemy import func, select

    from review.dedup import resolve_pair, undo_action
    from review.store import schema
    from review.store.pairs import replace_queue
    from review.ui.pairs import open_pairs

    reason = Message("{why} ({described})", why=Message("similar titles"), described=Message("same year"))
    with store.write() as conn:
        replace_queue(conn, [{"raw_a": works[0], "raw_b": works[1], "score": 0.9, "reason": reason}])
    resolve_pair(store, works[0], works[1], "distinct", "Anna", protocol=protocol)
    with store.read() as conn:
        assert open_pairs(conn) == []
        action = conn.execute(select(func.max(schema.dedup_actions.c.id))).scalar_one()
    undo_action(store, action, "Anna", protocol=protocol)
    with store.read() as conn:
        (pair,) = open_pairs(conn)
    assert str(pair.reason) == "similar titles (same year)"
    assert shown("nb", pair.reason) == "like titler (samme år)"


def test_a_store_from_the_version_before_gains_the_reason_column_and_keeps_its_pairs(tmp_path):
    from sqlalchemy import create_engine, inspect, select, text

    from review.store import migrations, schema

    engine = create_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    position = migrations.MIGRATIONS.index(migrations._pair_reason_messages)
    with engine.begin() as conn:
        schema.metadata.create_all(conn, tables=[schema.schema_version])
        for version, step in enumerate(migrations.MIGRATIONS[:position], start=1):
            step(conn)
            conn.execute(schema.schema_version.insert().values(version=version, applied_at="2026-01-01"))
        conn.execute(text("ALTER TABLE candidate_pairs DROP COLUMN reason_message"))  # as the version before
        conn.execute(text("ALTER TABLE dedup_actions DROP COLUMN pair_reason_message"))
        # (this engine does not enforce foreign keys: the pair alone stands for a queue)
        conn.execute(
            text(
                "INSERT INTO candidate_pairs (raw_a, raw_b, score, reason, created_at) "
                "VALUES (1, 2, 0.9, 'similar titles', '2026-01-01')"
            )
        )
        migrations.upgrade(conn)
        assert "reason_message" in {c["name"] for c in inspect(conn).get_columns("candidate_pairs")}
        assert "pair_reason_message" in {c["name"] for c in inspect(conn).get_columns("dedup_actions")}
        kept = conn.execute(select(schema.candidate_pairs)).mappings().one()
    assert kept["reason"] == "similar titles" and kept["reason_message"] is None
    assert loads(kept["reason_message"], kept["reason"]) == "similar titles"  # shown as stored
