"""The corpus-level pass: agreements and persons linked across the articles of a run."""

from agreement_nlp.link.corpus import LINKED, link_tables

__all__ = ["LINKED", "link_tables"]
