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
from agreement_nlp.extraction.agreements.counterparts import _pair_counterparts
from agreement_nlp.extraction.agreements.grouping import _group
from agreement_nlp.extraction.agreements.model import SOURCE, _Draft
from agreement_nlp.extraction.agreements.parties import _parties
from agreement_nlp.extraction.agreements.rules import (
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
from agreement_nlp.extraction.agreements.status import _signed_seg, _status
from agreement_nlp.extraction.entities import Agreement, Mention, Ministry, Person
from agreement_nlp.lexicon import gazetteer
from agreement_nlp.lexicon.companies import named_companies
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.segment.furniture import content_bounds
from agreement_nlp.segment.sentences import Segments
from agreement_nlp.text import squash


def extract_agreements(doc: Doc) -> list[Agreement]:
    rules = default_rules()
    content_end, holes = content_bounds(doc)
    segs = Segments(doc, content_end, text=text_of(doc))
    if not len(segs):
        return []
    found = _enumerated(doc, segs, _find(doc, segs, content_end, holes, rules), rules)
    drafts = _group(found, segs, doc, rules)
    if not drafts:
        return []
    persons: list[Person] = doc._.persons or []
    ministries: list[Ministry] = doc._.ministries or []

    # The article's signing sentences: what plural mentions and headlines say.
    signing_segs = [i for i in range(len(segs)) if _signed_seg(segs, i, rules)]
    article_status = None
    for i in signing_segs:
        article_status = status_of(segs.text_of(i), rules)
        if article_status is not None:
            break
    article_dates = [day for i in signing_segs if (day := _signing_date(doc, segs, i, rules))]
    home = doc._.home_country
    company_spans = [
        (start, name)
        for start, _, name in named_companies(
            text_of(doc)[:content_end], rules.company_nouns, rules.legal_forms
        )
        if not gazetteer.find_places(name)
    ]

    mentioned_in: dict[int, list[_Draft]] = {}
    for d in drafts:
        for f in [d.named, *d.refs]:
            # by identity: drafts are dataclasses, == would compare them field by field
            if not any(x is d for x in mentioned_in.setdefault(f.seg, [])):
                mentioned_in[f.seg].append(d)

    out: list[Agreement] = []
    for n, d in enumerate(sorted(drafts, key=lambda x: x.named.start), start=1):
        status, status_rule = _status(d, segs, doc, rules, article_status)
        previous = out[-1].signatories if out else []
        sigs = _signatories(d, segs, persons, ministries, doc, rules, mentioned_in, previous)
        signed_on, date_rule = (None, "date:none")
        if status in ("signed", "ratified"):
            signed_on, date_rule = _date(
                d, segs, doc, article_dates if status == "signed" else [], rules, signing_segs
            )
        elif status != "announced":
            signed_on, date_rule = _past_signing_date(d, segs, doc, rules)
        place = _place(doc, segs, [i for i in d.context if i in signing_segs]) or _place(
            doc, segs, signing_segs
        )
        parties = _parties(d, segs, doc, sigs, signing_segs, rules, home, company_spans)
        _pair_counterparts(sigs, parties, persons, ministries, home)
        parties = sorted({*parties, *(s.country for s in sigs if s.country)})
        title = squash(d.named.title)
        domains = domains_of(title) or domains_of(segs.text_of(d.named.seg))
        mentions = [
            Mention(
                text_of(doc)[f.start : f.title_end or f.end], f.start, f.title_end or f.end, SOURCE
            )
            for f in sorted([d.named, *d.refs], key=lambda x: x.start)
        ]
        out.append(
            Agreement(
                agreement_id=f"A{n}",
                title=title[0].upper() + title[1:],
                type=d.named.rule.type,
                mentions=mentions,
                domains=domains,
                parties=parties,
                signed_on=signed_on,
                place=place,
                status=status,
                evidence=segs.text_of(d.named.seg)[:500],
                signatories=sigs,
                rule=f"type:{d.named.rule.pattern};{status_rule};{date_rule}",
            )
        )
    return out
