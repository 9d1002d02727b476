"""Name mentions: the model's PER entities cleaned of titles and glued words, and names it missed."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from agreement_nlp.extraction.persons.missed_names import (
    _add_names_before_roles,
    _add_pattern_names,
)
from agreement_nlp.extraction.persons.model import (
    _LINK_WORDS,
    NameMention,
    RoleMatch,
    title_strip,
)
from agreement_nlp.extraction.persons.role_context import _EMPLOYER
from agreement_nlp.lexicon import gazetteer
from agreement_nlp.lexicon.names import (
    NAME_PARTICLES,
    looks_like_name,
    name_tokens,
)
from agreement_nlp.lexicon.roles import find_role_triggers
from agreement_nlp.lexicon.titles import split_leading_titles, title_across, title_before
from agreement_nlp.segment.doccache import entities_of, text_of
from agreement_nlp.segment.furniture import outside_content
from agreement_nlp.text import fold

_NAME_PART = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$|^(?:" + "|".join(sorted(NAME_PARTICLES)) + r")$")


_OF_INSTITUTION = re.compile(
    r"\s+(?:du|de\s+la|de\s+l['’]|des)\s*(?:Gouvernement|République|Présidence|Parlement|"
    r"Assemblée\s+nationale|État|Etat|Primature)\b"
)


def _clean_entity(ent: Span, roles_at: dict[int, RoleMatch]) -> NameMention | None:
    """A PER entity cut down to the name: no line run-over, titles, role words, employer."""
    text = ent.text
    start = ent.start_char
    # Entities sometimes run over a line break ("Alassane Souleymane\n\n").
    cut = text.find("\n")
    if cut >= 0:
        text = text[:cut]
    stripped = text.lstrip()
    start += len(text) - len(stripped)
    text = stripped.rstrip(' \t,;:.)(«»"')
    # "le Général de Division X" read from "Division": the title (found again before
    # the name by ``title_before``) is not part of it.
    begin = title_across(text_of(ent.doc), start, start + len(text))
    text, start = text[begin - start :], begin
    start, text, title, glued = _strip_titles_and_roles(start, text, roles_at)
    text = text.strip()
    # "Moses Rono de BBC": the model runs a name into its employer
    employer = _EMPLOYER.search(text)
    if employer:
        text = text[: employer.start()]
    if not text or not looks_like_name(text) or _names_no_person(text):
        return None
    tokens = name_tokens(text)
    if not tokens:
        return None
    if len(text.split()) == 1 and not text.isupper() and glued is None and not title:
        # "Economiste", "Commissaire": a lone common noun the model took for a name
        # ("Président Goïta" keeps "Goïta", whatever its tag).
        tok = next((t for t in ent if t.idx == start), None)
        if tok is not None and tok.pos_ in ("NOUN", "ADJ", "VERB"):
            return None
    return NameMention(start, start + len(text), text, title=title, glued=glued, tokens=tokens)


def _names_no_person(text: str) -> bool:
    """A country, an organisation, a city or a role phrase, not a person."""
    return bool(
        gazetteer.country_code(text)
        or gazetteer.organisation_code(text)
        or gazetteer.city_country(text)
        or find_role_triggers(text)
    )


def _strip_titles_and_roles(
    start: int, text: str, roles_at: dict[int, RoleMatch]
) -> tuple[int, str, str, RoleMatch | None]:
    """Leading titles and role words off a mention: ``(start, text, title, glued role)``."""
    glued: RoleMatch | None = None
    title = ""
    for _ in range(3):
        t, rest = split_leading_titles(text)
        if t:
            title = (title + " " + t).strip()
            start += len(text) - len(rest)
            text = rest
        role = roles_at.get(start)
        if role is not None and role.end - start < len(text):
            if role.rule.glued:
                rest = text[role.end - start :]
                glued = role
            else:
                # "Porte-Parole du Gouvernement Mamadou SECK": the model runs a role phrase
                # into the name; the role links by position, the name is what follows it.
                of = _OF_INSTITUTION.match(text, role.end - start)
                rest = text[of.end() if of else role.end - start :]
            stripped = rest.lstrip(" ,")
            start += len(text) - len(stripped)
            text = stripped
            continue
        if not t:
            break
    return start, text, title, glued


def _apposition_name(doc: Doc, pos: int, limit: int) -> NameMention | None:
    """A name the model missed, right after a role: "…, Awa BA" / "…, M. Jean Dupont"."""
    text = text_of(doc)
    m = re.compile(rf"[\s,]*(?:{_LINK_WORDS}\s+)*", re.I).match(text, pos)
    p = m.end() if m else pos
    title, _ = split_leading_titles(text[p : p + 80])
    if title:
        p = text.index(title, p) + len(title)
        p += len(text[p:]) - len(text[p:].lstrip())
    words = []
    q = p
    for w in re.finditer(r"\S+", text[p:limit]):
        raw = w.group(0)
        core = raw.rstrip(",.;:)")
        if not _NAME_PART.match(core) or "\n" in text[q : p + w.start()]:
            break
        words.append(core)
        q = p + w.start() + len(core)
        if core != raw:
            break
    while words and fold(words[-1]) in NAME_PARTICLES:
        words.pop()
    if len(words) < 2:
        return None
    name = text[p:q]
    if not looks_like_name(name) or find_role_triggers(name):
        return None
    if gazetteer.country_code(name) or gazetteer.organisation_code(name):
        return None
    return NameMention(
        p, q, name, title=title, source="rule:apposition_name", tokens=name_tokens(name)
    )


# Complex on purpose: the name-mention rules that the person model (#14) replaces
def _name_mentions(  # noqa: C901
    doc: Doc, roles: list[RoleMatch], content_end: int, holes: list[tuple[int, int]]
) -> list[NameMention]:
    roles_at = {r.start: r for r in roles}
    mentions: list[NameMention] = []
    for ent in entities_of(doc):
        if ent.label_ != "PER" or outside_content(ent.start_char, ent.end_char, content_end, holes):
            continue
        nm = _clean_entity(ent, roles_at)
        if nm is not None:
            if not nm.title:
                nm.title = title_before(text_of(doc), nm.start)[0]
            mentions.append(nm)
    taken = [(m.start, m.end) for m in mentions]
    for role in roles:
        if role.rule.byline:
            continue
        line_end = text_of(doc).find("\n", role.end)
        limit = content_end if line_end < 0 else min(line_end, content_end)
        nm = _apposition_name(doc, role.end, limit)
        if nm is None or any(nm.start < e and nm.end > s for s, e in taken):
            continue
        if not outside_content(nm.start, nm.end, content_end, holes):
            mentions.append(nm)
            taken.append((nm.start, nm.end))
    _add_pattern_names(doc, mentions, content_end, holes)
    _add_names_before_roles(doc, roles, mentions, content_end, holes)
    mentions.sort(key=lambda m: m.start)
    # "Khady GAYE, Economiste, est nommée": a lone word in apposition to a name is
    # what the person does, not another person.
    kept: list[NameMention] = []
    for m in mentions:
        if kept and len(m.tokens) == 1 and len(kept[-1].tokens) > 1:
            gap = title_strip(text_of(doc)[kept[-1].end : m.start].strip(" ,"))
            if (
                not gap.strip()
                and "," in text_of(doc)[kept[-1].end : m.start]
                and not m.text.isupper()
            ):
                continue
        if len(m.text) < 2:
            continue
        kept.append(m)
    return kept
