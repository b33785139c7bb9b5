"""Every page opens over a synthetic review, and the key flows work through widget keys."""

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from review.store import schema
from screening.decisions import Decision, history, record
from tests.conftest import set_stage_mode
from tests.ui.conftest import card, no_errors, plain, press

pytestmark = pytest.mark.slow  # every test drives the app in Streamlit's AppTest: seconds each

PAGES = ("overview", "import_files", "duplicates", "screening", "fulltext", "final", "conflicts", "reports")


def shown_work(at) -> int:
    return int(re.search(r'data-work="(\d+)"', card(at)).group(1))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_for_a_signed_in_reviewer(app, page):
    no_errors(app("Anna", page))


def test_screening_asks_for_a_name_first_and_sign_in_adds_one(app, store):
    at = app(page="screening")
    assert any("Choose your name" in i.value for i in at.info)
    at.selectbox(key="reviewer").select("➕ Add a new reviewer…").run()
    at.text_input(key="new_reviewer").input("Cecilie").run()
    at.button(key="add_reviewer").click().run()
    no_errors(at)
    assert at.session_state["reviewer"] == "Cecilie"
    with store.read() as conn:
        assert "Cecilie" in conn.execute(select(schema.reviewers.c.name)).scalars().all()
    assert shown_work(at) == 1


def test_decide_stores_before_the_next_work_and_undo_goes_back(app, store, works):
    at = app("Anna", "screening")
    assert shown_work(at) == works[0]
    press(at, 1, "include")
    with store.read() as conn:
        assert [r["decision"] for r in history(conn, works[0], 1)] == ["include"]
    assert shown_work(at) == works[1]
    at.multiselect(key="s1_reasons").select("Ikke karriereveiledning").run()
    at.text_input(key="s1_note").input("synthetic note").run()
    press(at, 1, "exclude")
    no_errors(at)
    assert shown_work(at) == works[2]
    assert at.multiselect(key="s1_reasons").value == [] and at.text_input(key="s1_note").value == ""
    with store.read() as conn:
        row = history(conn, works[1], 1)[-1]
    assert (row["decision"], row["reasons"], row["note"], row["order_mode"]) == (
        "exclude",
        '["Ikke karriereveiledning"]',
        "synthetic note",
        "import",
    )

    at.button(key="s1_undo").click().run()
    assert shown_work(at) == works[1]
    assert any("Your decision: exclude" in t.value for t in at.text)
    press(at, 1, "maybe")
    no_errors(at)
    assert shown_work(at) == works[2]
    with store.read() as conn:
        assert [r["decision"] for r in history(conn, works[1], 1)] == ["exclude", "maybe"]
    assert at.progress[0].value == 10  # 1 of 10 decided: a maybe is not a decision, it still waits


def test_custom_reason_is_kept_for_everyone(app, store, works):
    at = app("Anna", "screening")
    at.text_input(key="s1_free").input("Synthetic custom reason").run()
    press(at, 1, "exclude")
    no_errors(at)
    assert "Synthetic custom reason" in at.multiselect(key="s1_reasons").options


def test_required_reason_is_a_message_not_a_traceback(app, store, protocol, works):
    record(store, protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="Anna"))
    at = app("Anna", "fulltext")
    press(at, 2, "exclude")
    assert not at.exception
    assert any("needs a reason" in e.value for e in at.error)
    with store.read() as conn:
        assert history(conn, works[0], 2) == []


def test_quality_form_saves_ratings_and_shows_the_rule(app, store, protocol, works):
    record(store, protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="Anna"))
    at = app("Anna", "fulltext")
    assert shown_work(at) == works[0]
    for i, criterion in enumerate(protocol.quality_criteria):
        at.radio(key=f"q_{works[0]}_{criterion.id}").set_value("yes" if i < 5 else "unclear")
    at.text_input(key=f"qn_{works[0]}_validity").input("synthetic note")
    at.button(key=f"save_ratings_{works[0]}").click().run()
    no_errors(at)
    with store.read() as conn:
        rows = conn.execute(select(schema.quality_ratings)).all()
    assert len(rows) == 6 and {r.note for r in rows if r.criterion == "validity"} == {"synthetic note"}
    assert any("acceptable: 5 yes" in s.value for s in at.success)
    press(at, 2, "include")
    no_errors(at)
    assert not at.warning  # acceptable quality: no warning on include


def test_summary_editor_saves_aim_method_findings_and_group(app, store, protocol, works):
    for stage in (1, 2):
        record(store, protocol, Decision(work_id=works[0], stage=stage, decision="include", reviewer="Anna"))
    at = app("Anna", "final")
    w = works[0]
    at.text_area(key=f"sum_aim_{w}").input("Synthetic aim")
    at.text_area(key=f"sum_method_{w}").input("Synthetic method")
    at.text_area(key=f"sum_findings_{w}").input("Synthetic findings <b>not bold</b>")
    at.selectbox(key=f"sum_group_{w}").select(protocol.appendix_groups[0])
    at.button(key=f"save_summary_{w}").click().run()
    no_errors(at)
    with store.read() as conn:
        row = conn.execute(select(schema.summaries)).one()
    assert (row.aim, row.method, row.findings, row.appendix_group, row.author) == (
        "Synthetic aim",
        "Synthetic method",
        "Synthetic findings <b>not bold</b>",
        protocol.appendix_groups[0],
        "Anna",
    )
    press(at, 3, "include")
    no_errors(at)
    at.switch_page("views/reports.py").run()
    no_errors(at)
    preview = [h.value for h in at.get("html") if "appendix-preview" in h.value]
    assert len(preview) == 1 and protocol.appendix_groups[0] in preview[0]
    assert "Synthetic findings &lt;b&gt;not bold&lt;/b&gt;" in preview[0] and "<b>" not in preview[0]


def test_every_export_is_one_click_with_a_plain_file_name_and_one_zip_holds_them_all(app, store, protocol):
    import io
    import zipfile

    from review.ui.report_views import all_exports_zip, export_choices

    at = no_errors(app("Anna", "reports"))
    buttons = {b.proto.label for b in at.get("download_button")}
    names = {f"{what}{suffix}" for what, suffix in export_choices()}
    assert names <= buttons and "All exports in one zip" in buttons
    with zipfile.ZipFile(io.BytesIO(all_exports_zip(store, protocol, viewer="Anna"))) as archive:
        inside = set(archive.namelist())
        skipped = archive.read("SKIPPED.txt").decode() if "SKIPPED.txt" in inside else ""
    # Every export is in the zip, or named with its reason in SKIPPED.txt.
    assert all(name in inside or f"{name}:" in skipped for name in names)
    assert {"table.csv", "decisions.csv", "flow.svg"} <= inside


def test_lead_reconciles_a_conflict_and_sees_kappa(app, review_dir, store, works):
    set_stage_mode(review_dir, 1, "dual")
    from review.protocol import load_protocol

    protocol = load_protocol(review_dir)
    for work, (anna, bjorn) in zip(
        works[:3], [("include", "exclude"), ("include", "include"), ("exclude", "exclude")], strict=True
    ):
        record(store, protocol, Decision(work_id=work, stage=1, decision=anna, reviewer="Anna"))
        record(store, protocol, Decision(work_id=work, stage=1, decision=bjorn, reviewer="Bjørn"))
    at = app("Bjørn", "conflicts")
    assert any("Only the lead" in i.value for i in at.info)
    assert not [b for b in at.button if b.key and b.key.startswith("rec_")]
    at = app("Anna", "conflicts")
    kappa = at.dataframe[0].value
    assert int(kappa["Works"][0]) == 3 and kappa["Cohen's kappa"][0] == "0.40"
    at.button(key=f"rec_inc_1_{works[0]}").click().run()
    no_errors(at)
    with store.read() as conn:
        final = history(conn, works[0], 1)[-1]
    assert (final["reviewer"], final["decision"], final["final"]) == ("Anna", "include", True)
    assert not [b for b in at.button if b.key == f"rec_inc_1_{works[0]}"]


def test_record_text_is_escaped_in_the_card(app, store):
    with store.write() as conn:
        conn.execute(
            schema.works.update()
            .where(schema.works.c.id == 1)
            .values(title="<script>window.__pwned=1</script> Karriereveiledning", abstract='<img src=x onerror="x()">')
        )
    at = app("Anna", "screening")
    html = card(at)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and '<mark class="term g0">Karriereveiledning</mark>' in html


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_import_page_reads_uploads_and_lists_problems_and_encoding(app, review_dir, store):
    at = app("Anna", "import_files")
    for name in ("ris_bad_records.ris", "ris_cp1252.ris"):
        at.file_uploader(key="import_files").upload(name, (FIXTURES / name).read_bytes(), "text/plain")
    at.selectbox(key="import_family").set_value("sv")
    at.button(key="FormSubmitter:import_form-Import").click().run()
    no_errors(at)
    successes, warnings = [plain(s.value) for s in at.success], [plain(w.value) for w in at.warning]
    # Records were dropped from the first file: a warning with the count, never a green success.
    assert not any("ris_bad_records.ris" in s for s in successes)
    assert any(
        w.startswith(
            "ris_bad_records.ris: 2 records read as ris, encoding utf-8; 1 record(s) dropped, "
            "3 record(s) kept with a problem"
        )
        for w in warnings
    ), warnings
    assert any("ris_cp1252.ris: 1 records read as ris, encoding cp1252" in s for s in successes)
    warnings = " ".join(plain(w.value) for w in at.warning)  # each problem a line naming file, record, line
    assert "Skipped: ris_bad_records.ris, record 2, line 9: the record has no title, DOI or abstract" in warnings
    assert "Warning: ris_bad_records.ris, record 3, line 15: year 'ukjent' not understood" in warnings
    assert sorted(p.name for p in (review_dir / "exports" / "uploads").iterdir()) == [
        "ris_bad_records.ris",
        "ris_cp1252.ris",
    ]
    with store.read() as conn:
        families = conn.execute(select(schema.imports.c.family)).scalars().all()
    assert families == ["no", "sv", "sv"]  # the synthetic works' import, then the two uploads
    at.selectbox(key="import_look").set_value(2).run()  # the first upload
    no_errors(at)
    records, problems = at.dataframe[-2].value, at.dataframe[-1].value
    assert list(records["Title"]) == ["God post", "<script>alert('x')</script> & <b>markup</b>"]
    assert len(problems) == 4 and "no title" in " ".join(problems["Problem"])


def test_import_of_an_unreadable_file_is_a_message_and_stores_nothing(app, store):
    at = app("Anna", "import_files")
    at.file_uploader(key="import_files").upload("notes.txt", b"just some text, not an export\n", "text/plain")
    at.button(key="FormSubmitter:import_form-Import").click().run()
    assert not at.exception and at.error
    assert plain(at.error[0].value).startswith("notes.txt: the file format was not recognised")
    with store.read() as conn:
        assert conn.execute(select(schema.imports.c.id)).scalars().all() == [1]


def test_random_and_ranked_orders_are_recorded_with_the_decision(app, store, works):
    from screening.queue import shuffled
    from screening.ranked import prioritiser_available

    at = app("Anna", "screening")
    at.segmented_control(key="s1_order").set_value("random").run()
    with store.read() as conn:
        first = shuffled(conn, 1, "Anna")[0]
    assert shown_work(at) == first
    press(at, 1, "exclude")
    at.segmented_control(key="s1_order").set_value("ranked").run()
    no_errors(at)
    if not prioritiser_available():
        assert any("needs the prioritiser" in c.value for c in at.caption)
    press(at, 1, "include")
    no_errors(at)
    with store.read() as conn:
        modes = conn.execute(select(schema.decisions.c.order_mode).order_by(schema.decisions.c.id)).scalars().all()
    assert modes[0] == "random" and modes[1] in ("ranked", "random", "import")


def add_pair(store, raw_a, raw_b, score=0.91):
    from review.timeutil import now_iso

    with store.write() as conn:
        conn.execute(
            schema.candidate_pairs.insert().values(
                raw_a=raw_a, raw_b=raw_b, score=score, reason="synthetic: similar titles", created_at=now_iso()
            )
        )


def test_duplicates_page_shows_a_pair_with_differences_marked(app, store):
    add_pair(store, 1, 2)
    at = app("Anna", "duplicates")
    no_errors(at)
    table = [h.value for h in at.get("html") if 'class="pair"' in h.value]
    assert len(table) == 1 and 'data-pair="1-2"' in table[0]
    assert 'nummer <mark class="diff">1</mark>' in table[0] and 'nummer <mark class="diff">2</mark>' in table[0]


def test_merge_keep_apart_and_undo_on_the_duplicates_page(app, store):
    pytest.importorskip("review.dedup", reason="deduplication not installed in this version")
    add_pair(store, 1, 2)
    add_pair(store, 3, 4, score=0.8)
    at = app("Anna", "duplicates")
    at.button(key="pair_merge").click().run()
    no_errors(at)
    assert any('data-pair="3-4"' in h.value for h in at.get("html"))
    at.button(key="pair_apart").click().run()
    no_errors(at)
    with store.read() as conn:
        links = dict(conn.execute(select(schema.work_links.c.raw_id, schema.work_links.c.work_id)).all())
        verdicts = (
            conn.execute(select(schema.pair_verdicts.c.verdict).order_by(schema.pair_verdicts.c.id)).scalars().all()
        )
    assert links[1] == links[2] and links[3] != links[4] and verdicts == ["duplicate", "distinct"]
    undo = {b.label: b for b in at.button if b.key and b.key.startswith("undo_")}
    assert sorted(undo) == ["Undo keep apart", "Undo merge"]  # keep apart has an undo too
    undo["Undo merge"].click().run()
    no_errors(at)
    with store.read() as conn:
        links = dict(conn.execute(select(schema.work_links.c.raw_id, schema.work_links.c.work_id)).all())
    assert links[1] != links[2]


def test_dual_screening_hides_the_other_vote_until_both_voted(app, review_dir, store, works):
    from review.protocol import load_protocol

    set_stage_mode(review_dir, 1, "dual")
    record(
        store,
        load_protocol(review_dir),
        Decision(work_id=works[0], stage=1, decision="exclude", reviewer="Bjørn", reasons=["Ikke karriereveiledning"]),
    )
    at = app("Anna", "screening")
    assert shown_work(at) == works[0]
    assert not any("Bjørn" in t.value for t in at.text)
    assert any("1 other vote(s) stay hidden" in c.value for c in at.caption)
    press(at, 1, "include")
    at.button(key="s1_undo").click().run()
    no_errors(at)
    assert shown_work(at) == works[0]
    assert "Bjørn voted: exclude (Ikke karriereveiledning)" in [t.value for t in at.text]


def test_a_broken_protocol_is_a_message_not_a_traceback(app, review_dir):
    at = app("Anna", "screening")
    (review_dir / "review.toml").write_text("title = \n", encoding="utf-8")
    at.run()
    assert not at.exception
    assert plain(at.error[0].value).startswith("The review could not be opened:")
    assert "not valid TOML" in plain(at.error[0].value)


def test_import_then_prepare_makes_works_ready_to_screen(app, store):
    pytest.importorskip("review.dedup", reason="deduplication not installed in this version")
    at = app("Anna", "import_files")
    at.file_uploader(key="import_files").upload("ris_oria.ris", (FIXTURES / "ris_oria.ris").read_bytes(), "text/plain")
    at.button(key="FormSubmitter:import_form-Import").click().run()
    with store.read() as conn:
        before = conn.execute(select(schema.works.c.id)).scalars().all()
    at.button(key="prepare").click().run()
    no_errors(at)
    assert any("excluded by protocol rules" in plain(s.value) for s in at.success)
    with store.read() as conn:
        after = conn.execute(select(schema.works.c.id)).scalars().all()
        unlinked = (
            conn.execute(
                select(schema.raw_records.c.id).where(~schema.raw_records.c.id.in_(select(schema.work_links.c.raw_id)))
            )
            .scalars()
            .all()
        )
    assert len(after) > len(before) and unlinked == []


def rerun_until(at, condition, timeout: float = 60.0) -> None:
    """Rerun the page until ``condition()`` holds: the ranked queue's model is built off the request path."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, [c.value for c in at.caption]
        time.sleep(0.2)
        at.run()
        no_errors(at)


def test_one_keep_apart_answers_for_every_record_of_the_two_works(app, store):
    """Record 3 may be a copy of records 1 and 2; once those two are one work, the page asks about 3 once."""
    pytest.importorskip("review.dedup", reason="deduplication not installed in this version")
    add_pair(store, 1, 2, score=0.95)
    add_pair(store, 1, 3, score=0.8)
    add_pair(store, 2, 3, score=0.7)
    at = app("Anna", "duplicates")
    at.button(key="pair_merge").click().run()
    no_errors(at)
    assert [h.value.count("data-pair=") for h in at.get("html") if 'class="pair"' in h.value] == [1]
    assert any("have 2 record pairs waiting" in c.value for c in at.caption)
    assert "Pair 1 of 1 waiting" in " ".join(c.value for c in at.caption)
    at.button(key="pair_apart").click().run()
    no_errors(at)
    assert any("No uncertain pairs are waiting." in s.value for s in at.success)


def test_duplicates_page_shows_conflicting_decisions_and_the_lead_picks(app, store, review_dir):
    """Issue #16: merging two works screened differently never drops one's decisions silently."""
    pytest.importorskip("review.dedup", reason="deduplication not installed in this version")
    from review.protocol import load_protocol

    protocol = load_protocol(review_dir)
    record(store, protocol, Decision(work_id=1, stage=1, decision="include", reviewer="Bjørn"))
    record(store, protocol, Decision(work_id=2, stage=1, decision="exclude", reviewer="Bjørn"))
    add_pair(store, 1, 2)
    at = app("Anna", "duplicates")
    at.button(key="pair_merge").click().run()
    no_errors(at)
    assert any("screened differently" in w.value for w in at.warning)
    assert any("include" in t.value and "exclude" in t.value for t in at.text)
    with store.read() as conn:
        assert conn.execute(select(schema.pair_verdicts)).all() == []
    at.button(key="conflict_keep_b").click().run()
    no_errors(at)
    with store.read() as conn:
        links = dict(conn.execute(select(schema.work_links.c.raw_id, schema.work_links.c.work_id)).all())
    assert links[1] == links[2] == 2
    assert any("merged into one work" in plain(s.value) for s in at.success)


def test_undo_merge_on_the_duplicates_page_restores_the_works_and_requeues_the_pair(app, store):
    pytest.importorskip("review.dedup", reason="deduplication not installed in this version")
    add_pair(store, 1, 2)
    at = app("Anna", "duplicates")
    at.button(key="pair_merge").click().run()
    undo = [b for b in at.button if b.key and b.key.startswith("undo_")]
    assert [b.label for b in undo] == ["Undo merge"]
    undo[0].click().run()
    no_errors(at)
    assert any("restored work #2" in plain(s.value) for s in at.success), [s.value for s in at.success]
    with store.read() as conn:
        links = dict(conn.execute(select(schema.work_links.c.raw_id, schema.work_links.c.work_id)).all())
    assert links[1] == 1 and links[2] == 2  # the very works that existed before the merge
    assert any('data-pair="1-2"' in h.value for h in at.get("html"))  # the pair waits again


def test_the_lead_can_stop_ranked_screening_with_a_reason_and_the_flow_counts_the_rest(app, store, protocol, works):
    from screening.flow import compute_flow

    at = app("Anna", "screening")
    at.segmented_control(key="s1_order").set_value("ranked").run()
    no_errors(at)
    rerun_until(at, lambda: any("Stopping criterion" in c.value for c in at.caption))  # the ranker starts in a thread
    assert at.button(key="stop_reviewers").disabled
    at.text_input(key="stop_note").input("synthetic: agreed at the team meeting").run()
    at.button(key="stop_reviewers").click().run()
    no_errors(at)
    flow = compute_flow(store, protocol)
    assert flow.stages[1].not_screened_stopped == len(works) and flow.stages[1].pending == 0


def test_a_reviewer_who_is_not_the_lead_gets_no_stop_control(app, works):
    at = app("Bjørn", "screening")
    at.segmented_control(key="s1_order").set_value("ranked").run()
    no_errors(at)
    assert not [b for b in at.button if b.key in ("stop_reviewers", "stop_criterion")]


def test_stage_3_shows_the_full_texts_added_at_stage_2(app, store, protocol, review_dir, works):
    from screening.attachments import add_file, add_link

    work = works[0]
    for stage in (1, 2):
        record(store, protocol, Decision(work_id=work, stage=stage, decision="include", reviewer="Anna"))
    add_file(store, review_dir, work, "synthetic full text.pdf", b"%PDF-1.4 synthetic", "Anna")
    add_link(store, work, "https://example.org/synthetic-report", "Anna")
    at = no_errors(app("Anna", "final"))
    assert shown_work(at) == work
    labels = [b.proto.label for b in at.get("download_button")]
    assert any(label.startswith("Download synthetic") and label.endswith(".pdf") for label in labels), labels
    assert any("example.org/synthetic-report" in plain(b.proto.label) for b in at.get("link_button"))


def test_the_conflict_queue_shows_the_whole_card_and_the_lead_can_decide_maybe(app, review_dir, store, works):
    set_stage_mode(review_dir, 1, "dual")
    from review.protocol import load_protocol

    protocol = load_protocol(review_dir)
    with store.write() as conn:
        conn.execute(
            schema.works.update()
            .where(schema.works.c.id == works[0])
            .values(abstract="Synthetic abstract shown to the lead", url="https://example.org/synthetic")
        )
    record(
        store,
        protocol,
        Decision(work_id=works[0], stage=1, decision="include", reviewer="Anna", note="synthetic note by Anna"),
    )
    record(
        store,
        protocol,
        Decision(
            work_id=works[0],
            stage=1,
            decision="exclude",
            reviewer="Bjørn",
            reasons=["Ikke karriereveiledning"],
            note="synthetic note by Bjørn",
        ),
    )
    at = no_errors(app("Anna", "conflicts"))
    cards = [h.value for h in at.get("html") if 'class="work-card"' in h.value]
    assert len(cards) == 1 and "Synthetic abstract shown to the lead" in cards[0]
    assert "https://example.org/synthetic" in cards[0]
    texts = " ".join(t.value for t in at.text)
    assert "synthetic note by Anna" in texts and "synthetic note by Bjørn" in texts
    assert "Ikke karriereveiledning" in texts
    at.text_input(key=f"rec_note_1_{works[0]}").input("synthetic lead note").run()
    at.button(key=f"rec_may_1_{works[0]}").click().run()
    no_errors(at)
    with store.read() as conn:
        final = history(conn, works[0], 1)[-1]
    assert (final["reviewer"], final["decision"], final["final"], final["note"]) == (
        "Anna",
        "maybe",
        True,
        "synthetic lead note",
    )


def test_duplicates_show_abstract_link_status_and_leave_provenance_unmarked(app, store, protocol, works):
    with store.write() as conn:
        conn.execute(
            schema.raw_records.update()
            .where(schema.raw_records.c.id == 1)
            .values(abstract="Synthetic abstract one", url="https://example.org/one")
        )
    record(store, protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="Anna"))
    add_pair(store, 1, 2)
    table = [h.value for h in no_errors(app("Anna", "duplicates")).get("html") if 'class="pair"' in h.value][0]
    assert "Synthetic abstract one" in table and "https://example.org/one" in table
    assert "stage 1: include" in table and "not screened yet" in table
    provenance = re.findall(r'<tr class="provenance">.*?</tr>', table)
    assert len(provenance) == 4 and not any("<mark" in row for row in provenance)


def test_duplicate_pairs_can_be_skipped_and_gone_back_to(app, store):
    add_pair(store, 1, 2)
    add_pair(store, 3, 4, score=0.8)
    at = app("Anna", "duplicates")
    at.button(key="pair_skip").click().run()
    assert any('data-pair="3-4"' in h.value for h in at.get("html"))
    at.button(key="pair_back").click().run()
    no_errors(at)
    assert any('data-pair="1-2"' in h.value for h in at.get("html"))
