"""Opening inputs, gzip-compressed or not, and reading them with a size limit.

Compression is recognised by its magic bytes, not by the name, so a ``.gz``
file that is not compressed, or stdin piped from ``gzip -c``, both work.
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import IO, cast

from agreement_nlp.ingest.decode import InputError

GZIP_MAGIC = b"\x1f\x8b"
# Errors raised by gzip while reading: truncated stream, bad header, bad data.
GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)


def maybe_gunzip(stream: IO[bytes]) -> IO[bytes]:
    """``stream``, decompressed on the fly when it starts with the gzip magic.

    >>> maybe_gunzip(io.BytesIO(gzip.compress(b"abc"))).read()
    b'abc'
    """
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(cast(io.RawIOBase, stream))
    if buffered.peek(2)[:2] == GZIP_MAGIC:
        return cast(IO[bytes], gzip.GzipFile(fileobj=buffered, mode="rb"))
    return buffered


def gzip_problem(exc: BaseException) -> str:
    """A user message for a gzip failure."""
    if isinstance(exc, EOFError):
        return "truncated gzip: the compressed stream ends before its end marker"
    if isinstance(exc, gzip.BadGzipFile):
        return f"not a valid gzip file ({exc})"
    return f"corrupt gzip data ({exc})"


def read_limited(stream: IO[bytes], limit: int) -> bytes:
    """Read the whole stream, refusing more than ``limit`` bytes (gzip bombs, stray dumps)."""
    try:
        data = stream.read(limit + 1)
    except GZIP_ERRORS as exc:
        raise InputError(gzip_problem(exc)) from exc
    if len(data) > limit:
        raise InputError(f"too large (more than {limit} bytes), not read", status="skipped")
    return data
