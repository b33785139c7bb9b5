"""How far the bundled document embeddings (``screening.prioritise.embeddings``) carry meaning across
Norwegian, Swedish, Danish and English, against the character n-grams the default model uses.

The phrases are SYNTHETIC: short review topics written for this check, each in the four languages. For
every pair of languages it prints the mean cosine of a phrase with its translation, the mean cosine with
the other phrases, and for how many phrases the translation is the nearest of the other language's ones.

    python benchmarks/embedding_languages.py
"""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from review.normalise import fold  # noqa: E402
from screening.prioritise.embeddings import embed  # noqa: E402
from screening.prioritise.model import CANDIDATES, build_vectorisers  # noqa: E402

LANGUAGES = ("en", "no", "sv", "da")
# SYNTHETIC: one topic per row, in the order of LANGUAGES
PHRASES = [
    (
        "labour immigration and integration in the workplace",
        "arbeidsinnvandring og integrering i arbeidslivet",
        "arbetskraftsinvandring och integration i arbetslivet",
        "arbejdsindvandring og integration på arbejdspladsen",
    ),
    (
        "refugees and access to higher education",
        "flyktninger og tilgang til høyere utdanning",
        "flyktingar och tillgång till högre utbildning",
        "flygtninge og adgang til videregående uddannelse",
    ),
    (
        "children's mental health in primary school",
        "barns psykiske helse i barneskolen",
        "barns psykiska hälsa i grundskolan",
        "børns mentale sundhed i folkeskolen",
    ),
    (
        "unemployment among young adults",
        "arbeidsledighet blant unge voksne",
        "arbetslöshet bland unga vuxna",
        "arbejdsløshed blandt unge voksne",
    ),
    (
        "housing policy and homelessness",
        "boligpolitikk og bostedsløshet",
        "bostadspolitik och hemlöshet",
        "boligpolitik og hjemløshed",
    ),
    (
        "randomised trial of blood pressure medication",
        "randomisert studie av blodtrykksmedisin",
        "randomiserad studie av blodtrycksmedicin",
        "randomiseret forsøg med blodtryksmedicin",
    ),
    (
        "sick leave and return to work",
        "sykefravær og tilbakeføring til arbeid",
        "sjukfrånvaro och återgång i arbete",
        "sygefravær og tilbagevenden til arbejde",
    ),
    (
        "elderly care in nursing homes",
        "eldreomsorg på sykehjem",
        "äldreomsorg på vårdhem",
        "ældrepleje på plejehjem",
    ),
]


def character_vectors(texts: list[str]) -> np.ndarray:
    """Unit rows of the default model's character 3-5-grams (folded text), fitted on these phrases alone."""
    vectoriser = build_vectorisers(CANDIDATES["svm-char"])[0]
    vectoriser.set_params(min_df=1)  # the model keeps n-grams seen twice or more; 32 short phrases are too few for that
    return vectoriser.fit_transform([fold(t) for t in texts]).toarray()


def table(vectors: np.ndarray) -> list[str]:
    n = len(PHRASES)
    by_language = [vectors[i * n : (i + 1) * n] for i in range(len(LANGUAGES))]
    others = ~np.eye(n, dtype=bool)
    rows = []
    for a, b in combinations(range(len(LANGUAGES)), 2):
        cosines = by_language[a] @ by_language[b].T
        nearest = int(np.sum(cosines.argmax(axis=1) == np.arange(n)))
        rows.append(
            f"{LANGUAGES[a]}–{LANGUAGES[b]} | {np.diag(cosines).mean():.3f} | {cosines[others].mean():.3f} | {nearest} of {n}"
        )
    return rows


def main() -> int:
    texts = [row[i] for i in range(len(LANGUAGES)) for row in PHRASES]
    kinds = {
        "wordllama, raw text": embed(texts),
        "wordllama, folded text": embed([fold(t) for t in texts]),
        "use-m3, raw text": embed(texts, "use-m3"),
        "character 3–5-grams (folded)": character_vectors(texts),
    }
    print("| features | languages | cosine with the translation | cosine with other phrases | translation nearest |")
    print("|---|---|---|---|---|")
    for kind, vectors in kinds.items():
        for row in table(vectors):
            print(f"| {kind} | {row} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
