"""When and where an agreement was signed."""

from __future__ import annotations

from spacy.tokens import Doc

from agreement_nlp.extraction.agreements.model import _Draft
from agreement_nlp.extraction.agreements.rules import (
    AgreementRules,
)
from agreement_nlp.extraction.agreements.status import _signed_seg
from agreement_nlp.extraction.agreements.status_features import dated_otherwise
from agreement_nlp.lexicon import gazetteer
from agreement_nlp.segment.doccache import entities_of, text_of
from agreement_nlp.segment.sentences import Segments
from agreement_nlp.text import fold


def _signing_date(
    doc: Doc, segs: Segments, i: int, rules: AgreementRules
) -> tuple[str, str] | None:
    """The day date nearest the signing verb of a sentence: "hier", not the dateline
    opening it ("Rabat, 26/02/2025 (MAP) - ... ont procédé hier à la signature")."""
    seg = segs.items[i]
    cue = rules.signing.search(fold(text_of(doc)[seg.start : seg.end]))
    days = [
        dm
        for dm in doc._.dates or []
        if seg.start <= dm.start < seg.end
        and dm.granularity in ("day", "datetime", "part_of_day")
        and dm.value
    ]
    if not days:
        return _day_of_the_lead(doc, segs, i, rules)
    at = seg.start + (cue.start() if cue else 0)
    best = min(days, key=lambda dm: abs(dm.start - at))
    return (best.value or "")[:10], best.rule


def _day_of_the_lead(
    doc: Doc, segs: Segments, i: int, rules: AgreementRules
) -> tuple[str, str] | None:
    """ "Le Président ghanéen a eu hier lundi un tête-à-tête avec son homologue. Les
    entretiens ont été suivis de la signature de quatre textes": a signing sentence without
    a date tells the day the sentence before it gives, when that one reports the news of
    the day ("hier", "lundi dernier") in the same paragraph and tells no other signing."""
    if i == 0:
        return None
    prev, seg = segs.items[i - 1], segs.items[i]
    text = text_of(doc)
    if "\n" in text[prev.end : seg.start] or _signed_seg(segs, i - 1, rules):
        return None
    days = [
        dm
        for dm in doc._.dates or []
        if prev.start <= dm.start < prev.end
        and dm.granularity in ("day", "datetime", "part_of_day")
        and dm.value
        and dm.is_relative
    ]
    if len(days) != 1:
        return None
    return (days[0].value or "")[:10], f"{days[0].rule}:lead"


def _past_signing_date(
    d: _Draft, segs: Segments, doc: Doc, rules: AgreementRules
) -> tuple[str | None, str]:
    """An agreement suspended or spoken of in passing still has the signing date its own
    mentions give ("la convention minière signée le 12 juin 2019 ... a été suspendue")."""
    published = (doc._.published_at or "")[:10]
    for i in sorted({d.named.seg, *(r.seg for r in d.refs)}):
        if not _signed_seg(segs, i, rules):
            continue
        found = _signing_date(doc, segs, i, rules)
        if found is not None and (not published or found[0] <= published):
            return found[0], f"date:{found[1]}"
    return None, "date:none"


def _date(
    d: _Draft,
    segs: Segments,
    doc: Doc,
    article_dates: list[tuple[str, str]],
    rules: AgreementRules,
    signing_segs: list[int],
) -> tuple[str | None, str]:
    for i in [d.named.seg, *d.context]:
        if i != d.named.seg and not _signed_seg(segs, i, rules):
            continue
        found = _signing_date(doc, segs, i, rules)
        if found is not None:
            return found[0], f"date:{found[1]}"
    # "l'accord de défense signé en 2021": an agreement dated in its own sentence, if only
    # by a year or a month, was not signed on the day the article reports.
    if article_dates and not dated_otherwise(doc, segs.items[d.named.seg]):
        return article_dates[0][0], f"date:article:{article_dates[0][1]}"
    # "En visite du 31 octobre au 1er novembre, le Président a signé ...", reported
    # during the visit: the report's own date is the signing day.
    published = (doc._.published_at or "")[:10]
    for i in [d.named.seg, *d.context, *signing_segs]:
        seg = segs.items[i]
        for dm in doc._.dates or []:
            if (
                seg.start <= dm.start < seg.end
                and dm.granularity == "range"
                and dm.value
                and dm.end_value
                and published
                and dm.value[:10] <= published <= dm.end_value[:10]
                and len(dm.value) >= 10
            ):
                return published, "date:range_holding_publication"
    return None, "date:none"


def _place(doc: Doc, segs: Segments, indexes: list[int]) -> str | None:
    for i in indexes:
        seg = segs.items[i]
        for ent in entities_of(doc):
            if ent.label_ != "LOC" or not (seg.start <= ent.start_char < seg.end):
                continue
            before = fold(text_of(doc)[max(0, ent.start_char - 3) : ent.start_char])
            if not before.endswith(("a ", "à ")):
                continue
            name = ent.text.strip()
            if gazetteer.country_code(name) or gazetteer.organisation_code(name):
                continue
            return name
    return None
