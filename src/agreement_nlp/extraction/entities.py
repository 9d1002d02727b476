"""The extracted items kept on the Doc, before they become table rows."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    text: str
    start: int
    end: int
    source: str  # which model or rule produced it


@dataclass
class Ministry:
    ministry_id: str
    name: str  # "Ministère " + portfolio
    portfolio: str
    country: str | None
    mention: Mention
    rule: str
    minister_id: str | None = None
    minister: str | None = None
    # every mention, the first one included (``mention`` is the first)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Person:
    person_id: str
    name: str
    mentions: list[Mention]
    title: str | None = None
    role: str = "other"
    role_label: str | None = None
    ministry_id: str | None = None
    ministry: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    evidence: str | None = None
    rule: str | None = None
    # where the role was read: the role words (and portfolio), for a ministry they imply
    role_mention: Mention | None = None
    confidence: float | None = None  # for office holders: calibrated, from the person model
    # what the model read (training collects it; not exported)
    features: dict[str, float] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Signatory:
    person_id: str | None
    name: str | None
    role: str | None
    ministry: str | None
    country: str | None
    evidence: str | None
    rule: str | None = None  # which rule found the signatory (the signatories table says it)


@dataclass
class Agreement:
    agreement_id: str
    title: str
    type: str
    mentions: list[Mention]
    domains: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    signed_on: str | None = None
    place: str | None = None
    status: str = "other"
    evidence: str | None = None
    signatories: list[Signatory] = field(default_factory=list)
    rule: str | None = None
    confidence: float | None = None  # calibrated probability the trained model gives
    status_confidence: float | None = None  # calibrated probability of ``status``
    # what the models read, per mention and for the status (training collects it; not exported)
    features: list[dict[str, float]] = field(default_factory=list, repr=False, compare=False)
    status_features: dict[str, dict[str, float]] = field(
        default_factory=dict, repr=False, compare=False
    )
