"""Bytes before text: size caps, gzip with a bomb guard, binary sniffing and decoding.

Every reader goes through here, so the limits that keep memory bounded live in one place.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tealeaves.errors import DecodeError, InputError

@dataclass(frozen=True)
class Problem:
    """A file or record that was skipped, and why. ``kind`` is "failed" (nothing from it landed)
    or "warning" (it was damaged but what could be read went through)."""

    origin: str
    reason: str
    kind: str = "failed"

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


MiB = 1 << 20
MAX_DOCUMENT_BYTES = 32 * MiB  # one text, HTML or feed file, read whole
MAX_RECORD_BYTES = 32 * MiB  # one JSON Lines record or one WARC response body
GZIP_MAX_RATIO = 100  # real text compresses 3-10x; zeros compress 1000x
GZIP_RATIO_AFTER = 16 * MiB  # the ratio is only judged once this much came out

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP/Office"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"\x7fELF", "executable"), (b"MZ", "executable"),
    (b"BZh", "bzip2 archive"), (b"\xfd7zXZ", "xz archive"), (b"7z\xbc\xaf", "7-Zip archive"),
    (b"SQLite format 3", "SQLite database"), (b"\x28\xb5\x2f\xfd", "zstd archive"),
)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def mb(n: int) -> str:
    return f"{n / MiB:.0f} MB" if n >= MiB else f"{n} bytes"


def binary_kind(head: bytes) -> str | None:
    """What a file that starts with ``head`` looks like when it is not text, else None."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    sample = head[:8192]
    if b"\x00" in sample:
        return "binary data"
    if sample and sum(sample.count(bytes([c])) for c in _CONTROL) > len(sample) // 10:
        return "binary data"
    return None


def _cp1252_for_bad_bytes(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start:exc.end].decode("cp1252", errors="replace"), exc.end


def decode(data: bytes, origin: str) -> str:
    """Bytes to text. UTF-8 (BOM or not) and UTF-16 with a BOM are read as such; a file that is
    mostly UTF-8 with a few stray legacy bytes (mixed encodings) keeps its UTF-8 and reads the
    stray bytes as Windows-1252; a file in one legacy encoding is decoded with the encoding
    charset_normalizer guesses. Raises DecodeError for binary data or undecidable bytes."""
    kind = binary_kind(data[:8192])
    if kind:
        raise DecodeError(f"{origin} looks like {kind}, not text")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise DecodeError(f"{origin} starts with a UTF-16 mark but is not valid UTF-16") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    loose = data.decode("utf-8", errors="surrogateescape")
    if any(ord(c) > 0x7F and not 0xDC80 <= ord(c) <= 0xDCFF for c in loose):
        return data.decode("utf-8-sig", errors=_register_fallback())
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 4 * MiB]).best()
    if best is None or not best.encoding:
        raise DecodeError(f"{origin} is not valid UTF-8 (byte {first_bad}) and its encoding cannot be guessed; "
                          "convert it to UTF-8 first (e.g. iconv -f latin1 -t utf-8)")
    return data.decode(best.encoding, errors="replace")


def _register_fallback() -> str:
    try:
        codecs.lookup_error("tealeaves-cp1252")
    except LookupError:
        codecs.register_error("tealeaves-cp1252", _cp1252_for_bad_bytes)
    return "tealeaves-cp1252"


def decode_record(line: bytes, origin: str) -> str:
    """One JSON Lines record to text; stray non-UTF-8 bytes are read as Windows-1252 (one line is
    too short for a reliable encoding guess)."""
    try:
        return line.decode("utf-8-sig")
    except UnicodeDecodeError:
        return line.decode("utf-8-sig", errors=_register_fallback())


class _GuardedGzip(io.RawIOBase):
    """A gzip stream that refuses to expand more than GZIP_MAX_RATIO times its compressed size."""

    def __init__(self, raw: IO[bytes], origin: str) -> None:
        self._raw = raw
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")
        self._origin = origin
        self._out = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            n = self._gz.readinto(buffer)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"{self._origin} is a damaged gzip file ({exc or 'cut short'})") from None
        self._out += n
        if self._out > GZIP_RATIO_AFTER and self._out > GZIP_MAX_RATIO * max(self._raw.tell(), 1):
            raise InputError(f"{self._origin} expands more than {GZIP_MAX_RATIO} times when decompressed; "
                             "refusing it as a likely gzip bomb")
        return n

    def close(self) -> None:
        self._gz.close()
        self._raw.close()
        super().close()


def open_bytes(path: Path) -> IO[bytes]:
    """A buffered binary stream of the file's content, transparently gunzipped (with the bomb guard)."""
    raw = path.open("rb")
    if raw.read(2) == b"\x1f\x8b":
        raw.seek(0)
        return io.BufferedReader(_GuardedGzip(raw, str(path)), buffer_size=MiB)
    raw.seek(0)
    return raw


def read_capped(stream: IO[bytes], origin: str, cap: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The whole stream, or InputError when it holds more than ``cap`` bytes (nothing past cap+1 is read)."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputError(f"{origin} is larger than {mb(cap)}, the most one document may be; split it into "
                         "several files or JSON Lines records")
    return data


def peek(stream: IO[bytes], n: int = 4096) -> bytes:
    """The first bytes of a buffered stream without consuming them."""
    if hasattr(stream, "peek"):
        return stream.peek(n)[:n]
    pos = stream.tell()
    head = stream.read(n)
    stream.seek(pos)
    return head


_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its start."""
    m = _CHARSET.search(head[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
