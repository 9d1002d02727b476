"""Who signed an agreement: signing clauses, the two signers, witnesses."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from agreement_nlp.extraction.agreements.model import _Draft
from agreement_nlp.extraction.agreements.rules import (
    AgreementRules,
)
from agreement_nlp.extraction.entities import Ministry, Person, Signatory
from agreement_nlp.lexicon.roles import find_role_triggers
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.segment.sentences import Segments
from agreement_nlp.text import fold


def _signatories(
    d: _Draft,
    segs: Segments,
    persons: list[Person],
    ministries: list[Ministry],
    doc: Doc,
    rules: AgreementRules,
    others: dict[int, list[_Draft]],
    previous: list[Signatory],
) -> list[Signatory]:
    """Office holders who signed ``d``. ``others`` maps a sentence to the agreements it
    mentions: a sentence about another agreement only ("La convention a été paraphée par
    ...") gives ``d`` no signatory."""
    out: list[Signatory] = []
    seen: set[str] = set()
    # a sentence about other agreements named ("ont signé les trois autres textes")
    shared_by_others = {
        i for drafts in others.values() for o in drafts if o is not d for i in o.shared
    }
    for i in d.context:
        if not _signs(fold(segs.text_of(i)), rules):
            continue
        if i not in d.shared and (_about_another(d, others.get(i, [])) or i in shared_by_others):
            continue
        _named_signers(segs, i, persons, doc, rules, previous, seen, out)
        _unnamed_signers(segs, i, ministries, doc, seen, out)
    return out


def _signers_named_in(
    segs: Segments, i: int, persons: list[Person], previous: list[Signatory]
) -> tuple[list[tuple[int, Person]], str]:
    """The persons named in sentence ``i``, by offset; "les deux personnalités ont paraphé
    un accord de don": the two who signed the agreement before, else the last two ministers.
    With the rule that found them."""
    seg = segs.items[i]
    mentions = sorted(
        ((m.start, p) for p in persons for m in p.mentions if seg.start <= m.start < seg.end),
        key=lambda x: x[0],
    )
    if not mentions and _BOTH_SIGNERS.search(fold(segs.text_of(i))):
        by_id = {p.person_id: p for p in persons}
        before = [by_id[s.person_id] for s in previous if s.person_id in by_id]
        pair = before if len(before) == 2 else _last_two_ministers(persons, seg.start)
        return [(seg.start, p) for p in pair], "signing:both"
    return mentions, "signing:named"


def _named_signers(
    segs: Segments,
    i: int,
    persons: list[Person],
    doc: Doc,
    rules: AgreementRules,
    previous: list[Signatory],
    seen: set[str],
    out: list[Signatory],
) -> None:
    seg, text = segs.items[i], text_of(doc)
    witness_ends = [
        seg.start + m.end() for m in rules.witness.finditer(fold(text[seg.start : seg.end]))
    ]
    named, rule = _signers_named_in(segs, i, persons, previous)
    for start, p in named:
        # Agreements with a public party are signed by office holders.
        if p.person_id in seen or p.role in ("journalist", "other"):
            continue
        if any(_after_witness(text, w, start) for w in witness_ends):
            continue
        # "X a confirmé que son pays avait signé ...": X reports, does not sign.
        cue = rules.signing.search(fold(text[start : seg.end]))
        if cue is not None and rules.reporting.search(fold(text[start : start + cue.start()])):
            continue
        seen.add(p.person_id)
        out.append(
            Signatory(p.person_id, p.name, p.role, p.ministry, p.country, segs.text_of(i), rule)
        )


def _unnamed_signers(
    segs: Segments,
    i: int,
    ministries: list[Ministry],
    doc: Doc,
    seen: set[str],
    out: list[Signatory],
) -> None:
    """Unnamed signatories: "signé par ... le ministre du Développement économique de X"."""
    seg, text = segs.items[i], text_of(doc)
    for mi in ministries:
        if mi.minister_id is not None:
            continue
        for mm in mi.mentions:
            if seg.start <= mm.start < seg.end and fold(text[mm.start : mm.start + 8]).startswith(
                "ministre"
            ):
                key = "ministry:" + mi.ministry_id
                if key not in seen:
                    seen.add(key)
                    sig = Signatory(None, None, "minister", mi.name, mi.country, segs.text_of(i))
                    sig.rule = "signing:unnamed_minister"
                    out.append(sig)


_BOTH_SIGNERS = re.compile(
    r"\bles\s+deux\s+(?:ministres|chefs\s+de\s+(?:la\s+)?diplomatie|ministres\s+des\s+"
    r"affaires\s+etrangeres|personnalites|responsables|signataires)\b"
    r"(?!\s*,?\s*(?:m\.|mme|[a-z]+\s+[a-z]+\s+et))"
)


def _last_two_ministers(persons: list[Person], before: int) -> list[Person]:
    """ "signés par les deux ministres": the last two ministers named before, of two
    countries when their countries are known."""
    named = sorted(
        (
            (max(m.start for m in p.mentions if m.start < before), p)
            for p in persons
            if p.role == "minister" and any(m.start < before for m in p.mentions)
        ),
        key=lambda x: -x[0],
    )
    if len(named) < 2:
        return []
    first = named[0][1]
    second = next((p for _, p in named[1:] if p.country != first.country), named[1][1])
    return [second, first]


def _about_another(d: _Draft, mentioned: list[_Draft]) -> bool:
    """A sentence that mentions another agreement of another type, and not ``d`` ("La
    convention a été paraphée par ..." in the context of an accord). A reference of
    ``d``'s own type may have been linked to the wrong one of two: no conclusion then."""
    if not mentioned or any(m is d for m in mentioned):
        return False
    return all(m.named.rule.type != d.named.rule.type for m in mentioned)


def _signs(folded: str, rules: AgreementRules) -> bool:
    """Whether a sentence tells a signing act, not only looks back on one: "la signature
    de ce contrat répond aux instructions du Président" names no signer (the signing was
    told before, with its signers); "lors de la signature des accords, X et Y ..." does."""
    for m in rules.signing.finditer(folded):
        if not m.group(0).startswith("signature"):
            return True
        if not re.match(r"\s+(?:de|d')\s*(?:ce|cet|cette|ces)\b", folded[m.end() :]):
            return True
        if re.search(r"(?:^|\W)par\s", folded[m.end() : m.end() + 60]):
            return True
    return False


def _after_witness(text: str, witness_end: int, start: int) -> bool:
    """A name right after "en présence de" (titles and a role between allowed)."""
    if witness_end > start:
        return False
    gap = text[witness_end:start]
    if "," not in gap:
        return True
    rest = gap
    for t in find_role_triggers(gap):
        rest = rest.replace(t.text, " ")
    return (
        bool(re.fullmatch(r"[\s,]*(?:(?:le|la|l'|du|de)\s+)?[^,]{0,40}", fold(rest)))
        and rest.count(",") <= 1
    )
