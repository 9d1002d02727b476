"""Which mentions are one agreement: titles, subjects, references back, restatements."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from agreement_nlp.extraction.agreements.candidates import (
    _announces,
    _bullet_item,
    _bullet_items,
    _public,
    _singular,
    _singular_rule,
)
from agreement_nlp.extraction.agreements.model import LOOK_BACK, MAX_CONTEXT, Found, _Draft
from agreement_nlp.extraction.agreements.places import _places_codes
from agreement_nlp.extraction.agreements.rules import (
    AgreementRules,
)
from agreement_nlp.extraction.agreements.sameness import (
    _PARTY_CLAUSE,
    _introduces_other,
    _named_after_city,
    _named_after_place,
    _names_unseen,
    _only_parties,
    _same_agreement,
)
from agreement_nlp.extraction.agreements.status import _signed_seg
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.segment.sentences import Segments
from agreement_nlp.text import fold

_COUNTS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5}


_DEFINITE_PLURAL = re.compile(
    r"(?:^|\W)(?:les|ces|des|lesdits|lesdites)\s+(?:(deux|trois|quatre|cinq|six|\d)\s+)?"
    r"(?:(?:premiers|nouveaux|importants|differents)\s+)?$"
)


_YEARS_AFTER = re.compile(
    r"((?:\s+(?:de|d')\s*[a-z]+){0,2})?\s+(?:de|en|signes en|conclus en)\s+((?:19|20)\d\d)"
    r"\s+et\s+(?:de\s+|en\s+)?((?:19|20)\d\d)\b"
)


_TEXT_WORD = re.compile(r"(?:^|\W)(?:le|ce|les|ces)\s+(?:textes?|documents?)\b")


_TEXTS_REFERENCE = re.compile(
    r"(?:^|\W)(?:(?:les|ces|lesdits)\s+(?:(deux|trois|quatre|cinq|six|\d)\s+)?"
    r"|(deux|trois|quatre|cinq|six|\d)\s+)(?:autres\s+)?(?:textes|documents|instruments)\b"
)


def _merge_party_only(drafts: list[_Draft]) -> list[_Draft]:
    """ "L'accord avec le Mali" before "l'accord entre le Mali et le groupe Wagner": a
    title that only names parties joins a fuller agreement with those parties."""
    out = []
    for d in drafts:
        own = set(_places_codes(d.named.title, cities=True))
        target = None
        if own and _only_parties(d.named):
            target = next(
                (
                    x
                    for x in drafts
                    if x is not d
                    and not _only_parties(x.named)
                    and own <= set(_places_codes(x.named.title, cities=True))
                ),
                None,
            )
        if target is None:
            out.append(d)
        else:
            target.refs += [d.named, *d.refs]
    return out


def _group(found: list[Found], segs: Segments, doc: Doc, rules: AgreementRules) -> list[_Draft]:
    """The agreements of an article: its mentions grouped, each with its context sentences."""
    drafts: list[_Draft] = []
    for f in found:
        if f.kind == "named":
            _add_named(f, drafts, found, segs, doc, rules)
        elif f.rule.requires_party:
            continue
        elif f.kind in ("ref", "bare"):
            _add_reference(f, drafts, segs, doc, rules)
        elif f.kind == "plural":
            _add_plural(f, drafts, segs, doc, rules)
    _share_texts_references(drafts, segs)
    drafts = _drop_announcing_plurals(_merge_party_only(drafts))
    _set_contexts(drafts, segs)
    if drafts:
        _look_back_before_first(drafts, found, segs, rules)
    return drafts


def _keeps_named(
    f: Found,
    drafts: list[_Draft],
    found: list[Found],
    segs: Segments,
    doc: Doc,
    rules: AgreementRules,
) -> bool:
    """Whether a named mention is an agreement of this article's kind at all."""
    # After a first public agreement, the article is about public deals: a later
    # one needs no public word of its own ("les deux personnalités ont paraphé un
    # accord de don"), unless its title names parties ("le protocole entre les
    # huiliers et les exportateurs") or the sentence reads as a private deal.
    seg_text = segs.text_of(f.seg)
    if not (
        f.vetted
        or _public(seg_text + " " + f.title, rules)
        or (
            drafts
            and not _PARTY_CLAUSE.search(fold(f.title))
            and not rules.private_regex.search(segs.folded_of(f.seg))
        )
    ):
        return False
    # "l'accord-cadre de partenariat signé avec l'AFD": part of another's title
    if f.rule.requires_signing and any(
        g is not f and g.start < f.start < g.title_end for g in found
    ):
        return False
    if f.rule.requires_place_name:
        return _named_after_city(f, text_of(doc))
    return not (
        f.rule.requires_party and not f.vetted and not _places_codes(f.title[f.end - f.start :])
    )


def _add_named(
    f: Found,
    drafts: list[_Draft],
    found: list[Found],
    segs: Segments,
    doc: Doc,
    rules: AgreementRules,
) -> None:
    if not _keeps_named(f, drafts, found, segs, doc, rules):
        return
    same = _same_agreement(f, drafts)
    if same is None:
        drafts.append(_Draft(f))
        return
    # the fuller title, but the body's over a headline's ("... renouvellent le
    # protocole d'application de leur accord")
    if len(f.title) > len(same.named.title) or (
        same.named.seg == 0 and segs.items[0].is_line and f.seg > 0
    ):
        same.named.title = f.title
    same.refs.append(f)


def _add_reference(
    f: Found, drafts: list[_Draft], segs: Segments, doc: Doc, rules: AgreementRules
) -> None:
    prev = [d for d in drafts if d.named.start < f.start]
    same_type = [d for d in prev if d.named.rule.type == f.rule.type]
    candidates = same_type or prev
    target = candidates[-1] if candidates else None
    if (
        target is not None
        and _introduces_other(f, prev, doc)
        and not rules.private_regex.search(segs.folded_of(f.seg))
    ):
        # "Enfin, les deux chefs d'État ont signé une déclaration conjointe": an
        # indefinite of a type not named yet introduces another agreement.
        f.title = text_of(doc)[f.start : f.end]
        f.title_end = f.end
        drafts.append(_Draft(f))
    elif target is not None:
        target.refs.append(f)
    elif f.kind == "ref" and _names_unseen(doc, segs, f, rules):
        # "Cet accord de compromis ouvre la voie...": the article told the deal in
        # its own words before; the first agreement word names it.
        drafts.append(_Draft(f))
    elif (
        f.kind == "bare" and _signed_seg(segs, f.seg, rules) and _public(segs.text_of(f.seg), rules)
    ):
        f.title = text_of(doc)[f.start : f.end]
        drafts.append(_Draft(f))


def _add_plural(
    f: Found, drafts: list[_Draft], segs: Segments, doc: Doc, rules: AgreementRules
) -> None:
    text = text_of(doc)
    if years := _YEARS_AFTER.match(fold(text), f.end):
        # "des accords de paix en 1979 et 1994", "les accords de 2015 et 2018": one
        # agreement per year.
        head = _singular(text[f.start : f.end])
        subject = text[years.start(1) : years.end(1)].strip() if years.group(1) else ""
        for g in (2, 3):
            rule = _singular_rule(head, f.rule, rules)
            item = Found(f.start, years.end(g), rule, "named", f.seg, vetted=True)
            item.title = " ".join(filter(None, [head, subject, f"({years.group(g)})"]))
            item.title_end = years.end(g)
            drafts.append(_Draft(item))
    elif items := _bullet_items(text, f):
        # "des mémorandums d'entente couvrant divers secteurs, dont :" and a list:
        # one agreement per item, reading the announcing sentence as context.
        for start, end in items:
            item = Found(start, end, f.rule, "named", segs.index_of(start))
            item.title = f"{_singular(text[f.start : f.end])} : {text[start:end]}"
            item.title_end = end
            draft = _Draft(item)
            draft.shared.append(f.seg)
            drafts.append(draft)
    elif drafts:
        # "Les deux accords ont été signés par ...": a definite plural speaks of
        # the agreements named before it (as many as it counts, else all).
        m = _DEFINITE_PLURAL.search(fold(text[max(0, f.start - 20) : f.start]))
        if m is not None:
            n = _COUNTS.get(m.group(1) or "", 0)
            prev = [d for d in drafts if d.named.start < f.start]
            for d in prev[-n:] if n else prev:
                d.shared.append(f.seg)


def _share_texts_references(drafts: list[_Draft], segs: Segments) -> None:
    """ "ces textes ont été signés par ...", "les deux documents": a definite plural of texts
    speaks of the agreements named before it; "ont signé les trois autres textes. Le
    premier est ...", of as many named right after it."""
    for i in range(len(segs)):
        m = _TEXTS_REFERENCE.search(segs.folded_of(i))
        if m is None:
            continue
        n = _COUNTS.get(m.group(1) or m.group(2) or "", 0)
        nxt = [d for d in drafts if i < d.named.seg <= i + 3]
        if n and len(nxt) >= n:
            spoken_of = sorted(nxt, key=lambda d: d.named.start)[:n]
        elif m.group(2):
            continue  # "quatre textes" with nothing told after it
        else:
            prev = [d for d in drafts if d.named.seg < i]
            spoken_of = prev[-n:] if n else prev
        for d in spoken_of:
            if i not in d.shared:
                d.shared.append(i)


def _drop_announcing_plurals(drafts: list[_Draft]) -> list[_Draft]:
    """ "plusieurs accords entre le Mali et la Russie" announces the agreements named one
    by one in the article; it is one of them only when none is named."""
    singles = [d for d in drafts if not d.named.rule.plural]
    return [
        d
        for d in drafts
        if not d.named.rule.plural
        or _bullet_item(d)
        or _named_after_place(d.named)
        or not _announces(d, singles)
    ]


def _set_contexts(drafts: list[_Draft], segs: Segments) -> None:
    """Context: from each agreement's first sentence to the next agreement's."""
    starts = sorted(d.named.seg for d in drafts)
    for d in drafts:
        first = d.named.seg
        later = [s for s in starts if s > first]
        stop = min([*later, first + 1 + MAX_CONTEXT, len(segs)])
        d.context = list(range(first, stop))
        for r in d.refs:
            if r.seg not in d.context and r.seg < first + 1 + MAX_CONTEXT * 2:
                d.context.append(r.seg)
        if _bullet_item(d):
            d.context = [first]
        d.context += [i for i in d.shared if i not in d.context]


def _look_back_before_first(
    drafts: list[_Draft], found: list[Found], segs: Segments, rules: AgreementRules
) -> None:
    """ "Côté nigérien, le texte a été signé par X ..." before the text is named ("Le document
    signé ... un protocole d'accord"): signing sentences just before the first agreement
    of the article, that name none, are about it."""
    first_draft = min(drafts, key=lambda d: d.named.seg)
    mentioned = {f.seg for f in found}
    for i in range(max(0, first_draft.named.seg - LOOK_BACK), first_draft.named.seg):
        if (
            i not in mentioned
            and _signed_seg(segs, i, rules)
            and _TEXT_WORD.search(segs.folded_of(i))
        ):
            first_draft.context.append(i)
