"""CSV for a French-locale Excel: UTF-8 with BOM, ``;`` separator, no formulas.

Cells that Excel would run as a formula are neutralised following the OWASP
CSV-injection rule: a leading ``=``, ``+``, ``-``, ``@``, tab or carriage
return gets a single quote in front. A prefix behind leading spaces counts
too: some spreadsheet programs trim cells before reading them.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A cell value that no spreadsheet will run as a formula.

    >>> neutralise("=1+1"), neutralise("Accord"), neutralise(3)
    ("'=1+1", 'Accord', 3)
    """
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_excel_csv_bytes(table: str, df: pd.DataFrame) -> bytes:
    safe = df.astype(object).map(neutralise)
    text = safe.to_csv(index=False, sep=";", lineterminator="\r\n")
    return b"\xef\xbb\xbf" + text.encode("utf-8")
