"""Paint a laid-out flow diagram with matplotlib, as SVG (text kept as text) or PNG.

matplotlib rather than graphviz: it installs from PyPI alone and ships its own font. No pyplot, so
nothing global changes and no GUI backend is touched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch, Rectangle

from review.reports.flow.layout import (
    FONT_FAMILY,
    FONT_SIZE,
    FOOTNOTE_LINE_HEIGHT,
    FOOTNOTE_SIZE,
    HEADER_FONT_SIZE,
    INDENT,
    LINE_HEIGHT,
    MARGIN,
    PAD,
    Diagram,
    layout_flow,
)
from screening.flowtypes import Flow

PNG_DPI = 200
# Colours of the PRISMA2020 R package: gold header, light steel blue stage bars, grey optional boxes.
FILL = {
    "main": "#ffffff",
    "side": "#ffffff",
    "previous": "#dcdcdc",
    "header": "#ffc125",
    "previous_header": "#dcdcdc",
    "bar": "#bcd2ee",
}
EDGE = "#222222"
LINE_WIDTH = 0.9
SVG_FONT_STACK = f"'{FONT_FAMILY}', Arial, Helvetica, sans-serif"
SVG_HASH_SALT = "nordic-review"  # fixed ids, so the same flow gives the same SVG


def _figure(diagram: Diagram) -> Figure:
    fig = Figure(figsize=(diagram.width, diagram.height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, diagram.width)
    ax.set_ylim(diagram.height, 0)
    ax.axis("off")
    text_style: dict[str, Any] = {"family": FONT_FAMILY, "color": "#111111"}

    for box in diagram.boxes:
        patch: Patch
        if box.kind in ("header", "previous_header"):
            patch = FancyBboxPatch(
                (box.x, box.y),
                box.w,
                box.h,
                boxstyle="round,pad=0,rounding_size=0.08",
                facecolor=FILL[box.kind],
                edgecolor=EDGE,
                linewidth=LINE_WIDTH,
            )
        elif box.kind == "bar":
            patch = FancyBboxPatch(
                (box.x, box.y),
                box.w,
                box.h,
                boxstyle="round,pad=0,rounding_size=0.06",
                facecolor=FILL["bar"],
                edgecolor="none",
            )
        else:
            patch = Rectangle(
                (box.x, box.y), box.w, box.h, facecolor=FILL[box.kind], edgecolor=EDGE, linewidth=LINE_WIDTH
            )
        ax.add_patch(patch)

        if box.kind == "bar":
            ax.text(
                box.x + box.w / 2,
                box.y + box.h / 2,
                box.lines[0].text,
                rotation=90,
                ha="center",
                va="center",
                fontsize=HEADER_FONT_SIZE,
                fontweight="bold",
                **text_style,
            )
        elif box.kind in ("header", "previous_header"):
            ax.text(
                box.x + box.w / 2,
                box.y + box.h / 2,
                "\n".join(ln.text for ln in box.lines),
                ha="center",
                va="center",
                fontsize=HEADER_FONT_SIZE,
                fontweight="bold",
                **text_style,
            )
        else:
            block = len(box.lines) * LINE_HEIGHT
            top = box.y + (box.h - block) / 2  # centred vertically when a box is taller than its text
            for n, line in enumerate(box.lines):
                ax.text(
                    box.x + PAD + line.indent * INDENT,
                    top + n * LINE_HEIGHT + LINE_HEIGHT / 2,
                    line.text,
                    ha="left",
                    va="center",
                    fontsize=FONT_SIZE,
                    **text_style,
                )

    for arrow in diagram.arrows:
        points = arrow.points
        if len(points) > 2:
            xs, ys = zip(*points[:-1], strict=True)
            ax.plot(xs, ys, color=EDGE, linewidth=LINE_WIDTH, solid_capstyle="butt")
        ax.add_patch(
            FancyArrowPatch(
                points[-2],
                points[-1],
                arrowstyle="-|>",
                mutation_scale=10,
                color=EDGE,
                linewidth=LINE_WIDTH,
                shrinkA=0,
                shrinkB=0,
            )
        )

    for n, text in enumerate(diagram.footnotes):
        ax.text(
            MARGIN,
            diagram.footnote_top + n * FOOTNOTE_LINE_HEIGHT + FOOTNOTE_LINE_HEIGHT / 2,
            text,
            ha="left",
            va="center",
            fontsize=FOOTNOTE_SIZE,
            **text_style,
        )
    return fig


def _add_font_fallback(path: Path) -> None:
    """Viewers without DejaVu Sans should fall back to a narrower sans-serif, not to a serif font."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"font-family: '{FONT_FAMILY}'", f"font-family: {SVG_FONT_STACK}"), encoding="utf-8")


def draw(diagram: Diagram, path: Path, fmt: str | None = None) -> None:
    """Write ``diagram`` to ``path``; the format from ``fmt`` or the suffix (svg or png)."""
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    fig = _figure(diagram)
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": SVG_HASH_SALT}):
        if fmt == "svg":
            fig.savefig(path, format="svg", metadata={"Date": None})
            _add_font_fallback(Path(path))
        elif fmt == "png":
            fig.savefig(path, format="png", dpi=PNG_DPI, metadata={"Software": None})
        else:
            raise ValueError(f"flow diagrams are drawn as svg or png, not {fmt}")


def write_flow(flow: Flow, path: Path, *, language: str = "en", family_names: dict[str, str] | None = None) -> Diagram:
    diagram = layout_flow(flow, language, family_names)
    draw(diagram, path)
    return diagram
