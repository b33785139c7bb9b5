"""Box wording of the PRISMA 2020 flow diagram, per report language.

English follows the PRISMA 2020 template wording (the ``*`` and ``**`` marks included); the
Norwegian is our own translation. ``{n}`` is replaced by a count. The footnotes are in our words.
"""

from __future__ import annotations

from review.reports.wording import language_name

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "header": "Identification of studies via databases and registers",
        "header_new": "Identification of new studies via databases and registers",
        "previous_header": "Previous studies",
        "bar_identification": "Identification",
        "bar_screening": "Screening",
        "bar_included": "Included",
        "identified": "Records identified from*:",
        "by_family": "By query family:",
        "no_family": "No query family",
        "count": "{label} (n = {n})",
        "removed": "Records removed before screening:",
        "duplicates": "Duplicate records removed (n = {n})",
        "dup_earlier": "already screened in earlier rounds (n = {n})",
        "dup_within": "duplicates within the new searches (n = {n})",
        "removed_other": "Records removed for other reasons (n = {n})",
        "not_deduplicated": "Records not yet deduplicated (n = {n})",
        "screened": "Records screened",
        "excluded_records": "Records excluded**",
        "sought": "Reports sought for retrieval",
        "not_retrieved": "Reports not retrieved",
        "assessed": "Reports assessed for eligibility",
        "final_review": "Reports assessed in final review",
        "reports_excluded": "Reports excluded:",
        "no_reason": "No reason recorded",
        "awaiting": "Awaiting a decision (n = {n})",
        "stopped": "Not screened: screening stopped early (n = {n})",
        "n": "(n = {n})",
        "included": "Studies included in review",
        "included_reports": "Reports of included studies",
        "previous": "Studies included in previous version of review",
        "previous_reports": "Reports of studies included in previous version of review",
        "new_included": "New studies included in review",
        "new_reports": "Reports of new included studies",
        "total": "Total studies included in review",
        "total_reports": "Reports of total included studies",
        "footnote_1": "* Records are counted per database and per query family.",
        "footnote_2": "** Excluded by a reviewer. No automation tool excluded records; records removed by a "
        "protocol rule (e.g. student theses, outside the years) are counted as removed for "
        "other reasons.",
        "attribution": "Layout after the PRISMA 2020 flow diagram: Page MJ, McKenzie JE, Bossuyt PM, et al. "
        "BMJ 2021;372:n71. doi:10.1136/bmj.n71",
    },
    "no": {
        "header": "Identifisering av studier via databaser og registre",
        "header_new": "Identifisering av nye studier via databaser og registre",
        "previous_header": "Tidligere studier",
        "bar_identification": "Identifisering",
        "bar_screening": "Screening",
        "bar_included": "Inkludert",
        "identified": "Poster identifisert fra*:",
        "by_family": "Etter søkefamilie:",
        "no_family": "Uten søkefamilie",
        "count": "{label} (n = {n})",
        "removed": "Poster fjernet før screening:",
        "duplicates": "Duplikater fjernet (n = {n})",
        "dup_earlier": "allerede screenet i tidligere runder (n = {n})",
        "dup_within": "duplikater innen de nye søkene (n = {n})",
        "removed_other": "Poster fjernet av andre grunner (n = {n})",
        "not_deduplicated": "Poster som ikke er deduplisert ennå (n = {n})",
        "screened": "Poster screenet",
        "excluded_records": "Poster ekskludert**",
        "sought": "Rapporter forsøkt innhentet",
        "not_retrieved": "Rapporter som ikke ble innhentet",
        "assessed": "Rapporter vurdert for inklusjon",
        "final_review": "Rapporter vurdert i endelig gjennomgang",
        "reports_excluded": "Rapporter ekskludert:",
        "no_reason": "Uten oppgitt grunn",
        "awaiting": "Venter på vurdering (n = {n})",
        "stopped": "Ikke vurdert: screeningen ble avsluttet tidlig (n = {n})",
        "n": "(n = {n})",
        "included": "Studier inkludert i oversikten",
        "included_reports": "Rapporter fra inkluderte studier",
        "previous": "Studier inkludert i forrige versjon av oversikten",
        "previous_reports": "Rapporter fra studier inkludert i forrige versjon",
        "new_included": "Nye studier inkludert i oversikten",
        "new_reports": "Rapporter fra nye inkluderte studier",
        "total": "Totalt antall studier inkludert i oversikten",
        "total_reports": "Rapporter fra alle inkluderte studier",
        "footnote_1": "* Poster er talt per database og per søkefamilie.",
        "footnote_2": "** Ekskludert av en vurderer. Ingen automatiske verktøy ekskluderte poster; poster "
        "fjernet etter en regel i protokollen (f.eks. studentoppgaver, utenfor tidsrommet) er "
        "talt som fjernet av andre grunner.",
        "attribution": "Oppsett etter PRISMA 2020-flytdiagrammet: Page MJ, McKenzie JE, Bossuyt PM, mfl. "
        "BMJ 2021;372:n71. doi:10.1136/bmj.n71",
    },
}

# Stage-2 exclusion reasons that mean the full text could not be had: PRISMA counts those as
# "Reports not retrieved" rather than as assessed and excluded. Matched on folded text.
NOT_RETRIEVED_PHRASES = (
    "fulltekst ikke tilgjengelig",
    "full text not available",
    "not retrieved",
    "ikke tilgjengelig",
    "inte tillganglig",
    "ikke tilgaengelig",
    "could not be obtained",
)


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["en"])


def family_display_names(families, language: str) -> dict[str, str]:
    """Family id -> short display name from its language (``Norwegian``); duplicates get the id added."""
    out = {f.id: language_name(f.language, language) or f.id for f in families}
    seen: dict[str, int] = {}
    for name in out.values():
        seen[name] = seen.get(name, 0) + 1
    return {fid: (name if seen[name] == 1 else f"{name} ({fid})") for fid, name in out.items()}
