"""People's names as the widgets show them: on one line, never as control characters, cut to fit."""

import unicodedata

from rich.cells import cell_len
from rich.text import Text

# Surname particles that stay with the surname when a name is cut to initials: "B. de Wit".
PARTICLES = frozenset(
    {
        "al",
        "bin",
        "da",
        "das",
        "de",
        "del",
        "della",
        "den",
        "der",
        "di",
        "do",
        "dos",
        "du",
        "el",
        "ibn",
        "la",
        "le",
        "van",
        "von",
        "ten",
        "ter",
        "zu",
    }
)
REPLACEMENT = "\ufffd"
# Bidirectional overrides and isolates: they would reorder what follows them on the line.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def one_line(text: str) -> str:
    """Whitespace of any kind (a newline in a name) as single spaces; any other control character, and
    any bidirectional override, as \ufffd: the store refuses them, and the screen never shows them."""
    words = " ".join(text.split())
    if words.isprintable():
        return words
    return "".join(
        REPLACEMENT if unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS else char for char in words
    )


def short_name(name: str, width: int) -> str:
    """The name as it fits in `width` cells: whole; else initials and surname ("A. Verbruggen",
    "B. de Wit"); else initials and the surname's last word ("C. Berg" for Carmen van den Berg); else
    the surname; else the first name; else cut with an ellipsis."""
    name = one_line(name)
    if cell_len(name) <= width:
        return name
    words = name.split(" ")
    if len(words) >= 2:
        start = len(words) - 1
        while start > 1 and words[start - 1].casefold() in PARTICLES:
            start -= 1
        given, surname = words[:start], " ".join(words[start:])
        initials = "".join(f"{word[0]}." for word in given)
        for candidate in (f"{initials} {surname}", f"{initials} {words[-1]}", surname, words[0]):
            if cell_len(candidate) <= width:
                return candidate
        name = f"{initials} {surname}"
    return cut(name, width)


def cut(text: str, width: int) -> str:
    """`text` within `width` cells, cut with an ellipsis."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    shown = Text(text)
    shown.truncate(width, overflow="ellipsis")
    return shown.plain
