"""agreement_nlp: ministers, ministries, agreements and dates from French news, as tables.

The public surface is small:

- :func:`extract` — articles in (texts, paths or records), :class:`Tables` out;
- :func:`load_pipeline` — the spaCy pipeline with the project's components;
- :class:`Tables` — one pandas DataFrame per table, able to write itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Article", "Tables", "__version__", "extract", "load_pipeline"]

if TYPE_CHECKING:
    from agreement_nlp.api import extract, load_pipeline
    from agreement_nlp.article import Article
    from agreement_nlp.tables.frames import Tables


def __getattr__(name: str) -> Any:
    # Lazy, so that `import agreement_nlp` (and the CLI's --help) stays fast.
    if name in ("extract", "load_pipeline"):
        from agreement_nlp import api

        return getattr(api, name)
    if name == "Tables":
        from agreement_nlp.tables.frames import Tables

        return Tables
    if name == "Article":
        from agreement_nlp.article import Article

        return Article
    raise AttributeError(name)


def __dir__() -> list[str]:
    """The public names, so that ``dir(agreement_nlp)`` and completion list them."""
    return sorted(__all__)
