"""Write works the way Oria (Primo VE RIS), Publish or Perish (CSV) and Google Scholar (saved result
pages) deliver them. Each writer takes the list of works found by one query, in result order."""

from __future__ import annotations

import csv
import html
import io

from model import SYNTHETIC_NOTE, Work

from review.importers.mappings import POP_COLUMNS
from review.normalise import fold

RIS_TYPES = {"article": "JOUR", "report": "RPRT", "chapter": "CHAP", "book": "BOOK", "other": "GEN"}
POP_HEADER = [*POP_COLUMNS, "Note"]


def ris_record(w: Work, oria_id: str) -> list[str]:
    lines = [("TY", RIS_TYPES.get(w.doc_type, "GEN")), ("T1", w.title)]
    lines += [("AU", f"{family}, {given}" if given else family) for family, given in w.authors]
    lines.append(("PY", str(w.year)))
    if w.venue:
        lines.append(("JF" if w.doc_type == "article" else "T2", w.venue))
    for tag, value in (("VL", w.volume), ("IS", w.issue)):
        if value:
            lines.append((tag, value))
    if w.pages:
        start, _, end = w.pages.partition("-")
        lines += [("SP", start)] + ([("EP", end)] if end else [])
    if w.publisher:
        lines.append(("PB", w.publisher))
    ids = " ".join(x for x in (w.isbn, w.issn) if x)
    if ids:
        lines.append(("SN", ids))
    if w.doi:
        lines.append(("DO", w.doi))
    if w.abstract:
        lines.append(("N2", w.abstract))
    lines += [("KW", k) for k in w.keywords]
    lines.append(("LA", w.language))
    lines.append(("ID", oria_id))
    if w.synthetic:
        lines.append(("N1", SYNTHETIC_NOTE))
    return [f"{tag}  - {value}" for tag, value in lines] + ["ER  - ", ""]


def write_ris(path, entries: list[tuple[Work, str]], *, bom: bool = False, crlf: bool = False) -> int:
    lines: list[str] = []
    for work, oria_id in entries:
        lines += ris_record(work, oria_id)
    text = "\n".join(lines)
    if crlf:
        text = text.replace("\n", "\r\n")
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return len(entries)


def snippet(w: Work) -> str:
    words = w.abstract.split()
    return " ".join(words[:22]) + " …" if len(words) > 22 else w.abstract


def scholar_type(w: Work) -> str:
    if not w.host:
        return "CITATION"
    return "BOOK" if w.doc_type == "book" else ("PDF" if w.doc_type in ("report", "thesis") else "HTML")


def article_url(w: Work) -> str:
    if not w.host:
        return ""
    slug = "".join(c if c.isalnum() else "-" for c in fold(w.title))[:48].strip("-")
    return f"https://{w.host}/{'handle' if w.thesis else 'publikasjoner'}/{slug}"


def scholar_venue(w: Work) -> str:
    return w.thesis_cue or (w.venue if w.doc_type == "article" else "")


def pop_row(w: Work, rank: int, query_date: str) -> list[str]:
    age = max(1, int(query_date[:4]) - w.year)
    authors = len(w.authors)
    cites_url = (
        f"https://scholar.google.com/scholar?cites={w.cluster_id}&as_sdt=2005&sciodt=0,5&hl=en" if w.cites else ""
    )
    doi = w.doi if w.scholar_doi else ""
    start, _, end = w.pages.partition("-") if w.doc_type == "article" else ("", "", "")
    return [
        str(w.cites),
        w.scholar_authors,
        w.scholar_title,
        str(w.year),
        scholar_venue(w),
        w.host,
        article_url(w),
        cites_url,
        str(rank),
        query_date,
        scholar_type(w),
        doi,
        w.issn if w.doc_type == "article" else "",
        "",
        w.volume if w.doc_type == "article" else "",
        w.issue if w.doc_type == "article" else "",
        start,
        end,
        str(w.cites),
        f"{w.cites / age:.2f}",
        str(round(w.cites / authors)),
        str(authors),
        str(age),
        snippet(w),
        article_url(w) if scholar_type(w) == "PDF" else "",
        f"https://scholar.google.com/scholar?q=related:{w.data_cid}:scholar.google.com/&scioq=&hl=en&as_sdt=0,5",
        SYNTHETIC_NOTE if w.synthetic else "",
    ]


def write_pop(path, works: list[Work], query_date: str) -> int:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(POP_HEADER)
    for rank, w in enumerate(works, 1):
        writer.writerow(pop_row(w, rank, query_date))
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return len(works)


def _bold_terms(text: str, terms: list[str]) -> str:
    out = html.escape(text)
    for term in sorted(terms, key=len, reverse=True):
        for variant in {term, term.capitalize()}:
            out = out.replace(variant, f"<b>{variant}</b>")
    return out.replace("<b><b>", "<b>").replace("</b></b>", "</b>")


def scholar_result(w: Work, position: int, terms: list[str]) -> str:
    cid = w.data_cid
    marker = {"CITATION": "[CITATION]", "BOOK": "[BOOK]", "PDF": "[PDF]"}.get(scholar_type(w), "[HTML]")
    title = html.escape(w.scholar_title)
    if scholar_type(w) == "CITATION":
        heading = (
            f'<span class="gs_ctu"><span class="gs_ct1">[CITATION]</span><span class="gs_ct2">[C]</span></span> {title}'
        )
    else:
        lead = (
            f'<span class="gs_ctc"><span class="gs_ct1">{marker}</span><span class="gs_ct2">{marker}</span></span> '
            if marker in ("[PDF]", "[BOOK]")
            else ""
        )
        heading = f'{lead}<a id="{cid}" href="{html.escape(article_url(w))}" data-clk-atid="{cid}">{title}</a>'
    middle = ", ".join(x for x in (scholar_venue(w), str(w.year)) if x)
    byline = f"{html.escape(w.scholar_authors)}&nbsp;- {html.escape(middle)}" + (f"&nbsp;- {w.host}" if w.host else "")
    side = ""
    if scholar_type(w) == "PDF":
        side = (
            f'<div class="gs_ggs gs_fl"><div class="gs_ggsd"><div class="gs_or_ggsm" ontouchstart="gs_evt_dsp(event)">'
            f'<a href="{html.escape(article_url(w))}.pdf" data-clk-atid="{cid}"><span class="gs_ctg2">[PDF]</span> {w.host}</a>'
            f"</div></div></div>"
        )
    versions = max(2, w.cites // 5 + 1)
    footer = [
        '<a href="javascript:void(0)" class="gs_or_sav gs_or_btn" role="button"><span class="gs_or_btn_lbl">Save</span></a>',
        '<a href="javascript:void(0)" class="gs_or_cit gs_or_btn gs_nph" role="button" aria-controls="gs_cit" '
        'aria-haspopup="true"><span>Cite</span></a>',
    ]
    if w.cites:
        footer.append(
            f'<a href="/scholar?cites={w.cluster_id}&amp;as_sdt=2005&amp;sciodt=0,5&amp;hl=en">Cited by {w.cites}</a>'
        )
    footer.append(
        f'<a href="/scholar?q=related:{cid}:scholar.google.com/&amp;scioq=&amp;hl=en&amp;as_sdt=0,5">Related articles</a>'
    )
    footer.append(
        f'<a href="/scholar?cluster={w.cluster_id}&amp;hl=en&amp;as_sdt=0,5" class="gs_nph">All {versions} versions</a>'
    )
    synthetic = ' data-synthetic="1"' if w.synthetic else ""
    return (
        f'<div class="gs_r gs_or gs_scl" data-cid="{cid}" data-did="{cid}" data-lid="" data-aid="{cid}" '
        f'data-rp="{position}"{synthetic}>{side}<div class="gs_ri"><h3 class="gs_rt" ontouchstart="gs_evt_dsp(event)">'
        f'{heading}</h3><div class="gs_a">{byline}</div><div class="gs_rs">{_bold_terms(snippet(w), terms)}</div>'
        f'<div class="gs_fl gs_flb">{" ".join(footer)}</div></div></div>'
    )


def write_scholar_page(path, works: list[Work], *, query: str, start: int, total: int, terms: list[str]) -> int:
    synthetic = sum(w.synthetic for w in works)
    results = "\n".join(scholar_result(w, i, terms) for i, w in enumerate(works))
    q = html.escape(query)
    page = f"""<!DOCTYPE html>
<!-- Test data for nordic-review: a Google Scholar result page rebuilt by fafo_data/generate.py.
     {synthetic} of the {len(works)} results are synthetic stand-ins (marked data-synthetic="1"), not real publications.
     The others are real works, but their Scholar ids, citation counts and links are made up. -->
<html lang="en"><head><meta charset="UTF-8"><title>{q} - Google Scholar</title></head>
<body><div id="gs_top"><form id="gs_hdr_frm" action="/scholar"><input name="q" value="{q}"></form>
<div id="gs_ab_md"><div class="gs_ab_mdw">{f"Page {start // 10 + 1} of about" if start else "About"} {total} results (0.04 sec)</div></div>
<div id="gs_res_ccl_mid">
{results}
</div>
<div id="gs_n"><a href="/scholar?start={start + 10}&amp;q={q}&amp;hl=en&amp;as_sdt=0,5&amp;as_ylo=2016&amp;as_yhi=2022">Next</a></div>
</div></body></html>
"""
    path.write_text(page, encoding="utf-8")
    return len(works)
