"""The output tables: declared columns (:mod:`.schema`), rows of one Doc (:mod:`.rows`),
and :class:`Tables`, what :func:`agreement_nlp.extract` returns."""

from agreement_nlp.tables.frames import Tables

__all__ = ["Tables"]
