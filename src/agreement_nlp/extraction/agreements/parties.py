"""An agreement's parties: states, organisations and companies named or implied."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from agreement_nlp.extraction.agreements.model import Found, _Draft
from agreement_nlp.extraction.agreements.places import _places_codes
from agreement_nlp.extraction.agreements.rules import (
    AgreementRules,
    default_rules,
)
from agreement_nlp.extraction.agreements.status import _signed_seg
from agreement_nlp.extraction.entities import Signatory
from agreement_nlp.lexicon import gazetteer
from agreement_nlp.lexicon.companies import without_legal_form
from agreement_nlp.segment.doccache import entities_of, text_of
from agreement_nlp.segment.sentences import Segments
from agreement_nlp.text import fold

_PARTY_SLOT = re.compile(
    r"(?<![\w'])(?:entre|avec|et|liant|a)\s+(?:l'|le |la |les |la societe |le groupe )?$"
)


def _named_parties(doc: Doc, f: Found) -> list[str]:
    """Companies and bodies named as parties in a title ("entre l'UE et Pfizer")."""
    out = []
    end = f.title_end or f.end
    for ent in entities_of(doc):
        if ent.label_ not in ("ORG", "MISC") or not (f.end <= ent.start_char < end):
            continue
        before = fold(text_of(doc)[max(f.start, ent.start_char - 20) : ent.start_char])
        name = without_legal_form(ent.text.strip(), default_rules().legal_forms)
        if name and _PARTY_SLOT.search(before) and not gazetteer.find_places(name):
            out.append(name)
    return out


_COMPANY_SLOT = re.compile(
    r"(?:^|\W)(?:avec|entre|et|liant|a)\s+(?:la|le|l'|une|un)\s*[a-z' -]{3,25}$"
)


_OWN_STATE = re.compile(r"(?<![\w-])(?:l'etat|le gouvernement|notre pays)(?!\s+(?:du|de|des|d')\s)")


def _parties(
    d: _Draft,
    segs: Segments,
    doc: Doc,
    sigs: list[Signatory],
    signing_segs: list[int],
    rules: AgreementRules,
    home: str | None,
    companies: list[tuple[int, str]],
) -> list[str]:
    """Who is party to the agreement, nearest evidence first.

    The title's countries and organisations (a capital standing for its
    country), companies in a party slot ("entre l'UE et Pfizer") and "l'État"
    (the home country) come first; then, while fewer than two, the places
    named in the mention's sentence nearest to it, the signatories'
    countries, and the article's signing sentences.
    """
    title = d.named.title
    parties = _places_codes(title, cities=True)
    parties += [o for o in _named_parties(doc, d.named) if o not in parties]
    parties += _company_parties(d, segs, doc, companies, parties)
    # "EXCAF" from the tagger and "EXCAF Télécom" from the text are one party
    parties = [p for p in parties if not any(p != q and f" {p} " in f" {q} " for q in parties)]
    if home and home not in parties and _OWN_STATE.search(fold(title)):
        parties.append(home)
    for s in sigs:
        if s.country and s.country not in parties:
            parties.append(s.country)
    if len(parties) < 2:
        _add_places_around(d, segs, doc, parties)
    for i in [*d.context, *signing_segs]:
        if len(parties) >= 2:
            break
        if i == d.named.seg or not _signed_seg(segs, i, rules):
            continue
        for c in _places_codes(segs.text_of(i)):
            if c not in parties and len(parties) < 2:
                parties.append(c)
    return parties


def _company_parties(
    d: _Draft, segs: Segments, doc: Doc, companies: list[tuple[int, str]], parties: list[str]
) -> list[str]:
    """ "la convention ... de la société Tiguidit Resources", "un accord avec Wagner"."""
    text = text_of(doc)
    said = " ".join(text[f.start : f.title_end or f.end] for f in [d.named, *d.refs])
    seg = segs.items[d.named.seg]
    return sorted(
        {
            c
            for at, c in companies
            if c not in parties
            and (
                re.search(rf"(?<!\w){re.escape(c)}(?!\w)", said)
                # "a signé, avec la société Kaloum Énergie SAS, un contrat de ..."
                or (
                    seg.start <= at < seg.end
                    and _COMPANY_SLOT.search(fold(text[max(seg.start, at - 40) : at]))
                )
            )
        }
    )


def _add_places_around(d: _Draft, segs: Segments, doc: Doc, parties: list[str]) -> None:
    """Countries and organisations of the mention's sentence, nearest first, up to two."""
    seg = segs.items[d.named.seg]
    around = [
        p
        for p in gazetteer.find_places(text_of(doc), seg.start, seg.end)
        if p.kind in ("country_name", "demonym", "organisation")
        and not (d.named.start <= p.start < (d.named.title_end or d.named.end))
        and not gazetteer.is_incidental(text_of(doc), p)
    ]
    around.sort(key=lambda p: abs(p.start - d.named.start))
    for p in around:
        if len(parties) >= 2:
            return
        if p.code not in parties:
            parties.append(p.code)
