"""Rounds in the web UI (issue 21): the lead opens a round on the Overview page, uploads its exports with
their search record, deduplicates against earlier rounds, and sees the pages per round or for the whole
review. The review and the uploaded records are synthetic."""

import json

import pytest
from sqlalchemy import select

from review.store import schema
from screening.decisions import Decision, record
from tests.ui.conftest import no_errors, plain

pytestmark = pytest.mark.slow  # every test drives the app in Streamlit's AppTest: seconds each

# One record of round 1 found again (same title, author and year as synthetic work 1), and one new
# report exported twice by the new searches (a duplicate within them).
# A RIS record ends with "ER  - "; the trailing space is written \x20 so that no editor strips it.
UPDATE_RIS = """TY  - RPRT
T1  - Syntetisk rapport nummer 1
AU  - Nordmann, Kari
PY  - 2016
ID  - alma_synthetic_1
N1  - SYNTHETIC test record
ER  -\x20

TY  - RPRT
T1  - Ny syntetisk rapport om karriereveiledning for nyankomne
AU  - Berg, Nils
PY  - 2024
ID  - alma_synthetic_new_1
N1  - SYNTHETIC test record
ER  -\x20

TY  - RPRT
T1  - Ny syntetisk rapport om karriereveiledning for nyankomne
AU  - Berg, Nils
PY  - 2024
ID  - alma_synthetic_new_1
N1  - SYNTHETIC test record
ER  -\x20
"""


def open_round(at, first=2023, last=2025, label="Update 2023–2025"):
    at.number_input(key="round_first").set_value(first)
    at.number_input(key="round_last").set_value(last)
    at.text_input(key="round_label").input(label)
    at.button(key="round_open").click().run()
    return no_errors(at)


def rounds(store):
    with store.read() as conn:
        return conn.execute(
            select(
                schema.rounds.c.id, schema.rounds.c.label, schema.rounds.c.year_from, schema.rounds.c.year_to
            ).order_by(schema.rounds.c.id)
        ).all()


def test_the_lead_opens_a_round_on_the_overview_page(app, store, review_dir):
    at = open_round(app("Anna", "overview"))
    assert [tuple(r) for r in rounds(store)] == [(1, "Round 1", 2016, 2022), (2, "Update 2023–2025", 2023, 2025)]
    assert any("Opened Update 2023–2025 (2023–2025) as round 2" in plain(s.value) for s in at.success)
    assert "years = [2016, 2025]" in (review_dir / "review.toml").read_text(encoding="utf-8")
    assert at.sidebar.selectbox(key="round_view").value == 2  # the new round is shown at once
    table = next(d.value for d in at.dataframe if "Round" in d.value.columns)
    assert list(table["Round"]) == ["Round 1", "Update 2023–2025"]
    # A reversed range is refused with a message, and nothing is stored.
    at.number_input(key="round_first").set_value(2024)
    at.number_input(key="round_last").set_value(2022)
    at.button(key="round_open").click().run()
    assert not at.exception and at.error and len(rounds(store)) == 2


def test_only_the_lead_may_open_a_round(app, store):
    at = no_errors(app("Bjørn", "overview"))
    assert not [b for b in at.button if b.key == "round_open"]
    assert any("Only the review lead" in plain(i.value) for i in at.info)
    assert len(rounds(store)) == 1


def test_upload_into_the_new_round_with_its_search_record_then_dedup_against_earlier_rounds(
    app, store, works, protocol
):
    pytest.importorskip("review.dedup")
    for work in works:  # round 1 fully screened at stage 1
        record(
            store,
            protocol,
            Decision(work_id=work, stage=1, decision="exclude", reviewer="Anna", reasons=["Ikke karriereveiledning"]),
        )
    at = open_round(app("Anna", "overview"))
    at.switch_page("views/import_files.py").run()
    no_errors(at)
    assert any("Files go into Update 2023–2025 (2023–2025)" in plain(i.value) for i in at.info)
    at.file_uploader(key="import_files").upload("update.ris", UPDATE_RIS.encode("utf-8"), "text/plain")
    at.selectbox(key="import_source").set_value("oria")
    at.selectbox(key="import_family").set_value("no")
    at.text_area(key="import_query").input("karriereveiledning* AND nyankom*")
    at.number_input(key="import_hits").set_value(57)
    at.text_input(key="import_settings").input("view=47BIBSYS_NETWORK:Oria; expanded=no")
    at.button(key="FormSubmitter:import_form-Import").click().run()
    no_errors(at)
    with store.read() as conn:
        [search] = [
            dict(r) for r in conn.execute(select(schema.searches).where(schema.searches.c.round_id == 2)).mappings()
        ]
    assert search["query"] == "karriereveiledning* AND nyankom*" and search["query_origin"] == "as run"
    assert search["hits"] == 57 and search["run_by"] == "Anna" and search["interface"] == "oria-web"
    assert json.loads(search["settings"]) == {"view": "47BIBSYS_NETWORK:Oria", "expanded": "no"}

    at.button(key="prepare").click().run()
    no_errors(at)
    found = [plain(i.value) for i in at.info if "already screened in earlier rounds" in plain(i.value)]
    assert found and "1 record(s) were already screened" in found[0]
    assert "1 were duplicates within the new searches" in found[0] and "1 new work(s)" in found[0]

    # The queue of round 2 holds only its new work; the earlier work found again is never asked again.
    at.switch_page("views/screening.py").run()
    no_errors(at)
    assert at.sidebar.selectbox(key="round_view").value == 2
    shown = [h.value for h in at.get("html") if 'class="work-card"' in h.value]
    assert shown and "Ny syntetisk rapport" in shown[0]


def test_reports_per_round_show_the_updated_diagram_counts(app, store, works, protocol):
    for work in works[:3]:
        for stage in (1, 2, 3):
            record(store, protocol, Decision(work_id=work, stage=stage, decision="include", reviewer="Anna"))
    at = open_round(app("Anna", "overview"))
    at.switch_page("views/reports.py").run()
    no_errors(at)
    assert any("Round 2 alone" in plain(c.value) for c in at.caption)
    counts = next(d.value for d in at.dataframe if "Step" in d.value.columns)
    steps = dict(zip(counts["Step"], counts["Works/records"], strict=True))
    assert steps["Studies included in earlier rounds"] == 3 and steps["New studies included in this round"] == 0
    assert steps["Included in the review"] == 3
    at.sidebar.selectbox(key="round_view").set_value(0).run()  # the whole review
    no_errors(at)
    counts = next(d.value for d in at.dataframe if "Step" in d.value.columns)
    assert "Studies included in earlier rounds" not in list(counts["Step"])
