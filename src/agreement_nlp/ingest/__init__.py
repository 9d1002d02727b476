"""Discovering and reading inputs into :class:`~agreement_nlp.article.Article` records."""
