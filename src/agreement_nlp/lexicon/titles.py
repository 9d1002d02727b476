"""Titles, ranks and honorifics around names (``resources/titles.yaml``)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from agreement_nlp.resources import ResourceError, load_yaml
from agreement_nlp.text import fold

# Determiners that may stand between a role and a title: "le ministre, le Général X".
_LINKS = r"(?:le|la|l'|les|du|de|des|notre|son|sa)"


def load_titles(path: str | Path = "titles.yaml") -> tuple[str, ...]:
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("titles"), list):
        raise ResourceError(f"{path}: expected a mapping with a 'titles' list")
    out = []
    for i, t in enumerate(data["titles"]):
        if not isinstance(t, str) or not t.strip():
            raise ResourceError(f"{path}: titles[{i}] must be a non-empty string")
        out.append(t.strip())
    return tuple(sorted(set(out), key=len, reverse=True))


@cache
def _title_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    alts = "|".join(re.escape(fold(t)) for t in load_titles())
    # A title ends on a word boundary, or right after its final dot ("M.").
    leading = re.compile(rf"^\s*(?:{alts})(?:(?<=\.)|(?![\w'-]))\s*")
    trailing = re.compile(
        rf"(?:^|(?<=[\s,('’]))(?:{alts})(?:(?<=\.)|(?![\w'-]))[\s,]*(?:{_LINKS}\s*)?$"
    )
    return leading, trailing


def split_leading_titles(text: str) -> tuple[str, str]:
    """Split titles off the start of a name: (titles as written, rest).

    >>> split_leading_titles("Général d'armée Assimi Goïta")
    ("Général d'armée", 'Assimi Goïta')
    >>> split_leading_titles("Mme Awa Ba")
    ('Mme', 'Awa Ba')
    """
    leading, _ = _title_regexes()
    pos = 0
    folded = fold(text)
    while True:
        # "^" anchors at the start of the string, so match the rest, not from ``pos``.
        m = leading.match(folded[pos:])
        if m is None or m.end() == 0:
            break
        pos += m.end()
    return text[:pos].strip(), text[pos:]


def title_across(text: str, start: int, end: int, window: int = 40) -> int:
    """Where a name begins when a title runs over its start, else ``start``.

    A name found from offset ``start`` may begin inside a title that started before it
    ("le Général de Division Salifou MAHAMADOU" with the name read from "Division"): the
    name then begins after the title.

    >>> t = "le Général de Division Salifou MAHAMADOU"
    >>> t[title_across(t, t.index("Division"), len(t)):]
    'Salifou MAHAMADOU'
    """
    lo = max(0, start - window)
    for m in re.finditer(r"(?:^|(?<=\s))\S", text[lo:start]):
        begin = lo + m.start()
        titles, rest = split_leading_titles(text[begin:end])
        if titles and begin + len(titles) > start:
            after = end - len(rest)
            return after + len(rest) - len(rest.lstrip())
    return start


def title_before(text: str, start: int, window: int = 80) -> tuple[str, int]:
    """Titles written just before offset ``start``: (title, offset where it starts).

    >>> t = "le Général de corps d'armée Sadio Camara"
    >>> title_before(t, t.index("Sadio"))
    ("Général de corps d'armée", 3)
    """
    _, trailing = _title_regexes()
    lo = max(0, start - window)
    folded = fold(text[lo:start])
    found_start = start
    end = len(folded)
    while True:
        m = trailing.search(folded[:end])
        if m is None or m.start() == end:
            break
        found_start = lo + m.start()
        end = m.start()
        folded_tail = folded[:end].rstrip()
        end = len(folded_tail)
    if found_start == start:
        return "", start
    raw = text[found_start:start]
    # keep the title words only, not the trailing determiners or commas
    raw = re.sub(rf"[\s,]+(?:{_LINKS}\s+)?$", "", raw, flags=re.I)
    return raw.strip(), found_start
