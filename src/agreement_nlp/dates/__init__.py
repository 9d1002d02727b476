"""French date expressions: found with our own patterns, normalised against an anchor."""

from agreement_nlp.dates.model import DateMention
from agreement_nlp.dates.finder import find_dates

__all__ = ["DateMention", "find_dates"]
