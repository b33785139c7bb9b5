"""The PRISMA 2020 flow diagram: layout invariants, counts per box, golden text labels (SYNTHETIC counts)."""

import struct

import pytest
from reports_testdata import check_golden, svg_text, synthetic_flow

from review.reports.flow.draw import PNG_DPI, write_flow
from review.reports.flow.layout import LINE_HEIGHT, PAD, layout_flow, text_width
from screening.flowtypes import StageCount

NAMES = {"no": "Norwegian", "sv": "Swedish", "en": "English"}


def _overlap(a, b) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


@pytest.mark.parametrize("previous", [None, 7])
@pytest.mark.parametrize("language", ["en", "no"])
def test_boxes_do_not_overlap_and_text_fits(previous, language):
    diagram = layout_flow(synthetic_flow(previous), language, NAMES)
    boxes = diagram.boxes
    for i, a in enumerate(boxes):
        assert 0 <= a.x and a.right <= diagram.width and 0 <= a.y and a.bottom <= diagram.footnote_top
        for b in boxes[i + 1 :]:
            assert not _overlap(a, b), (a.key, b.key)
        if a.kind in ("main", "side", "previous"):
            assert len(a.lines) * LINE_HEIGHT + 2 * PAD <= a.h + 1e-9
            for line in a.lines:
                assert text_width(line.text) <= a.w - 2 * PAD, line.text


@pytest.mark.parametrize("language", ["en", "no"])
def test_stage_bars_are_tall_enough_for_their_labels(language):
    empty = synthetic_flow()
    empty.identified_by_source, empty.identified_by_family = {}, {}
    for diagram in (layout_flow(empty, language), layout_flow(synthetic_flow(2), language)):
        for bar in (b for b in diagram.boxes if b.kind == "bar"):
            assert text_width(bar.lines[0].text, 9.5, "bold") < bar.h, bar.lines[0].text


def test_every_arrow_starts_and_ends_on_a_box_edge():
    diagram = layout_flow(synthetic_flow(3), "en", NAMES)
    edges = [b for b in diagram.boxes if b.kind in ("main", "side", "previous")]

    def on_edge(point):
        x, y = point
        return any(
            (abs(x - b.x) < 1e-9 or abs(x - b.right) < 1e-9)
            and b.y <= y <= b.bottom
            or (abs(y - b.y) < 1e-9 or abs(y - b.bottom) < 1e-9)
            and b.x <= x <= b.right
            for b in edges
        )

    assert len(diagram.arrows) == 12  # 5 sideways, 6 down, 1 from the previous studies
    for arrow in diagram.arrows:
        assert on_edge(arrow.points[0]) and on_edge(arrow.points[-1]), arrow.points


def test_counts_follow_prisma_arithmetic():
    flow = synthetic_flow()
    flow.stages[1] = StageCount(
        1,
        "s1",
        screened=6,
        included=4,
        excluded=2,
        excluded_automatically=1,
        entered=5,
        excluded_by_reason={"Studentoppgave": 1, "Ikke karriereveiledning": 1},
    )
    flow.stages[2] = StageCount(
        2,
        "s2",
        screened=4,
        included=2,
        excluded=2,
        pending=1,
        excluded_by_reason={"Fulltekst ikke tilgjengelig": 1, "Ikke relevant": 1},
    )
    diagram = layout_flow(flow, "en", NAMES)
    text = {b.key: " ".join(ln.text for ln in b.lines) for b in diagram.boxes}
    assert "Records removed for other reasons (n = 1)" in text["identification_side"]
    assert text["screened"].startswith("Records screened (n = 5)")  # 6 unique - 1 removed by a rule
    assert text["screened_side"] == "Records excluded** (n = 1)"
    assert text["sought"] == "Reports sought for retrieval (n = 4)"
    assert text["sought_side"] == "Reports not retrieved (n = 1)"
    assert text["assessed"] == "Reports assessed for eligibility (n = 3) Awaiting a decision (n = 1)"
    assert text["assessed_side"] == "Reports excluded: Ikke relevant (n = 1)"


def test_reasons_without_counts_are_reported_as_unrecorded():
    flow = synthetic_flow()
    flow.stages[3] = StageCount(
        3, "s3", screened=5, included=2, excluded=3, excluded_by_reason={"For perifert for problemstillingene": 1}
    )
    side = layout_flow(flow, "en").box("final_side")
    assert [ln.text.strip() for ln in side.lines][-1] == "No reason recorded (n = 2)"


def test_long_reason_lists_grow_the_row_and_push_later_rows_down():
    short = layout_flow(synthetic_flow(), "en")
    flow = synthetic_flow()
    flow.stages[2].excluded = 40
    flow.stages[2].excluded_by_reason = {f"Reason number {n} with a fairly long explanation": 2 for n in range(20)}
    long = layout_flow(flow, "en")
    assert long.box("assessed_side").h > short.box("assessed_side").h
    assert long.box("included").y - short.box("included").y == pytest.approx(
        long.box("assessed_side").h - short.box("assessed_side").h
    )


def test_new_review_svg_labels(tmp_path):
    path = tmp_path / "flow.svg"
    write_flow(synthetic_flow(), path, family_names=NAMES)
    check_golden("flow_new_en.svg.txt", svg_text(path))


def test_updated_review_svg_labels_in_norwegian(tmp_path):
    path = tmp_path / "flow.svg"
    write_flow(
        synthetic_flow(previous=7), path, language="no", family_names={"no": "Norsk", "sv": "Svensk", "en": "Engelsk"}
    )
    labels = svg_text(path)
    assert "Tidligere studier" in labels and "Totalt antall studier inkludert i oversikten" in labels
    assert "(n = 11)" in labels  # 7 previous + 4 new
    check_golden("flow_updated_no.svg.txt", labels)


def test_svg_is_the_same_every_time(tmp_path):
    write_flow(synthetic_flow(), tmp_path / "a.svg")
    write_flow(synthetic_flow(), tmp_path / "b.svg")
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_png_has_the_diagram_size(tmp_path):
    path = tmp_path / "flow.png"
    diagram = write_flow(synthetic_flow(), path)
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert abs(width - diagram.width * PNG_DPI) <= 1 and abs(height - diagram.height * PNG_DPI) <= 1
