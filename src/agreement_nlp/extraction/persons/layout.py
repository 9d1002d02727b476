"""Roles told by the layout: signature blocks, a name above its office, bylines, appointments, the next sentence's subject."""

from __future__ import annotations

import re
from collections.abc import Callable

from agreement_nlp.extraction.persons.model import (
    EXPLICIT,
    WEAK,
    Evidence,
    NameMention,
    RoleMatch,
    title_strip,
)
from agreement_nlp.lexicon.roles import RoleRule, RoleTrigger
from agreement_nlp.text import fold


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
