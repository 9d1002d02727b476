"""Reading a ministerial portfolio after "ministre"/"ministère".

"le ministre de l'Économie et des Finances, Alousséni Sanou"
    -> portfolio "de l'Économie et des Finances"
"le ministre du Développement économique de la Fédération de Russie"
    -> portfolio "du Développement économique", country RUS
"le ministre russe des Affaires étrangères"
    -> portfolio "des Affaires étrangères", country RUS

The portfolio is a chain of segments, each a preposition ("de", "du", "des",
"de la", "de l'", "d'") and a head noun (capitalised, or a known portfolio
word) with its adjectives, joined by "," or "et". A segment naming a country
ends the portfolio and gives the country instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from agreement_nlp.lexicon import gazetteer
from agreement_nlp.resources import ResourceError, cached_yaml, load_yaml
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.text import fold

_PREPS = {"de", "du", "des", "d'", "aux", "au", "a"}
_DETS = {"la", "l'", "le", "les"}
_CHARGE = {"charge", "chargee", "charges", "chargees"}
# Capitalised words that never start a portfolio ("et de Madame X").
_NOT_HEADS = {
    "madame",
    "monsieur",
    "mme",
    "m.",
    "mademoiselle",
    "son",
    "sa",
    "leur",
    "ministre",
    "ministres",
    "garde",
    "secretaire",
    "president",
    "presidente",
    "premier",
    "directeur",
}
_MAX_TOKENS = 40


@dataclass(frozen=True)
class Portfolio:
    text: str  # as written, from the first preposition: "de l'Économie et des Finances"
    start: int
    end: int
    country: str | None  # from "de la Fédération de Russie" or "ministre russe"
    country_text: str | None
    end_token: int  # index of the token after everything read (portfolio and country)


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    return lexicon_words(cached_yaml("portfolios.yaml"))


def load_lexicon(path: str | Path) -> tuple[frozenset[str], frozenset[str]]:
    """The heads and inner prepositions of the portfolio lexicon file at ``path``."""
    return lexicon_words(load_yaml(path), str(path))


def lexicon_words(
    data: Any, where: str = "portfolios.yaml"
) -> tuple[frozenset[str], frozenset[str]]:
    """The folded ``heads`` and ``inner_prepositions`` of a portfolio lexicon, validated.

    A head listed twice (after folding) is an error naming the file and the entry.

    >>> sorted(lexicon_words({"heads": ["Santé", "Justice"], "inner_prepositions": ["avec"]})[0])
    ['justice', 'sante']
    >>> lexicon_words({"heads": ["Santé", "sante"], "inner_prepositions": []})
    Traceback (most recent call last):
    ...
    agreement_nlp.resources.ResourceError: portfolios.yaml: heads[1]: duplicate head 'sante' (already heads[0])
    """
    try:
        heads = _unique_heads(data["heads"], where)
        inner = frozenset(fold(str(w)) for w in data["inner_prepositions"])
    except (KeyError, TypeError) as exc:
        raise ResourceError(
            f"{where}: needs 'heads' and 'inner_prepositions' lists ({exc})"
        ) from exc
    return heads, inner


def _unique_heads(words: Iterable[Any], where: str) -> frozenset[str]:
    first_at: dict[str, int] = {}
    for i, word in enumerate(words):
        head = fold(str(word))
        if head in first_at:
            raise ResourceError(
                f"{where}: heads[{i}]: duplicate head {str(word)!r} (already heads[{first_at[head]}])"
            )
        first_at[head] = i
    return frozenset(first_at)


@cache
def _participle_phrases() -> tuple[str, ...]:
    return participle_phrases(cached_yaml("portfolios.yaml"))


def participle_phrases(data: object, where: str = "portfolios.yaml") -> tuple[str, ...]:
    """The folded ``participle_phrases`` of a portfolio lexicon, validated.

    >>> participle_phrases({"participle_phrases": ["résidant à l'étranger"]})
    ("residant a l'etranger",)
    """
    phrases = data.get("participle_phrases") if isinstance(data, dict) else None
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p for p in phrases):
        raise ResourceError(f"{where}: 'participle_phrases' must be a list of phrases")
    return tuple(fold(p) for p in phrases)


def _participle_end(doc: Doc, k: int, end: int) -> int:
    """Index after a participle phrase of the portfolio starting at token ``k``, or ``k``."""
    rest = fold(text_of(doc)[doc[k].idx : doc[k].idx + 40])
    for phrase in _participle_phrases():
        if rest.startswith(phrase) and not rest[len(phrase) : len(phrase) + 1].isalnum():
            stop = doc[k].idx + len(phrase)
            j = k
            while j < end and doc[j].idx < stop:
                j += 1
            return j
    return k


def _f(tok: Token) -> str:
    return fold(tok.text)


def _is_head(tok: Token, continuing: bool) -> bool:
    """A portfolio head: capitalised, a known portfolio word, or (after the first
    segment) any lower-case noun: "de l'Agriculture, de la souveraineté alimentaire"."""
    heads, _ = _lexicon()
    if tok.is_punct or tok.is_space or tok.like_num or _f(tok) in _NOT_HEADS:
        return False
    # The tagger's person spans spill over a role after a name ("M. X.\n\nLe Ministre de la
    # Communication"): a known portfolio word stays a head.
    if tok.ent_type_ == "PER" and _f(tok) not in heads:
        return False
    if tok.text[:1].isupper() or _f(tok) in heads:
        return True
    return continuing and tok.pos_ == "NOUN"


def _is_adjective(tok: Token) -> bool:
    # Lower-case words that qualify a portfolio head: "étrangères", "supérieur";
    # a demonym ("russe") says whose ministry it is instead.
    if tok.text[:1].islower() and gazetteer.country_code(tok.text) is not None:
        return False
    return (
        tok.text[:1].islower()
        and tok.pos_ in ("ADJ", "NOUN")
        and _f(tok) not in _PREPS | _DETS | {"et", "ou"}
        and not tok.is_stop
    ) or (tok.pos_ == "ADJ" and tok.text[:1].isupper() and not tok.is_sent_start)


def _is_capitalised_part(tok: Token) -> bool:
    # "des Anciens Combattants", "de la Fonction Publique": a capitalised word
    # goes on the portfolio, unless it starts a name or a country.
    return (
        tok.text[:1].isupper()
        and not tok.is_sent_start
        and tok.ent_type_ != "PER"
        and gazetteer.city_country(tok.text) is None
        and tok.pos_ in ("NOUN", "ADJ", "PROPN")
        and _f(tok) not in _NOT_HEADS
        and gazetteer.country_code(tok.text) is None
    )


def _prep_at(doc: Doc, i: int, end: int) -> int:
    """Index of the head token after a preposition at ``i`` ("de", "de la", "d'"...), or -1."""
    if i >= end:
        return -1
    f = _f(doc[i])
    if f in _CHARGE and i + 1 < end and _f(doc[i + 1]) in _PREPS:
        i += 1
        f = _f(doc[i])
    if f not in _PREPS:
        return -1
    j = i + 1
    if f in ("de", "a") and j < end and _f(doc[j]) in {"la", "l'"}:
        j += 1
    return j if j < end else -1


def _country_at(doc: Doc, i: int, end: int) -> tuple[str, int] | None:
    """A country name starting at token ``i`` ("Fédération de Russie", "Sénégal"): (code, end)."""
    for n in range(min(5, end - i), 0, -1):
        if doc[i + n - 1].is_punct:
            continue
        phrase = doc[i : i + n].text
        # A country's name, not its people ("des Ivoiriens de l'Extérieur" is a portfolio).
        places = gazetteer.find_places(phrase)
        if len(places) == 1 and places[0].kind == "country_name" and places[0].text == phrase:
            return places[0].code, i + n
    return None


def read_portfolio(doc: Doc, i: int, limit: int | None = None) -> Portfolio | None:
    """Read a portfolio starting at token ``i`` (right after the role word)."""
    end = min(len(doc), limit if limit is not None else len(doc), i + _MAX_TOKENS)
    country, i = _country_before(doc, i, end)
    # "ministre chargé de l'Économie": the portfolio starts at the preposition
    if i < end and _f(doc[i]) in _CHARGE:
        i += 1
    first = i
    read = _read_segments(doc, i, end)
    if read is None:
        return None
    last, k, named = read
    country = named or country
    if country is None:
        country, k = _country_after(doc, last, end, k)
    span = doc[first : last + 1]
    return Portfolio(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        country=country[0] if country else None,
        country_text=country[1] if country else None,
        end_token=max(k, last + 1),
    )


def _country_before(doc: Doc, i: int, end: int) -> tuple[tuple[str, str] | None, int]:
    """A demonym right after the role word: ((code, as written), index after it), or (None, i)."""
    # "ministre russe des Affaires étrangères"
    if i < end and doc[i].text[:1].islower():
        code = gazetteer.country_code(doc[i].text)
        if code is not None:
            return (code, doc[i].text), i + 1
    return None, i


def _read_segments(doc: Doc, i: int, end: int) -> tuple[int, int, tuple[str, str] | None] | None:
    """The chain of segments from token ``i``: (index of the portfolio's last token,
    index after everything read, the (code, as written) of a country segment ending it);
    None when there is no portfolio (no segment, or a country first)."""
    _, inner = _lexicon()
    country: tuple[str, str] | None = None
    last = -1  # index of the last token of the portfolio
    k = i
    while k < end:
        head = _prep_at(doc, k, end)
        if head < 0 or not _is_head(doc[head], continuing=last >= 0):
            break
        found = _country_at(doc, head, end)
        if found is not None:
            if last < 0:
                return None
            country = found[0], doc[head : found[1]].text
            k = found[1]
            break
        last = head
        k = _read_segment(doc, head + 1, end, inner)
        last = max(last, k - 1)
        nxt = _next_segment(doc, k, end)
        if nxt is None:
            break
        k = nxt
    if last < 0:
        return None
    return last, k, country


def _next_segment(doc: Doc, k: int, end: int) -> int | None:
    """Where the next segment starts after the segment ending before ``k``, or None."""
    # joiners to the next segment: ",", "et", ", et", or none ("de l'Économie du Plan")
    nxt = k
    if nxt < end and doc[nxt].text == ",":
        nxt += 1
    if nxt < end and _f(doc[nxt]) == "et":
        nxt += 1
    head = _prep_at(doc, nxt, end)
    if head >= 0 and _is_head(doc[head], continuing=True):
        # Without a joiner, only "du Plan" after a capitalised head, or
        # "des territoires" after a lower-case one, goes on.
        # Without a joiner: "de l'Économie du Plan", "de l'Administration du territoire";
        # a "chargé de ..." after the portfolio belongs to another office.
        if _f(doc[nxt]) in _CHARGE or (nxt > k and _f(doc[k + 1]) in _CHARGE):
            return None
        if _country_at(doc, head, end) is None or nxt == k:
            return nxt
    return None


def _country_after(doc: Doc, last: int, end: int, k: int) -> tuple[tuple[str, str] | None, int]:
    """A country after the portfolio's last token ``last``: ((code, as written), index after
    everything read), or (None, k)."""
    # "du Développement économique de la Fédération de Russie"
    head = _prep_at(doc, last + 1, end)
    if head >= 0 and (found := _country_at(doc, head, end)) is not None:
        return (found[0], doc[head : found[1]].text), max(k, found[1])
    # "le ministre des Affaires étrangères russe"
    if last + 1 < end and doc[last + 1].text[:1].islower():
        code = gazetteer.country_code(doc[last + 1].text)
        if code is not None:
            return (code, doc[last + 1].text), max(k, last + 2)
    return None, k


def _read_segment(doc: Doc, k: int, end: int, inner: frozenset[str]) -> int:
    """Past the head: adjectives, capitalised parts and inner phrases; the index after them."""
    while k < end:
        tok = doc[k]
        if _is_capitalised_part(tok) or _is_adjective(tok):
            k += 1
        elif (after := _participle_end(doc, k, end)) > k:
            k = after
        elif (
            _f(tok) in {"et", "ou"}
            and k + 1 < end
            and (
                _is_capitalised_part(doc[k + 1])
                or (
                    _is_adjective(doc[k + 1])
                    and (_is_adjective(doc[k - 1]) or doc[k - 1].pos_ == "ADJ")
                )
            )
        ):
            # "des Transports terrestres et aériens", "des Petites et Moyennes Entreprises",
            # "des Routes et Autoroutes"
            k += 2
        elif _f(tok) in inner:
            j = k + 1
            while j < end and _f(doc[j]) in _DETS:
                j += 1
            # "des Relations avec les Institutions"; lower case only after "avec"
            # ("avec les institutions"), not "pour les populations".
            if (
                j < end
                and (doc[j].text[:1].isupper() or (_f(tok) == "avec" and doc[j].pos_ == "NOUN"))
                and not doc[j].is_punct
            ):
                k = j + 1
            else:
                break
        else:
            break
    return k


def ministry_name(portfolio: str, prefix: str = "Ministère") -> str:
    """Canonical ministry name: "Ministère " + the portfolio as worded
    (a secretary of state's is "Secrétariat d'État " + portfolio).

    >>> ministry_name("de l’Économie  et des Finances")
    'Ministère de l’Économie et des Finances'
    """
    return prefix + " " + " ".join(portfolio.split())


def ministry_key(name: str) -> str:
    """A key to tell two wordings of one ministry apart from another ministry."""
    return " ".join(fold(name).replace("ministere", "").replace("secretariat d'etat", "").split())
