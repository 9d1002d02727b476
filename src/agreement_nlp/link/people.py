"""One row per person across articles: which ``persons`` rows are the same person.

Rows are first gathered into profiles (the same name parts, country and ministry), so a
minister named in a thousand articles is compared once. Profiles with full names are blocked
by the consonants of their later name parts and joined when their names are compatible and
their countries do not differ (or, when they do, their office is the same: same role, and
for ministers the same portfolio). A profile known by one name part only ("M. Diop") joins the
one full-name person of that surname whose office it shares (same ministry, or same role and
country); with two such persons, or none, it stays apart: a surname alone never merges.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from agreement_nlp.lexicon.names import tokens_match
from agreement_nlp.link.clusters import cluster, pairwise
from agreement_nlp.link.names import (
    compatible_names,
    key_tokens,
    ministry_key,
    same_ministry,
    skeleton,
)

OFFICES = frozenset({"minister", "head_of_state", "head_of_government", "ambassador", "official"})
THRESHOLD = 0.85


@dataclass(frozen=True)
class PersonRow:
    """What linking reads of one ``persons`` row."""

    article_id: str
    person_id: str
    name: str
    role: str
    ministry: str
    country: str
    published_at: str
    aliases: tuple[str, ...] = ()


@dataclass
class Profile:
    tokens: tuple[str, ...]
    country: str
    ministry: frozenset[str]
    role: str
    rows: list[int] = field(default_factory=list)


def _profiles(rows: Sequence[PersonRow]) -> list[Profile]:
    found: dict[tuple[object, ...], Profile] = {}
    for i, row in enumerate(rows):
        tokens = key_tokens(row.name)
        office = row.role if row.role in OFFICES else ""
        mkey = ministry_key(row.ministry) if office == "minister" else frozenset()
        key = (tokens, row.country, mkey, office)
        found.setdefault(key, Profile(tokens, row.country, mkey, office)).rows.append(i)
    return list(found.values())


def _same_office(a: Profile, b: Profile) -> bool:
    """The same role, and for ministers the same portfolio."""
    if not a.role or a.role != b.role:
        return False
    return a.role != "minister" or same_ministry(a.ministry, b.ministry)


def _conflict(a: Profile, b: Profile) -> bool:
    """Two countries, unless the office is the same: an article's country for a person is
    often wrong (a foreign minister given the home country), a name with its portfolio
    seldom is."""
    if not (a.country and b.country and a.country != b.country):
        return False
    return not _same_office(a, b)


def _blocks(profiles: Sequence[Profile], indices: Sequence[int]) -> dict[str, list[int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in indices:
        for key in {skeleton(t) for t in profiles[i].tokens[1:] if len(t) > 1}:
            blocks[key].append(i)
    return blocks


def _join_full(profiles: Sequence[Profile], full: Sequence[int]) -> list[int]:
    pairs: dict[tuple[int, int], float] = {}
    for members in _blocks(profiles, full).values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = (i, j) if i < j else (j, i)
                if (a, b) not in pairs and not _conflict(profiles[a], profiles[b]):
                    score = compatible_names(profiles[a].tokens, profiles[b].tokens)
                    if score:
                        pairs[(a, b)] = score
    root, _ = cluster(
        len(profiles),
        [(s, a, b) for (a, b), s in pairs.items()],
        THRESHOLD,
        pairwise(len(profiles), lambda a, b: _conflict(profiles[a], profiles[b])),
    )
    return root


def _evidence(short: Profile, other: Profile) -> int:
    """How strongly an office ties a surname-only profile to a full one: 2 the same
    ministry, 1 the same role and country, 0 nothing."""
    if _conflict(short, other) or not short.role:
        return 0
    if same_ministry(short.ministry, other.ministry):
        return 2
    if short.role == other.role and short.country and short.country == other.country:
        return 1
    return 0


def _attach_short(profiles: Sequence[Profile], root: list[int], short: Sequence[int]) -> None:
    """Each surname-only profile joins the one person its surname and office point to."""
    by_surname: dict[str, set[int]] = defaultdict(set)
    for i, p in enumerate(profiles):
        if len(p.tokens) >= 2:
            by_surname[skeleton(p.tokens[-1])].add(i)
    for i in short:
        p = profiles[i]
        if not p.tokens:
            continue
        best: dict[int, int] = {}
        for j in by_surname.get(skeleton(p.tokens[0]), ()):
            if not tokens_match(p.tokens[0], profiles[j].tokens[-1]):
                continue
            level = _evidence(p, profiles[j])
            if level:
                best[root[j]] = max(best.get(root[j], 0), level)
        if best:
            top = max(best.values())
            persons = [r for r, level in best.items() if level == top]
            if len(persons) == 1:
                root[i] = persons[0]


def person_clusters(rows: Sequence[PersonRow]) -> list[int]:
    """The cluster of each row: rows sharing a number are one person."""
    profiles = _profiles(rows)
    full = [i for i, p in enumerate(profiles) if len(p.tokens) >= 2]
    short = [i for i, p in enumerate(profiles) if len(p.tokens) < 2]
    root = _join_full(profiles, full)
    _attach_short(profiles, root, short)
    out = [0] * len(rows)
    for i, p in enumerate(profiles):
        for r in p.rows:
            out[r] = root[i]
    return out
