"""Whether two agreement mentions name the same agreement: titles, specific kinds, subjects, parties alone."""

from __future__ import annotations

import re

from rapidfuzz.fuzz import token_set_ratio
from spacy.tokens import Doc

from agreement_nlp.extraction.agreements.candidates import (
    _public,
)
from agreement_nlp.extraction.agreements.model import Found, _Draft
from agreement_nlp.extraction.agreements.places import _places_codes
from agreement_nlp.extraction.agreements.rules import (
    AgreementRules,
    default_rules,
)
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


def _same_agreement(f: Found, drafts: list[_Draft]) -> _Draft | None:
    """The agreement already named that a named mention restates, if any."""
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
    return same


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
