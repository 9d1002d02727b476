"""Names the model missed: after a role word, and capitalised name patterns."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from agreement_nlp.extraction.persons.model import (
    NameMention,
    RoleMatch,
)
from agreement_nlp.extraction.persons.role_context import _EMPLOYER
from agreement_nlp.lexicon import gazetteer
from agreement_nlp.lexicon.names import (
    NAME_PARTICLES,
    looks_like_name,
    name_tokens,
)
from agreement_nlp.lexicon.roles import find_role_triggers
from agreement_nlp.lexicon.titles import split_leading_titles, title_across, title_before
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.segment.furniture import outside_content
from agreement_nlp.text import fold


def _add_names_before_roles(
    doc: Doc,
    roles: list[RoleMatch],
    mentions: list[NameMention],
    content_end: int,
    holes: list[tuple[int, int]],
) -> None:
    """A name the model missed right before ", ministre de ..." ("À Dakar, Awa Ndiaye, ministre")."""
    text = text_of(doc)
    for role in roles:
        if role.rule.byline:
            continue
        m = re.search(
            r"((?:[A-ZÀ-Ý][\w'’-]+\s+){1,3}[A-ZÀ-Ý][\w'’-]+)\s*,\s*(?:le |la |l')?$",
            text[max(0, role.start - 80) : role.start],
        )
        if m is None:
            continue
        start = max(0, role.start - 80) + m.start(1)
        end = start + len(m.group(1))
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            continue
        toks = list(span)
        while toks and (toks[0].pos_ in _LEADING_POS or gazetteer.city_country(toks[0].text)):
            toks = toks[1:]
        if len(toks) < 2:
            continue
        start = toks[0].idx
        name = text[start:end]
        if any(x.start < end and x.end > start for x in mentions) or outside_content(
            start, end, content_end, holes
        ):
            continue
        # inside another role's portfolio, or after a preposition: part of a phrase
        if any(r.start <= start < r.end for r in roles) or re.search(
            r"(?:\bde|\bdu|\bdes|\bla|\bl'|\bd'|’)\s*$", fold(text[max(0, start - 6) : start])
        ):
            continue
        if not looks_like_name(name) or find_role_triggers(name) or gazetteer.country_code(name):
            continue
        mentions.append(
            NameMention(
                start,
                end,
                name,
                title=title_before(text, start)[0],
                source="rule:name_before_role",
                tokens=name_tokens(name),
            )
        )


_UPPER = "A-ZÀ-ÖØ-Þ"


_LOWER = "a-zß-öø-ÿ"


_CAP_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"


_CAPS_WORD = rf"[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?"


_PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES)) + ")"


# Names the model misses or cuts short, common in official communiqués:
# a first name (or an honorific) and an ALL-CAPS surname ("Cheikh DIBA",
# "Monsieur Alioune SALL"), or an honorific and capitalised words.
_NAME_PATTERNS = (
    (
        "rule:caps_surname",
        re.compile(
            rf"(?<![\w-])(?:{_CAP_WORD}[ \t\xa0]+){{1,3}}(?:{_PARTICLE}[ \t\xa0]+)?{_CAPS_WORD}"
            rf"(?:[ \t\xa0]+{_CAPS_WORD})?(?![\w-])"
        ),
    ),
    (
        "rule:honorific_name",
        re.compile(
            rf"(?<![\w-])(?:Monsieur|Madame|Mademoiselle|M\.|Mme|Mlle|Dr|Pr)[ \t\xa0]+"
            rf"(?:(?:{_CAP_WORD}|{_CAPS_WORD}|{_PARTICLE})[ \t\xa0]+){{0,4}}(?:{_CAP_WORD}|{_CAPS_WORD})(?![\w-])"
        ),
    ),
)


# Words that may open a pattern match without being part of the name.
_LEADING_POS = {"ADP", "DET", "ADV", "VERB", "AUX", "PRON", "CCONJ", "SCONJ", "PUNCT"}


# Complex on purpose: the name-pattern rules that the person model (#14) replaces
def _add_pattern_names(  # noqa: C901
    doc: Doc, mentions: list[NameMention], content_end: int, holes: list[tuple[int, int]]
) -> None:
    text = text_of(doc)
    for source, regex in _NAME_PATTERNS:
        for m in regex.finditer(text, 0, content_end):
            start, end = m.start(), m.end()
            if "\n" in text[start:end] or outside_content(start, end, content_end, holes):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            toks = list(span)
            while toks and (toks[0].pos_ in _LEADING_POS or find_role_triggers(toks[0].text)):
                toks = toks[1:]
            if len(toks) < 2:
                continue
            start = title_across(text, toks[0].idx, end)  # "Général de | Division X"
            raw = text[start:end]
            title, rest = split_leading_titles(raw)
            start += len(raw) - len(rest)
            name = rest.strip()
            employer = _EMPLOYER.search(name)
            if employer:
                name = name[: employer.start()]
            if len(name.split()) < 2 or not looks_like_name(name) or find_role_triggers(name):
                continue
            if gazetteer.country_code(name) or gazetteer.organisation_code(name):
                continue
            end = start + len(name)
            overlapping = [x for x in mentions if x.start < end and x.end > start]
            if not overlapping:
                mentions.append(
                    NameMention(
                        start,
                        end,
                        name,
                        title=title or title_before(text, start)[0],
                        source=source,
                        tokens=name_tokens(name),
                    )
                )
            elif len(overlapping) == 1:
                x = overlapping[0]
                # The model's entity is cut short ("Monsieur Cheikh" for "Monsieur Cheikh DIBA").
                if start <= x.start and end >= x.end and (end - start) > (x.end - x.start):
                    x.start, x.end, x.text = start, end, name
                    x.tokens = name_tokens(name)
                    x.source = f"{x.source}+{source}"
