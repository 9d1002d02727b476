"""Places and their country codes in a stretch of text, for parties and named agreements."""

from __future__ import annotations

import re

from agreement_nlp.lexicon import gazetteer
from agreement_nlp.text import fold


def _places_codes(text: str, cities: bool = False) -> list[str]:
    """Country and organisation codes named in ``text``; with ``cities``, a city
    stands for its country ("un accord entre Washington et Pékin")."""
    kinds = ("country_name", "demonym", "prefix", "organisation", *(("city",) if cities else ()))
    codes = []
    for p in gazetteer.find_places(text):
        # "l'accord de Paris", "les accords d'Évian": the place it is named after, not a
        # party; "un accord avec le régime de Conakry" names a party
        if p.kind == "city" and re.fullmatch(
            r"\s*\S+(?:[ -]\S+)?\s+(?:de|d')\s*", fold(text[: p.start])
        ):
            continue
        if p.kind in kinds and p.code not in codes and not gazetteer.is_incidental(text, p):
            codes.append(p.code)
    return codes
