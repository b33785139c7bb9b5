"""Pages cache what they read per state of the store (``common.read_cached``): a decision stored by
anyone, here by another program on the same file, shows on the next run; a viewer never gets another
viewer's blinded list. Records are synthetic."""

from screening.decisions import Decision, record
from tests.conftest import set_stage_mode
from tests.ui.conftest import no_errors, press


def stage_1_metric(at) -> str:
    return [m.value for m in at.metric if m.label.startswith("Stage 1")][0]


def test_a_decision_from_another_program_shows_on_the_next_run_of_the_overview(app, protocol, store, works):
    at = no_errors(app("Anna", "overview"))
    assert stage_1_metric(at) == f"0 / {len(works)}"
    at.run()  # nothing changed: served from the cache
    assert stage_1_metric(at) == f"0 / {len(works)}"
    record(store, protocol, Decision(work_id=works[0], stage=1, decision="exclude", reviewer="Bjørn"))
    at.run()
    assert stage_1_metric(at) == f"1 / {len(works)}"


def test_the_works_list_follows_new_decisions_and_stays_blinded_per_viewer(app, review_dir, store, works):
    set_stage_mode(review_dir, 1, "dual")
    from review.protocol import load_protocol

    protocol = load_protocol(review_dir)
    anna = no_errors(app("Anna", "works"))
    bjorn = no_errors(app("Bjørn", "works"))
    record(store, protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="Anna"))
    anna.run()
    bjorn.run()

    def votes(at) -> str:
        return at.dataframe[0].value.set_index("#").loc[works[0], "Votes"]

    assert votes(anna) == "Anna: include"
    assert votes(bjorn) == ""  # Anna's vote stays hidden until Bjørn has voted


def test_the_stage_1_progress_bar_counts_each_decision_as_it_is_pressed(app, works):
    at = no_errors(app("Anna", "screening"))
    assert at.get("progress")[0].proto.text.startswith(f"Stage 1: 0 of {len(works)} works decided")
    press(at, 1, "exclude")
    assert at.get("progress")[0].proto.text.startswith(f"Stage 1: 1 of {len(works)} works decided")
    press(at, 1, "include")
    assert at.get("progress")[0].proto.text.startswith(f"Stage 1: 2 of {len(works)} works decided")
