"""What text a plan may hold, decided once for every way in (forms, documents, contact files).

Any Unicode except control characters (C0 and C1; newline and tab only in multi-line fields) and the
bidirectional overrides and isolates, which can make a line read in another order than it is stored.
What is shown is still escaped on the way out (`printable`), so an older database cannot do harm either.
"""

import re

_BIDI = "\u202a-\u202e\u2066-\u2069"
_SINGLE_LINE_BAD = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}]")
_MULTI_LINE_BAD = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{_BIDI}]")
_NAMES = {
    "\n": "a line break",
    "\t": "a tab",
    "\r": "a carriage return",
    "\x1b": "an escape character (ESC)",
    "\x00": "a NUL character",
    "\x07": "a bell character (BEL)",
    "\u2028": "a line separator (U+2028)",
    "\u2029": "a paragraph separator (U+2029)",
}


def _describe(char: str) -> str:
    if char in _NAMES:
        return _NAMES[char]
    code = f"U+{ord(char):04X}"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return f"a bidirectional override ({code})"
    return f"a control character ({code})"


def normalise_newlines(value: str) -> str:
    """Pasted text may end its lines Windows-style; store one kind of line break."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def text_problem(value: str, *, multiline: bool) -> str | None:
    """Why `value` cannot be stored in a field (None when it can)."""
    found = (_MULTI_LINE_BAD if multiline else _SINGLE_LINE_BAD).search(value)
    if found is None:
        return None
    char = found.group()
    where = " (one line only)" if not multiline and char in "\n\r\t\u2028\u2029" else ""
    return f"must not hold {_describe(char)}{where}"


_SHOWN_BAD = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")


def printable(value: str, *, multiline: bool = True) -> str:
    """`value` safe to write to a terminal: each control character becomes a visible escape like \\x1b."""
    pattern = _SHOWN_BAD if multiline else _SINGLE_LINE_BAD
    if not pattern.search(value):
        return value
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)


_JSON_SHOWN_BAD = re.compile(f"[\x7f-\x9f{_BIDI}]")


def printable_json(text: str) -> str:
    """JSON text safe to write to a terminal and still the same JSON: the control characters JSON writes
    as they are (C1, DEL, bidirectional overrides; C0 it escapes itself) become \\uXXXX escapes."""
    if not _JSON_SHOWN_BAD.search(text):
        return text
    return _JSON_SHOWN_BAD.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
