"""The recorded decisions: one row per stage a work reached, quality ratings for non-peer-reviewed
works assessed at stage 2, and the record key that names the work in decisions.csv."""

from __future__ import annotations

import random

from model import Decision, Work
from plan import CRITERIA, FAIL, PASS, REVIEWERS, STAGE2_REASONS, STAGE3_REASONS, Planner

THESIS_REASON = "Studentoppgave"  # the protocol's reason (review.toml, stage 1)
STAGE1_NOTES = {
    "Ikke karriereveiledning": "Handler om integrering, ikke om veiledning",
    "Ikke flyktninger eller innvandrere": "Veiledning for andre målgrupper",
    "Ikke forskning eller utredning": "Veileder, nyhetssak eller innlegg",
}


def record_key(p: Planner, w: Work) -> str:
    doi_visible = w.doi and (w.oria_ids or w.scholar_doi)
    if doi_visible and p.rng.random() < 0.3:
        return f"doi:{w.doi}"
    if w.oria_ids:
        return w.oria_ids[-1] if len(w.oria_ids) > 1 and p.rng.random() < 0.5 else w.oria_ids[0]
    if w.cluster_id and w.cites > 0:
        return f"cluster:{w.cluster_id}"
    raise ValueError(f"{w.key} has no key a decision can use")


def stage2_reasons(p: Planner, works: list[Work]) -> None:
    """Spread the stage-2 exclusion reasons of each family over its stage-2 exclusions."""
    for family, quotas in STAGE2_REASONS.items():
        pool = [w for w in works if w.family == family and w._fate == "exc2" and not w._reason]
        p.rng.shuffle(pool)
        for reason, count in quotas.items():
            eligible = [
                w for w in pool if not w._reason and (reason != "Utilstrekkelig kvalitet" or not w.peer_reviewed)
            ]
            if len(eligible) < count:
                raise ValueError(f"{family}: only {len(eligible)} works can take «{reason}»")
            for w in eligible[:count]:
                w._reason = reason
        for w in pool:
            w._reason = w._reason or "Ikke relevant ved gjennomlesning"


def ratings(rng, w: Work, passes: bool) -> list[tuple[str, str, str]]:
    if w._reason == "Fulltekst ikke tilgjengelig":
        return [(c, "unclear", "Fulltekst ikke funnet") for c in CRITERIA]
    pattern = list(rng.choice(PASS if passes else FAIL))
    rng.shuffle(pattern)
    return [(c, r, "") for c, r in zip(CRITERIA, pattern, strict=True)]


def records_vouch_for_peer_review(w: Work) -> bool:
    """Only the English Oria search is limited to peer-reviewed work, so only its records say so."""
    return w.peer_reviewed and ("en", "oria") in w.found_in


def decide(p: Planner, w: Work, index: int) -> None:
    first, second = REVIEWERS[index % 2], REVIEWERS[(index + 1) % 2]
    if w.thesis:
        # Scholar cannot filter out student theses, so the team excluded them when screening, with the
        # protocol's reason (the Oria searches left them out at search time)
        w.decisions.append(Decision(1, "exclude", THESIS_REASON, first))
        return
    fate = w._fate
    if fate == "exc1":
        reason = w._reason if p.rng.random() < 0.85 else ""
        w.decisions.append(
            Decision(1, "exclude", reason, first, STAGE1_NOTES.get(reason, "") if p.rng.random() < 0.2 else "")
        )
        return
    w.decisions.append(Decision(1, "include", "", first))
    if fate == "exc2":
        w.decisions.append(Decision(2, "exclude", w._reason, second))
    else:
        w.decisions.append(Decision(2, "include", "", second))
    if not w.peer_reviewed:
        passes = fate in ("inc3", "exc3") or (w._reason == "Ikke relevant ved gjennomlesning" and p.rng.random() < 0.6)
        w.quality, w.quality_reviewer = ratings(p.rng, w, passes), second
    elif not records_vouch_for_peer_review(w):
        # A journal article whose records do not say it is peer reviewed: the reviewer rated it rather
        # than take the journal's word (an acceptable rating; own draws keep the other works' data)
        w.quality, w.quality_reviewer = ratings(random.Random(f"quality:{w.key}"), w, True), second
    if fate == "inc3":
        w.decisions.append(Decision(3, "include", "", first))
    elif fate == "exc3":
        reason = w._reason or p.rng.choice(STAGE3_REASONS)
        note = "Samme prosjekt og datagrunnlag som en annen publikasjon" if "Overlapper" in reason else ""
        w.decisions.append(Decision(3, "exclude", reason, first, note))


def decide_all(p: Planner, works: list[Work]) -> None:
    for w in works:
        if w._twin == "twin:delrapport" and w._fate == "exc3":
            w._reason = "Svakt empirisk grunnlag"
        if w.key == "R25":
            w._reason = "For perifert for problemstillingene"
        if w.key == "R26":
            w._reason = "For perifert for problemstillingene"
    stage2_reasons(p, works)
    for index, w in enumerate(works):
        decide(p, w, index)
        if w.decisions:
            w.record_key = record_key(p, w)
