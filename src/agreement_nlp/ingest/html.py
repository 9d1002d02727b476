"""HTML pages: main text and metadata extracted with trafilatura.

The page is parsed as data: no URL is given to trafilatura, so nothing is
fetched; scripts, styles, navigation and comments are dropped by its
extractor, not by hand-written patterns.
"""

from __future__ import annotations

import codecs
import re
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from agreement_nlp.ingest.decode import InputError, decode_bytes

# htmldate's extensive search reads dates anywhere in the page (sidebars,
# comments) and would make a teaser's date the article's; stick to markup.
DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%d",
}


_HTML_START = re.compile(r"<(?:!doctype|html|head|body)\b", re.I)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I
)


def decode_html(data: bytes) -> str:
    """HTML bytes to text: the declared charset if it reads the bytes, else detection.

    Detection is ours (UTF-8 or Western), so a cp1252 page without a charset
    is not read as cp1250.

    >>> decode_html("<p>déjà</p>".encode("cp1252"))
    '<p>déjà</p>'
    """
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data).text


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published_at: str | None
    authors: tuple[str, ...]
    url: str | None


def _config() -> Any:
    # Imported here: trafilatura takes a second to import and most runs read no HTML.
    from trafilatura.settings import DEFAULT_CONFIG

    config = deepcopy(DEFAULT_CONFIG)
    config["DEFAULT"]["extensive_date_search"] = "off"
    # Short press briefs are articles too; the 250-character default drops them.
    config["DEFAULT"]["min_extracted_size"] = "1"
    # Our own size limit applies before; trafilatura's own would drop pages silently.
    config["DEFAULT"]["max_file_size"] = str(2**31 - 1)
    # The timeout uses SIGALRM, which only works in the main thread.
    config["DEFAULT"]["extraction_timeout"] = "0"
    return config


def extract_page(data: bytes) -> Page:
    """Main text and metadata of an HTML page.

    >>> page = extract_page(
    ...     b"<html><head><title>Accord</title></head><body><article>"
    ...     b"<h1>Accord sign\\xc3\\xa9</h1><p>Le ministre a sign\\xc3\\xa9 un accord.</p>"
    ...     b"</article><script>x()</script></body></html>"
    ... )
    >>> page.text
    'Accord signé\\nLe ministre a signé un accord.'
    """
    import trafilatura

    if not data.strip():
        raise InputError("empty file", status="empty")
    html = decode_html(data)
    if not _HTML_START.search(html[:4096]):
        # trafilatura takes a bare fragment for non-HTML and returns nothing.
        html = f"<html><body>{html}</body></html>"
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            date_extraction_params=DATE_PARAMS,
            config=_config(),
        )
    except Exception as exc:  # lxml and trafilatura raise many types on broken pages
        raise InputError(f"cannot parse HTML ({type(exc).__name__}: {exc})") from exc
    if doc is None:
        raise InputError("no main text found in the HTML page", status="empty")
    meta = doc if isinstance(doc, dict) else doc.as_dict()
    text = meta.get("text") or ""
    author = meta.get("author") or ""
    authors = tuple(a.strip() for a in author.split(";") if a.strip())
    return Page(
        text=text,
        title=(meta.get("title") or None),
        published_at=(meta.get("date") or None),
        authors=authors,
        url=(meta.get("url") or None),
    )
