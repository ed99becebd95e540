"""The quick-add line: one short line that plans an activity.

    call Pieter Dekkers fri "check the budget"
    mtg Joost, Nadia 15 dec #1 @sanne "QBR: test the renewal scope"

The first word says what it is (`call`, `mtg`/`meeting`, `brief`, `event`, `proposal`, `referral`, `intro`,
`internal`); then, in any order: the people it reaches, by name or the first letters of their names (several
separated by commas, `+`, `&` or `and`); the date, in the forms the record form takes; `#2` for the
opportunity it serves; `@name` for the owner on our side; the objective in quotes. Only the type and the date
are required.

Standard library only, like `typed`: the screen reads the line as it is typed and says what it understood.
Every problem is a ValueError whose message is meant for the person typing.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kamplan.document import typed
from kamplan.document.text import text_problem
from kamplan.enums import ActivityType

# The words that start a line, and the type each one means. The closed set's own spellings count too.
TYPE_WORDS: dict[str, ActivityType] = {
    "call": ActivityType.CALL,
    "mtg": ActivityType.MEETING,
    "meeting": ActivityType.MEETING,
    "brief": ActivityType.EXECUTIVE_BRIEFING,
    "briefing": ActivityType.EXECUTIVE_BRIEFING,
    "event": ActivityType.EVENT,
    "proposal": ActivityType.PROPOSAL,
    "referral": ActivityType.REFERRAL_REQUEST,
    "intro": ActivityType.INTRODUCTION,
    "introduction": ActivityType.INTRODUCTION,
    "internal": ActivityType.INTERNAL_ALIGNMENT,
    **{str(kind): kind for kind in ActivityType},
}
# Each type in one short word, as narrow tables show it (every one of them starts a quick-add line too).
SHORT_TYPE: dict[ActivityType, str] = {
    ActivityType.CALL: "call",
    ActivityType.MEETING: "meeting",
    ActivityType.EXECUTIVE_BRIEFING: "brief",
    ActivityType.EVENT: "event",
    ActivityType.PROPOSAL: "proposal",
    ActivityType.REFERRAL_REQUEST: "referral",
    ActivityType.INTRODUCTION: "intro",
    ActivityType.INTERNAL_ALIGNMENT: "internal",
}
TYPE_LIST = "call, mtg, brief, event, proposal, referral, intro or internal"
EXAMPLE = 'call Pieter Dekkers fri "check the budget"'
HINT = 'the type, who (first letters do), when (fri, 15 dec, +2w), #2 for an opportunity, @owner, "objective"'
SEPARATORS = {",", "&", "+", "and"}
_QUOTES = {'"': '"', "“": "”", "”": "”", "„": "“"}
_OPPORTUNITY = re.compile(r"^#(\d{1,6})$")


@dataclass(frozen=True)
class QuickActivity:
    """What a quick-add line plans."""

    type: ActivityType
    day: date
    people: tuple[int, ...]  # stakeholder ids, in the order named
    opportunity: int | None  # the opportunity's number as the plan lists it (#2 → 2)
    objective: str
    owner: int | None  # a team member's id


@dataclass(frozen=True)
class _Token:
    text: str
    quoted: bool = False


def _tokens(line: str) -> list[_Token]:
    """Words, separators and quoted parts. An unclosed quote runs to the end (it is still being typed)."""
    found: list[_Token] = []
    word = ""
    at = 0
    while at < len(line):
        char = line[at]
        if char in _QUOTES:
            if word:
                found.append(_Token(word))
                word = ""
            closing = _QUOTES[char]
            end = min((i for i in (line.find(closing, at + 1), line.find('"', at + 1)) if i >= 0), default=-1)
            found.append(_Token(line[at + 1 :] if end < 0 else line[at + 1 : end], quoted=True))
            at = len(line) if end < 0 else end + 1
            continue
        if char.isspace() or char in ",&":
            if word:
                found.append(_Token(word))
                word = ""
            if char in ",&":
                found.append(_Token(char))
        else:
            word += char
        at += 1
    if word:
        found.append(_Token(word))
    return found


def fold(text: str) -> str:
    """Text as names are compared: any case, accents ignored ("Aydın" is found by "aydin")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _in_order(typed_words: Sequence[str], words: Sequence[str], whole: bool) -> bool:
    """Each typed word is (the start of) one of `words`, in order, each used once."""
    at = 0
    for wanted in typed_words:
        while at < len(words) and not (words[at] == wanted if whole else words[at].startswith(wanted)):
            at += 1
        if at == len(words):
            return False
        at += 1
    return True


def find_one(words: Sequence[str], names: Sequence[tuple[int, str]], what: str = "nobody here") -> int:
    """The one of `names` (id, name) that `words` name: the whole name, else whole words of it, else the
    first letters of its words, in order. ValueError naming the candidates when none or several."""
    wanted = [fold(w) for w in words]
    folded = [(i, name, fold(name).split()) for i, name in names]
    tiers = (
        [(i, n) for i, n, parts in folded if parts == wanted],
        [(i, n) for i, n, parts in folded if _in_order(wanted, parts, whole=True)],
        [(i, n) for i, n, parts in folded if _in_order(wanted, parts, whole=False)],
    )
    shown = " ".join(words)
    for tier in tiers:
        if len(tier) == 1:
            return tier[0][0]
        if tier:
            choices = ", ".join(name for _, name in tier[:4]) + (" …" if len(tier) > 4 else "")
            raise ValueError(f"{shown!r} could be {choices}: type more of the name")
    raise ValueError(f"{what} is called {shown!r}")


def _date_spans(words: Sequence[str], today: date) -> list[tuple[int, int, date]]:
    """Every run of one to three words that reads as a date: (start, end, day)."""
    spans = []
    for start in range(len(words)):
        for length in (3, 2, 1):
            end = start + length
            if end > len(words):
                continue
            text = " ".join(words[start:end])
            if text.isdigit():
                continue  # a bare number is no date
            try:
                day = typed.day(text, today)
            except ValueError:
                continue
            if day is not None:
                spans.append((start, end, day))
    return spans


def parse(
    line: str,
    people: Sequence[tuple[int, str]],
    opportunities: Sequence[int],
    today: date,
    team: Sequence[tuple[int, str]] = (),
) -> QuickActivity:
    """Read a quick-add line. `people` and `team` are (id, name); `opportunities` the numbers listed."""
    tokens = _tokens(line)
    if not tokens:
        raise ValueError(f"type what, who and when: {EXAMPLE}")
    first = tokens[0]
    kind = None if first.quoted else TYPE_WORDS.get(first.text.lower())
    if kind is None:
        raise ValueError(f"start with what it is: {TYPE_LIST}")
    quoted = [t.text for t in tokens[1:] if t.quoted]
    if len(quoted) > 1:
        raise ValueError("one objective in quotes, please: the line has more than one")
    objective = " ".join(quoted[0].split()) if quoted else ""
    problem = text_problem(objective, multiline=False)
    if problem:
        raise ValueError(f"the objective {problem}")

    opportunity: int | None = None
    owner: int | None = None
    plain: list[str] = []  # what is left: names, separators and the date
    for token in tokens[1:]:
        if token.quoted:
            continue
        text = token.text
        if text.startswith("#"):
            if opportunity is not None:
                raise ValueError("one opportunity per activity: the line names two")
            opportunity = _opportunity(text, opportunities)
        elif text.startswith("@"):
            if owner is not None:
                raise ValueError("one owner on our side: the line names two")
            owner = _owner(text[1:], team)
        else:
            plain.append(text)

    day, names = _date_and_names(plain, people, today)
    found: list[int] = []
    for group in names:
        person = find_one(group, people, "nobody at this account")
        if person not in found:
            found.append(person)
    return QuickActivity(kind, day, tuple(found), opportunity, objective, owner)


def _opportunity(text: str, numbers: Sequence[int]) -> int:
    match = _OPPORTUNITY.match(text)
    if match is None:
        raise ValueError(f"{text!r}: write the opportunity as its number, like #1")
    number = int(match[1])
    if number not in numbers:
        if not numbers:
            raise ValueError("this account has no opportunities yet: leave out the #")
        listed = f"#{min(numbers)}" if len(numbers) == 1 else f"#{min(numbers)}–#{max(numbers)}"
        raise ValueError(f"there is no opportunity #{number} (the plan lists {listed})")
    return number


def _owner(text: str, team: Sequence[tuple[int, str]]) -> int:
    if not text:
        raise ValueError("write the owner as @ and the first letters of their name, like @san")
    if not team:
        raise ValueError("nobody on our side yet: add our account team under Stakeholders (2, v)")
    return find_one([text], team, "nobody on our side")


def _groups(words: Sequence[str]) -> list[list[str]]:
    """Names split at the separators: "Joost , Nadia" → [["Joost"], ["Nadia"]]."""
    groups: list[list[str]] = [[]]
    for word in words:
        if word.lower() in SEPARATORS:
            groups.append([])
        else:
            groups[-1].append(word)
    return [g for g in groups if g]


def _date_and_names(
    words: Sequence[str], people: Sequence[tuple[int, str]], today: date
) -> tuple[date, list[list[str]]]:
    """The date and the names around it. Of the runs of words that read as a date, the last one that
    leaves names that each find someone is it ("call Sun Li fri": Friday, with Sun Li)."""
    spans = sorted(_date_spans(words, today), key=lambda s: (s[1], s[1] - s[0]), reverse=True)
    if not spans:
        raise ValueError(f"when? add a date: {typed.DATE_FORMS}")
    first_problem: ValueError | None = None
    for start, end, day in spans:
        names = _groups([*words[:start], *words[end:]])
        try:
            for group in names:
                find_one(group, people, "nobody at this account")
        except ValueError as problem:
            first_problem = first_problem or problem
            continue
        return day, names
    assert first_problem is not None
    raise first_problem


def describe(
    activity: QuickActivity,
    people: dict[int, str],
    opportunities: dict[int, str],
    today: date,
    team: dict[int, str] | None = None,
) -> str:
    """What the line was understood as, in words: shown under it before Enter saves it."""
    who = ", ".join(people.get(i, "?") for i in activity.people) or "nobody at the customer"
    kind = str(activity.type).replace("_", " ")
    parts = [f"{kind} with {who}", typed.shown_day(activity.day, today)]
    if activity.day < today:
        parts[-1] += ": in the past, it shows as overdue"
    if activity.opportunity is not None:
        title = opportunities.get(activity.opportunity, "")
        parts.append(f"for #{activity.opportunity} {_cut(title)}".rstrip())
    if activity.owner is not None:
        parts.append(f"owner {(team or {}).get(activity.owner, '?')}")
    parts.append(f"“{activity.objective}”" if activity.objective else "no objective yet")
    return " · ".join(parts)


def _cut(text: str, width: int = 28) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"
