"""What the agreement decision model reads about one proposed agreement.

The rules propose agreements; :func:`agreement_features` describes each one as named
features for the trained model (:mod:`agreement_nlp.extraction.agreements.decision`):
what the rules found (type, kind of mention, status cue, parties, signatories, date),
where it stands (headline, position), and the dependency parse around the agreement
word: its syntactic function, the word that governs it, negation, mood and tense of the
governing verb, the words just before it ("conformément à", "en vertu de", "pour
signer"). Features are names with a value (1.0 for present), so a model file can be
read and checked by hand.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from agreement_nlp.extraction.agreements.candidates import _public
from agreement_nlp.extraction.agreements.model import Found, _Article, _Draft
from agreement_nlp.extraction.agreements.places import _places_codes
from agreement_nlp.extraction.agreements.sameness import _PARTY_CLAUSE
from agreement_nlp.extraction.entities import Signatory
from agreement_nlp.text import fold

_NEGATIONS = frozenset({"pas", "jamais", "ni", "aucun", "aucune", "non", "plus"})
_GOVERNORS = frozenset({"VERB", "NOUN", "ADP", "AUX", "ADJ", "PROPN"})


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """A count as a small class: "0", "1", "2-3", "4+" for edges (1, 2, 4)."""
    if n < edges[0]:
        return f"<{edges[0]}"
    for low, high in pairwise(edges):
        if n < high:
            return str(low) if high == low + 1 else f"{low}-{high - 1}"
    return f"{edges[-1]}+"


class Reading(NamedTuple):
    """What the rules read of one proposed agreement before the model decides."""

    status_rule: str
    parties: list[str]
    sigs: list[Signatory]
    signed_on: str | None


def agreement_features(d: _Draft, a: _Article, read: Reading) -> list[dict[str, float]]:
    """The features of each mention of one proposed agreement, in the text's order.

    Each mention's features are its own (the word, its parse, its sentence) and those of
    the agreement it was grouped into (parties, signatories, status cue, title).
    """
    shared = _draft_features(d, a, read)
    mentions = sorted([d.named, *d.refs], key=lambda x: x.start)
    return [{**shared, **mention_features(f, a)} for f in mentions]


def _draft_features(d: _Draft, a: _Article, read: Reading) -> dict[str, float]:
    """What the rules found for the whole agreement: parties, signatories, cue, title."""
    named = d.named
    status_rule, parties, sigs, signed_on = read
    features: dict[str, float] = {
        f"type={named.rule.type}": 1.0,
        f"cue={status_rule.split(':')[1] if ':' in status_rule else status_rule}": 1.0,
        f"mentions={_bucket(1 + len(d.refs), (1, 2, 3, 5))}": 1.0,
        f"title_words={_bucket(len(named.title.split()), (1, 2, 4, 8, 15))}": 1.0,
        f"parties={_bucket(len(parties), (1, 2, 3))}": 1.0,
        f"signatories={_bucket(len(sigs), (1, 2, 3))}": 1.0,
        f"drafts={_bucket(len(_drafts(a)), (1, 2, 4))}": 1.0,
    }
    flags = {
        "vetted": named.vetted,
        "dated": signed_on is not None,
        "shared": bool(d.shared),
        "title_entre": " entre " in f" {fold(named.title)} ",
        "title_places": bool(_places_codes(named.title, cities=True)),
        "minister_in_article": any(p.role == "minister" for p in a.persons),
        "home_party": a.home is not None and a.home in parties,
        "requires_party": named.rule.requires_party,
        "public_title": _public(named.title, a.rules),
        "party_clause_title": _PARTY_CLAUSE.search(fold(named.title)) is not None,
    }
    features.update({k: 1.0 for k, on in flags.items() if on})
    features.update({f"title={w}": 1.0 for w in _title_words(named.title)})
    return features


def mention_features(f: Found, a: _Article) -> dict[str, float]:
    """One agreement word in its sentence: kind of mention, sentence cues, parse."""
    features = {f"kind={f.kind}": 1.0}
    flags = {
        "headline": f.seg == 0,
        "early": f.seg <= 3,
        "public_sentence": _public(a.segs.text_of(f.seg), a.rules),
        "private_sentence": a.rules.private_regex.search(a.segs.folded_of(f.seg)) is not None,
        "signing_sentence": f.seg in a.signing_segs,
    }
    features.update({k: 1.0 for k, on in flags.items() if on})
    span = _span(a.doc, f.start, f.end)
    if span is not None:
        features.update(_parse_features(span))
    return features


def _title_words(title: str) -> set[str]:
    """The content words of a title after its agreement word, folded."""
    words = [w for w in re.findall(r"[\w-]+", fold(title))[1:] if len(w) > 3]
    return set(words[:8])


def _drafts(a: _Article) -> list[_Draft]:
    """The article's proposed agreements, each once."""
    seen: dict[int, _Draft] = {}
    for drafts in a.mentioned_in.values():
        seen.update((id(d), d) for d in drafts)
    return list(seen.values())


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _parse_features(span: Span) -> dict[str, float]:
    """The agreement word in the parse: function, governor, negation, mood, left words."""
    word = span.root
    out = {
        f"dep={word.dep_.split(':')[0]}": 1.0,
        f"pos={word.pos_}": 1.0,
        f"word={fold(word.text)}": 1.0,
    }
    if "Part" in word.morph.get("VerbForm", []):
        out["participle"] = 1.0
    governor = _governor(word)
    if governor is not None:
        out[f"head={fold(governor.lemma_.lower())}"] = 1.0
        out[f"head_pos={governor.pos_}"] = 1.0
        out.update({f"head_{k}": 1.0 for k in _verb_marks(governor)})
    doc = span.doc
    left = [t for t in doc[max(span.sent.start, span.start - 4) : span.start] if not t.is_punct]
    for t in left[-3:]:
        out[f"left={fold(t.lemma_.lower())}"] = 1.0
    if left and left[-1].pos_ == "DET":
        out[f"det={fold(left[-1].lemma_.lower())}"] = 1.0
    right = [t for t in doc[span.end : min(span.sent.end, span.end + 3)] if t.is_alpha]
    content = next((t for t in right if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")), None)
    if content is not None:
        out[f"right={fold(content.lemma_.lower())}"] = 1.0
    out.update({f"sent={lemma}": 1.0 for lemma in _content_lemmas(span.sent)})
    return out


def _content_lemmas(sent: Span) -> set[str]:
    """The nouns and verbs of a sentence, as folded lemmas (names would not carry over)."""
    return {
        fold(t.lemma_.lower())
        for t in sent
        if t.pos_ in ("NOUN", "VERB") and t.is_alpha and len(t) > 2
    }


def _governor(word: Token) -> Token | None:
    """The content word that governs the agreement word, climbing past function words."""
    head = word.head
    steps = 0
    while head.i != word.i and head.pos_ not in _GOVERNORS and steps < 3:
        word, head, steps = head, head.head, steps + 1
    return None if head.i == word.i else head


_CONDITIONAL_ENDING = re.compile(r"r(?:ais|ait|aient|ions|iez)$")


def _conditional(verb: Token) -> bool:
    """The conditional mood: the model often tags it as an imperfect ("signerait")."""
    morph = verb.morph
    if "Cnd" in morph.get("Mood", []):
        return True
    return "Imp" in morph.get("Tense", []) and bool(_CONDITIONAL_ENDING.search(verb.lower_))


def _verb_marks(verb: Token) -> list[str]:
    """Negation, conditional, future, infinitive and passive marks of a governing verb."""
    marks = []
    if any(c.lemma_.lower() in _NEGATIONS and c.dep_ == "advmod" for c in verb.children):
        marks.append("negated")
    morph = verb.morph
    if _conditional(verb) or any(_conditional(c) for c in verb.children if c.dep_ == "aux"):
        marks.append("conditional")
    if "Fut" in morph.get("Tense", []):
        marks.append("future")
    if "Inf" in morph.get("VerbForm", []):
        marks.append("infinitive")
    if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children):
        marks.append("passive")
    return marks
