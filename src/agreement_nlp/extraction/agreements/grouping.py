"""Which mentions are one agreement: titles, subjects, references back, restatements."""

from __future__ import annotations

import re

from rapidfuzz.fuzz import token_set_ratio
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
    default_rules,
)
from agreement_nlp.extraction.agreements.status import _signed_seg
from agreement_nlp.extraction.agreements.titles import _read_title
from agreement_nlp.lexicon import gazetteer
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.segment.sentences import Segments
from agreement_nlp.text import fold

SAME_TITLE = 90.0


def _content_words(title: str) -> set[str]:
    generic = default_rules().generic_words
    return {w for w in re.findall(r"[a-z0-9]{3,}", fold(title)) if w not in generic}


def _same_specific_kind(a: Found, b: Found) -> bool:
    """Two mentions of one agreement worded differently: same specific type (not a
    plain "accord") and a shared subject word ("l'accord-cadre sur la sécurité" and
    "l'accord-cadre de coopération en matière de sécurité transfrontalière")."""
    if a.rule.type != b.rule.type or a.rule.type == "accord":
        return False
    # Two contracts for vaccines, one with AstraZeneca and one with Pfizer, are two.
    names_a, names_b = _proper_words(a.title), _proper_words(b.title)
    if names_a and names_b and not names_a & names_b:
        return False
    return bool(_content_words(a.title) & _content_words(b.title))


_PARTY_CLAUSE = re.compile(r"\s(?:entre|avec|liant)\s")


def _same_subject(a: Found, b: Found) -> bool:
    """One subject, parties worded two ways: "l'accord de partage du pouvoir entre les
    militaires et les civils" and "l'accord de partage du pouvoir entre les dirigeants
    militaires et civils". Parties named differently on both sides keep them apart."""
    if a.rule.type != b.rule.type:
        return False
    heads = []
    for f in (a, b):
        m = _PARTY_CLAUSE.search(fold(f.title))
        if m is None:
            return False
        heads.append((fold(f.title)[: m.start()].strip(), f.title[m.start() :]))
    (head_a, rest_a), (head_b, rest_b) = heads
    if head_a != head_b or not _content_words(head_a):
        return False
    codes_a, codes_b = set(_places_codes(rest_a)), set(_places_codes(rest_b))
    return not (codes_a and codes_b and codes_a != codes_b)


_STATE_WORDS = frozenset({"etat", "l'etat", "gouvernement", "republique", "royaume", "federation"})


def _proper_words(title: str) -> set[str]:
    """Capitalised words of a title after its first word that are neither places nor
    the state: the companies and bodies it names."""
    places = {fold(w) for p in gazetteer.find_places(title) for w in p.text.split()}
    return {
        w
        for w in re.findall(r"[\w'’-]+", title)[1:]
        if w[:1].isupper() and fold(w) not in places and fold(w) not in _STATE_WORDS
    }


def _same_title(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    return (
        fa == fb
        or fa.startswith(fb)
        or fb.startswith(fa)
        or (
            token_set_ratio(fa, fb) >= SAME_TITLE
            and (min(len(fa), len(fb)) / max(len(fa), len(fb)) > 0.6)
        )
    )


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


# "accords d'", "Déclaration de ": the agreement word and the "of" of what it is named after
_NAMED_AFTER = re.compile(r"\S+\s+(?:d['’]|de\s+)")


def _named_after_place(f: Found) -> bool:
    """ "les accords d'Alger", "les accords de Camp David": a set of texts known by the
    place where it was signed is one agreement of its own, whatever else is named."""
    m = _NAMED_AFTER.match(f.title)
    return m is not None and f.title[m.end() : m.end() + 1].isupper()


def _named_after_city(f: Found, text: str) -> bool:
    """ "la Déclaration de Lomé", "la déclaration d'Abuja": named after a city, with a
    capital or a definite article ("une déclaration de Paris" is a statement made there)."""
    if not f.title[:1].isupper() and not re.search(
        r"(?:^|\W)la\s+$", text[max(0, f.start - 4) : f.start]
    ):
        return False
    m = _NAMED_AFTER.match(f.title)
    if m is None:
        return False
    rest = f.title[m.end() :]
    return any(p.start == 0 and p.kind == "city" for p in gazetteer.find_places(rest[:40]))


def _group(found: list[Found], segs: Segments, doc: Doc, rules: AgreementRules) -> list[_Draft]:
    drafts: list[_Draft] = []
    for f in found:
        if f.kind == "named":
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
                continue
            # "l'accord-cadre de partenariat signé avec l'AFD": part of another's title
            if f.rule.requires_signing and any(
                g is not f and g.start < f.start < g.title_end for g in found
            ):
                continue
            if f.rule.requires_place_name:
                if not _named_after_city(f, text_of(doc)):
                    continue
            elif (
                f.rule.requires_party
                and not f.vetted
                and not _places_codes(f.title[f.end - f.start :])
            ):
                continue
            same = next(
                (
                    d
                    for d in drafts
                    if _same_title(d.named.title, f.title)
                    or _same_specific_kind(d.named, f)
                    or _same_subject(d.named, f)
                ),
                None,
            )
            if same is None and _only_parties(f):
                # "l'accord avec le Soudan" after "un accord entre Israël et le Soudan"
                own = set(_places_codes(f.title, cities=True))
                same = next(
                    (
                        d
                        for d in reversed(drafts)
                        if own and own <= set(_places_codes(d.named.title, cities=True))
                    ),
                    None,
                )
            if same is not None:
                # the fuller title, but the body's over a headline's ("... renouvellent le
                # protocole d'application de leur accord")
                if len(f.title) > len(same.named.title) or (
                    same.named.seg == 0 and segs.items[0].is_line and f.seg > 0
                ):
                    same.named.title = f.title
                same.refs.append(f)
            else:
                drafts.append(_Draft(f))
        elif f.rule.requires_party:
            continue
        elif f.kind in ("ref", "bare"):
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
                f.kind == "bare"
                and _signed_seg(segs, f.seg, rules)
                and _public(segs.text_of(f.seg), rules)
            ):
                f.title = text_of(doc)[f.start : f.end]
                drafts.append(_Draft(f))
        elif f.kind == "plural" and (years := _YEARS_AFTER.match(fold(text_of(doc)), f.end)):
            # "des accords de paix en 1979 et 1994", "les accords de 2015 et 2018": one
            # agreement per year.
            head = _singular(text_of(doc)[f.start : f.end])
            subject = text_of(doc)[years.start(1) : years.end(1)].strip() if years.group(1) else ""
            for g in (2, 3):
                rule = _singular_rule(head, f.rule, rules)
                item = Found(f.start, years.end(g), rule, "named", f.seg, vetted=True)
                item.title = " ".join(filter(None, [head, subject, f"({years.group(g)})"]))
                item.title_end = years.end(g)
                drafts.append(_Draft(item))
        elif f.kind == "plural" and (items := _bullet_items(text_of(doc), f)):
            # "des mémorandums d'entente couvrant divers secteurs, dont :" and a list:
            # one agreement per item, reading the announcing sentence as context.
            for start, end in items:
                item = Found(start, end, f.rule, "named", segs.index_of(start))
                item.title = (
                    f"{_singular(text_of(doc)[f.start : f.end])} : {text_of(doc)[start:end]}"
                )
                item.title_end = end
                draft = _Draft(item)
                draft.shared.append(f.seg)
                drafts.append(draft)
        elif f.kind == "plural" and drafts:
            # "Les deux accords ont été signés par ...": a definite plural speaks of
            # the agreements named before it (as many as it counts, else all).
            before = fold(text_of(doc)[max(0, f.start - 20) : f.start])
            m = _DEFINITE_PLURAL.search(before)
            if m is not None:
                n = _COUNTS.get(m.group(1) or "", 0)
                prev = [d for d in drafts if d.named.start < f.start]
                for d in prev[-n:] if n else prev:
                    d.shared.append(f.seg)
    # "ces textes ont été signés par ...", "les deux documents": a definite plural of texts
    # speaks of the agreements named before it; "ont signé les trois autres textes. Le
    # premier est ...", of as many named right after it.
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
    # "plusieurs accords entre le Mali et la Russie" announces the agreements named one
    # by one in the article; it is one of them only when none is named.
    drafts = _merge_party_only(drafts)
    singles = [d for d in drafts if not d.named.rule.plural]
    drafts = [
        d
        for d in drafts
        if not d.named.rule.plural
        or _bullet_item(d)
        or _named_after_place(d.named)
        or not _announces(d, singles)
    ]
    # context: from each agreement's first sentence to the next agreement's
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
    # "Côté nigérien, le texte a été signé par X ..." before the text is named ("Le document
    # signé ... un protocole d'accord"): signing sentences just before the first agreement
    # of the article, that name none, are about it.
    if drafts:
        first_draft = min(drafts, key=lambda d: d.named.seg)
        mentioned = {f.seg for f in found}
        for i in range(max(0, first_draft.named.seg - LOOK_BACK), first_draft.named.seg):
            if (
                i not in mentioned
                and _signed_seg(segs, i, rules)
                and _TEXT_WORD.search(segs.folded_of(i))
            ):
                first_draft.context.append(i)
    return drafts


_FILLER = {
    "entre",
    "avec",
    "et",
    "le",
    "la",
    "les",
    "l'",
    "de",
    "du",
    "des",
    "d'",
    "a",
    "au",
    "aux",
}


def _only_parties(f: Found) -> bool:
    """A title that says nothing but who the parties are ("Accord avec le Soudan")."""
    rest = f.title[f.end - f.start :]
    for p in gazetteer.find_places(rest):
        rest = rest.replace(p.text, " ")
    words = [w for w in re.findall(r"[\w'’-]+", fold(rest)) if w not in _FILLER]
    return not words


_INDEFINITE = re.compile(r"(?:^|\W)(?:un|une)\s+$")


def _introduces_other(f: Found, prev: list[_Draft], doc: Doc) -> bool:
    if f.kind != "bare" or any(d.named.rule.type == f.rule.type for d in prev):
        return False
    return bool(_INDEFINITE.search(fold(text_of(doc)[max(0, f.start - 6) : f.start])))


def _names_unseen(doc: Doc, segs: Segments, f: Found, rules: AgreementRules) -> bool:
    """A reference with nothing before it to refer to, that says what it is about."""
    _read_title(doc, segs, f, rules)
    if f.kind != "named":
        f.kind = "ref"
        return False
    if _public(segs.text_of(f.seg), rules):
        return True
    f.kind, f.title = "ref", ""
    return False
