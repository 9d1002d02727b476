"""What the status model reads about one proposed agreement.

The status cues of ``agreement_status.yaml`` ("signé", "sera signé", "négociations",
"ratifié", "suspendu", …) are found in the agreement's own sentence, in the sentences
of its other mentions, in its context and in the article's signing sentences. Each cue
is described by its status and by where it stands: before or after the agreement word,
how far, negated or not, and the verb form it has in the parse (a past participle, a
future, a conditional, an infinitive). With the verb that governs the agreement word and
the marks of its sentence (a date of another year, the headline), these are the named
features the trained status model of
:mod:`~agreement_nlp.extraction.agreements.status` decides from. No cue order is a rule
here: which cue speaks for the agreement is what the model learned.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Token

from agreement_nlp.extraction.agreements.features import _bucket, _governor, _verb_marks
from agreement_nlp.extraction.agreements.model import _Article, _Draft
from agreement_nlp.extraction.agreements.rules import STATUSES, AgreementRules, negated
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.segment.sentences import Segment
from agreement_nlp.text import fold


class Cue(NamedTuple):
    status: str
    words: str  # the cue as found, folded
    start: int  # offset in the text
    end: int
    negated: bool


class StatusReading(NamedTuple):
    """What the status model reads of one agreement: for each status, the features the
    text gives for it; and the cues they were read from, nearest first."""

    candidates: dict[str, dict[str, float]]
    cues: list[Cue]


def cues_in(text: str, offset: int, rules: AgreementRules) -> list[Cue]:
    """Every status cue in ``text`` (which starts at ``offset``), negated ones marked.

    >>> from agreement_nlp.extraction.agreements.rules import default_rules
    >>> [(c.status, c.negated) for c in cues_in("ils n'ont pas signé l'accord", 0, default_rules())]
    [('signed', True)]
    """
    folded = fold(text)
    found = [
        Cue(status, m.group(0), offset + m.start(), offset + m.end(), negated(folded, *m.span()))
        for status, regex in rules.status
        for m in regex.finditer(folded)
    ]
    return sorted(found, key=lambda c: c.start)


def _raw(a: _Article, i: int) -> tuple[str, int]:
    seg = a.segs.items[i]
    return text_of(a.doc)[seg.start : seg.end], seg.start


def _cue_token(doc: Doc, cue: Cue) -> Token | None:
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return None if span is None or not len(span) else span[0]


def _verb_form(token: Token) -> str:
    """The cue word's form: "part", "inf", "fut", "cnd", "pres", "past" or its part of speech."""
    morph = token.morph
    if "Part" in morph.get("VerbForm", []):
        return "part"
    if "Inf" in morph.get("VerbForm", []):
        return "inf"
    marks = _verb_marks(token)
    if "conditional" in marks:
        return "cnd"
    if "future" in marks:
        return "fut"
    tense = morph.get("Tense", [])
    if tense:
        return "pres" if tense[0] == "Pres" else "past"
    return token.pos_.lower() or "x"


def _near(cues: list[Cue], at: int, doc: Doc) -> tuple[Cue | None, dict[str, float]]:
    """The own sentence's cue nearest the agreement word, and where and how it stands."""
    if not cues:
        return None, {"own=none": 1.0}
    near = min(cues, key=lambda c: abs(c.start - at))
    token = _cue_token(doc, near)
    return near, {
        f"near_word={near.words.split()[0]}": 1.0,
        f"near_form={_verb_form(token) if token is not None else 'x'}": 1.0,
    }


def _for_label(
    label: str, own: list[Cue], near: Cue | None, at: int, form: str
) -> dict[str, float]:
    """What the own sentence says for one status: its cues, and the nearest one in detail
    (``form``: the nearest cue's verb form, read once by :func:`_near`)."""
    out: dict[str, float] = {}
    if any(c.status == label and not c.negated for c in own):
        out["own"] = 1.0
    if any(c.status == label and c.negated for c in own):
        out["own_negated"] = 1.0
    if near is not None and near.status == label:
        neg = "_negated" if near.negated else ""
        out[f"nearest{neg}"] = 1.0
        out[f"nearest{neg}|{'before' if near.start < at else 'after'}"] = 1.0
        out[f"nearest{neg}|{_bucket(abs(near.start - at), (0, 30, 80, 160))}"] = 1.0
        out[f"nearest{neg}|{form}"] = 1.0
    return out


def _around(
    label: str, refs: list[Cue], ctx: list[Cue], article: str | None, end: int
) -> dict[str, float]:
    """What the other sentences say for one status: other mentions, context, article;
    and whether it is said after the agreement's own sentence (a later turn of events)."""
    flags = {
        "ref": any(c.status == label and not c.negated for c in refs),
        "ctx": any(c.status == label and not c.negated for c in ctx),
        "ctx_first": bool(ctx) and ctx[0].status == label and not ctx[0].negated,
        "article": article == label,
        "later": any(c.status == label and not c.negated and c.start >= end for c in refs + ctx),
    }
    out = {k: 1.0 for k, on in flags.items() if on}
    if "later" in out:
        out[f"{label}|later"] = 1.0
    return out


def proposed(near: Cue | None, later: list[Cue], article: str | None) -> str:
    """The status the cues propose: the nearest one of the agreement's sentence, unless a
    later sentence suspends or ratifies what it signed; else the nearest other sentence's;
    else the article's signing sentences'; else other. A feature: the model decides.

    >>> signed = Cue("signed", "signe", 10, 15, False)
    >>> proposed(signed, [Cue("suspended", "suspendu", 90, 98, False)], None)
    'suspended'
    >>> proposed(None, [], "signed")
    'signed'
    """
    if near is not None and not near.negated:
        turn = next((c for c in later if c.status in ("suspended", "ratified")), None)
        return turn.status if near.status == "signed" and turn is not None else near.status
    return later[0].status if later else article or "other"


def dated_otherwise(doc: Doc, seg: Segment) -> bool:
    """The sentence holds a year, month or range date other than the publication's."""
    published = (doc._.published_at or "")[:10]
    return any(
        seg.start <= dm.start < seg.end
        and dm.granularity in ("year", "month", "range", "quarter")
        and dm.value
        and not published.startswith(dm.value[:7] if dm.granularity == "month" else dm.value[:4])
        for dm in doc._.dates or []
    )


def _governing(doc: Doc, start: int, end: int) -> dict[str, float]:
    """The verb that governs the agreement word: its lemma and marks, the words before."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return {}
    out: dict[str, float] = {}
    governor = _governor(span.root)
    if governor is not None:
        out[f"head={fold(governor.lemma_.lower())}"] = 1.0
        out.update({f"head_{m}": 1.0 for m in _verb_marks(governor)})
    left = [t for t in doc[max(span.sent.start, span.start - 3) : span.start] if t.is_alpha]
    out.update({f"left={fold(t.lemma_.lower())}": 1.0 for t in left[-2:]})
    return out


def status_features(d: _Draft, a: _Article) -> StatusReading:
    """For each status, the features the text gives it; and the cues, nearest first.

    A status's features are the ones shared by all statuses ("a cue of this status is
    the nearest one, a past participle before the agreement word") and the sentence's
    own features (its governing verb, the nearest cue's word, a date of another year)
    paired with that status, so that the model learns both what cues mean in general
    and what a sentence says for each status.
    """
    named = d.named
    text, offset = _raw(a, named.seg)
    own = cues_in(text, offset, a.rules)
    near, observed = _near(own, named.start, a.doc)
    form = next((k.split("=", 1)[1] for k in observed if k.startswith("near_form=")), "x")
    ref_segs = sorted({r.seg for r in d.refs} - {named.seg})
    refs = [c for i in ref_segs for c in cues_in(*_raw(a, i), a.rules)]
    context = sorted(set(d.context) - {named.seg} - set(ref_segs), key=lambda i: abs(i - named.seg))
    ctx = [c for i in context for c in cues_in(*_raw(a, i), a.rules)]
    flags = {
        "dated_otherwise": dated_otherwise(a.doc, a.segs.items[named.seg]),
        "headline": named.seg == 0,
        "signing_sentence": named.seg in a.signing_segs,
        "plural": named.rule.plural,
    }
    observed.update({k: 1.0 for k, on in flags.items() if on})
    observed.update(_governing(a.doc, named.start, named.end))
    article = a.status[0] if a.status is not None else None
    others = [c for c in refs + ctx if not c.negated]
    proposal = proposed(near, sorted(others, key=lambda c: abs(c.start - named.start)), article)
    candidates = {
        label: {
            label: 1.0,
            **({"proposed": 1.0, f"{label}|proposed": 1.0} if label == proposal else {}),
            **_for_label(label, own, near, named.start, form),
            **_around(label, refs, ctx, article, a.segs.items[named.seg].end),
            **{f"{label}|{k}": v for k, v in observed.items()},
        }
        for label in STATUSES
    }
    nearest = sorted(own, key=lambda c: abs(c.start - named.start)) + refs + ctx
    return StatusReading(candidates, [c for c in nearest if not c.negated])
