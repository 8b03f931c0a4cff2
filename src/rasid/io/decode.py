"""Turn input bytes into text without assuming an encoding (UTF-8, UTF-16, windows-1256, ...)."""
from __future__ import annotations

import codecs

from rasid.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy single-byte guesses that charset-normalizer makes for Arabic bytes; Arabic news is cp1256.
_WESTERN = {"cp1252", "latin_1", "iso8859_1", "iso8859_15", "cp1250", "mac_roman", "cp850", "cp437"}


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to ``(text, encoding)``; raise ``InputError`` for binary or undecodable bytes.

    >>> decode_bytes("داعش".encode("cp1256"))[1]
    'cp1256'
    >>> decode_bytes("\\ufeffنص".encode("utf-8"))
    ('نص', 'utf-8-sig')
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(f"starts with a {enc} byte-order mark but is not valid {enc} ({e})") from e
    utf16 = _sniff_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError("binary file (NUL bytes); give Rasid text, HTML or JSONL")
    sample = data[:8000]
    controls = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D))
    if controls > max(2, len(sample) // 100):
        raise InputError("binary file (control bytes); give Rasid text, HTML or JSONL")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _guess_legacy(data)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is NUL for ASCII, or 0x06 for Arabic."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    n = len(even)

    def share(seq: bytes, values: tuple[int, ...]) -> float:
        return sum(1 for b in seq if b in values) / n

    if share(odd, (0x00, 0x06)) > 0.7 and share(even, (0x00,)) < 0.1:
        return "utf-16-le"
    if share(even, (0x00, 0x06)) > 0.7 and share(odd, (0x00,)) < 0.1:
        return "utf-16-be"
    return None


def _guess_legacy(data: bytes) -> tuple[str, str]:
    """Not UTF: Arabic news in a legacy code page is windows-1256 far more often than anything else."""
    from charset_normalizer import from_bytes

    cp1256 = data.decode("cp1256", errors="replace")
    if _arabic_share(cp1256) >= 0.6:
        return cp1256, "cp1256"
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise InputError("cannot detect the text encoding (binary?); convert the file to UTF-8")
    if best.encoding in _WESTERN and _arabic_share(cp1256) > 0.2:
        return cp1256, "cp1256"
    return data.decode(best.encoding, errors="replace"), best.encoding


def _arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters)
