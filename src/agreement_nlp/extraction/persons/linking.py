"""Which role belongs to which person: appositions, chains and lists of roles."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from agreement_nlp.extraction.persons.layout import (
    _link_appointments,
    _link_byline,
    _link_name_above,
    _link_next_sentence_subject,
    _link_signature_block,
)
from agreement_nlp.extraction.persons.model import (
    _LINK_WORDS,
    EXPLICIT,
    GLUED,
    WEAK,
    Evidence,
    NameMention,
    RoleMatch,
    title_strip,
)
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.text import fold

_SEP_ONLY = re.compile(r"^[\s,:*]*$")


_LIST_SEP = re.compile(r"^\s*(?:,|et|,\s*et)\s*$")


def _gap_is_link(gap: str) -> bool:
    """Only commas, determiners and titles between a role and a name."""
    g = fold(gap).replace("*", " ")
    g = re.sub(rf"(?<![\w]){_LINK_WORDS}(?![\w])", " ", g)
    return _SEP_ONLY.match(title_strip(g)) is not None


# Complex on purpose: the role-linking rules that the person model (#14) replaces
def _link_roles(  # noqa: C901, PLR0912
    doc: Doc, roles: list[RoleMatch], mentions: list[NameMention]
) -> dict[int, list[Evidence]]:
    """Evidence for each mention (by index)."""
    text = text_of(doc)
    evidence: dict[int, list[Evidence]] = {i: [] for i in range(len(mentions))}
    linked_left: set[int] = set()
    for i, m in enumerate(mentions):
        if m.glued is not None:
            evidence[i].append(Evidence(WEAK if m.glued.rule.weak else GLUED, m.glued, m))
    for role in roles:
        after = [i for i, m in enumerate(mentions) if m.start >= role.end]
        if role.rule.byline:
            _link_byline(text, role, mentions, after, evidence)
            continue
        if after:
            first = after[0]
            m = mentions[first]
            gap = text[role.end : m.start]
            if ("\n" not in gap and _gap_is_link(gap)) or _chained(text, role, m, roles):
                evidence[first].append(Evidence(EXPLICIT, role, m))
                linked_left.add(id(role))
                if role.rule.plural:
                    prev = m
                    for j in after[1:]:
                        nxt = mentions[j]
                        if _LIST_SEP.match(fold(text[prev.end : nxt.start])) or (
                            _gap_is_link(re.sub(r"\bet\b|,", " ", text[prev.end : nxt.start]))
                            and "\n" not in text[prev.end : nxt.start]
                        ):
                            evidence[j].append(Evidence(EXPLICIT, role, nxt))
                            prev = nxt
                        else:
                            break
    for role in roles:
        if role.rule.byline or id(role) in linked_left:
            continue
        # "NAME, ministre de X" / "NAME (ministre de X)"
        before = [i for i, m in enumerate(mentions) if m.end <= role.start]
        if before:
            last = before[-1]
            gap = fold(text[mentions[last].end : role.start])
            if _RIGHT_APPOSITION.fullmatch(gap):
                evidence[last].append(Evidence(EXPLICIT, role, mentions[last]))
                linked_left.add(id(role))
    for role in roles:
        if not role.rule.byline and id(role) not in linked_left:
            _link_signature_block(text, role, mentions, evidence)
            _link_name_above(text, role, mentions, evidence)
    _link_appointments(text, mentions, evidence)
    _link_next_sentence_subject(text, roles, mentions, evidence, linked_left)
    return evidence


def _chained(text: str, role: RoleMatch, m: NameMention, roles: list[RoleMatch]) -> bool:
    """Roles in apposition before one name: "Le Ministre de la Formation professionnelle,
    Porte-Parole du Gouvernement Amadou SARRE", also over the lines of a communiqué's
    signature. Only role phrases, commas and titles stand between the role and the name."""
    inner = [r for r in roles if role.end <= r.start and r.end <= m.start]
    if not inner:
        return False
    gap = text[role.end : m.start]
    # one paragraph, one sentence: a caption line above does not chain to the next text
    if gap.count("\n") > 3 or re.search(r"\n\s*\n|[.!?;]", gap):
        return False
    for r in sorted(inner, key=lambda r: r.start, reverse=True):
        # the inner role with what it is of: "Porte-Parole du Gouvernement"
        tail = _ROLE_OF.match(gap, r.end - role.end)
        stop = tail.end() if tail else r.end - role.end
        gap = gap[: r.start - role.end] + " " * (stop - (r.start - role.end)) + gap[stop:]
    return _gap_is_link(gap.replace("\n", " "))


_ROLE_OF = re.compile(r"\s+(?:du|de\s+la|de\s+l['’]|des)\s*(?:[A-ZÀ-Ý][\w'’-]*\s*)+")


# "NAME, ministre de X", "NAME (ministre de X)", "**NAME** : Ministre de X"
_RIGHT_APPOSITION = re.compile(
    r"[\s*]*[,(:\u2013-][\s*]*(?:(?:le|la|l')\s*)?(?:actuel(?:le)?\s+|nouvel(?:le)?\s+|nouveau\s+)?"
)
