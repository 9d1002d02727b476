"""Finding page furniture (teasers, author archives, subscription blocks).

The text is never modified: furniture is reported as character ranges, and
the extractors ignore whatever falls inside them. Marker phrases live in
``resources/furniture.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from agreement_nlp.resources import ResourceError, check_choice, check_keys, load_yaml
from agreement_nlp.text import fold, lines_with_offsets

KINDS = ("tail", "teaser", "line")


@dataclass(frozen=True)
class Marker:
    pattern: str
    kind: str


@dataclass(frozen=True)
class Furniture:
    start: int
    end: int
    kind: str
    marker: str


def load_markers(path: str | Path = "furniture.yaml") -> tuple[Marker, ...]:
    data = load_yaml(path)
    where = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("markers"), list):
        raise ResourceError(f"{where}: expected a mapping with a 'markers' list")
    markers = []
    for i, entry in enumerate(data["markers"]):
        at = f"{where}: markers[{i}]"
        if not isinstance(entry, dict):
            raise ResourceError(f"{at}: expected a mapping")
        check_keys(entry, at, required=("pattern", "kind"))
        check_choice(entry["kind"], KINDS, at)
        if not isinstance(entry["pattern"], str) or not entry["pattern"].strip():
            raise ResourceError(f"{at}: pattern must be a non-empty string")
        markers.append(Marker(fold(entry["pattern"].strip()), entry["kind"]))
    return tuple(markers)


@cache
def default_markers() -> tuple[Marker, ...]:
    return load_markers()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: press dumps put one paragraph per line."""
    return [(s, e) for s, e, line in lines_with_offsets(text) if line.strip()]


def _marker_of(line: str, markers: tuple[Marker, ...]) -> Marker | None:
    folded = fold(line.strip())
    for m in markers:
        if folded.startswith(m.pattern):
            return m
    return None


def find_furniture(text: str, markers: tuple[Marker, ...] | None = None) -> list[Furniture]:
    """Return furniture ranges, in text order.

    A teaser marker starts the page tail when nothing but teasers (a marker
    line and the paragraph after it) and tail blocks follow it; otherwise only
    the teaser itself is furniture, and the article goes on after it.

    >>> t = "Corps de l'article.\\nLire aussi : Autre sujet\\nRésumé.\\n"
    >>> [(f.kind, t[f.start:f.end][:10]) for f in find_furniture(t)]
    [('tail', 'Lire aussi')]
    """
    markers = default_markers() if markers is None else markers
    paras = _paragraphs(text)
    kinds: list[Marker | None] = [_marker_of(text[s:e], markers) for s, e in paras]
    out: list[Furniture] = []
    i = 0
    while i < len(paras):
        m = kinds[i]
        if m is None:
            i += 1
            continue
        start, end = paras[i]
        if m.kind == "tail":
            out.append(Furniture(start, len(text), "tail", m.pattern))
            break
        if m.kind == "line":
            out.append(Furniture(start, end, "line", m.pattern))
            i += 1
            continue
        # teaser: is the rest of the text only teasers and tails?
        if _only_furniture_after(kinds, i):
            out.append(Furniture(start, len(text), "tail", m.pattern))
            break
        teaser_end = paras[i + 1][1] if i + 1 < len(paras) and kinds[i + 1] is None else end
        out.append(Furniture(start, teaser_end, "teaser", m.pattern))
        i += 2
    return out


def _only_furniture_after(kinds: list[Marker | None], i: int) -> bool:
    j = i
    while j < len(kinds):
        m = kinds[j]
        if m is None:
            return False
        if m.kind == "tail":
            return True
        # a marker line may be followed by one teaser paragraph
        j += 2 if j + 1 < len(kinds) and kinds[j + 1] is None else 1
    return True


def content_end(text: str, furniture: list[Furniture]) -> int:
    """Offset where the article content ends: the start of the page tail."""
    for f in furniture:
        if f.kind == "tail":
            return f.start
    return len(text)


def in_furniture(start: int, end: int, furniture: list[Furniture]) -> bool:
    return any(start < f.end and end > f.start for f in furniture)
