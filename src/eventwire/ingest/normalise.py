"""Byte decoding and length-preserving text normalisation.

``normalise_text`` maps every code point to exactly one code point, so a character offset into the
normalised text is the same offset into the decoded source.
"""

from __future__ import annotations

import codecs
import unicodedata
from functools import lru_cache

from eventwire.errors import BinaryInputError, EmptyInputError, EncodingError

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\uff07"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\uff02"
_SPACES = "\t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_LINE_BREAKS = "\u2028\u2029"
# (BOM, codec) pairs; UTF-32 first because its little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF_CHARS = 8192
_MAX_CONTROL_RATIO = 0.15


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """The translation table of ``normalise_text`` (built once, never mutated)."""
    controls = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) != "\n"]
    table: dict[int, str] = {}
    for chars, target in (
        (_SINGLE_QUOTES, "'"),
        (_DOUBLE_QUOTES, '"'),
        (_SPACES + _ZERO_WIDTH + "".join(controls), " "),
        (_LINE_BREAKS, "\n"),
    ):
        table.update(dict.fromkeys(map(ord, chars), target))
    return str.maketrans(table)


def normalise_text(text: str) -> str:
    """Straighten quotes and map odd spaces, controls and line separators, keeping the length."""
    return text.translate(_table())


def _control_ratio(text: str) -> float:
    """Share of control characters (other than ordinary whitespace) in the start of ``text``."""
    sample = text[:_SNIFF_CHARS]
    if not sample:
        return 0.0
    controls = sum(
        1 for ch in sample if ch not in "\n\r\t\f\v" and unicodedata.category(ch) == "Cc"
    )
    return controls / len(sample)


def _binary_error(source: str, reason: str) -> BinaryInputError:
    return BinaryInputError(
        f"{source}: looks like a binary file ({reason}), not text; "
        "eventwire reads UTF-8 text, JSON Lines or wire files"
    )


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode a file's bytes: UTF-8 (BOM stripped), or UTF-16/32 when a BOM says so."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as e:
                raise EncodingError(
                    f"{source}: starts with a {codec.upper()} byte-order mark but is not valid "
                    f"{codec.upper()} ({e.reason} at byte {e.start + len(bom)}); "
                    f"re-save it as UTF-8, e.g. `iconv -f {codec} -t utf-8 {source}`"
                ) from e
            break
    else:
        if b"\x00" in data:
            raise _binary_error(
                source,
                "it contains NUL bytes; if it is UTF-16 without a byte-order mark, convert it "
                f"with `iconv -f utf-16le -t utf-8 {source}`",
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            if _control_ratio(data.decode("latin-1")) > _MAX_CONTROL_RATIO:
                raise _binary_error(source, "mostly control bytes") from e
            raise EncodingError(
                f"{source}: is not UTF-8 (byte 0x{data[e.start]:02X} at offset {e.start} "
                "cannot be decoded); convert it to UTF-8 first, e.g. "
                f"`iconv -f latin1 -t utf-8 {source} > converted.txt` "
                "(use -f cp1252 for Windows files)"
            ) from e
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise _binary_error(source, "mostly control characters")
    if not normalise_text(text).strip():
        raise EmptyInputError(f"{source}: is empty or contains only whitespace")
    return text
