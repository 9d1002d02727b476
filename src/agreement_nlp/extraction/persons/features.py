"""What the person decision model reads about one office holder the rules propose.

The rules link role words to names (:mod:`~agreement_nlp.extraction.persons.linking`,
:mod:`~agreement_nlp.extraction.persons.layout`); :func:`role_features` describes the link
that gave a person its role, for the model of
:mod:`~agreement_nlp.extraction.persons.decision`: the role and the role words, how strong
the rule's link is, whether a portfolio and a country came with it, what comes after the role
words ("du parti", "de la fédération", "de la société"), the words before them ("ancien",
"feu"), the dependency path between the role word and the name, and the nouns and verbs of
the sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from agreement_nlp.extraction.entities import Person
from agreement_nlp.extraction.persons.model import Evidence
from agreement_nlp.text import fold


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    below = [e for e in edges if n >= e]
    return f"{below[-1]}+" if below else f"<{edges[0]}"


def role_features(
    person: Person, best: Evidence, evidence: list[Evidence], doc: Doc
) -> dict[str, float]:
    """The features of the link that gave ``person`` its role (see the module docstring)."""
    role = best.role
    features = {
        f"role={person.role}": 1.0,
        f"pattern={role.rule.pattern}": 1.0,
        f"strength={best.strength}": 1.0,
        f"links={_bucket(len(evidence), (1, 2, 3, 5))}": 1.0,
        f"mentions={_bucket(len(person.mentions), (1, 2, 3, 5))}": 1.0,
        f"name_words={_bucket(len(person.name.split()), (1, 2, 3, 4))}": 1.0,
        f"country_rule={(role.country_rule or 'none').split(':')[0]}": 1.0,
    }
    flags = {
        "portfolio": role.portfolio is not None,
        "country": role.country is not None,
        "title": bool(person.title),
        "weak_rule": role.rule.weak,
        "former_elsewhere": any(e.role.rule.former for e in evidence),
        "role_before_name": role.start < best.mention.start,
        "early": best.mention.start < 400,
    }
    features.update({k: 1.0 for k, on in flags.items() if on})
    words = doc.char_span(role.trigger.start, role.trigger.end, alignment_mode="expand")
    name = doc.char_span(best.mention.start, best.mention.end, alignment_mode="expand")
    if words is not None:
        features.update(_around(words))
    if words is not None and name is not None:
        features[f"path={_path(words.root, name.root)}"] = 1.0
        gap = (
            abs(name.start - words.end)
            if role.start < best.mention.start
            else abs(words.start - name.end)
        )
        features[f"gap={_bucket(gap, (1, 2, 4, 8))}"] = 1.0
    return features


def _around(words: Span) -> dict[str, float]:
    """Words before and after the role words, and the sentence's nouns and verbs."""
    doc = words.doc
    out: dict[str, float] = {}
    left = [t for t in doc[max(words.sent.start, words.start - 3) : words.start] if t.is_alpha]
    for t in left[-2:]:
        out[f"left={fold(t.lemma_.lower())}"] = 1.0
    after = [t for t in doc[words.end : min(words.sent.end, words.end + 4)] if t.is_alpha]
    content = next((t for t in after if t.pos_ in ("NOUN", "PROPN", "ADJ")), None)
    if content is not None:
        out[f"right={fold(content.lemma_.lower())}"] = 1.0
    for t in words.sent:
        if t.pos_ in ("NOUN", "VERB") and t.is_alpha and len(t) > 2:
            out[f"sent={fold(t.lemma_.lower())}"] = 1.0
    return out


def _path(role: Token, name: Token) -> str:
    """How the role word and the name are linked in the parse, in a word."""
    if name.head.i == role.i:
        return f"name<{name.dep_.split(':')[0]}"
    if role.head.i == name.i:
        return f"role<{role.dep_.split(':')[0]}"
    if role.head.i == name.head.i:
        return "siblings"
    return "none"
