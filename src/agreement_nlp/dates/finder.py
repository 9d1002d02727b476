"""Placeholder finder; replaced by the pattern-based finder."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from agreement_nlp.dates.model import DateMention


def find_dates(doc: Doc, anchor: dt.date | dt.datetime | None) -> list[DateMention]:
    return []
