"""Content lines (RFC 5545 3.1) and the values written in them, as icalendar 7 writes them.

Apart from the VEVENTs that use them, as icalendar keeps its `parser` apart from its
components: how a TEXT value is cleaned and escaped, how a line is folded, how a DATE,
a DATE-TIME and a UID are spelt. Each is pinned byte for byte against icalendar's and
urllib's own (tests/api/ics/test_writer.py), so the feed stays what icalendar would
write while costing a fraction of building icalendar objects per VEVENT.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime

from icalendar import vText

UID_DOMAIN = "calendar-svc"


def item_uid(kind: str, item_id: str) -> str:
    """``leg.to-lam-2025-05-05.kz@calendar-svc``: readable, stable, injective.

    The id is percent-encoded (so the UID is ASCII without spaces, commas or semicolons),
    then "." is encoded and "/" becomes ".", so different ids never share a UID.
    """
    return uid_and_fragment(kind, item_id)[0]


#: What `quote(…, safe="/")` percent-encodes: everything but these.
_UNSAFE = re.compile(r"[^A-Za-z0-9_.~/-]+")


def _percent(match: re.Match[str]) -> str:
    return "".join([f"%{octet:02X}" for octet in match[0].encode()])


def percent_encode(text: str) -> str:
    """`urllib.parse.quote(text, safe="/")`, without its per-call overhead."""
    return _UNSAFE.sub(_percent, text)


def uid_and_fragment(kind: str, item_id: str) -> tuple[str, str]:
    """The UID, and the id percent-encoded as the URL's fragment shows it."""
    if not item_id:
        raise ValueError(f"a {kind} without an id cannot have a stable UID")
    quoted = percent_encode(item_id)
    return f"{kind}.{quoted.replace('.', '%2E').replace('/', '.')}@{UID_DOMAIN}", quoted


def utc(value: datetime) -> datetime:
    """A stamp as DTSTAMP and LAST-MODIFIED write it: UTC, whole seconds (naive: UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0)


# -- TEXT values ------------------------------------------------------------------------------

_ESCAPED = re.compile(r"[\\;,\r\n]")


def escape(text: str, opening: bool = True) -> str:
    r"""TEXT escaping (RFC 5545 3.3.11), replacement for replacement as icalendar's vText
    does it: ``\N`` is read as a line break, then backslash, semicolon and comma are
    escaped, and every line break (CRLF, LF, lone CR) becomes ``\n``. A byte order mark
    opening a value is dropped, as icalendar's UTF-8-SIG decoding of each value drops it
    (`opening=False`: the text follows others in the value, as a list's later item)."""
    if opening and text.startswith("\ufeff"):
        text = text[1:]
    if _ESCAPED.search(text) is None:
        return text
    return (
        text.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


_NEWLINE = re.compile(r"\r\n|[\r\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_UNCLEAN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # \r, \x85 included


def clean_text(value: str) -> str:
    """NFC (Vietnamese letters precomposed), every kind of line break as LF (escaped as
    \\n on the wire), no other control characters (RFC 5545 3.3.11 excludes them)."""
    if _UNCLEAN.search(value) is not None:
        value = _CONTROL.sub("", _NEWLINE.sub("\n", value))
    return unicodedata.normalize("NFC", value).strip()


def vtext(value: str) -> str:
    """A TEXT value as written: cleaned by `clean_text`, then escaped."""
    return escape(clean_text(value))


def vtext_ical(value: str) -> vText:
    """The same, as an icalendar value (for the properties icalendar writes)."""
    return vText(clean_text(value))


# -- folding ----------------------------------------------------------------------------------

#: Octets of a content line per physical line: icalendar folds before the 75th, and a
#: continuation line is one space and at most this many octets (75 in all).
_FOLD = 74
_BACKSLASH, _CARET = ord("\\"), ord("^")


def fold(data: bytes) -> bytes:
    """One content line (UTF-8, no line break) as physical lines joined by CRLF + space.

    Greedy, like icalendar's fold: each piece is the longest run of whole characters
    that fits in 74 octets, except that a piece of more than one character never ends
    with a backslash or caret, which moves to the next piece, so that an escape sequence
    is never split across a fold.
    """
    size = len(data)
    if size <= _FOLD:
        return data
    pieces = []
    start = 0
    while size - start > _FOLD:
        end = start + _FOLD
        while data[end] & 0xC0 == 0x80:  # a continuation octet: back to the character start
            end -= 1
        if data[end - 1] in (_BACKSLASH, _CARET) and end - start > 1:
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)


def component(lines: list[str]) -> bytes:
    """Content lines (already escaped) as folded, CRLF-terminated bytes."""
    encoded = [line.encode() for line in lines]
    for i, data in enumerate(encoded):
        if len(data) > _FOLD:
            encoded[i] = fold(data)
    encoded.append(b"")
    return b"\r\n".join(encoded)


# -- DATE and DATE-TIME values ----------------------------------------------------------------


def date_value(day: date) -> str:
    """A DATE (RFC 5545 3.3.4): ``20250509``."""
    return f"{day.year:04}{day.month:02}{day.day:02}"


def local_value(moment: datetime) -> str:
    """A DATE-TIME's digits without zone or ``Z`` (RFC 5545 3.3.5): ``20250509T100000``."""
    return (
        f"{moment.year:04}{moment.month:02}{moment.day:02}"
        f"T{moment.hour:02}{moment.minute:02}{moment.second:02}"
    )
