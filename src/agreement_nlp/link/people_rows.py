"""The ``people`` row of one cluster of ``persons`` rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from agreement_nlp.link.names import best_surface, slug
from agreement_nlp.link.people import OFFICES, PersonRow


def _office(row: PersonRow) -> tuple[str, str, str]:
    return (row.role, row.ministry if row.role == "minister" else "", row.country)


def _roles(rows: Sequence[PersonRow]) -> list[tuple[str, str, tuple[str, str, str]]]:
    """(first_seen, last_seen, office) of each office held, in order."""
    seen: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for row in rows:
        if row.role in OFFICES:
            seen[_office(row)].append(row.published_at)
    out = []
    for office, dates in seen.items():
        known = [d for d in dates if d]
        out.append((min(known) if known else "", max(known) if known else "", office))
    return sorted(out, key=lambda r: (r[0], r[1], r[2]))


def person_row(key: str, rows: Sequence[PersonRow]) -> dict[str, object]:
    """The row of one person; ``rows`` are theirs, any order."""
    rows = sorted(rows, key=lambda r: (r.published_at, r.article_id, r.person_id))
    names = [r.name for r in rows]
    name = best_surface(names)
    aliases = sorted({n for r in rows for n in (r.name, *r.aliases)} - {name})
    roles = _roles(rows)
    if roles:
        latest = max(roles, key=lambda r: (r[1], r[0]))
        role, ministry, country = latest[2]
    else:
        role = "journalist" if all(r.role == "journalist" for r in rows) else "other"
        ministry, country = "", next((r.country for r in reversed(rows) if r.country), "")
    published = [r.published_at for r in rows if r.published_at]
    return {
        "person_key": key,
        "name": name,
        "aliases": aliases,
        "role": role,
        "ministry": ministry,
        "country": country,
        "roles": [
            " · ".join(part or "-" for part in office) + f" · {first or '?'}/{last or '?'}"
            for first, last, office in roles
        ],
        "first_seen": min(published) if published else None,
        "last_seen": max(published) if published else None,
        "n_articles": len({r.article_id for r in rows}),
        "article_ids": list(dict.fromkeys(r.article_id for r in rows)),
    }


def person_keys(clusters: Sequence[Sequence[PersonRow]]) -> list[str]:
    """A readable key per cluster (in the given order): the slug of its name, ``-2``,
    ``-3``... for later people of the same name."""
    used: dict[str, int] = {}
    keys = []
    for rows in clusters:
        base = slug(best_surface([r.name for r in rows]))
        used[base] = used.get(base, 0) + 1
        keys.append(base if used[base] == 1 else f"{base}-{used[base]}")
    return keys
