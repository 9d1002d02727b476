"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or a Western
single-byte encoding (cp1252, latin-1...) detected with charset-normalizer.

Decoding never guesses silently into mojibake: bytes that are mostly UTF-8
with a few invalid sequences, or that fit no encoding, raise
:class:`InputError` with the line and column of the first bad byte.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from charset_normalizer import from_bytes

from agreement_nlp.article import Status

# French press text is UTF-8 or one of these; letting charset-normalizer
# choose among all code pages makes it pick exotic ones for short texts
# (cp1006 for "Déjà là.").
WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"]

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# A valid UTF-8 multi-byte sequence: its presence next to invalid bytes means
# a damaged UTF-8 file rather than a single-byte one.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CONTROL = set(range(0, 9)) | {
    11,
    14,
    15,
    16,
    17,
    18,
    19,
    20,
    21,
    22,
    23,
    24,
    25,
    26,
    27,
    28,
    29,
    30,
    31,
}
SNIFF_BYTES = 64 * 1024


class InputError(Exception):
    """Input that cannot become article text; ``str(exc)`` is the user message."""

    def __init__(self, message: str, status: Status = "error") -> None:
        super().__init__(message)
        self.status: Status = status


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def position(data: bytes, offset: int) -> str:
    """``line L, column C`` (1-based) of byte ``offset``.

    >>> position(b"ab\\ncd", 4)
    'line 2, column 2'
    """
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def check_not_binary(data: bytes) -> None:
    """Raise :class:`InputError` for content that is not text (images, archives...).

    >>> check_not_binary(b"texte")
    >>> check_not_binary(b"PK\\x03\\x04\\x00\\x00")
    Traceback (most recent call last):
    ...
    agreement_nlp.ingest.decode.InputError: binary content (NUL byte at byte 4), not text
    """
    sample = data[:SNIFF_BYTES]
    nul = sample.find(b"\x00")
    if nul >= 0:
        raise InputError(f"binary content (NUL byte at byte {nul}), not text")
    if sample:
        controls = sum(1 for b in sample if b in _CONTROL)
        if controls / len(sample) > 0.05:
            raise InputError(
                f"binary content ({controls} control bytes in the first {len(sample)}), not text"
            )


def decode_bytes(data: bytes) -> Decoded:
    """Decode a whole input.

    >>> decode_bytes("Été".encode("cp1252"))
    Decoded(text='Été', encoding='cp1252')
    >>> decode_bytes(b"\\xef\\xbb\\xbfAccord").text
    'Accord'
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"undecodable bytes: invalid {encoding} at {position(data, exc.start)}"
                ) from exc
    check_not_binary(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _UTF8_MULTIBYTE.search(data):
        raise InputError(
            f"undecodable bytes: invalid UTF-8 byte 0x{data[first_bad]:02x} at "
            f"{position(data, first_bad)} in otherwise UTF-8 text"
        )
    western = detect_western(data)
    if western is None:
        raise InputError(
            f"undecodable bytes: not UTF-8 (byte 0x{data[first_bad]:02x} at "
            f"{position(data, first_bad)}) and no Western encoding fits"
        )
    return Decoded(data.decode(western), western)


def detect_western(data: bytes) -> str | None:
    """The Western single-byte encoding that reads ``data`` best, or None."""
    best = from_bytes(data[: SNIFF_BYTES * 4], cp_isolation=WESTERN_ENCODINGS).best()
    # charset-normalizer finds typographic French (’ « » € Œ) too "messy" and
    # gives up; cp1252 is then still the likeliest reading if it has no
    # control characters.
    candidates = ([str(best.encoding)] if best is not None else []) + ["cp1252"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not any((ord(c) < 32 and c not in "\t\n\r\f") or 0x7F <= ord(c) < 0xA0 for c in text):
            return encoding
    return None


def sniff_encoding(sample: bytes) -> str:
    """Encoding of a line-based input from its first bytes.

    A sample may end inside a multi-byte character; that is not an error.

    >>> sniff_encoding("é".encode("utf-8") * 3 + b"\\xc3")
    'utf-8'
    """
    for bom, encoding in BOMS:
        if sample.startswith(bom):
            return encoding
    check_not_binary(sample)
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"
        if _UTF8_MULTIBYTE.search(sample):
            # Damaged UTF-8: decode line by line and report the bad lines.
            return "utf-8"
    return detect_western(sample) or "utf-8"


class Overlong(bytes):
    """Stands for a line too long to read in a stream of lines; its value is the line's size."""


TOO_LONG = "line too long"


def decode_lines(lines: Iterable[bytes], encoding: str) -> Iterator[tuple[int, str, str | None]]:
    """Yield ``(line number, text, problem)`` per line; ``problem`` names an undecodable byte.

    A bad line is still yielded (with U+FFFD in place of the bad bytes) so the
    caller can report the record it belongs to and go on with the next one.

    >>> list(decode_lines([b"ok\\n", b"\\xff\\n"], "utf-8"))[1]
    (2, '\\ufffd\\n', 'invalid utf-8 byte 0xff at column 1')
    """
    first = True
    for lineno, line in enumerate(lines, start=1):
        if isinstance(line, Overlong):
            yield lineno, "\ufffd", f"{TOO_LONG} ({int(line)} bytes), not read"
            continue
        raw = line
        if first and encoding in ("utf-8", "utf-8-sig") and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        first = False
        codec = "utf-8" if encoding == "utf-8-sig" else encoding
        try:
            yield lineno, raw.decode(codec), None
        except UnicodeDecodeError as exc:
            problem = f"invalid {codec} byte 0x{raw[exc.start]:02x} at column {exc.start + 1}"
            yield lineno, raw.decode(codec, errors="replace"), problem
