"""Pure matching rules: when a predicted row and a gold row are "the same".

The gold is table-level (no offsets), so rows are paired by their names. Every
rule here is a pure function of two strings; :func:`greedy_match` then pairs
rows one-to-one. The rules, also described in ``docs/evaluation.md``:

Person names (:func:`same_name`)
    Both names are folded (accents, case, apostrophes, dashes), leading titles
    and ranks are removed ("M.", "Mme", "Dr", "Pr", "Général", "Son Excellence"...),
    punctuation becomes space. Two names are the same when

    1. their tokens, sorted, have a similarity ``ratio >= 0.85`` (typos and
       word order: "Alousséni Sanou" == "Alousséini Sanou", "FAYE Bassirou" ==
       "Bassirou Faye"), or
    2. every token of the shorter name matches a distinct token of the longer
       one (a token matches when ``ratio >= 0.85``, or when it is a one-letter
       initial of it) and the shorter name keeps at least one real word of 3+
       letters ("Diomaye" == "Bassirou Diomaye Faye", "A. Diop" == "Abdoulaye
       Diop"), but "Oumar Diop" != "Abdoulaye Diop" (the first names differ).

Ministries (:func:`ministry_key`, :func:`same_ministry`)
    Strict key: folded, punctuation removed, the word "ministère"/"ministre" and
    the function words (articles, prepositions, conjunctions) dropped, the
    remaining content words sorted and deduplicated. Two ministries are
    strictly the same when their keys are equal: "Ministère de l'Économie et
    des Finances" == "ministère de l’economie et des finances" == "Ministère des
    Finances et de l'Économie". The strict key is the primary score.
    Lenient: every content word of the shorter key matches (``ratio >= 0.85``)
    a word of the longer one, and the shorter covers at least half of the
    longer's words: "Ministère des Affaires étrangères" ~ "Ministère des
    Affaires étrangères et de la Coopération internationale", but "Ministère
    de la Santé" !~ "Ministère de la Santé, de l'Action sociale, de la Famille
    et de la Solidarité" (1 of 5 words). It is reported as a second row.

Agreement titles (:func:`title_similarity`, :func:`same_title`)
    Folded titles without punctuation and function words. The words that
    tell agreements apart are those left once the generic agreement words are
    dropped too ("accord", "convention", "mémorandum", "entente", "protocole",
    "coopération", "domaine", ...). When both titles have such distinctive
    words: similarity 1.0 if those of one are all found (``ratio >= 0.85``) in
    the other ("Accord de défense" == "Accord de défense et de sécurité entre
    le Mali et la Russie"), else the token-sort ratio of the distinctive words
    ("Mémorandum ... de la santé" != "Mémorandum ... de l'énergie"). When one
    title has none (a bare "accord"), the token-sort ratio of all content
    words: a bare "accord" must not match every "Accord de ..." of the
    article. Same title when ``>= 0.7``. (rapidfuzz's token-set ratio was
    tried and rejected: shared generic words alone gave 0.85.)

Agreement evidence (:func:`same_evidence`)
    A second way for an agreement to pair, when the titles differ (the gold
    title is often a description, "Programme signé avec le FMI"): the gold
    evidence quote and the predicted evidence sentence overlap, i.e. the
    shorter of the two (folded, at least 4 words) is found in the longer with
    rapidfuzz's ``partial_ratio >= 0.9``. Title pairs rank before evidence-only
    pairs; among candidates, overlapping parties then the same type break ties
    (see ``scoring``).

>>> same_name("Mme Awa Traoré", "awa traore")
True
>>> same_ministry("Ministère de l'Économie et des Finances",
...               "ministère des finances et de l’economie")
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz

from agreement_nlp.text import fold

NAME_THRESHOLD = 0.85
TOKEN_THRESHOLD = 0.85
TITLE_THRESHOLD = 0.7
EVIDENCE_THRESHOLD = 0.9
EVIDENCE_MIN_WORDS = 4
MINISTRY_COVERAGE = 0.5


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, so that the lists stay readable."""
    return frozenset(text.split())


# Titles and ranks that may precede a name; folded, dots removed. Multi-word
# titles are token tuples; longer titles are tried first.
_TITLES: tuple[tuple[str, ...], ...] = tuple(
    (t,)
    for t in _words(
        "m mm mme mmes mlle monsieur messieurs madame mademoiselle dr docteur pr professeur "
        "me maitre mgr monseigneur sem se excellence honorable general generale colonel "
        "commandant capitaine lieutenant amiral marechal sergent adjudant"
    )
)
_MULTI_TITLES: tuple[tuple[str, ...], ...] = (
    ("son", "excellence"),
    ("sa", "majeste"),
    ("general", "d", "armee"),
    ("general", "de", "division"),
    ("general", "de", "brigade"),
    ("general", "de", "corps", "d", "armee"),
    ("lieutenant", "colonel"),
    ("colonel", "major"),
    ("le", "president"),
)
# Function words dropped from ministry names and agreement titles: articles,
# prepositions, conjunctions. Content words carry the identity. "chargé"
# goes too: "ministre chargé du Budget" is the Budget portfolio.
_FUNCTION_WORDS = _words(
    "le la les l un une des de du d et ou a au aux en dans par pour sur sous avec entre chez "
    "charge chargee"
)
# Words every agreement title may share: they say what kind of act it is, not which.
_GENERIC_TITLE_WORDS = _words(
    "accord accords cadre convention conventions memorandum memorandums entente protocole "
    "protocoles traite traites contrat contrats declaration declarations conjointe commune "
    "cooperation domaine domaines matiere relatif relative portant signe signes signee signees "
    "nouvel nouveau nouvelle"
)
_MINISTRY_WORDS = frozenset({"ministere", "ministeres", "ministre", "ministres"})
_NON_WORD = re.compile(r"[^\w]+")
_ACRONYM = re.compile(r"(?:\b\w\.){2,}")


def _tokens(text: str) -> list[str]:
    """Folded word tokens: punctuation, apostrophes and dashes become spaces."""
    return [t for t in _NON_WORD.sub(" ", fold(text)).split() if t and t != "_"]


def name_tokens(name: str) -> list[str]:
    """Folded tokens of a person's name, leading titles and ranks removed.

    >>> name_tokens("Son Excellence M. Bassirou Diomaye FAYE")
    ['bassirou', 'diomaye', 'faye']
    """
    # Dotted acronyms lose their dots so that "S.E.M." reads as one title, "sem".
    tokens = _tokens(_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), name))
    titles = sorted(_MULTI_TITLES + _TITLES, key=len, reverse=True)
    changed = True
    while changed and tokens:
        changed = False
        for title in titles:
            n = len(title)
            # Never strip the whole name: "Général" alone stays a (poor) name.
            if tuple(tokens[:n]) == title and len(tokens) > n:
                tokens = tokens[n:]
                changed = True
                break
    return tokens


def normalise_name(name: str) -> str:
    """The folded form names are compared on.

    >>> normalise_name("Dr. Alousséni  SANOU")
    'alousseni sanou'
    """
    return " ".join(name_tokens(name))


def _ratio(a: str, b: str) -> float:
    return fuzz.ratio(a, b) / 100.0


def _token_matches(short: str, long: str) -> bool:
    if len(short) == 1:  # an initial, "A." in "A. Diop"
        return long.startswith(short)
    return _ratio(short, long) >= TOKEN_THRESHOLD


def _contained(shorter: list[str], longer: list[str]) -> bool:
    """Every token of ``shorter`` matches a distinct token of ``longer``, in order of best fit."""
    if not any(len(t) >= 3 for t in shorter):
        return False
    free = list(longer)
    for token in sorted(shorter, key=len, reverse=True):  # full words claim first
        hit = next((c for c in free if _token_matches(token, c)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def name_similarity(a: str, b: str) -> float:
    """Similarity of two person names in [0, 1]; names are the same from 0.85.

    Sorted-token ratio, raised to at least 0.85 (plus a bonus for how much of
    the longer name is covered) when one name is contained in the other.

    >>> name_similarity("Oumar Diop", "Abdoulaye Diop") < 0.85
    True
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return 0.0
    score = _ratio(" ".join(sorted(ta)), " ".join(sorted(tb)))
    shorter, longer = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    # Equal lengths: either may hold the initials ("A. Diop" / "Abdoulaye Diop").
    contained = _contained(shorter, longer) or (len(ta) == len(tb) and _contained(longer, shorter))
    if score < 1.0 and contained:
        score = max(score, NAME_THRESHOLD + 0.1 * len(shorter) / len(longer))
    return min(score, 1.0)


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two person names designate the same person (see module doc).

    >>> same_name("Diomaye", "Bassirou Diomaye Faye")
    True
    >>> same_name("Oumar Diop", "Abdoulaye Diop")
    False
    """
    if not a or not b:
        return False
    return name_similarity(a, b) >= NAME_THRESHOLD


def _content_words(text: str, *, drop: frozenset[str] = frozenset()) -> list[str]:
    return [t for t in _tokens(text) if t not in _FUNCTION_WORDS and t not in drop]


def ministry_words(name: str) -> list[str]:
    """Sorted distinct content words of a ministry name.

    >>> ministry_words("Ministère de l’Économie et des Finances")
    ['economie', 'finances']
    """
    return sorted(set(_content_words(name, drop=_MINISTRY_WORDS)))


def ministry_key(name: str | None) -> str:
    """The strict comparison key of a ministry name ("" when there is none).

    >>> ministry_key("Ministère des Finances et de l'Économie")
    'economie finances'
    """
    return " ".join(ministry_words(name)) if name else ""


def same_ministry(a: str | None, b: str | None, *, lenient: bool = False) -> bool:
    """Whether two ministry names are the same ministry.

    Strict: equal :func:`ministry_key`. Lenient: one-directional containment of
    content words covering at least half of the longer name (see module doc).

    >>> same_ministry("Ministère des Affaires étrangères",
    ...               "Ministère des Affaires étrangères et de la Coopération internationale")
    False
    >>> same_ministry("Ministère des Affaires étrangères",
    ...               "Ministère des Affaires étrangères et de la Coopération internationale",
    ...               lenient=True)
    True
    """
    wa, wb = ministry_words(a or ""), ministry_words(b or "")
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    if not lenient:
        return False
    shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(shorter) / len(longer) < MINISTRY_COVERAGE:
        return False
    return _all_found(shorter, longer)


def _all_found(shorter: list[str], longer: list[str]) -> bool:
    """Every word of ``shorter`` matches (``ratio >= 0.85``) a distinct word of ``longer``."""
    free = list(longer)
    for word in shorter:
        hit = next((w for w in free if _ratio(word, w) >= TOKEN_THRESHOLD), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def title_words(title: str) -> list[str]:
    """Folded content words of an agreement title, in order.

    >>> title_words("Accord de coopération militaire avec la Russie")
    ['accord', 'cooperation', 'militaire', 'russie']
    """
    return _content_words(title)


def title_similarity(a: str | None, b: str | None) -> float:
    """Similarity of two agreement titles in [0, 1].

    >>> title_similarity("accord de défense",
    ...                  "Accord de défense et de sécurité entre le Mali et la Russie")
    1.0
    >>> title_similarity("accord", "Accord de défense") < TITLE_THRESHOLD
    True
    """
    wa, wb = title_words(a or ""), title_words(b or "")
    if not wa or not wb:
        return 0.0
    da = [w for w in wa if w not in _GENERIC_TITLE_WORDS]
    db = [w for w in wb if w not in _GENERIC_TITLE_WORDS]
    if da and db:
        shorter, longer = (da, db) if len(da) <= len(db) else (db, da)
        if _all_found(shorter, longer):
            return 1.0
        return float(fuzz.token_sort_ratio(" ".join(da), " ".join(db))) / 100.0
    return float(fuzz.token_sort_ratio(" ".join(wa), " ".join(wb))) / 100.0


def same_title(a: str | None, b: str | None) -> bool:
    """Whether two agreement titles name the same agreement (similarity >= 0.7)."""
    return title_similarity(a, b) >= TITLE_THRESHOLD


def evidence_overlap(a: str | None, b: str | None) -> float:
    """How well the shorter quote is found in the longer one, in [0, 1].

    0.0 when the shorter has fewer than 4 words: a few words recur everywhere.

    >>> evidence_overlap("a signé un accord de prêt avec la BAD",
    ...                  "Hier, le ministre a signé un accord de prêt avec la BAD à Bamako.")
    1.0
    """
    wa, wb = _tokens(a or ""), _tokens(b or "")
    shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(shorter) < EVIDENCE_MIN_WORDS:
        return 0.0
    return float(fuzz.partial_ratio(" ".join(shorter), " ".join(longer))) / 100.0


def same_evidence(a: str | None, b: str | None) -> bool:
    """Whether two evidence quotes point at the same passage (overlap >= 0.9)."""
    return evidence_overlap(a, b) >= EVIDENCE_THRESHOLD


def normalise_code(value: str | None) -> str:
    """Country or organisation code compared case- and accent-insensitively ("" if none).

    >>> normalise_code(" sen ")
    'SEN'
    """
    return fold(value).strip().upper() if value else ""


def same_parties(a: Iterable[str] | None, b: Iterable[str] | None) -> bool:
    """Parties are equal as sets of normalised codes, whatever the order.

    >>> same_parties(["SEN", "bad"], ["BAD", "SEN"])
    True
    """
    return {normalise_code(x) for x in a or []} - {""} == {normalise_code(x) for x in b or []} - {
        ""
    }


def parties_overlap(a: Iterable[str] | None, b: Iterable[str] | None) -> float:
    """Jaccard overlap of two party lists in [0, 1] (0 when both are empty)."""
    sa = {normalise_code(x) for x in a or []} - {""}
    sb = {normalise_code(x) for x in b or []} - {""}
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def greedy_match(scores: Mapping[tuple[int, int], float]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best score first.

    ``scores`` holds only the admissible pairs. Ties go to the earlier gold
    row, then the earlier prediction, so the result is deterministic. Greedy
    is enough here: an article has few rows, and a pair only exists when both
    names are already the same by the rules above.

    >>> greedy_match({(0, 0): 0.9, (0, 1): 0.95, (1, 1): 0.9})
    [(0, 1)]
    >>> greedy_match({(0, 0): 0.9, (1, 1): 0.9})
    [(0, 0), (1, 1)]
    """
    order = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for (g, p), _score in order:
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        pairs.append((g, p))
    return sorted(pairs)
