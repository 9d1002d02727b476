"""Agreement rules as data: types, exclusions, status cues, domains.

Loaded from ``resources/agreements.yaml``, ``agreement_status.yaml`` and
``domains.yaml``, validated on load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from agreement_nlp.extraction.agreements.enumeration import EnumerationVocabulary, build_vocabulary
from agreement_nlp.resources import ResourceError, check_choice, check_keys, load_yaml
from agreement_nlp.text import fold

TYPES = (
    "accord",
    "accord_cadre",
    "convention",
    "memorandum",
    "protocole",
    "traite",
    "pret",
    "financement",
    "contrat",
    "declaration",
    "autre",
)
STATUSES = ("signed", "ratified", "announced", "negotiating", "suspended", "other")


@dataclass(frozen=True)
class TypeRule:
    pattern: str  # folded
    type: str
    plural: bool = False
    # the word is an agreement only when its title names a party ("programme avec le FMI")
    requires_party: bool = False
    # ... and only when a signing participle follows it ("le programme signé avec le FMI")
    requires_signing: bool = False
    # ... and only when named after a place ("la Déclaration de Lomé")
    requires_place_name: bool = False


@dataclass(frozen=True)
class AgreementRules:
    types: tuple[TypeRule, ...]
    type_regex: re.Pattern[str]
    exclude_regex: re.Pattern[str]
    complements: frozenset[str]
    anaphoric: tuple[str, ...]
    public_words: frozenset[str]
    private_regex: re.Pattern[str]
    generic_words: frozenset[str]
    status: tuple[tuple[str, re.Pattern[str]], ...]
    signing: re.Pattern[str]
    witness: re.Pattern[str]
    reporting: re.Pattern[str]
    domains: tuple[tuple[str, re.Pattern[str]], ...]
    enumeration: EnumerationVocabulary
    company_nouns: tuple[str, ...]
    legal_forms: frozenset[str]

    def type_rule(self, folded_match: str) -> TypeRule:
        return self._by_pattern()[folded_match]

    @cache  # noqa: B019  (the rules object lives for the whole process)
    def _by_pattern(self) -> dict[str, TypeRule]:
        return {r.pattern: r for r in self.types}


def _words(where: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ResourceError(f"{where}: expected a list of non-empty strings")
    return [fold(v.strip()) for v in value]


def _alternation(items: list[str], where: str, escape: bool) -> re.Pattern[str]:
    parts = [re.escape(i) if escape else i for i in sorted(items, key=len, reverse=True)]
    try:
        return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])")
    except re.error as exc:
        raise ResourceError(f"{where}: invalid pattern ({exc})") from exc


AGREEMENTS_KEYS = (
    "types",
    "exclude",
    "complements",
    "anaphoric",
    "public_party_words",
    "private_context",
    "generic_title_words",
    "enumeration",
    "companies",
)
STATUS_KEYS = ("status", "signing_cues", "witness_cues", "reporting_cues")


def load_agreement_rules(
    agreements: str | Path = "agreements.yaml",
    status: str | Path = "agreement_status.yaml",
    domains: str | Path = "domains.yaml",
) -> AgreementRules:
    """Read and validate the three rule files; a :class:`ResourceError` names the bad one."""
    data = _mapping(agreements, AGREEMENTS_KEYS)
    types = _type_rules(data["types"], str(agreements))
    sdata = _mapping(status, STATUS_KEYS)
    statuses = _statuses(sdata["status"], str(status))
    doms = _domains(domains)
    return AgreementRules(
        types=tuple(types),
        type_regex=_alternation([t.pattern for t in types], str(agreements), escape=True),
        **_word_rules(data, str(agreements)),
        status=tuple(statuses),
        **_cue_rules(sdata, str(status)),
        domains=tuple(doms),
        enumeration=_enumeration(data["enumeration"], types, f"{agreements}: enumeration"),
        **_companies(data["companies"], f"{agreements}: companies"),
    )


def _mapping(path: str | Path, required: tuple[str, ...]) -> dict[str, Any]:
    """A rule file that must be a mapping with the ``required`` keys."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise ResourceError(f"{path}: expected a mapping")
    check_keys(data, str(path), required=required)
    return data


def _type_rules(entries: object, where: str) -> list[TypeRule]:
    """The ``types`` list of ``agreements.yaml``; a pattern (folded) may appear once."""
    if not isinstance(entries, list):
        raise ResourceError(f"{where}: 'types' must be a list")
    types = []
    seen = set()
    for i, entry in enumerate(entries):
        at = f"{where}: types[{i}]"
        rule = _type_rule(entry, at)
        if rule.pattern in seen:
            raise ResourceError(f"{at}: duplicate pattern {entry['pattern']!r}")
        seen.add(rule.pattern)
        types.append(rule)
    return types


def _type_rule(entry: object, at: str) -> TypeRule:
    if not isinstance(entry, dict):
        raise ResourceError(f"{at}: expected a mapping")
    check_keys(
        entry,
        at,
        required=("pattern", "type"),
        optional=("plural", "requires_party", "requires_signing", "requires_place_name"),
    )
    check_choice(entry["type"], TYPES, at)
    return TypeRule(
        fold(str(entry["pattern"]).strip()),
        entry["type"],
        bool(entry.get("plural", False)),
        bool(
            entry.get("requires_party", False)
            or entry.get("requires_signing", False)
            or entry.get("requires_place_name", False)
        ),
        bool(entry.get("requires_signing", False)),
        bool(entry.get("requires_place_name", False)),
    )


def _statuses(entries: Iterable[object], where: str) -> list[tuple[str, re.Pattern[str]]]:
    """The ``status`` list of ``agreement_status.yaml``: (status, regex of its cues), in order."""
    statuses = []
    for i, entry in enumerate(entries):
        at = f"{where}: status[{i}]"
        if not isinstance(entry, dict):
            raise ResourceError(f"{at}: expected a mapping")
        check_keys(entry, at, required=("status", "cues"))
        check_choice(entry["status"], STATUSES, at)
        statuses.append(
            (entry["status"], _alternation(_words(at, entry["cues"]), at, escape=False))
        )
    return statuses


def _domains(path: str | Path) -> list[tuple[str, re.Pattern[str]]]:
    """``domains.yaml``: (domain, regex of its stems), in file order."""
    ddata = load_yaml(path)
    if not isinstance(ddata, dict) or not isinstance(ddata.get("domains"), dict):
        raise ResourceError(f"{path}: expected a mapping with a 'domains' mapping")
    doms = []
    for name, stems in ddata["domains"].items():
        at = f"{path}: domains.{name}"
        if not re.fullmatch(r"[a-z_]+", str(name)):
            raise ResourceError(f"{at}: domain names are lower-case words with underscores")
        stems_f = _words(at, stems)
        # A stem matches the start of a word; "visa$" matches the word (and its plural) only.
        alts = "|".join(
            re.escape(s[:-1]) + r"s?(?![\w-])" if s.endswith("$") else re.escape(s)
            for s in sorted(stems_f, key=len, reverse=True)
        )
        doms.append((str(name), re.compile(rf"(?<![\w-])(?:{alts})")))
    return doms


def _word_rules(data: dict[str, Any], where: str) -> dict[str, Any]:
    """The word lists of ``agreements.yaml`` as AgreementRules fields (checked in this order)."""
    return {
        "exclude_regex": _alternation(_words(f"{where}: exclude", data["exclude"]), where, True),
        "complements": frozenset(_words(f"{where}: complements", data["complements"])),
        "anaphoric": tuple(_words(f"{where}: anaphoric", data["anaphoric"])),
        "generic_words": frozenset(
            _words(f"{where}: generic_title_words", data["generic_title_words"])
        ),
        "private_regex": _alternation(
            _words(f"{where}: private_context", data["private_context"]), where, True
        ),
        "public_words": frozenset(
            _words(f"{where}: public_party_words", data["public_party_words"])
        ),
    }


def _cue_rules(sdata: dict[str, Any], where: str) -> dict[str, Any]:
    """The signing, witness and reporting cues of ``agreement_status.yaml`` as regexes."""
    return {
        name: _alternation(_words(f"{where}: {key}", sdata[key]), where, False)
        for name, key in (
            ("signing", "signing_cues"),
            ("witness", "witness_cues"),
            ("reporting", "reporting_cues"),
        )
    }


def _companies(data: object, at: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ResourceError(f"{at}: expected a mapping")
    check_keys(data, at, required=("nouns", "legal_forms"))
    return {
        "company_nouns": tuple(_words(f"{at}.nouns", data["nouns"])),
        "legal_forms": frozenset(_words(f"{at}.legal_forms", data["legal_forms"])),
    }


def _enumeration(data: object, types: list[TypeRule], at: str) -> EnumerationVocabulary:
    if not isinstance(data, dict):
        raise ResourceError(f"{at}: expected a mapping")
    check_keys(data, at, required=("count_words", "nouns", "ordinals", "about", "item_verbs"))
    plurals = [t.pattern for t in types if t.plural]
    return build_vocabulary(
        _words(f"{at}.count_words", data["count_words"]),
        [*_words(f"{at}.nouns", data["nouns"]), *plurals],
        _words(f"{at}.ordinals", data["ordinals"]),
        _words(f"{at}.about", data["about"]),
        _words(f"{at}.item_verbs", data["item_verbs"]),
    )


@cache
def default_rules() -> AgreementRules:
    return load_agreement_rules()


def domains_of(text: str, rules: AgreementRules | None = None) -> list[str]:
    """Domains whose stems occur in ``text``.

    >>> domains_of("Accord dans le domaine de l'utilisation de l'énergie atomique")
    ['nucleaire_civil', 'energie']
    """
    rules = rules or default_rules()
    folded = fold(text)
    return [name for name, regex in rules.domains if regex.search(folded)]


def status_of(text: str, rules: AgreementRules | None = None) -> tuple[str, str] | None:
    """The first status (in rule order) with a cue in ``text``: (status, cue as found).

    >>> status_of("Le projet de loi autorisant la ratification de l'accord signé à Lomé")
    ('ratified', 'autorisant la ratification')
    """
    rules = rules or default_rules()
    folded = fold(text)
    for status, regex in rules.status:
        for m in regex.finditer(folded):
            if not negated(folded, m.start(), m.end()):
                return status, m.group(0)
    return None


_NEGATION_START = re.compile(r"(?<![\w'])(?:ne\s+|n')((?:[a-z']+\s+){0,3})$")
_NEGATION_END = re.compile(r"\b(?:pas|jamais|plus|point|guere|aucunement)\b")


def negated(folded: str, start: int, end: int) -> bool:
    """Whether the cue at ``folded[start:end]`` is negated: "ne signerons pas", "n'a pas
    été signé", "n'ont jamais ratifié".

    >>> s = "nous ne signerons pas ce texte"
    >>> negated(s, s.index("signerons"), s.index(" pas"))
    True
    >>> s = "le ministre a signe, ne laissant pas de doute"
    >>> negated(s, s.index("signe"), s.index(","))
    False
    """
    before = _NEGATION_START.search(folded[max(0, start - 30) : start])
    if before is None:
        return False
    return bool(_NEGATION_END.search(before.group(1)) or _NEGATION_END.match(folded, end + 1))
