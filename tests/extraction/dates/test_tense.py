"""The tense of a date's clause, on parses the model really gives."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from agreement_nlp.extraction.dates.arithmetic import Tense
from agreement_nlp.extraction.dates.lexicon import load_lexicon
from agreement_nlp.extraction.dates.tense import verb_tense


def test_a_head_chain_that_loops_ends() -> None:
    """fr_core_news_md once parsed a real article with two infinitives heading each other
    (bug caught on the real corpus: RecursionError, the article lost)."""
    doc = Doc(
        Vocab(),
        words=["signer", "ratifier", "mardi"],
        heads=[1, 0, 0],
        deps=["xcomp", "xcomp", "obl"],
        pos=["VERB", "VERB", "NOUN"],
        morphs=["VerbForm=Inf", "VerbForm=Inf", ""],
        lemmas=["signer", "ratifier", "mardi"],
    )
    assert doc[0].head.i == 1 and doc[1].head.i == 0  # the loop is there
    assert verb_tense(doc[0], load_lexicon()) == Tense.UNKNOWN
