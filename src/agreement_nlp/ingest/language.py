"""Which language an article is written in: the pipeline reads French only.

py3langid (a maintained fork of langid.py, its model shipped in the wheel, nothing fetched)
classifies the first ``SAMPLE`` characters. An article is taken for another language only
when it is long enough to judge (``MIN_LETTERS`` letters) and the classifier is sure
(probability ``MIN_PROBABILITY``); otherwise it is read as French.
"""

from __future__ import annotations

from functools import cache
from typing import Any

SAMPLE = 3000
MIN_LETTERS = 200
MIN_PROBABILITY = 0.95


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def other_language(text: str) -> tuple[str, float] | None:
    """(language code, probability) when ``text`` is surely not French, else None.

    >>> other_language("The minister of finance signed a loan agreement with the African "
    ...                "Development Bank on Monday in Dakar, the government said in a statement "
    ...                "released after the meeting of the council of ministers. The loan will "
    ...                "finance roads and schools in the south of the country.")[0]
    'en'
    >>> other_language("Le ministre a parlé.") is None
    True
    """
    sample = text[:SAMPLE]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    language, probability = _identifier().classify(sample)
    if language == "fr" or probability < MIN_PROBABILITY:
        return None
    return str(language), float(probability)
