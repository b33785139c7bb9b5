"""Lay out the PRISMA 2020 flow diagram from a ``Flow``: boxes, lines and arrows on a grid, in inches.

The layout is pure data, so tests can check that boxes do not overlap and that the counts add up
without looking at pixels; ``flow.draw`` only paints it. Text is wrapped with matplotlib's own font
metrics, so what is measured here is what the renderer draws.

Mapping of the three-stage process (see docs/exports.md): stage 1 → records screened/excluded;
stage 2 → reports sought, not retrieved (reasons such as "full text not available") and assessed;
stage 3 → an extra "assessed in final review" row; then studies included (each work counts as one
study and one report, as the store does not group reports into studies).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from review.normalise import fold
from review.reports.flow.labels import NOT_RETRIEVED_PHRASES, labels
from review.reports.wording import SOURCE_NAMES
from screening.flow import NO_REASON
from screening.flowtypes import Flow, StageCount

FONT_FAMILY = "DejaVu Sans"  # ships with matplotlib, so PNG text never lacks a font
FONT_SIZE = 8.5  # points
HEADER_FONT_SIZE = 9.5
LINE_HEIGHT = FONT_SIZE * 1.35 / 72  # inches
PAD = 0.09  # inside a box
INDENT = 0.14  # list items inside a box
MARGIN = 0.2
BAR_W = 0.34  # the blue stage bars on the left
GAP_X = 0.16  # between the bar and the first column
PREV_W = 2.1
MAIN_W = 2.7
SIDE_W = 3.1
ARROW_GAP_X = 0.45  # between main and side column (horizontal arrows)
ROW_GAP = 0.34  # between rows (vertical arrows)
HEADER_H = 0.42
BAR_LABEL_PAD = 0.12
FOOTNOTE_GAP = 0.22
WRAP_SLACK = 0.06  # keeps wrapped text clear of the right edge
FOOTNOTE_SIZE = FONT_SIZE - 1
FOOTNOTE_LINE_HEIGHT = FOOTNOTE_SIZE * 1.35 / 72


@dataclass
class Line:
    text: str
    indent: int = 0


@dataclass
class Box:
    key: str
    x: float
    y: float  # top edge; y grows downwards
    w: float
    h: float
    lines: list[Line]
    kind: str = "main"  # main, side, previous, header, previous_header, bar
    align: str = "left"

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w


@dataclass
class Arrow:
    points: list[tuple[float, float]]  # polyline; the head sits on the last point


@dataclass
class Diagram:
    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    footnote_top: float = 0.0

    def box(self, key: str) -> Box:
        return next(b for b in self.boxes if b.key == key)

    def texts(self) -> list[str]:
        """Every text on the diagram in drawing order: what golden tests compare."""
        return [ln.text for b in self.boxes for ln in b.lines] + list(self.footnotes)


@lru_cache(maxsize=4096)
def text_width(text: str, size: float = FONT_SIZE, weight: str = "normal") -> float:
    """Width in inches as matplotlib will draw it."""
    width, _h, _d = TextToPath().get_text_width_height_descent(
        text, FontProperties(family=FONT_FAMILY, size=size, weight=weight), ismath=False
    )
    return width / 72


def wrap(text: str, width: float, size: float = FONT_SIZE) -> list[str]:
    """Greedy word wrap to ``width`` inches; a word longer than a line is cut."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while text_width(word, size) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut], size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current or not lines:
        lines.append(current)
    return lines


def _lines(items: list[tuple[str, int]], width: float) -> list[Line]:
    out: list[Line] = []
    for text, indent in items:
        out += [Line(t, indent) for t in wrap(text, width - 2 * PAD - indent * INDENT - WRAP_SLACK)]
    return out


def _height(lines: list[Line]) -> float:
    return 2 * PAD + len(lines) * LINE_HEIGHT


def _reason_items(reasons: dict[str, int], total: int, lab: dict[str, str]) -> list[tuple[str, int]]:
    ordered = sorted(reasons.items(), key=lambda kv: (kv[0] == NO_REASON, -kv[1], fold(kv[0])))
    items = [(lab["count"].format(label=lab["no_reason"] if r == NO_REASON else r, n=n), 1) for r, n in ordered if n]
    unexplained = total - sum(n for _r, n in ordered)
    if unexplained > 0:
        items.append((lab["count"].format(label=lab["no_reason"], n=unexplained), 1))
    return items or [(lab["n"].format(n=0), 1)]


def _split_not_retrieved(stage: StageCount) -> tuple[int, dict[str, int]]:
    missing, other = 0, {}
    for reason, n in stage.excluded_by_reason.items():
        if any(p in fold(reason) for p in NOT_RETRIEVED_PHRASES):
            missing += n
        else:
            other[reason] = n
    return missing, other


def _awaiting(stage: StageCount | None, lab: dict[str, str]) -> list[tuple[str, int]]:
    if stage is None:
        return []
    lines = []
    if stage.pending + stage.maybe:
        lines.append((lab["awaiting"].format(n=stage.pending + stage.maybe), 0))
    if stage.not_screened_stopped:
        lines.append((lab["stopped"].format(n=stage.not_screened_stopped), 0))
    return lines


Items = list[tuple[str, int]]  # (text, indent level) of each line in a box
Row = tuple[str, Items, Items | None, str]  # (key, main items, side items or None, bar)


def _rows(flow: Flow, lab: dict[str, str], family_names: dict[str, str], language: str, updated: bool) -> list[Row]:
    """(key, main items, side items or None, bar) per row, top to bottom."""
    sources = SOURCE_NAMES.get(language, SOURCE_NAMES["en"])
    empty = StageCount(number=0, label="")
    s1, s2, s3 = (flow.stages.get(n, empty) for n in (1, 2, 3))
    auto = min(s1.excluded_automatically, s1.excluded)

    identified = [(lab["identified"], 0)]
    if not flow.identified_by_source:
        identified.append((lab["n"].format(n=flow.identified), 1))
    identified += [
        (lab["count"].format(label=sources.get(s, s), n=n), 1)
        for s, n in sorted(
            flow.identified_by_source.items(),
            key=lambda kv: (list(sources).index(kv[0]) if kv[0] in sources else 99, kv[0]),
        )
    ]
    if flow.identified_by_family:
        identified.append((lab["by_family"], 0))
        identified += [
            (lab["count"].format(label=family_names.get(f, f) or lab["no_family"], n=n), 1)
            for f, n in flow.identified_by_family.items()
        ]
    removed = [(lab["removed"], 0), (lab["duplicates"].format(n=flow.duplicates_removed), 1)]
    if flow.duplicates_of_earlier is not None:  # an update: found again vs. duplicated among the new searches
        removed += [
            (lab["dup_earlier"].format(n=flow.duplicates_of_earlier), 2),
            (lab["dup_within"].format(n=flow.duplicates_within), 2),
        ]
    removed.append((lab["removed_other"].format(n=auto), 1))
    if flow.undeduplicated:
        removed.append((lab["not_deduplicated"].format(n=flow.undeduplicated), 1))

    screened = flow.screened  # unique works less the rule exclusions: Table 3.1's first total too
    not_retrieved, s2_reasons = _split_not_retrieved(s2)
    sought = s1.included
    assessed = sought - not_retrieved
    s2_other = s2.excluded - not_retrieved
    rows: list[Row] = [
        ("identification", identified, removed, "identification"),
        (
            "screened",
            [(lab["screened"], 0), (lab["n"].format(n=screened), 0)] + _awaiting(s1, lab),
            [(lab["excluded_records"], 0), (lab["n"].format(n=s1.excluded - auto), 0)],
            "screening",
        ),
        (
            "sought",
            [(lab["sought"], 0), (lab["n"].format(n=sought), 0)],
            [(lab["not_retrieved"], 0), (lab["n"].format(n=not_retrieved), 0)],
            "screening",
        ),
        (
            "assessed",
            [(lab["assessed"], 0), (lab["n"].format(n=assessed), 0)] + _awaiting(s2, lab),
            [(lab["reports_excluded"], 0)] + _reason_items(s2_reasons, s2_other, lab),
            "screening",
        ),
        (
            "final",
            [(lab["final_review"], 0), (lab["n"].format(n=s2.included), 0)] + _awaiting(s3, lab),
            [(lab["reports_excluded"], 0)] + _reason_items(s3.excluded_by_reason, s3.excluded, lab),
            "screening",
        ),
    ]
    if updated:
        rows.append(
            (
                "included",
                [
                    (lab["new_included"], 0),
                    (lab["n"].format(n=flow.included), 0),
                    (lab["new_reports"], 0),
                    (lab["n"].format(n=flow.included), 0),
                ],
                None,
                "included",
            )
        )
        rows.append(
            (
                "total",
                [
                    (lab["total"], 0),
                    (lab["n"].format(n=flow.total_included), 0),
                    (lab["total_reports"], 0),
                    (lab["n"].format(n=flow.total_included), 0),
                ],
                None,
                "included",
            )
        )
    else:
        rows.append(
            (
                "included",
                [
                    (lab["included"], 0),
                    (lab["n"].format(n=flow.included), 0),
                    (lab["included_reports"], 0),
                    (lab["n"].format(n=flow.included), 0),
                ],
                None,
                "included",
            )
        )
    return rows


def layout_flow(flow: Flow, language: str = "en", family_names: dict[str, str] | None = None) -> Diagram:
    """Place every box of the diagram; the updated-review layout when ``flow.previous_included`` is set."""
    lab = labels(language)
    updated = flow.previous_included is not None
    family_names = family_names or {}
    x_prev = MARGIN + BAR_W + GAP_X
    x_main = x_prev + (PREV_W + GAP_X * 2 if updated else 0)
    x_side = x_main + MAIN_W + ARROW_GAP_X
    width = x_side + SIDE_W + MARGIN
    diagram = Diagram(width=width, height=0)

    y = MARGIN
    header = Box(
        "header",
        x_main,
        y,
        MAIN_W + ARROW_GAP_X + SIDE_W,
        HEADER_H,
        [Line(lab["header_new" if updated else "header"])],
        kind="header",
        align="center",
    )
    diagram.boxes.append(header)
    if updated:
        diagram.boxes.append(
            Box(
                "previous_header",
                x_prev,
                y,
                PREV_W,
                HEADER_H,
                _lines([(lab["previous_header"], 0)], PREV_W),
                kind="previous_header",
                align="center",
            )
        )
    y += HEADER_H + ROW_GAP * 0.8

    bars: dict[str, list[float]] = {}
    previous_main: Box | None = None
    rows = _rows(flow, lab, family_names, language, updated)
    rows_per_bar = {bar: sum(1 for r in rows if r[3] == bar) for *_rest, bar in rows}
    for key, main_items, side_items, bar in rows:
        main_lines = _lines(main_items, MAIN_W)
        side_lines = _lines(side_items, SIDE_W) if side_items else []
        # a bar that spans one row makes that row at least as tall as the bar's rotated label
        bar_min = (
            text_width(lab[f"bar_{bar}"], HEADER_FONT_SIZE, "bold") + 2 * BAR_LABEL_PAD if rows_per_bar[bar] == 1 else 0
        )
        row_h = max(_height(main_lines), _height(side_lines) if side_lines else 0, bar_min)
        main = Box(key, x_main, y, MAIN_W, row_h, main_lines)
        diagram.boxes.append(main)
        if side_lines:
            side = Box(f"{key}_side", x_side, y, SIDE_W, row_h, side_lines, kind="side")
            diagram.boxes.append(side)
            arrow_y = y + row_h / 2
            diagram.arrows.append(Arrow([(main.right, arrow_y), (side.x, arrow_y)]))
        if previous_main is not None:
            cx = x_main + MAIN_W / 2
            diagram.arrows.append(Arrow([(cx, previous_main.bottom), (cx, main.y)]))
        top, bottom = bars.get(bar, [y, y])
        bars[bar] = [min(top, y), max(bottom, main.bottom)]
        previous_main = main
        y = main.bottom + ROW_GAP

    if updated:
        prev_lines = _lines(
            [
                (lab["previous"], 0),
                (lab["n"].format(n=flow.previous_included), 0),
                (lab["previous_reports"], 0),
                (lab["n"].format(n=flow.previous_included), 0),
            ],
            PREV_W,
        )
        ident = diagram.box("identification")
        prev = Box("previous", x_prev, ident.y, PREV_W, _height(prev_lines), prev_lines, kind="previous")
        diagram.boxes.append(prev)
        total = diagram.box("total")
        cx, ty = x_prev + PREV_W / 2, total.y + total.h / 2
        diagram.arrows.append(Arrow([(cx, prev.bottom), (cx, ty), (total.x, ty)]))

    for name, (top, bottom) in bars.items():
        diagram.boxes.append(
            Box(f"bar_{name}", MARGIN, top, BAR_W, bottom - top, [Line(lab[f"bar_{name}"])], kind="bar", align="center")
        )

    y = y - ROW_GAP + FOOTNOTE_GAP
    for key in ("footnote_1", "footnote_2", "attribution"):
        for text in wrap(lab[key], width - 2 * MARGIN - WRAP_SLACK, FOOTNOTE_SIZE):
            diagram.footnotes.append(text)
    diagram.height = y + len(diagram.footnotes) * FOOTNOTE_LINE_HEIGHT + MARGIN
    diagram.footnote_top = y
    return diagram
