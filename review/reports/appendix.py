"""Vedlegg 1: the included studies under their appendix group headings, each as a reference line
followed by the three parts of its summary (topic and aim, method, findings).

Groups follow ``protocol.appendix_groups``; within a group, oldest first, then by first author, as
in the seed report. All summary and bibliographic text is user text: escaped in HTML and Markdown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path

from review.reports.collect import IncludedWork
from review.reports.docx_base import new_document
from review.reports.included import reference, synthetic_notice
from review.reports.references import group_works
from review.reports.wording import words

PARTS = ("aim", "method", "findings")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-]|\d+\.)(?=\s)", re.MULTILINE)


def md_escape(text: str) -> str:
    """Escape what Markdown would read as markup, so a title with ``*`` or ``<b>`` prints as typed."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _paragraphs(text: str) -> list[str]:
    """A summary part may hold several paragraphs separated by blank lines."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def appendix_sections(works: Sequence[IncludedWork], groups: Sequence[str], language: str):
    """(group heading, [(reference line, [(part label, [paragraphs])])]) in print order."""
    w = words(language)
    out = []
    for group, members in group_works(works, groups, language):
        entries = []
        for work in members:
            parts = [(w[p], _paragraphs(getattr(work, p))) for p in PARTS]
            parts = [(label, paras) for label, paras in parts if paras] or [("", [w["no_summary"]])]
            entries.append((reference(work, language), parts))
        out.append((group, entries))
    return out


def appendix_markdown(works: Sequence[IncludedWork], groups: Sequence[str], language: str = "en") -> str:
    lines = [f"# {words(language)['appendix_title']}", ""]
    notice = synthetic_notice(works, language)
    if notice:
        lines += [f"> **{md_escape(notice)}**", ""]
    for group, entries in appendix_sections(works, groups, language):
        lines += [f"## {md_escape(group)}", ""]
        for ref, parts in entries:
            lines += [f"**{md_escape(ref)}**", ""]
            for label, paragraphs in parts:
                for n, para in enumerate(paragraphs):
                    prefix = f"*{md_escape(label)}:* " if label and n == 0 else ""
                    lines += [prefix + md_escape(para), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def appendix_html_sections(
    works: Sequence[IncludedWork], groups: Sequence[str], language: str, heading: str = "h2"
) -> list[str]:
    """The groups and entries as HTML lines, every piece of text escaped (a page and the UI preview)."""
    e = html.escape
    notice = synthetic_notice(works, language)
    out = [f'<p class="synthetic-warning"><strong>{e(notice)}</strong></p>'] if notice else []
    for group, entries in appendix_sections(works, groups, language):
        out.append(f"<{heading}>{e(group)}</{heading}>")
        for ref, parts in entries:
            out.append('<section class="study">')
            out.append(f'<p class="reference">{e(ref)}</p>')
            for label, paragraphs in parts:
                for n, para in enumerate(paragraphs):
                    prefix = f'<span class="part">{e(label)}:</span> ' if label and n == 0 else ""
                    out.append(f"<p>{prefix}{e(para)}</p>")
            out.append("</section>")
    return out


def appendix_html(works: Sequence[IncludedWork], groups: Sequence[str], language: str = "en") -> str:
    e = html.escape
    title = words(language)["appendix_title"]
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(title)}</title>",
        "<style>body{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.45}"
        ".reference{font-weight:bold;margin-top:1.6em}.part{font-style:italic}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(title)}</h1>",
    ]
    out += appendix_html_sections(works, groups, language)
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def write_appendix_markdown(works, groups, path: Path, language: str = "en") -> None:
    Path(path).write_text(appendix_markdown(works, groups, language), encoding="utf-8")


def write_appendix_html(works, groups, path: Path, language: str = "en") -> None:
    Path(path).write_text(appendix_html(works, groups, language), encoding="utf-8")


def write_appendix_docx(works, groups, path: Path, language: str = "en") -> None:
    document = new_document()
    document.add_heading(words(language)["appendix_title"], level=1)
    notice = synthetic_notice(works, language)
    if notice:
        document.add_paragraph().add_run(notice).bold = True
    for group, entries in appendix_sections(works, groups, language):
        document.add_heading(group, level=2)
        for ref, parts in entries:
            document.add_paragraph().add_run(ref).bold = True
            for label, paragraphs in parts:
                for n, para in enumerate(paragraphs):
                    paragraph = document.add_paragraph()
                    if label and n == 0:
                        paragraph.add_run(f"{label}: ").italic = True
                    paragraph.add_run(para)
    document.save(path)
