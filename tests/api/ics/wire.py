"""Byte-level reading of an ICS body, written from RFC 5545 section 3.1 and independent of
every parser under test."""

from __future__ import annotations

import re


def physical_lines(data: bytes) -> list[bytes]:
    """The lines as sent, split on CRLF; fails on a bare CR or LF anywhere."""
    assert data.endswith(b"\r\n"), "the body must end with CRLF"
    lines = data[:-2].split(b"\r\n")
    for number, line in enumerate(lines, 1):
        assert b"\r" not in line and b"\n" not in line, f"line {number}: bare CR or LF"
    return lines


def unfold(data: bytes) -> list[str]:
    """Logical content lines: a CRLF followed by one space or tab is removed (3.1)."""
    text = re.sub(rb"\r\n[ \t]", b"", data).decode("utf-8")
    return text[:-2].split("\r\n")


def assert_wire_format(data: bytes) -> list[str]:
    """CRLF only, every physical line at most 75 octets and valid UTF-8 on its own (no
    character split by a fold), continuation lines start with one space; returns the
    logical lines."""
    lines = physical_lines(data)
    for number, line in enumerate(lines, 1):
        assert len(line) <= 75, f"line {number} has {len(line)} octets: {line!r}"
        line.decode("utf-8")  # raises if a fold split a multi-byte character
        if number == 1:
            assert not line.startswith((b" ", b"\t"))
    logical = unfold(data)
    assert all(line for line in logical), "no empty content lines"
    # Refolding the logical lines at the physical boundaries gives the bytes back.
    assert "\r\n".join(logical).encode() == re.sub(rb"\r\n[ \t]", b"", data)[:-2]
    return logical


def properties(logical: list[str], name: str) -> list[str]:
    """The raw values of one property across the body: `NAME[;params]:value`."""
    found = []
    for line in logical:
        head, _, value = _split(line)
        if head.split(";", 1)[0].upper() == name:
            found.append(value)
    return found


def _split(line: str) -> tuple[str, str, str]:
    in_quotes = False
    for i, ch in enumerate(line):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == ":" and not in_quotes:
            return line[:i], ":", line[i + 1 :]
    raise AssertionError(f"not a content line: {line!r}")


def components(logical: list[str]) -> list[tuple[str, list[str]]]:
    """Top-level components inside the VCALENDAR, each with its own lines (nested ones
    included), checking that BEGIN and END pair up."""
    assert logical[0] == "BEGIN:VCALENDAR" and logical[-1] == "END:VCALENDAR"
    out: list[tuple[str, list[str]]] = []
    stack: list[str] = []
    for line in logical[1:-1]:
        if line.startswith("BEGIN:"):
            stack.append(line[6:])
            if len(stack) == 1:
                out.append((line[6:], []))
        if stack:
            out[-1][1].append(line)
        if line.startswith("END:"):
            assert stack and stack.pop() == line[4:], f"unbalanced {line}"
    assert not stack
    return out


def unescape(value: str) -> str:
    """TEXT value unescaping (3.3.11)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)
