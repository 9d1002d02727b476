"""Which name mentions are one person: spelling variants and surname-only mentions."""

from __future__ import annotations

from agreement_nlp.extraction.persons.model import NameMention
from agreement_nlp.lexicon.names import (
    part_of,
    same_full_name,
)


def group_mentions(mentions: list[NameMention]) -> list[list[NameMention]]:  # noqa: C901, PLR0912  the mention-grouping rules that the person model (#14) replaces
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
