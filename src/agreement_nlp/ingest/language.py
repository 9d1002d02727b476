"""Which language an article is written in: the pipeline reads French only.

py3langid (a maintained fork of langid.py, its model shipped in the wheel, nothing fetched)
classifies the first ``SAMPLE`` characters. An article is taken for another language only
when it is long enough to judge (``MIN_LETTERS`` letters) and the classifier is sure
(probability ``MIN_PROBABILITY``); otherwise it is read as French. Text that is plainly
French (``_FRENCH`` words) is not sent to the classifier at all.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

SAMPLE = 3000
MIN_LETTERS = 200
MIN_PROBABILITY = 0.95
# Words of French that Spanish, Italian and Portuguese do not share: when they make a tenth
# of the sample's words, the text is French and the classifier is not asked (it costs about
# a millisecond an article, and a third of a second to load).
_FRENCH = frozenset(
    {"le", "les", "des", "du", "et", "est", "une", "dans", "pour", "qui", "au", "aux", "sur"}
    | {"par", "ce", "cette", "il", "elle", "ont", "été", "avec", "ses", "leur", "sont"}
)
_WORD = re.compile(r"[^\W\d_]+")


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
    words = _WORD.findall(sample.lower())
    if sum(w in _FRENCH for w in words) >= 0.1 * len(words):
        return None
    language, probability = _identifier().classify(sample)
    if language == "fr" or probability < MIN_PROBABILITY:
        return None
    return str(language), float(probability)
