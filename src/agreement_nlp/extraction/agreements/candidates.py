"""Finding agreement mentions: agreement words, counted and bulleted lists, headings."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from agreement_nlp.extraction.agreements.enumeration import (
    MAX_ITEMS_AFTER,
    Count,
    find_count,
    read_item,
)
from agreement_nlp.extraction.agreements.model import Found, _Draft
from agreement_nlp.extraction.agreements.places import _places_codes
from agreement_nlp.extraction.agreements.rules import (
    AgreementRules,
    TypeRule,
)
from agreement_nlp.extraction.agreements.titles import _read_title
from agreement_nlp.lexicon import gazetteer
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.segment.sentences import Segments
from agreement_nlp.text import fold


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
