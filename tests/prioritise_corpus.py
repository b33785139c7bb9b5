"""SYNTHETIC screening texts for the prioritisation tests (made up here; no real records).

Relevant records are about labour migration and work in the Nordic countries, written in
Norwegian, Swedish, Danish and English; irrelevant ones are about other topics. Word choice is
drawn at random from small vocabularies, so the two groups overlap in filler words only.
"""

from __future__ import annotations

import random

RELEVANT_WORDS = [
    "arbeidsinnvandring",
    "arbeidsinnvandrere",
    "arbetskraftsinvandring",
    "arbejdsmigration",
    "arbeidsmarkedet",
    "arbetsmarknaden",
    "arbejdsmarkedet",
    "labour",
    "migration",
    "migrant",
    "workers",
    "sysselsetting",
    "sysselsättning",
    "beskæftigelse",
    "innvandrere",
    "invandrare",
]
IRRELEVANT_WORDS = [
    "fiskeri",
    "havbruk",
    "laks",
    "skolen",
    "elever",
    "lærere",
    "hjerte",
    "pasienter",
    "sykehus",
    "klima",
    "utslipp",
    "energi",
    "fishery",
    "salmon",
    "teachers",
    "hospital",
    "climate",
]
FILLER = [
    "en",
    "studie",
    "av",
    "og",
    "i",
    "the",
    "of",
    "study",
    "rapport",
    "undersøkelse",
    "norge",
    "sverige",
    "danmark",
    "analyse",
    "data",
    "resultater",
]


def make_corpus(n_relevant: int, n_irrelevant: int, seed: int = 1) -> tuple[list[str], list[int]]:
    rng = random.Random(seed)

    def text(topic: list[str]) -> str:
        words = rng.choices(topic, k=6) + rng.choices(FILLER, k=10)
        rng.shuffle(words)
        return " ".join(words)

    items = [(text(RELEVANT_WORDS), 1) for _ in range(n_relevant)]
    items += [(text(IRRELEVANT_WORDS), 0) for _ in range(n_irrelevant)]
    rng.shuffle(items)
    return [t for t, _ in items], [y for _, y in items]
