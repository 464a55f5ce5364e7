"""Reading a file's bytes: the text to analyse, text that can only be
searched, a reason to skip the file, or nothing to do.

The guards run before anything is decoded: a file that cannot mention
DeepSeek is clean whatever its size or kind, so it gets no "skipped" message
(and the answer is the same whether or not ripgrep ruled it out first).
"""

from __future__ import annotations

import codecs
import io
import tokenize
from dataclasses import dataclass
from typing import Callable

from ds_migrate.deepseek.mentions import mentions, mentions_text, mentions_without_copy


class DecodeError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class TextOnly:
    """Source that can be searched for names but not parsed."""

    problem: str  # reported as an error, followed by "; searched as text, not fixed"
    text: str
    why: str  # what the findings of the text search give as the reason


@dataclass(frozen=True, slots=True)
class Reading:
    """What reading gave: at most one of the fields is set; none, the file is clean."""

    text: str | None = None  # decoded source, to analyse
    encoding: str | None = None  # the codec ``text`` was decoded with (and is written back in)
    skipped: str | None = None  # why the file was not searched (reported)
    text_only: TextOnly | None = None


CLEAN = Reading()
Decoder = Callable[[bytes], "tuple[str, str]"]


def decode_python(data: bytes) -> tuple[str, str]:
    """Text and codec of Python source, honouring a BOM and a PEP 263 cookie."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        raise DecodeError(str(error)) from None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:
        raise DecodeError(
            f"not valid {encoding} (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None


def decode_utf8(data: bytes) -> tuple[str, str]:
    """Text and codec of a file of any other kind: UTF-8, with or without a BOM."""
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:
        raise DecodeError(f"not valid utf-8 (byte 0x{data[error.start]:02x} at offset {error.start})") from None


def read_source(data: bytes, max_file_size: int, decode: Decoder, must_read: bool = False) -> Reading:
    """The checks every file passes (size, UTF-16, binary, a mention of
    DeepSeek), then the decoding. ``must_read``: the run found requests in
    the file whose model another module holds (ds_migrate/project/flow/), so it is
    read whether or not it mentions DeepSeek."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _read_utf16(data, max_file_size)
    if len(data) > max_file_size:
        # no lowered copy of a huge file: the slower regex costs no memory
        return Reading(skipped=too_large(max_file_size)) if mentions_without_copy(data) else CLEAN
    # bytes.lower() and a plain search run at memory speed; an IGNORECASE
    # regex is five times slower on a big tree
    if not mentions(data) and not must_read:
        return CLEAN
    if b"\x00" in data:
        return Reading(skipped="binary (contains NUL bytes)")
    try:
        text, encoding = decode(data)
    except DecodeError as error:
        return Reading(text_only=TextOnly(f"cannot decode: {error}", data.decode("latin-1"), "file could not be decoded"))
    return Reading(text=text, encoding=encoding)


def too_large(max_file_size: int) -> str:
    return f"larger than {_size(max_file_size)} (--max-file-size)"


def _size(count: int) -> str:
    if count >= 1024 * 1024 and count % (1024 * 1024) == 0:
        return f"{count // (1024 * 1024)} MiB"
    return f"{count} bytes"


def _read_utf16(data: bytes, max_file_size: int) -> Reading:
    """Python never reads UTF-16 source, but a name in it is still a name."""
    if len(data) > max_file_size:
        return Reading(skipped=too_large(max_file_size))
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        return Reading(skipped="binary (UTF-16 byte order mark, undecodable)")
    if not mentions_text(text):
        return CLEAN
    problem = "UTF-16 encoded (byte order mark): Python source must be UTF-8 or declare its codec"
    return Reading(text_only=TextOnly(problem, text, "UTF-16 file"))
