from __future__ import annotations

import codecs

import pytest

from agreement_nlp.ingest.decode import InputError, decode_bytes, decode_lines, sniff_encoding

FRENCH = "L’été à Ségou : « Déjà ça coûte 5 € », a déclaré le maire. Œuvre, naïf."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (FRENCH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), "utf-8-sig"),
        (FRENCH.encode("cp1252"), "cp1252"),
        (codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"), "utf-16"),
    ],
)
def test_decodes_without_mojibake(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == FRENCH
    assert decoded.encoding == encoding


def test_latin1_is_read_as_its_western_superset() -> None:
    text = "Réunion à Bamako : coopération économique."
    assert decode_bytes(text.encode("latin-1")).text == text


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="binary content"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_damaged_utf8_names_line_and_column() -> None:
    data = "Première ligne\nDeuxième ligne".encode() + b" \xff fin"
    with pytest.raises(InputError, match=r"invalid UTF-8 byte 0xff at line 2, column 17"):
        decode_bytes(data)


def test_sniff_tolerates_a_cut_multibyte_character() -> None:
    assert sniff_encoding("é".encode() * 10 + b"\xc3") == "utf-8"
    assert sniff_encoding(FRENCH.encode("cp1252")) == "cp1252"


def test_decode_lines_reports_bad_lines_and_goes_on() -> None:
    lines = [codecs.BOM_UTF8 + b"un\n", b"d\xe9ux\n", b"trois\n"]
    out = list(decode_lines(lines, "utf-8"))
    assert out[0] == (1, "un\n", None)
    assert out[1][0] == 2 and out[1][2] == "invalid utf-8 byte 0xe9 at column 2"
    assert out[2] == (3, "trois\n", None)
