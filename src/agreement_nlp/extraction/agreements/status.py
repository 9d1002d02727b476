"""An agreement's status: signed, ratified, announced, negotiating, suspended."""

from __future__ import annotations

from spacy.tokens import Doc

from agreement_nlp.extraction.agreements.model import _Draft
from agreement_nlp.extraction.agreements.rules import (
    AgreementRules,
    status_cues,
    status_of,
)
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.segment.sentences import Segment, Segments


def _signed_seg(segs: Segments, i: int, rules: AgreementRules) -> bool:
    return rules.signing.search(segs.folded_of(i)) is not None


def _status(
    d: _Draft,
    segs: Segments,
    doc: Doc,
    rules: AgreementRules,
    article_status: tuple[str, str] | None,
) -> tuple[str, str]:
    """The status cue nearest the agreement in its own sentence; a later sentence may
    still say it was suspended or ratified. Then the context, nearest sentence first,
    then the article's signing sentences."""
    seg = segs.items[d.named.seg]
    text = text_of(doc)[seg.start : seg.end]
    at = d.named.start - seg.start
    own = status_cues(text, rules)
    if own:
        status, cue, _ = min(own, key=lambda c: abs(c[2] - at))
        if status != "signed":
            return status, f"status:{cue}"
        for i in d.context:
            later = status_of(segs.text_of(i), rules)
            if later is not None and later[0] in ("suspended", "ratified"):
                return later[0], f"status:{later[1]}"
        return status, f"status:{cue}"
    for i in sorted(d.context, key=lambda i: abs(i - d.named.seg)):
        found = status_of(segs.text_of(i), rules)
        if found is not None:
            return found[0], f"status:{found[1]}"
    if article_status is not None and not _dated_otherwise(doc, seg):
        return article_status[0], f"status:article:{article_status[1]}"
    return "other", "status:none"


def _dated_otherwise(doc: Doc, seg: Segment) -> bool:
    """The sentence holds a year, month or range date other than the publication's."""
    published = (doc._.published_at or "")[:10]
    return any(
        seg.start <= dm.start < seg.end
        and dm.granularity in ("year", "month", "range", "quarter")
        and dm.value
        and not published.startswith(dm.value[:7] if dm.granularity == "month" else dm.value[:4])
        for dm in doc._.dates or []
    )
