"""Ministries: every 'ministre'/'ministère' and its portfolio, named minister or not."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from agreement_nlp.extraction.entities import Mention, Ministry, Person
from agreement_nlp.extraction.persons.model import RoleMatch
from agreement_nlp.extraction.persons.portfolio import (
    ministry_key,
    ministry_name,
    read_portfolio,
)
from agreement_nlp.extraction.persons.role_context import _line_end_token
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.segment.furniture import content_bounds, outside_content


def _add_ministry(
    found: list[Ministry],
    name: str,
    portfolio: str,
    country: str | None,
    mention: Mention,
    rule: str,
    who: Person | None,
) -> Ministry:
    """The ministry ``name`` of ``country``: one already found (merged), else a new one."""
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


def _add_role_ministries(
    found: list[Ministry],
    doc: Doc,
    roles: list[RoleMatch],
    person_of_role: dict[int, Person],
    home: str | None,
) -> None:
    """The ministries of ministers' role words ("le ministre de la Santé")."""
    for role in roles:
        if role.portfolio is None or role.rule.former or role.rule.role != "minister":
            continue
        if not role.rule.ministry_prefix.startswith("Ministère"):
            # A secretariat of state is the person's post, not a ministry of its own.
            continue
        who = person_of_role.get(id(role))
        country = role.country or (who.country if who else None) or home
        text = text_of(doc)[role.start : role.portfolio.end]
        name = ministry_name(role.portfolio.text, role.rule.ministry_prefix)
        ministry = _add_ministry(
            found,
            name,
            role.portfolio.text,
            country,
            Mention(text, role.start, role.portfolio.end, f"rule:role:{role.rule.pattern}"),
            f"rule:role:{role.rule.pattern}"
            + (f";{role.country_rule}" if role.country else ";country:home"),
            who,
        )
        if who is not None and who.ministry == name:
            who.ministry_id = ministry.ministry_id


def _where_read(p: Person) -> Mention:
    where = p.role_mention or p.mentions[0]
    return Mention(where.text, where.start, where.end, p.rule or "")


def _add_role_only_ministries(found: list[Ministry], persons: list[Person]) -> None:
    """Ministers whose ministry comes from the role alone ("chef de la diplomatie")."""
    for p in persons:
        if (
            p.role == "minister"
            and p.ministry
            and p.ministry_id is None
            and p.ministry.startswith("Ministère")
        ):
            ministry = _add_ministry(
                found,
                p.ministry,
                p.ministry.removeprefix("Ministère "),
                p.country,
                # the role words ("chef de la diplomatie") name the ministry, not the name
                _where_read(p),
                f"rule:role_ministry;{p.rule}",
                p,
            )
            p.ministry_id = ministry.ministry_id
            p.ministry = ministry.name


def _ministries(
    doc: Doc,
    roles: list[RoleMatch],
    person_of_role: dict[int, Person],
    persons: list[Person],
    home: str | None,
) -> list[Ministry]:
    """Every ministry of the article: from ministers' roles, "ministère de X", roles alone."""
    found: list[Ministry] = []
    _add_role_ministries(found, doc, roles, person_of_role, home)
    for m in _ministere_mentions(doc, home):
        _add_ministry(found, m.name, m.portfolio, m.country, m.mention, m.rule, None)
    _add_role_only_ministries(found, persons)
    for p in persons:
        if p.ministry_id:
            p.ministry = next(x for x in found if x.ministry_id == p.ministry_id).name
    return found


_MINISTERE = re.compile(r"(?<![\w-])minist[eè]re(?:s)?(?![\w-])", re.I)


def _ministere_mentions(doc: Doc, home: str | None) -> list[Ministry]:
    content_end, holes = content_bounds(doc)
    out = []
    for m in _MINISTERE.finditer(text_of(doc), 0, content_end):
        if outside_content(m.start(), m.end(), content_end, holes):
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
