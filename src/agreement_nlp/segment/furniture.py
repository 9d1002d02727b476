"""Finding page furniture (teasers, author archives, comment and subscription
blocks, share prompts, photo credits).

The text is never modified: furniture is reported as character ranges, and
the extractors ignore whatever falls inside them. Marker phrases are data,
in ``resources/furniture.yaml``, validated when loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc

from agreement_nlp.resources import ResourceError, check_choice, check_keys, iter_entries, load_yaml
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.text import fold, lines_with_offsets

KINDS = ("tail", "teaser", "line")
MATCHES = ("prefix", "line")
# Trailing characters ignored when a marker must match the whole line ("Partager :").
_LINE_END = " \t:.!?-–—>»|•·"


@dataclass(frozen=True)
class Marker:
    """A marker phrase (folded) and what it marks.

    ``match``: ``prefix`` (the line starts with the phrase) or ``line`` (the
    line is the phrase, give or take trailing punctuation). ``max_chars``:
    longer lines are content, not furniture (a photo credit is short).
    ``follow``: for teasers, how many paragraphs after the marker line belong
    to the teaser.
    """

    pattern: str
    kind: str
    match: str = "prefix"
    max_chars: int | None = None
    follow: int = 1


@dataclass(frozen=True)
class Furniture:
    start: int
    end: int
    kind: str
    marker: str


def _positive_int(value: object, where: str, key: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ResourceError(f"{where}: {key} must be a non-negative integer, got {value!r}")
    return value


def load_markers(path: str | Path = "furniture.yaml") -> tuple[Marker, ...]:
    """Load and validate marker phrases; raise :class:`ResourceError` naming the bad entry.

    >>> any(m.pattern == "lire aussi" for m in load_markers())
    True
    """
    markers = []
    seen: set[str] = set()
    for at, entry in iter_entries(load_yaml(path), str(path), "markers"):
        check_keys(
            entry, at, required=("pattern", "kind"), optional=("match", "max_chars", "follow")
        )
        check_choice(entry["kind"], KINDS, at)
        match = entry.get("match", "prefix")
        check_choice(match, MATCHES, at)
        if not isinstance(entry["pattern"], str) or not entry["pattern"].strip():
            raise ResourceError(f"{at}: pattern must be a non-empty string")
        pattern = fold(entry["pattern"].strip())
        if pattern in seen:
            raise ResourceError(f"{at}: duplicate pattern {entry['pattern']!r}")
        seen.add(pattern)
        max_chars = entry.get("max_chars")
        if max_chars is not None:
            max_chars = _positive_int(max_chars, at, "max_chars")
        follow = _positive_int(entry.get("follow", 1), at, "follow")
        markers.append(Marker(pattern, entry["kind"], match, max_chars, follow))
    # Longest first, so "a lire aussi" wins over "lire aussi" whatever the file order.
    return tuple(sorted(markers, key=lambda m: -len(m.pattern)))


@cache
def default_markers() -> tuple[Marker, ...]:
    return load_markers()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: press dumps put one paragraph per line."""
    return [(s, e) for s, e, line in lines_with_offsets(text) if line.strip()]


def marker_of(line: str, markers: tuple[Marker, ...] | None = None) -> Marker | None:
    """The marker a line starts with (or is), if any.

    >>> marker_of("À lire aussi : Le Mali et le Niger...").pattern
    'a lire aussi'
    >>> marker_of("Partagez-vous cet avis ? demande le ministre.") is None
    True
    """
    markers = default_markers() if markers is None else markers
    stripped = line.strip()
    folded = fold(stripped)
    for m in markers:
        if m.max_chars is not None and len(stripped) > m.max_chars:
            continue
        if m.match == "line":
            if folded.rstrip(_LINE_END) == m.pattern:
                return m
        elif folded.startswith(m.pattern):
            return m
    return None


def find_furniture(text: str, markers: tuple[Marker, ...] | None = None) -> list[Furniture]:
    """Return furniture ranges, in text order.

    A teaser marker starts the page tail when nothing but teasers (a marker
    line and the paragraphs after it) and tail blocks follow it; otherwise
    only the teaser itself is furniture, and the article goes on after it.

    >>> t = "Corps de l'article.\\nLire aussi : Autre sujet\\nRésumé.\\n"
    >>> [(f.kind, t[f.start:f.end][:10]) for f in find_furniture(t)]
    [('tail', 'Lire aussi')]
    """
    markers = default_markers() if markers is None else markers
    paras = _paragraphs(text)
    kinds: list[Marker | None] = [marker_of(text[s:e], markers) for s, e in paras]
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
        n = _teaser_length(kinds, i)
        out.append(Furniture(start, paras[i + n - 1][1], "teaser", m.pattern))
        i += n
    return out


def _teaser_length(kinds: list[Marker | None], i: int) -> int:
    """Paragraphs taken by the teaser at ``i``: its line and up to ``follow`` plain paragraphs."""
    marker = kinds[i]
    follow = marker.follow if marker is not None else 0
    n = 1
    while n <= follow and i + n < len(kinds) and kinds[i + n] is None:
        n += 1
    return n


def _only_furniture_after(kinds: list[Marker | None], i: int) -> bool:
    j = i
    while j < len(kinds):
        m = kinds[j]
        if m is None:
            return False
        if m.kind == "tail":
            return True
        j += _teaser_length(kinds, j) if m.kind == "teaser" else 1
    return True


def content_end(text: str, furniture: list[Furniture]) -> int:
    """Offset where the article content ends: the start of the page tail."""
    for f in furniture:
        if f.kind == "tail":
            return f.start
    return len(text)


def in_furniture(start: int, end: int, furniture: list[Furniture]) -> bool:
    return any(start < f.end and end > f.start for f in furniture)


def content_bounds(doc: Doc) -> tuple[int, list[tuple[int, int]]]:
    """Where an article's content ends, and the furniture spans inside it."""
    end = doc._.content_end if doc._.content_end is not None else len(text_of(doc))
    holes = [(s.start_char, s.end_char) for s in doc.spans.get("furniture", [])]
    return end, holes


def outside_content(start: int, end: int, content_end: int, holes: list[tuple[int, int]]) -> bool:
    """Whether ``start:end`` runs past the content or into furniture."""
    return end > content_end or any(start < he and end > hs for hs, he in holes)
