"""Agreements of one article: type, title, parties, status, date, place, signatories.

1. Agreement words (``resources/agreements.yaml``) are found in the content;
   uses that are never agreements ("d'accord", "en accord avec") are dropped.
2. A singular word followed by what the agreement is about ("Accord sur la
   création de…", "un protocole d'accord pour établir…"), or a heading line,
   names a distinct agreement. "cet accord", "le document"-style references
   and bare "l'accord" join the last agreement named; plural mentions
   ("plusieurs accords") only give the article's signing context.
3. Each agreement reads its context: its own sentence and the sentences
   after it, up to the next agreement. Status, signatories, date and place
   come from there, then from the article's signing sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.fuzz import token_set_ratio
from spacy.tokens import Doc

from agreement_nlp.extraction.agreements.enumeration import (
    MAX_ITEMS_AFTER,
    Count,
    find_count,
    read_item,
)
from agreement_nlp.extraction.agreements.rules import (
    AgreementRules,
    TypeRule,
    default_rules,
    domains_of,
    status_cues,
    status_of,
)
from agreement_nlp.extraction.entities import Agreement, Mention, Ministry, Person, Signatory
from agreement_nlp.extraction.persons.persons import content_bounds
from agreement_nlp.lexicon import gazetteer
from agreement_nlp.lexicon.companies import named_companies, without_legal_form
from agreement_nlp.lexicon.roles import find_role_triggers
from agreement_nlp.segment.doccache import entities_of, text_of
from agreement_nlp.segment.sentences import Segment, Segments
from agreement_nlp.text import fold, squash

SOURCE = "rule:agreement"
MAX_TITLE_TOKENS = 45
MAX_CONTEXT = 4  # sentences an agreement reads after its own
LOOK_BACK = 2  # signing sentences before the first agreement that it reads
SAME_TITLE = 90.0
_STOP_LEMMAS = {"qui", "que", "dont", "lequel", "laquelle", "lesquels", "lesquelles"}


@dataclass
class Found:
    start: int
    end: int
    rule: TypeRule
    kind: str  # "named", "ref", "bare", "plural"
    seg: int
    title: str = ""
    title_end: int = 0
    vetted: bool = False  # an item of a counted list: its public party was checked there


@dataclass
class _Draft:
    named: Found
    refs: list[Found] = field(default_factory=list)
    context: list[int] = field(default_factory=list)  # segment indexes
    shared: list[int] = field(default_factory=list)  # sentences about several agreements


def _find(
    doc: Doc, segs: Segments, end: int, holes: list[tuple[int, int]], rules: AgreementRules
) -> list[Found]:
    text = text_of(doc)
    folded = fold(text[:end])
    excluded = [(m.start(), m.end()) for m in rules.exclude_regex.finditer(folded)]
    out = []
    for m in rules.type_regex.finditer(folded):
        s, e = m.start(), m.end()
        # "en accord avec" hides "accord"; "d'accord" does not hide "protocole d'accord".
        hidden = any(s < xe and e > xs and not (s <= xs and xe <= e) for xs, xe in excluded)
        if hidden or any(s < he and e > hs for hs, he in holes):
            continue
        rule = rules.type_rule(m.group(0))
        seg = segs.index_of(s)
        found = Found(s, e, rule, "bare", seg)
        before = folded[max(0, s - 14) : s]
        if rule.plural:
            found.kind = "plural"
            _read_title(doc, segs, found, rules)
            # "les accords d'Évian", "des accords de coopération militaire entre le Mali
            # et la Russie": a plural that names one set of texts.
            if found.kind == "named" and not _names_one_set(found, text):
                found.kind, found.title = "plural", ""
        elif re.search(
            r"(?:^|\W)(?:" + "|".join(map(re.escape, rules.anaphoric)) + r")\s*$", before
        ):
            found.kind = "ref"
        else:
            _read_title(doc, segs, found, rules)
        out.append(found)
    return out


_LIST_ITEM = re.compile(r"[ \t\xa0]*[-•*–][ \t]+(?:(?:d'un|d'une|un|une|le|la|l'|les|des|du)\s*)?")


def _announced_list(text: str, line_start: int) -> bool:
    """Whether the bullet line at ``line_start`` belongs to a list whose first line before
    the bullets ends with a colon."""
    pos = line_start
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev_start : pos - 1].strip()
        if line and not _LIST_ITEM.match(fold(line) + " "):
            return line.endswith(":")
        pos = prev_start
    return False


def _enumerated(doc: Doc, segs: Segments, found: list[Found], rules: AgreementRules) -> list[Found]:
    """Items of a counted list that carry no agreement title of their own ("Le troisième
    porte sur ...") become named agreements (see :mod:`agreement_nlp.extraction.agreements.enumeration`)."""
    text = text_of(doc)
    vocab = rules.enumeration
    count: Count | None = None
    count_seg = -1
    for i in range(len(segs)):
        folded = segs.folded_of(i)
        item = read_item(folded, vocab) if count is not None else None
        if item is None or i > count_seg + MAX_ITEMS_AFTER:
            c = find_count(folded, vocab)
            if c is not None and _public(segs.text_of(i), rules):
                count, count_seg = c, i
            continue
        assert count is not None
        here = [f for f in found if f.seg == i]
        if any(f.kind == "named" for f in here):
            continue
        at = segs.items[i].start
        head, head_rule = _count_head(text, _count_span(count, segs, count_seg), count, rules)
        specific = [f for f in here if f.rule.type != "accord" and not f.rule.plural]
        rule = specific[0].rule if specific else head_rule
        about = text[at + item.about_start : at + item.about_end]
        if item.relation and rules.type_regex.match(fold(about)):
            title = about  # "est un accord de prêt consacré au projet ..."
        elif item.relation:
            link = {"porte sur": "sur", "portent sur": "sur", "portait sur": "sur"}.get(
                item.relation, ":"
            )
            title = f"{head} {link} {about}" if about else head
        else:
            title = f"{head} ({text[at + item.start : at + item.end].strip()})"
        new = Found(at + item.start, at + item.end, rule, "named", i, title, vetted=True)
        new.title_end = at + max(item.about_end, item.end)
        found = sorted(
            [f for f in found if f.seg != i or f.kind != "bare"] + [new], key=lambda f: f.start
        )
    return found


def _count_span(count: Count, segs: Segments, seg: int) -> tuple[int, int]:
    start = segs.items[seg].start
    return start + count.start, start + count.end


def _count_head(
    text: str, span: tuple[int, int], count: Count, rules: AgreementRules
) -> tuple[str, TypeRule]:
    """The singular agreement word of the count ("deux accords de financement"), else
    a plain "Accord" ("quatre textes")."""
    plain = rules.type_rule("accord")
    if count.noun not in {t.pattern for t in rules.types if t.plural}:
        return "Accord", plain
    singular = _singular(text[span[0] : span[1]])
    return singular, _singular_rule(singular, rules.type_rule(count.noun), rules)


def _singular_rule(singular: str, plural: TypeRule, rules: AgreementRules) -> TypeRule:
    """The rule of the singular form of a plural agreement word ("accords de prêt")."""
    return next((t for t in rules.types if not t.plural and t.pattern == fold(singular)), plural)


def _names_one_set(found: Found, text: str) -> bool:
    rest = text[found.end : found.title_end]
    return (
        bool(re.match(r"\s*(?:d['’]|de |du )\s*[A-ZÀ-Ý]", rest))
        or " entre " in f" {fold(rest)} "
        or bool(_places_codes(rest))
    )


def _read_title(doc: Doc, segs: Segments, found: Found, rules: AgreementRules) -> None:
    """Decide whether a singular mention names an agreement, and read its title."""
    seg = segs.items[found.seg]
    text = text_of(doc)
    # A heading: the agreement word opens a line of its own.
    line_start = text.rfind("\n", 0, found.start) + 1
    line_end = text.find("\n", found.start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[found.start : line_end].rstrip()
    if (
        not text[line_start : found.start].strip(" \t\xa0-•*#")
        and len(line) < 400
        and not line.endswith(".")
    ):
        found.kind, found.title = "named", line.strip(" :")
        found.title_end = found.start + len(found.title)
        return
    # "Il s'agit notamment :\n- d'un accord de ... ;\n- d'un programme exécutif ...": each
    # item of a list announced by a colon is an agreement, whatever word it uses.
    if _LIST_ITEM.fullmatch(fold(text[line_start : found.start])) and _announced_list(
        text, line_start
    ):
        found.kind, found.title = "named", line.rstrip(" ;.,")
        found.title_end = found.start + len(found.title)
        found.vetted = True
        return
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None:
        return
    i = span.end
    limit = min(len(doc), i + MAX_TITLE_TOKENS)
    # "la convention minière", "un accord historique entre ...": adjectives after the
    # word. With a complement after them the mention is specific; without one, only
    # when an adjective names a domain ("la convention minière").
    domain_adjective = False
    j = i
    while j < limit and (
        # "relative", "portant" say what follows is the subject: they are no adjectives here
        (
            doc[j].pos_ == "ADJ"
            and doc[j].text[:1].islower()
            and fold(doc[j].text) not in rules.complements
        )
        or (fold(doc[j].text) == "et" and j + 1 < limit and doc[j + 1].pos_ == "ADJ")
    ):
        domain_adjective = domain_adjective or bool(domains_of(doc[j].text, rules))
        j += 1
    i = j
    # "la convention nationale Etat-Employeur", "l'accord UEMOA-Maroc": a capitalised
    # compound after the word names who it binds.
    k = i
    while (
        k + 2 < limit
        and doc[k].text[:1].isupper()
        and not doc[k].whitespace_
        and doc[k + 1].text == "-"
        and not doc[k + 1].whitespace_
        and doc[k + 2].text[:1].isupper()
    ):
        k += 2
    if k > i:
        found.kind = "named"
        found.title_end = doc[k].idx + len(doc[k])
        found.title = text[found.start : found.title_end]
        return
    # "l'Accord de financement signé le 9 janvier 2025 à Ouagadougou entre le Burkina Faso
    # et la BID": the parties come after the signing clause.
    title_from = -1
    head_end = doc[i - 1].idx + len(doc[i - 1])
    if i < limit and doc[i].lemma_ in ("signer", "conclure", "parapher"):
        for j in range(i + 1, min(limit, i + 14)):
            if fold(doc[j].text) in ("entre", "avec") and doc[j].idx < seg.end:
                title_from, i = j, j
                break
    if found.rule.requires_signing and title_from < 0:
        return
    if i >= limit or fold(doc[i].text) not in rules.complements:
        if domain_adjective:
            found.kind = "named"
            found.title_end = doc[i - 1].idx + len(doc[i - 1])
            found.title = text[found.start : found.title_end]
        return
    # "le contrat de recevoir les doses": a verb after "de" is not what the agreement is about
    if i + 1 < limit and doc[i + 1].pos_ in ("VERB", "AUX") and fold(doc[i].text) in ("de", "d'"):
        return
    # A day or a deictic date ends a title; a year or a span of years may belong to it
    # ("le plan de travail biennal 2025-2026").
    date_starts = {
        d.start
        for d in doc._.dates or []
        if d.is_relative
        or d.granularity not in ("year", "range")
        or not re.fullmatch(
            r"(?:(?:l'|l’)?(?:annee|exercice|campagne|periode)\s+)?[\d\s-]+", fold(d.text)
        )
    }
    last = i - 1
    k = i
    while k < limit and doc[k].idx < seg.end:
        tok = doc[k]
        f = fold(tok.text)
        if (
            tok.idx in date_starts
            or tok.pos_ == "PRON"
            or (f in {"se", "s'"} and k > i + 1)
            or (f == "en" and k + 1 < limit and fold(doc[k + 1].text) in {"ce", "cette", "ces"})
        ):
            break
        if tok.text in {".", ";", ":", "(", ")", "!", "?", "«", "»", "\n"} or (
            tok.is_space and "\n" in tok.text
        ):
            break
        if tok.text == ",":
            # "commerciale, économique, scientifique et technique": an adjective list goes on.
            if k + 1 < limit and doc[k + 1].pos_ == "ADJ" and doc[k + 1].text[:1].islower():
                k += 1
                continue
            break
        if f in _STOP_LEMMAS or tok.lemma_ in {"signer", "parapher", "conclure"}:
            break
        # a capitalised "verb" inside a title is a name the tagger misread ("EXCAF")
        verb = tok.pos_ in ("VERB", "AUX") and not tok.text[:1].isupper()
        if verb and "Fin" in tok.morph.get("VerbForm", []):
            break
        if (
            verb
            and "Part" in tok.morph.get("VerbForm", [])
            and k > i + 1
            and f != "liant"  # "la convention de concession liant l'État à la société X"
        ):
            break
        if f in {"par", "hier", "aujourd'hui", "lors", "le", "la", "les", "mardi"} and k == i:
            return
        if f in {"lors", "hier", "aujourd'hui", "demain", "afin", "alors", "tandis", "mais", "car"}:
            break
        last = k
        k += 1
    # Drop a trailing preposition or determiner left by the cut.
    while last >= i and (
        doc[last].pos_ in ("ADP", "DET", "CCONJ")
        or doc[last].is_punct
        or fold(doc[last].text) in ("n'", "ne")  # "la société n'a pas respecté"
    ):
        last -= 1
    if last < i:
        return
    found.kind = "named"
    found.title_end = doc[last].idx + len(doc[last])
    if title_from >= 0:
        found.title = (
            text[found.start : head_end] + " " + text[doc[title_from].idx : found.title_end]
        )
    else:
        found.title = text[found.start : found.title_end]


def _public(text: str, rules: AgreementRules) -> bool:
    folded = fold(text)
    words = set(re.findall(r"[\w'-]+", folded))
    words |= {part for w in words if "-" in w for part in w.split("-")}  # "Etat-Employeur"
    if words & rules.public_words:
        return True
    if rules.private_regex.search(folded):
        return False
    return any(
        p.kind in ("country_name", "organisation", "demonym", "city")
        for p in gazetteer.find_places(text)
    )


def _content_words(title: str) -> set[str]:
    generic = default_rules().generic_words
    return {w for w in re.findall(r"[a-z0-9]{3,}", fold(title)) if w not in generic}


def _same_specific_kind(a: Found, b: Found) -> bool:
    """Two mentions of one agreement worded differently: same specific type (not a
    plain "accord") and a shared subject word ("l'accord-cadre sur la sécurité" and
    "l'accord-cadre de coopération en matière de sécurité transfrontalière")."""
    if a.rule.type != b.rule.type or a.rule.type == "accord":
        return False
    # Two contracts for vaccines, one with AstraZeneca and one with Pfizer, are two.
    names_a, names_b = _proper_words(a.title), _proper_words(b.title)
    if names_a and names_b and not names_a & names_b:
        return False
    return bool(_content_words(a.title) & _content_words(b.title))


_PARTY_CLAUSE = re.compile(r"\s(?:entre|avec|liant)\s")


def _same_subject(a: Found, b: Found) -> bool:
    """One subject, parties worded two ways: "l'accord de partage du pouvoir entre les
    militaires et les civils" and "l'accord de partage du pouvoir entre les dirigeants
    militaires et civils". Parties named differently on both sides keep them apart."""
    if a.rule.type != b.rule.type:
        return False
    heads = []
    for f in (a, b):
        m = _PARTY_CLAUSE.search(fold(f.title))
        if m is None:
            return False
        heads.append((fold(f.title)[: m.start()].strip(), f.title[m.start() :]))
    (head_a, rest_a), (head_b, rest_b) = heads
    if head_a != head_b or not _content_words(head_a):
        return False
    codes_a, codes_b = set(_places_codes(rest_a)), set(_places_codes(rest_b))
    return not (codes_a and codes_b and codes_a != codes_b)


_STATE_WORDS = frozenset({"etat", "l'etat", "gouvernement", "republique", "royaume", "federation"})


def _proper_words(title: str) -> set[str]:
    """Capitalised words of a title after its first word that are neither places nor
    the state: the companies and bodies it names."""
    places = {fold(w) for p in gazetteer.find_places(title) for w in p.text.split()}
    return {
        w
        for w in re.findall(r"[\w'’-]+", title)[1:]
        if w[:1].isupper() and fold(w) not in places and fold(w) not in _STATE_WORDS
    }


def _same_title(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    return (
        fa == fb
        or fa.startswith(fb)
        or fb.startswith(fa)
        or (
            token_set_ratio(fa, fb) >= SAME_TITLE
            and (min(len(fa), len(fb)) / max(len(fa), len(fb)) > 0.6)
        )
    )


_COUNTS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5}
_DEFINITE_PLURAL = re.compile(
    r"(?:^|\W)(?:les|ces|des|lesdits|lesdites)\s+(?:(deux|trois|quatre|cinq|six|\d)\s+)?"
    r"(?:(?:premiers|nouveaux|importants|differents)\s+)?$"
)


_YEARS_AFTER = re.compile(
    r"((?:\s+(?:de|d')\s*[a-z]+){0,2})?\s+(?:de|en|signes en|conclus en)\s+((?:19|20)\d\d)"
    r"\s+et\s+(?:de\s+|en\s+)?((?:19|20)\d\d)\b"
)
_TEXT_WORD = re.compile(r"(?:^|\W)(?:le|ce|les|ces)\s+(?:textes?|documents?)\b")
_TEXTS_REFERENCE = re.compile(
    r"(?:^|\W)(?:(?:les|ces|lesdits)\s+(?:(deux|trois|quatre|cinq|six|\d)\s+)?"
    r"|(deux|trois|quatre|cinq|six|\d)\s+)(?:autres\s+)?(?:textes|documents|instruments)\b"
)


_BULLET = re.compile(r"[ \t]*(?:[-•*–]|\d+[.)])[ \t]+(\S[^\n]*)")


def _bullet_items(text: str, f: Found) -> list[tuple[int, int]]:
    """Items of a list announced by a plural mention whose line ends with ":"."""
    line_end = text.find("\n", f.end)
    if line_end < 0 or not text[f.end : line_end].rstrip().endswith(":"):
        return []
    items = []
    pos = line_end + 1
    while pos < len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        line = text[pos:nl]
        m = _BULLET.match(line)
        if m:
            start = pos + m.start(1)
            items.append((start, start + len(m.group(1).rstrip())))
        elif line.strip() and items:
            break
        elif line.strip():
            return []
        pos = nl + 1
    return items


def _merge_party_only(drafts: list[_Draft]) -> list[_Draft]:
    """ "L'accord avec le Mali" before "l'accord entre le Mali et le groupe Wagner": a
    title that only names parties joins a fuller agreement with those parties."""
    out = []
    for d in drafts:
        own = set(_places_codes(d.named.title, cities=True))
        target = None
        if own and _only_parties(d.named):
            target = next(
                (
                    x
                    for x in drafts
                    if x is not d
                    and not _only_parties(x.named)
                    and own <= set(_places_codes(x.named.title, cities=True))
                ),
                None,
            )
        if target is None:
            out.append(d)
        else:
            target.refs += [d.named, *d.refs]
    return out


# "accords d'", "Déclaration de ": the agreement word and the "of" of what it is named after
_NAMED_AFTER = re.compile(r"\S+\s+(?:d['’]|de\s+)")


def _named_after_place(f: Found) -> bool:
    """ "les accords d'Alger", "les accords de Camp David": a set of texts known by the
    place where it was signed is one agreement of its own, whatever else is named."""
    m = _NAMED_AFTER.match(f.title)
    return m is not None and f.title[m.end() : m.end() + 1].isupper()


def _named_after_city(f: Found, text: str) -> bool:
    """ "la Déclaration de Lomé", "la déclaration d'Abuja": named after a city, with a
    capital or a definite article ("une déclaration de Paris" is a statement made there)."""
    if not f.title[:1].isupper() and not re.search(
        r"(?:^|\W)la\s+$", text[max(0, f.start - 4) : f.start]
    ):
        return False
    m = _NAMED_AFTER.match(f.title)
    if m is None:
        return False
    rest = f.title[m.end() :]
    return any(p.start == 0 and p.kind == "city" for p in gazetteer.find_places(rest[:40]))


def _announces(plural: _Draft, singles: list[_Draft]) -> bool:
    """A plural mention that shares a party with (or cannot be told from) a single one."""
    own = set(_places_codes(plural.named.title, cities=True))
    for single in singles:
        theirs = set(_places_codes(single.named.title, cities=True))
        if not theirs or own & theirs:
            return True
    return False


def _bullet_item(d: _Draft) -> bool:
    return bool(d.shared) and " : " in d.named.title


def _singular(word: str) -> str:
    """The agreement word of a plural mention, in the singular: "mémorandums d'entente"."""
    head, _, rest = word.partition(" ")
    head = head[:-1] if head.endswith(("s", "x")) and len(head) > 4 else head
    if head.lower() == "memoranda":
        head = "Memorandum"
    return (head[:1].upper() + head[1:] + (" " + rest if rest else "")).strip()


def _group(found: list[Found], segs: Segments, doc: Doc, rules: AgreementRules) -> list[_Draft]:
    drafts: list[_Draft] = []
    for f in found:
        if f.kind == "named":
            # After a first public agreement, the article is about public deals: a later
            # one needs no public word of its own ("les deux personnalités ont paraphé un
            # accord de don"), unless its title names parties ("le protocole entre les
            # huiliers et les exportateurs") or the sentence reads as a private deal.
            seg_text = segs.text_of(f.seg)
            if not (
                f.vetted
                or _public(seg_text + " " + f.title, rules)
                or (
                    drafts
                    and not _PARTY_CLAUSE.search(fold(f.title))
                    and not rules.private_regex.search(segs.folded_of(f.seg))
                )
            ):
                continue
            # "l'accord-cadre de partenariat signé avec l'AFD": part of another's title
            if f.rule.requires_signing and any(
                g is not f and g.start < f.start < g.title_end for g in found
            ):
                continue
            if f.rule.requires_place_name:
                if not _named_after_city(f, text_of(doc)):
                    continue
            elif (
                f.rule.requires_party
                and not f.vetted
                and not _places_codes(f.title[f.end - f.start :])
            ):
                continue
            same = next(
                (
                    d
                    for d in drafts
                    if _same_title(d.named.title, f.title)
                    or _same_specific_kind(d.named, f)
                    or _same_subject(d.named, f)
                ),
                None,
            )
            if same is None and _only_parties(f):
                # "l'accord avec le Soudan" after "un accord entre Israël et le Soudan"
                own = set(_places_codes(f.title, cities=True))
                same = next(
                    (
                        d
                        for d in reversed(drafts)
                        if own and own <= set(_places_codes(d.named.title, cities=True))
                    ),
                    None,
                )
            if same is not None:
                # the fuller title, but the body's over a headline's ("... renouvellent le
                # protocole d'application de leur accord")
                if len(f.title) > len(same.named.title) or (
                    same.named.seg == 0 and segs.items[0].is_line and f.seg > 0
                ):
                    same.named.title = f.title
                same.refs.append(f)
            else:
                drafts.append(_Draft(f))
        elif f.rule.requires_party:
            continue
        elif f.kind in ("ref", "bare"):
            prev = [d for d in drafts if d.named.start < f.start]
            same_type = [d for d in prev if d.named.rule.type == f.rule.type]
            candidates = same_type or prev
            target = candidates[-1] if candidates else None
            if (
                target is not None
                and _introduces_other(f, prev, doc)
                and not rules.private_regex.search(segs.folded_of(f.seg))
            ):
                # "Enfin, les deux chefs d'État ont signé une déclaration conjointe": an
                # indefinite of a type not named yet introduces another agreement.
                f.title = text_of(doc)[f.start : f.end]
                f.title_end = f.end
                drafts.append(_Draft(f))
            elif target is not None:
                target.refs.append(f)
            elif f.kind == "ref" and _names_unseen(doc, segs, f, rules):
                # "Cet accord de compromis ouvre la voie...": the article told the deal in
                # its own words before; the first agreement word names it.
                drafts.append(_Draft(f))
            elif (
                f.kind == "bare"
                and _signed_seg(segs, f.seg, rules)
                and _public(segs.text_of(f.seg), rules)
            ):
                f.title = text_of(doc)[f.start : f.end]
                drafts.append(_Draft(f))
        elif f.kind == "plural" and (years := _YEARS_AFTER.match(fold(text_of(doc)), f.end)):
            # "des accords de paix en 1979 et 1994", "les accords de 2015 et 2018": one
            # agreement per year.
            head = _singular(text_of(doc)[f.start : f.end])
            subject = text_of(doc)[years.start(1) : years.end(1)].strip() if years.group(1) else ""
            for g in (2, 3):
                rule = _singular_rule(head, f.rule, rules)
                item = Found(f.start, years.end(g), rule, "named", f.seg, vetted=True)
                item.title = " ".join(filter(None, [head, subject, f"({years.group(g)})"]))
                item.title_end = years.end(g)
                drafts.append(_Draft(item))
        elif f.kind == "plural" and (items := _bullet_items(text_of(doc), f)):
            # "des mémorandums d'entente couvrant divers secteurs, dont :" and a list:
            # one agreement per item, reading the announcing sentence as context.
            for start, end in items:
                item = Found(start, end, f.rule, "named", segs.index_of(start))
                item.title = (
                    f"{_singular(text_of(doc)[f.start : f.end])} : {text_of(doc)[start:end]}"
                )
                item.title_end = end
                draft = _Draft(item)
                draft.shared.append(f.seg)
                drafts.append(draft)
        elif f.kind == "plural" and drafts:
            # "Les deux accords ont été signés par ...": a definite plural speaks of
            # the agreements named before it (as many as it counts, else all).
            before = fold(text_of(doc)[max(0, f.start - 20) : f.start])
            m = _DEFINITE_PLURAL.search(before)
            if m is not None:
                n = _COUNTS.get(m.group(1) or "", 0)
                prev = [d for d in drafts if d.named.start < f.start]
                for d in prev[-n:] if n else prev:
                    d.shared.append(f.seg)
    # "ces textes ont été signés par ...", "les deux documents": a definite plural of texts
    # speaks of the agreements named before it; "ont signé les trois autres textes. Le
    # premier est ...", of as many named right after it.
    for i in range(len(segs)):
        m = _TEXTS_REFERENCE.search(segs.folded_of(i))
        if m is None:
            continue
        n = _COUNTS.get(m.group(1) or m.group(2) or "", 0)
        nxt = [d for d in drafts if i < d.named.seg <= i + 3]
        if n and len(nxt) >= n:
            spoken_of = sorted(nxt, key=lambda d: d.named.start)[:n]
        elif m.group(2):
            continue  # "quatre textes" with nothing told after it
        else:
            prev = [d for d in drafts if d.named.seg < i]
            spoken_of = prev[-n:] if n else prev
        for d in spoken_of:
            if i not in d.shared:
                d.shared.append(i)
    # "plusieurs accords entre le Mali et la Russie" announces the agreements named one
    # by one in the article; it is one of them only when none is named.
    drafts = _merge_party_only(drafts)
    singles = [d for d in drafts if not d.named.rule.plural]
    drafts = [
        d
        for d in drafts
        if not d.named.rule.plural
        or _bullet_item(d)
        or _named_after_place(d.named)
        or not _announces(d, singles)
    ]
    # context: from each agreement's first sentence to the next agreement's
    starts = sorted(d.named.seg for d in drafts)
    for d in drafts:
        first = d.named.seg
        later = [s for s in starts if s > first]
        stop = min([*later, first + 1 + MAX_CONTEXT, len(segs)])
        d.context = list(range(first, stop))
        for r in d.refs:
            if r.seg not in d.context and r.seg < first + 1 + MAX_CONTEXT * 2:
                d.context.append(r.seg)
        if _bullet_item(d):
            d.context = [first]
        d.context += [i for i in d.shared if i not in d.context]
    # "Côté nigérien, le texte a été signé par X ..." before the text is named ("Le document
    # signé ... un protocole d'accord"): signing sentences just before the first agreement
    # of the article, that name none, are about it.
    if drafts:
        first_draft = min(drafts, key=lambda d: d.named.seg)
        mentioned = {f.seg for f in found}
        for i in range(max(0, first_draft.named.seg - LOOK_BACK), first_draft.named.seg):
            if (
                i not in mentioned
                and _signed_seg(segs, i, rules)
                and _TEXT_WORD.search(segs.folded_of(i))
            ):
                first_draft.context.append(i)
    return drafts


_FILLER = {
    "entre",
    "avec",
    "et",
    "le",
    "la",
    "les",
    "l'",
    "de",
    "du",
    "des",
    "d'",
    "a",
    "au",
    "aux",
}


def _only_parties(f: Found) -> bool:
    """A title that says nothing but who the parties are ("Accord avec le Soudan")."""
    rest = f.title[f.end - f.start :]
    for p in gazetteer.find_places(rest):
        rest = rest.replace(p.text, " ")
    words = [w for w in re.findall(r"[\w'’-]+", fold(rest)) if w not in _FILLER]
    return not words


_INDEFINITE = re.compile(r"(?:^|\W)(?:un|une)\s+$")


def _introduces_other(f: Found, prev: list[_Draft], doc: Doc) -> bool:
    if f.kind != "bare" or any(d.named.rule.type == f.rule.type for d in prev):
        return False
    return bool(_INDEFINITE.search(fold(text_of(doc)[max(0, f.start - 6) : f.start])))


def _names_unseen(doc: Doc, segs: Segments, f: Found, rules: AgreementRules) -> bool:
    """A reference with nothing before it to refer to, that says what it is about."""
    _read_title(doc, segs, f, rules)
    if f.kind != "named":
        f.kind = "ref"
        return False
    if _public(segs.text_of(f.seg), rules):
        return True
    f.kind, f.title = "ref", ""
    return False


def _signed_seg(segs: Segments, i: int, rules: AgreementRules) -> bool:
    return rules.signing.search(segs.folded_of(i)) is not None


def _status(
    d: _Draft,
    segs: Segments,
    doc: Doc,
    rules: AgreementRules,
    article_status: tuple[str, str] | None,
) -> tuple[str, str]:
    """The status cue nearest the agreement in its own sentence; a later sentence may
    still say it was suspended or ratified. Then the context, nearest sentence first,
    then the article's signing sentences."""
    seg = segs.items[d.named.seg]
    text = text_of(doc)[seg.start : seg.end]
    at = d.named.start - seg.start
    own = status_cues(text, rules)
    if own:
        status, cue, _ = min(own, key=lambda c: abs(c[2] - at))
        if status != "signed":
            return status, f"status:{cue}"
        for i in d.context:
            later = status_of(segs.text_of(i), rules)
            if later is not None and later[0] in ("suspended", "ratified"):
                return later[0], f"status:{later[1]}"
        return status, f"status:{cue}"
    for i in sorted(d.context, key=lambda i: abs(i - d.named.seg)):
        found = status_of(segs.text_of(i), rules)
        if found is not None:
            return found[0], f"status:{found[1]}"
    if article_status is not None and not _dated_otherwise(doc, seg):
        return article_status[0], f"status:article:{article_status[1]}"
    return "other", "status:none"


def _signatories(
    d: _Draft,
    segs: Segments,
    persons: list[Person],
    ministries: list[Ministry],
    doc: Doc,
    rules: AgreementRules,
    others: dict[int, list[_Draft]],
    previous: list[Signatory],
) -> list[Signatory]:
    """Office holders who signed ``d``. ``others`` maps a sentence to the agreements it
    mentions: a sentence about another agreement only ("La convention a été paraphée par
    ...") gives ``d`` no signatory."""
    out: list[Signatory] = []
    seen: set[str] = set()
    # a sentence about other agreements named ("ont signé les trois autres textes")
    shared_by_others = {
        i for drafts in others.values() for o in drafts if o is not d for i in o.shared
    }
    for i in d.context:
        seg_text = segs.text_of(i)
        folded_seg = fold(seg_text)
        if not _signs(folded_seg, rules):
            continue
        if i not in d.shared and (_about_another(d, others.get(i, [])) or i in shared_by_others):
            continue
        seg = segs.items[i]
        witness_ends = [
            seg.start + m.end()
            for m in rules.witness.finditer(fold(text_of(doc)[seg.start : seg.end]))
        ]
        mentions = sorted(
            ((m.start, p) for p in persons for m in p.mentions if seg.start <= m.start < seg.end),
            key=lambda x: x[0],
        )
        if not mentions and _BOTH_SIGNERS.search(folded_seg):
            # "les deux personnalités ont paraphé un accord de don": the two who signed the
            # agreement before, else the last two ministers named
            by_id = {p.person_id: p for p in persons}
            before = [by_id[s.person_id] for s in previous if s.person_id in by_id]
            pair = before if len(before) == 2 else _last_two_ministers(persons, seg.start)
            mentions = [(seg.start, p) for p in pair]
        for start, p in mentions:
            # Agreements with a public party are signed by office holders.
            if p.person_id in seen or p.role in ("journalist", "other"):
                continue
            if any(_after_witness(text_of(doc), w, start) for w in witness_ends):
                continue
            # "X a confirmé que son pays avait signé ...": X reports, does not sign.
            cue = rules.signing.search(fold(text_of(doc)[start : seg.end]))
            if cue is not None and rules.reporting.search(
                fold(text_of(doc)[start : start + cue.start()])
            ):
                continue
            seen.add(p.person_id)
            out.append(Signatory(p.person_id, p.name, p.role, p.ministry, p.country, seg_text))
        # Unnamed signatories: "signé par ... le ministre du Développement économique de X"
        for mi in ministries:
            if mi.minister_id is not None:
                continue
            for mm in mi.mentions:
                if seg.start <= mm.start < seg.end and fold(
                    text_of(doc)[mm.start : mm.start + 8]
                ).startswith("ministre"):
                    key = "ministry:" + mi.ministry_id
                    if key not in seen:
                        seen.add(key)
                        out.append(Signatory(None, None, "minister", mi.name, mi.country, seg_text))
    return out


_BOTH_SIGNERS = re.compile(
    r"\bles\s+deux\s+(?:ministres|chefs\s+de\s+(?:la\s+)?diplomatie|ministres\s+des\s+"
    r"affaires\s+etrangeres|personnalites|responsables|signataires)\b"
    r"(?!\s*,?\s*(?:m\.|mme|[a-z]+\s+[a-z]+\s+et))"
)


def _last_two_ministers(persons: list[Person], before: int) -> list[Person]:
    """ "signés par les deux ministres": the last two ministers named before, of two
    countries when their countries are known."""
    named = sorted(
        (
            (max(m.start for m in p.mentions if m.start < before), p)
            for p in persons
            if p.role == "minister" and any(m.start < before for m in p.mentions)
        ),
        key=lambda x: -x[0],
    )
    if len(named) < 2:
        return []
    first = named[0][1]
    second = next((p for _, p in named[1:] if p.country != first.country), named[1][1])
    return [second, first]


def _about_another(d: _Draft, mentioned: list[_Draft]) -> bool:
    """A sentence that mentions another agreement of another type, and not ``d`` ("La
    convention a été paraphée par ..." in the context of an accord). A reference of
    ``d``'s own type may have been linked to the wrong one of two: no conclusion then."""
    if not mentioned or any(m is d for m in mentioned):
        return False
    return all(m.named.rule.type != d.named.rule.type for m in mentioned)


def _signs(folded: str, rules: AgreementRules) -> bool:
    """Whether a sentence tells a signing act, not only looks back on one: "la signature
    de ce contrat répond aux instructions du Président" names no signer (the signing was
    told before, with its signers); "lors de la signature des accords, X et Y ..." does."""
    for m in rules.signing.finditer(folded):
        if not m.group(0).startswith("signature"):
            return True
        if not re.match(r"\s+(?:de|d')\s*(?:ce|cet|cette|ces)\b", folded[m.end() :]):
            return True
        if re.search(r"(?:^|\W)par\s", folded[m.end() : m.end() + 60]):
            return True
    return False


def _after_witness(text: str, witness_end: int, start: int) -> bool:
    """A name right after "en présence de" (titles and a role between allowed)."""
    if witness_end > start:
        return False
    gap = text[witness_end:start]
    if "," not in gap:
        return True
    rest = gap
    for t in find_role_triggers(gap):
        rest = rest.replace(t.text, " ")
    return (
        bool(re.fullmatch(r"[\s,]*(?:(?:le|la|l'|du|de)\s+)?[^,]{0,40}", fold(rest)))
        and rest.count(",") <= 1
    )


def _signing_date(
    doc: Doc, segs: Segments, i: int, rules: AgreementRules
) -> tuple[str, str] | None:
    """The day date nearest the signing verb of a sentence: "hier", not the dateline
    opening it ("Rabat, 26/02/2025 (MAP) - ... ont procédé hier à la signature")."""
    seg = segs.items[i]
    cue = rules.signing.search(fold(text_of(doc)[seg.start : seg.end]))
    days = [
        dm
        for dm in doc._.dates or []
        if seg.start <= dm.start < seg.end and dm.granularity in ("day", "datetime") and dm.value
    ]
    if not days:
        return _day_of_the_lead(doc, segs, i, rules)
    at = seg.start + (cue.start() if cue else 0)
    best = min(days, key=lambda dm: abs(dm.start - at))
    return (best.value or "")[:10], best.rule


def _day_of_the_lead(
    doc: Doc, segs: Segments, i: int, rules: AgreementRules
) -> tuple[str, str] | None:
    """ "Le Président ghanéen a eu hier lundi un tête-à-tête avec son homologue. Les
    entretiens ont été suivis de la signature de quatre textes": a signing sentence without
    a date tells the day the sentence before it gives, when that one reports the news of
    the day ("hier", "lundi dernier") in the same paragraph and tells no other signing."""
    if i == 0:
        return None
    prev, seg = segs.items[i - 1], segs.items[i]
    text = text_of(doc)
    if "\n" in text[prev.end : seg.start] or _signed_seg(segs, i - 1, rules):
        return None
    days = [
        dm
        for dm in doc._.dates or []
        if prev.start <= dm.start < prev.end
        and dm.granularity in ("day", "datetime")
        and dm.value
        and dm.is_relative
    ]
    if len(days) != 1:
        return None
    return (days[0].value or "")[:10], f"{days[0].rule}:lead"


def _dated_otherwise(doc: Doc, seg: Segment) -> bool:
    """The sentence holds a year, month or range date other than the publication's."""
    published = (doc._.published_at or "")[:10]
    return any(
        seg.start <= dm.start < seg.end
        and dm.granularity in ("year", "month", "range", "quarter")
        and dm.value
        and not published.startswith(dm.value[:7] if dm.granularity == "month" else dm.value[:4])
        for dm in doc._.dates or []
    )


def _past_signing_date(
    d: _Draft, segs: Segments, doc: Doc, rules: AgreementRules
) -> tuple[str | None, str]:
    """An agreement suspended or spoken of in passing still has the signing date its own
    mentions give ("la convention minière signée le 12 juin 2019 ... a été suspendue")."""
    published = (doc._.published_at or "")[:10]
    for i in sorted({d.named.seg, *(r.seg for r in d.refs)}):
        if not _signed_seg(segs, i, rules):
            continue
        found = _signing_date(doc, segs, i, rules)
        if found is not None and (not published or found[0] <= published):
            return found[0], f"date:{found[1]}"
    return None, "date:none"


def _date(
    d: _Draft,
    segs: Segments,
    doc: Doc,
    article_dates: list[tuple[str, str]],
    rules: AgreementRules,
    signing_segs: list[int],
) -> tuple[str | None, str]:
    for i in [d.named.seg, *d.context]:
        if i != d.named.seg and not _signed_seg(segs, i, rules):
            continue
        found = _signing_date(doc, segs, i, rules)
        if found is not None:
            return found[0], f"date:{found[1]}"
    # "l'accord de défense signé en 2021": an agreement dated in its own sentence, if only
    # by a year or a month, was not signed on the day the article reports.
    if article_dates and not _dated_otherwise(doc, segs.items[d.named.seg]):
        return article_dates[0][0], f"date:article:{article_dates[0][1]}"
    # "En visite du 31 octobre au 1er novembre, le Président a signé ...", reported
    # during the visit: the report's own date is the signing day.
    published = (doc._.published_at or "")[:10]
    for i in [d.named.seg, *d.context, *signing_segs]:
        seg = segs.items[i]
        for dm in doc._.dates or []:
            if (
                seg.start <= dm.start < seg.end
                and dm.granularity == "range"
                and dm.value
                and dm.end_value
                and published
                and dm.value[:10] <= published <= dm.end_value[:10]
                and len(dm.value) >= 10
            ):
                return published, "date:range_holding_publication"
    return None, "date:none"


def _place(doc: Doc, segs: Segments, indexes: list[int]) -> str | None:
    for i in indexes:
        seg = segs.items[i]
        for ent in entities_of(doc):
            if ent.label_ != "LOC" or not (seg.start <= ent.start_char < seg.end):
                continue
            before = fold(text_of(doc)[max(0, ent.start_char - 3) : ent.start_char])
            if not before.endswith(("a ", "à ")):
                continue
            name = ent.text.strip()
            if gazetteer.country_code(name) or gazetteer.organisation_code(name):
                continue
            return name
    return None


_PARTY_SLOT = re.compile(
    r"(?<![\w'])(?:entre|avec|et|liant|a)\s+(?:l'|le |la |les |la societe |le groupe )?$"
)


def _named_parties(doc: Doc, f: Found) -> list[str]:
    """Companies and bodies named as parties in a title ("entre l'UE et Pfizer")."""
    out = []
    end = f.title_end or f.end
    for ent in entities_of(doc):
        if ent.label_ not in ("ORG", "MISC") or not (f.end <= ent.start_char < end):
            continue
        before = fold(text_of(doc)[max(f.start, ent.start_char - 20) : ent.start_char])
        name = without_legal_form(ent.text.strip(), default_rules().legal_forms)
        if name and _PARTY_SLOT.search(before) and not gazetteer.find_places(name):
            out.append(name)
    return out


def _places_codes(text: str, cities: bool = False) -> list[str]:
    """Country and organisation codes named in ``text``; with ``cities``, a city
    stands for its country ("un accord entre Washington et Pékin")."""
    kinds = ("country_name", "demonym", "prefix", "organisation", *(("city",) if cities else ()))
    codes = []
    for p in gazetteer.find_places(text):
        # "l'accord de Paris", "les accords d'Évian": the place it is named after, not a
        # party; "un accord avec le régime de Conakry" names a party
        if p.kind == "city" and re.fullmatch(
            r"\s*\S+(?:[ -]\S+)?\s+(?:de|d')\s*", fold(text[: p.start])
        ):
            continue
        if p.kind in kinds and p.code not in codes and not gazetteer.is_incidental(text, p):
            codes.append(p.code)
    return codes


def extract_agreements(doc: Doc) -> list[Agreement]:
    rules = default_rules()
    content_end, holes = content_bounds(doc)
    segs = Segments(doc, content_end, text=text_of(doc))
    if not len(segs):
        return []
    found = _enumerated(doc, segs, _find(doc, segs, content_end, holes, rules), rules)
    drafts = _group(found, segs, doc, rules)
    if not drafts:
        return []
    persons: list[Person] = doc._.persons or []
    ministries: list[Ministry] = doc._.ministries or []

    # The article's signing sentences: what plural mentions and headlines say.
    signing_segs = [i for i in range(len(segs)) if _signed_seg(segs, i, rules)]
    article_status = None
    for i in signing_segs:
        article_status = status_of(segs.text_of(i), rules)
        if article_status is not None:
            break
    article_dates = [day for i in signing_segs if (day := _signing_date(doc, segs, i, rules))]
    home = doc._.home_country
    company_spans = [
        (start, name)
        for start, _, name in named_companies(
            text_of(doc)[:content_end], rules.company_nouns, rules.legal_forms
        )
        if not gazetteer.find_places(name)
    ]

    mentioned_in: dict[int, list[_Draft]] = {}
    for d in drafts:
        for f in [d.named, *d.refs]:
            # by identity: drafts are dataclasses, == would compare them field by field
            if not any(x is d for x in mentioned_in.setdefault(f.seg, [])):
                mentioned_in[f.seg].append(d)

    out: list[Agreement] = []
    for n, d in enumerate(sorted(drafts, key=lambda x: x.named.start), start=1):
        status, status_rule = _status(d, segs, doc, rules, article_status)
        previous = out[-1].signatories if out else []
        sigs = _signatories(d, segs, persons, ministries, doc, rules, mentioned_in, previous)
        signed_on, date_rule = (None, "date:none")
        if status in ("signed", "ratified"):
            signed_on, date_rule = _date(
                d, segs, doc, article_dates if status == "signed" else [], rules, signing_segs
            )
        elif status != "announced":
            signed_on, date_rule = _past_signing_date(d, segs, doc, rules)
        place = _place(doc, segs, [i for i in d.context if i in signing_segs]) or _place(
            doc, segs, signing_segs
        )
        parties = _parties(d, segs, doc, sigs, signing_segs, rules, home, company_spans)
        _pair_counterparts(sigs, parties, persons, ministries, home)
        parties = sorted({*parties, *(s.country for s in sigs if s.country)})
        title = squash(d.named.title)
        domains = domains_of(title) or domains_of(segs.text_of(d.named.seg))
        mentions = [
            Mention(
                text_of(doc)[f.start : f.title_end or f.end], f.start, f.title_end or f.end, SOURCE
            )
            for f in sorted([d.named, *d.refs], key=lambda x: x.start)
        ]
        out.append(
            Agreement(
                agreement_id=f"A{n}",
                title=title[0].upper() + title[1:],
                type=d.named.rule.type,
                mentions=mentions,
                domains=domains,
                parties=parties,
                signed_on=signed_on,
                place=place,
                status=status,
                evidence=segs.text_of(d.named.seg)[:500],
                signatories=sigs,
                rule=f"type:{d.named.rule.pattern};{status_rule};{date_rule}",
            )
        )
    return out


_COMPANY_SLOT = re.compile(
    r"(?:^|\W)(?:avec|entre|et|liant|a)\s+(?:la|le|l'|une|un)\s*[a-z' -]{3,25}$"
)
_OWN_STATE = re.compile(r"(?<![\w-])(?:l'etat|le gouvernement|notre pays)(?!\s+(?:du|de|des|d')\s)")


def _parties(
    d: _Draft,
    segs: Segments,
    doc: Doc,
    sigs: list[Signatory],
    signing_segs: list[int],
    rules: AgreementRules,
    home: str | None,
    companies: list[tuple[int, str]],
) -> list[str]:
    """Who is party to the agreement, nearest evidence first.

    The title's countries and organisations (a capital standing for its
    country), companies in a party slot ("entre l'UE et Pfizer") and "l'État"
    (the home country) come first; then, while fewer than two, the places
    named in the mention's sentence nearest to it, the signatories'
    countries, and the article's signing sentences.
    """
    title = d.named.title
    parties = _places_codes(title, cities=True)
    parties += [o for o in _named_parties(doc, d.named) if o not in parties]
    # "la convention ... de la société Tiguidit Resources", "un accord avec Wagner"
    said = " ".join(text_of(doc)[f.start : f.title_end or f.end] for f in [d.named, *d.refs])
    seg = segs.items[d.named.seg]
    parties += sorted(
        {
            c
            for at, c in companies
            if c not in parties
            and (
                re.search(rf"(?<!\w){re.escape(c)}(?!\w)", said)
                # "a signé, avec la société Kaloum Énergie SAS, un contrat de ..."
                or (
                    seg.start <= at < seg.end
                    and _COMPANY_SLOT.search(fold(text_of(doc)[max(seg.start, at - 40) : at]))
                )
            )
        }
    )
    # "EXCAF" from the tagger and "EXCAF Télécom" from the text are one party
    parties = [p for p in parties if not any(p != q and f" {p} " in f" {q} " for q in parties)]
    if home and home not in parties and _OWN_STATE.search(fold(title)):
        parties.append(home)
    for s in sigs:
        if s.country and s.country not in parties:
            parties.append(s.country)
    if len(parties) >= 2:
        return parties
    seg = segs.items[d.named.seg]
    around = [
        p
        for p in gazetteer.find_places(text_of(doc), seg.start, seg.end)
        if p.kind in ("country_name", "demonym", "organisation")
        and not (d.named.start <= p.start < (d.named.title_end or d.named.end))
        and not gazetteer.is_incidental(text_of(doc), p)
    ]
    around.sort(key=lambda p: abs(p.start - d.named.start))
    for p in around:
        if len(parties) >= 2:
            return parties
        if p.code not in parties:
            parties.append(p.code)
    for i in [*d.context, *signing_segs]:
        if len(parties) >= 2:
            break
        if i == d.named.seg or not _signed_seg(segs, i, rules):
            continue
        for c in _places_codes(segs.text_of(i)):
            if c not in parties and len(parties) < 2:
                parties.append(c)
    return parties


def _pair_counterparts(
    sigs: list[Signatory],
    parties: list[str],
    persons: list[Person],
    ministries: list[Ministry],
    home: str | None,
) -> None:
    """Bilateral signing by two people of the same side is unlikely: when two signatories
    share the home country only by default, the one with the weaker evidence signed for the
    other party ("les deux chefs de la diplomatie, A et B")."""
    if home is None:
        return
    others = [c for c in parties if c != home and gazetteer.is_country_code(c)]
    if len(others) != 1 or home not in parties:
        return
    by_id = {p.person_id: p for p in persons}
    home_sigs = [by_id[s.person_id] for s in sigs if s.person_id in by_id and s.country == home]
    if len(home_sigs) < 2 or any(s.country == others[0] for s in sigs):
        return
    defaulted = [p for p in home_sigs if p.rule and "country:home" in p.rule]
    if not defaulted:
        return
    # weaker evidence: no portfolio of its own; then the later one in the text
    weakest = sorted(
        defaulted,
        key=lambda p: (
            p.ministry_id is not None and _own_portfolio(p, ministries),
            -p.mentions[0].start,
        ),
    )[0]
    weakest.country = others[0]
    weakest.rule = (weakest.rule or "").replace("country:home", "country:counterpart")
    for mi in ministries:
        if mi.minister_id == weakest.person_id and "country:home" in mi.rule:
            mi.country = others[0]
            mi.rule = mi.rule.replace("country:home", "country:counterpart")
    for s in sigs:
        if s.person_id == weakest.person_id:
            s.country = others[0]


def _own_portfolio(p: Person, ministries: list[Ministry]) -> bool:
    """The person's ministry was read from a portfolio, not from a role word alone
    ("chef de la diplomatie")."""
    return any(
        m.ministry_id == p.ministry_id and not m.rule.startswith("rule:role_ministry")
        for m in ministries
    )
