"""An agreement's status: signed, ratified, announced, negotiating, suspended or other.

The trained status model (``resources/models/agreement_status.json``, trained by
``agreement-nlp train`` on the train and dev splits of ``data/annotated/real``,
calibrated out of fold; see ``docs/models.md``) reads the cues and the parse around the agreement
(:mod:`~agreement_nlp.extraction.agreements.status_features`) and picks the status; its
probability is the row's ``status_confidence``. The rule records the nearest cue of
the status chosen, the evidence an analyst checks first.
"""

from __future__ import annotations

from typing import NamedTuple

from agreement_nlp.choice import ChoiceModel, load_choice
from agreement_nlp.extraction.agreements.model import _Article, _Draft
from agreement_nlp.extraction.agreements.rules import AgreementRules
from agreement_nlp.extraction.agreements.status_features import StatusReading, status_features
from agreement_nlp.segment.sentences import Segments

MODEL = "agreement_status"


class Status(NamedTuple):
    status: str
    rule: str  # "status:<the nearest cue of that status>" or "status:none"
    confidence: float
    reading: StatusReading


def status_model() -> ChoiceModel:
    return load_choice(MODEL)


def _signed_seg(segs: Segments, i: int, rules: AgreementRules) -> bool:
    return rules.signing.search(segs.folded_of(i)) is not None


def agreement_status(d: _Draft, a: _Article) -> Status:
    """The status the model gives a proposed agreement, with its evidence and probability."""
    reading = status_features(d, a)
    status, p = status_model().best(reading.candidates)
    cue = next((c.words for c in reading.cues if c.status == status), None)
    return Status(status, f"status:{cue}" if cue else "status:none", p, reading)


def cue_word(reading: StatusReading) -> str:
    """The nearest cue's words (the agreement model reads it), or "none"."""
    return reading.cues[0].words if reading.cues else "none"
