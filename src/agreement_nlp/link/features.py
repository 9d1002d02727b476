"""What two reports of agreements share: pure functions over one ``agreements`` row each."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import cache, cached_property

from agreement_nlp.extraction.agreements.rules import default_rules
from agreement_nlp.link.config import LinkConfig
from agreement_nlp.text import fold

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_AMOUNT = re.compile(
    r"(\d+(?:[ .\u00a0\u202f]\d{3})*(?:,\d+)?)\)?\s*(millions?|milliards?|mds?)\b", re.IGNORECASE
)
_STOP = frozenset(
    [
        "a",
        "au",
        "aux",
        "ce",
        "cet",
        "cette",
        "ces",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "il",
        "ils",
        "elle",
        "la",
        "le",
        "les",
        "l",
        "leur",
        "lui",
        "mais",
        "ne",
        "ni",
        "ou",
        "par",
        "pas",
        "plus",
        "qu",
        "que",
        "qui",
        "sa",
        "se",
        "ses",
        "son",
        "sont",
        "sur",
        "un",
        "une",
        "y",
        "est",
        "ont",
        "a",
        "été",
        "ete",
        "dont",
        "dans",
        "avec",
        "pour",
        "entre",
        "selon",
        "lors",
        "apres",
        "avant",
        "aussi",
        "tres",
    ]
)


@dataclass(frozen=True)
class Report:
    """What linking reads of one ``agreements`` row."""

    article_id: str
    agreement_id: str
    title: str
    type: str
    parties: frozenset[str]
    domains: frozenset[str]
    signed_on: str
    place: str
    status: str
    published_at: str
    evidence: str
    confidence: float

    # Derived once per report, not once per pair it is compared in.
    @cached_property
    def signed_day(self) -> dt.date | None:
        return day(self.signed_on)

    @cached_property
    def published_day(self) -> dt.date | None:
        return day(self.published_at)

    @cached_property
    def when(self) -> dt.date | None:
        """The report's time: its signing date, else its publication date."""
        return self.signed_day or self.published_day

    @cached_property
    def title_words(self) -> frozenset[str]:
        return distinctive(self.title)

    @cached_property
    def evidence_words(self) -> frozenset[str]:
        return distinctive(self.evidence)

    @cached_property
    def amount_keys(self) -> frozenset[str]:
        return amounts(f"{self.title} {self.evidence}")

    @cached_property
    def place_key(self) -> str:
        return fold(self.place)


def day(value: str) -> dt.date | None:
    """The day of an ISO value of day precision or finer, else None."""
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


@cache
def _generic() -> frozenset[str]:
    return default_rules().generic_words


def distinctive(text: str) -> frozenset[str]:
    """The words of a title or sentence that say what the agreement is about.

    >>> sorted(distinctive("l'accord de prêt de 120 millions de dollars pour l'eau potable"))
    ['120', 'eau', 'potable']
    """
    words = (w.split("'")[-1] for w in _WORD.findall(fold(text)))
    return frozenset(w for w in words if len(w) > 2 and w not in _STOP and w not in _generic())


def amounts(text: str) -> frozenset[str]:
    """Amounts in millions: ``"120 millions de dollars"`` -> ``{"120m"}``.

    >>> sorted(amounts("un prêt de 120 millions de dollars (72 milliards FCFA)"))
    ['120m', '72000m']
    >>> sorted(amounts("d'un montant de quatre-vingt-cinq (85) millions de dollars"))
    ['85m']
    """
    out = set()
    for number, unit in _AMOUNT.findall(text):
        value = float(re.sub(r"[ .\u00a0\u202f]", "", number).replace(",", "."))
        if unit.lower().startswith(("milliard", "md")):
            value *= 1000
        out.add(f"{value:g}m")
    return frozenset(out)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


_BEFORE = frozenset({"announced", "negotiating"})
_AFTER = frozenset({"signed", "ratified", "suspended"})


def _stages(a: Report, b: Report) -> bool:
    """One report tells an agreement to come, the other (told no earlier) one signed."""
    for early, late in ((a, b), (b, a)):
        if early.status in _BEFORE and late.status in _AFTER:
            return not (early.published_at and late.published_at) or (
                early.published_at <= late.published_at
            )
    return False


def pair_features(a: Report, b: Report, config: LinkConfig) -> dict[str, float]:
    """The named features of a pair of reports (the keys of the weights)."""
    f = {"bias": 1.0, "parties_jaccard": _jaccard(a.parties, b.parties)}
    if a.type == b.type:
        f["same_type"] = 1.0
    elif any(a.type in g and b.type in g for g in config.type_groups):
        f["compatible_type"] = 1.0
    else:
        f["other_type"] = 1.0
    if a.signed_on and a.signed_on == b.signed_on:
        f["same_signed_on"] = 1.0
    f["title_overlap"] = _overlap(a.title_words, b.title_words)
    f["evidence_overlap"] = _jaccard(a.evidence_words, b.evidence_words)
    ma, mb = a.amount_keys, b.amount_keys
    if ma and mb:
        f["same_amount" if ma & mb else "amount_conflict"] = 1.0
    if a.place and b.place and a.signed_on and b.signed_on:
        # the place of a signing; an announcement's or a ratification's may be elsewhere
        f["same_place" if a.place_key == b.place_key else "place_conflict"] = 1.0
    if _stages(a, b):
        f["status_progression"] = 1.0
    if a.domains and b.domains and not a.domains & b.domains:
        f["domain_conflict"] = 1.0
    wa, wb = a.when, b.when
    f["per_day_apart"] = float(abs((wa - wb).days)) if wa and wb else 0.0
    return f


def pair_score(a: Report, b: Report, config: LinkConfig) -> float:
    """The probability, by the configured logistic function, that two reports are one event."""
    z = sum(config.weights[k] * v for k, v in pair_features(a, b, config).items())
    return 1.0 / (1.0 + math.exp(-z))
