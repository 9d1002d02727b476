"""Agreements of one article: type, title, parties, status, date, place, signatories.

1. Agreement words (``resources/agreements.yaml``) are found in the content;
   uses that are never agreements ("d'accord", "en accord avec") are dropped.
2. A singular word followed by what the agreement is about ("Accord sur la
   création de…", "un protocole d'accord pour établir…"), or a heading line,
   names a distinct agreement. "cet accord", "le document"-style references
   and bare "l'accord" join the last agreement named; plural mentions
   ("plusieurs accords") only give the article's signing context.
3. Each agreement reads its context: its own sentence and the sentences
   after it, up to the next agreement. Status, signatories, date and place
   come from there, then from the article's signing sentences."""

from __future__ import annotations

from spacy.tokens import Doc

from agreement_nlp.extraction.agreements.candidates import _enumerated, _find
from agreement_nlp.extraction.agreements.counterparts import (
    apply_corrections,
    counterpart_corrections,
)
from agreement_nlp.extraction.agreements.decision import MODEL, decide
from agreement_nlp.extraction.agreements.features import Reading, agreement_features
from agreement_nlp.extraction.agreements.grouping import _group
from agreement_nlp.extraction.agreements.model import SOURCE, Found, _Article, _Draft
from agreement_nlp.extraction.agreements.parties import _parties
from agreement_nlp.extraction.agreements.rules import (
    AgreementRules,
    default_rules,
    domains_of,
    status_of,
)
from agreement_nlp.extraction.agreements.signatories import _signatories
from agreement_nlp.extraction.agreements.signing_date import (
    _date,
    _past_signing_date,
    _place,
    _signing_date,
)
from agreement_nlp.extraction.agreements.status import MODEL as STATUS
from agreement_nlp.extraction.agreements.status import _signed_seg, agreement_status, cue_word
from agreement_nlp.extraction.entities import Agreement, Mention, Ministry, Person, Signatory
from agreement_nlp.lexicon import gazetteer
from agreement_nlp.lexicon.companies import named_companies
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.segment.furniture import content_bounds
from agreement_nlp.segment.sentences import Segments
from agreement_nlp.text import squash


def extract_agreements(
    doc: Doc,
    persons: list[Person] | None = None,
    ministries: list[Ministry] | None = None,
    home: str | None = None,
    *,
    keep_all: bool = False,
) -> list[Agreement]:
    """The agreements of a Doc run through the furniture, dates and persons stages.

    ``persons``, ``ministries`` and ``home`` are that stage's output; the countries of
    signatories who signed for the other side are corrected in them (see
    :func:`~agreement_nlp.extraction.agreements.counterparts.counterpart_corrections`).
    The rules propose agreements; the trained model of
    :mod:`~agreement_nlp.extraction.agreements.decision` keeps those it finds likely
    (``keep_all`` keeps every proposal, as training needs) and gives each its confidence.
    """
    rules = default_rules()
    content_end, holes = content_bounds(doc)
    segs = Segments(doc, content_end, text=text_of(doc))
    if not len(segs):
        return []
    found = _enumerated(doc, segs, _find(doc, segs, content_end, holes, rules), rules)
    drafts = _group(found, segs, doc, rules)
    if not drafts:
        return []
    signing_segs = [i for i in range(len(segs)) if _signed_seg(segs, i, rules)]
    article = _Article(
        doc=doc,
        segs=segs,
        rules=rules,
        persons=persons or [],
        ministries=ministries or [],
        home=home,
        signing_segs=signing_segs,
        status=next(
            (st for i in signing_segs if (st := status_of(segs.text_of(i), rules)) is not None),
            None,
        ),
        dates=[day for i in signing_segs if (day := _signing_date(doc, segs, i, rules))],
        company_spans=_company_spans(doc, content_end, rules),
        mentioned_in=_mentioned_in(drafts),
    )
    out: list[Agreement] = []
    for d in sorted(drafts, key=lambda x: x.named.start):
        built = _agreement(len(out) + 1, d, article, out[-1].signatories if out else [], keep_all)
        if built is not None:
            out.append(built)
    return out


def _company_spans(doc: Doc, content_end: int, rules: AgreementRules) -> list[tuple[int, str]]:
    """Companies the article introduces by a noun ("la société X"), that are no places."""
    return [
        (start, name)
        for start, _, name in named_companies(
            text_of(doc)[:content_end], rules.company_nouns, rules.legal_forms
        )
        if not gazetteer.find_places(name)
    ]


def _mentioned_in(drafts: list[_Draft]) -> dict[int, list[_Draft]]:
    """Sentence -> the agreements mentioned in it."""
    mentioned_in: dict[int, list[_Draft]] = {}
    for d in drafts:
        for f in [d.named, *d.refs]:
            # by identity: drafts are dataclasses, == would compare them field by field
            if not any(x is d for x in mentioned_in.setdefault(f.seg, [])):
                mentioned_in[f.seg].append(d)
    return mentioned_in


def _when(d: _Draft, a: _Article, status: str) -> tuple[str | None, str]:
    """The signing day of an agreement and the rule that gave it."""
    if status in ("signed", "ratified"):
        dates = a.dates if status == "signed" else []
        return _date(d, a.segs, a.doc, dates, a.rules, a.signing_segs)
    if status != "announced":
        return _past_signing_date(d, a.segs, a.doc, a.rules)
    return None, "date:none"


def _in_order(d: _Draft) -> list[Found]:
    return sorted([d.named, *d.refs], key=lambda x: x.start)


def _agreement(
    n: int, d: _Draft, a: _Article, previous: list[Signatory], keep_all: bool
) -> Agreement | None:
    """The agreement a draft describes, or None when the model does not keep it."""
    doc, segs, rules = a.doc, a.segs, a.rules
    st = agreement_status(d, a)
    status = st.status
    sigs = _signatories(d, segs, a.persons, a.ministries, doc, rules, a.mentioned_in, previous)
    signed_on, date_rule = _when(d, a, status)
    place = _place(doc, segs, [i for i in d.context if i in a.signing_segs]) or _place(
        doc, segs, a.signing_segs
    )
    parties = _parties(d, segs, doc, sigs, a.signing_segs, rules, a.home, a.company_spans)
    # what the agreement model reads does not depend on the status model's choice
    dated = signed_on if status == "signed" else _when(d, a, "signed")[0]
    features = agreement_features(d, a, Reading(cue_word(st.reading), parties, sigs, dated))
    kept, confidence = decide(features, keep_all)
    if not kept:
        return None
    corrections = counterpart_corrections(sigs, parties, a.persons, a.ministries, a.home)
    apply_corrections(corrections, sigs, a.persons, a.ministries)
    parties = sorted({*parties, *(s.country for s in sigs if s.country)})
    title = squash(d.named.title)
    text = text_of(doc)
    ordered = _in_order(d)
    # its own first mention first: a plural one ("les accords signés") names others too
    ordered.sort(key=lambda f: f.rule.plural)
    mentions = [
        Mention(text[f.start : f.title_end or f.end], f.start, f.title_end or f.end, SOURCE)
        for f in ordered
    ]
    return Agreement(
        agreement_id=f"A{n}",
        title=title[0].upper() + title[1:],
        type=d.named.rule.type,
        mentions=mentions,
        domains=domains_of(title) or domains_of(segs.text_of(d.named.seg)),
        parties=parties,
        signed_on=signed_on,
        place=place,
        status=status,
        evidence=segs.text_of(d.named.seg)[:500],
        signatories=sigs,
        rule=f"type:{d.named.rule.pattern};{st.rule};model:{STATUS};{date_rule};model:{MODEL}",
        confidence=round(confidence, 3),
        status_confidence=st.confidence,
        features=features,
        status_features=st.reading.candidates,
    )
