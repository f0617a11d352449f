"""Decoding statement text whose encoding nobody states truthfully.

1C files declare `Кодировка=Windows` whether they are windows-1251 or UTF-8,
and bank CSVs carry no BOM. So: strict UTF-8 first (it almost never decodes
non-UTF-8 Cyrillic by accident); otherwise decode as windows-1251 and as cp866
and keep the one whose letters look like Russian/Ukrainian text.
"""

from __future__ import annotations

import re
from collections import Counter

from backoffice.importers.statements.lines import RowError

# Relative frequency (per cent) of the commonest lower-case letters in
# Ukrainian and Russian prose. Bytes of one code page decoded as the other
# come out as box drawing, Latin-1 symbols or rare letters, which score low.
_LETTER_WEIGHT = {
    "о": 10.0, "е": 8.0, "а": 8.0, "и": 6.5, "н": 6.5, "т": 6.0, "с": 5.0, "р": 4.5,
    "в": 4.5, "л": 4.0, "і": 4.5, "к": 3.5, "м": 3.0, "д": 3.0, "п": 2.8, "у": 2.7,
    "я": 2.0, "з": 1.8, "ь": 1.7, "г": 1.6, "ч": 1.4, "б": 1.6, "й": 1.2, "х": 0.9,
    "ж": 0.9, "ш": 0.7, "ю": 0.6, "ц": 0.5, "щ": 0.4, "ф": 0.3, "є": 0.4, "ї": 0.6,
}  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ASCII = re.compile(r"[\x00-\x7f]+")
_SAMPLE_BYTES = 256 * 1024


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name) or RowError saying why the bytes are not text we read."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return _checked(data[3:].decode("utf-8"), "utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            reason = f"the file starts with a UTF-8 mark but is not UTF-8 ({exc.reason})"
            raise RowError(reason) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 10:
        raise RowError("the file is in UTF-16 or is binary; save it as UTF-8 or windows-1251 text")
    try:
        return _checked(data.decode("utf-8"), "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str]] = []
    # Single-byte code pages: a sample decides, then the whole file is decoded
    # once (scoring every character of a 30 MB statement took seconds).
    sample = data[:_SAMPLE_BYTES]
    for name in ("cp1251", "cp866"):
        try:
            candidates.append((_score(sample.decode(name)), name))
        except UnicodeDecodeError:
            continue
    if not candidates:  # pragma: no cover - cp866 maps every byte
        raise RowError("cannot decode the file as UTF-8, windows-1251 or cp866")
    score, name = max(candidates)
    if score < 1.0:
        raise RowError(
            "cannot tell the file's encoding: it is not UTF-8, and read as windows-1251 "
            "or cp866 it does not look like Ukrainian or Russian text"
        )
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RowError(f"byte {data[exc.start]:#04x} is not {name} text", line) from None
    return _checked(text, name), name


def _score(text: str) -> float:
    """Average letter weight of the non-ASCII characters, 0..~5 (per cent scale /2)."""
    high = Counter(_ASCII.sub("", text))
    count = sum(high.values())
    if not count:
        return 10.0
    total = sum(_LETTER_WEIGHT.get(ch.lower(), 0.0) * n for ch, n in high.items())
    return total / count / 2


def _checked(text: str, name: str) -> str:
    match = _CONTROL.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise RowError(f"binary data (byte {ord(match.group(0)):#04x}) in {name} text", line)
    return text
