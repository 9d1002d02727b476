"""French date expressions: found with our own patterns, normalised against an anchor."""

from agreement_nlp.extraction.dates.finder import find_dates
from agreement_nlp.extraction.dates.model import DateMention

__all__ = ["DateMention", "find_dates"]
