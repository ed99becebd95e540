"""The sales-activity plan's keys on the heavy database (issue 12): the week view, held to a section's
first visit in the same run; the quick-add line; and marking an activity done.

Written to be called from bench/key_latency.py's `run` with its Driver (anything with `key(label, keys,
done, what, literal=)`); kept in a module of its own while key_latency is being reworked. Where to call it:

    week_from_portfolio(d)                  on the portfolio, idle (before or after account_round)
    d.key(None, ["3"], ...)                 in account_round, once section 3 was visited:
    plan_round(d, n)                        quick-add, then done on what it added; leaves the Plan section

FLOOR_OF gains QUICK_ADD_OPEN and DONE_OPEN → FLOOR_MODAL, QUICK_ADD_TYPE → FLOOR_INPUT, QUICK_ADD_SAVE and
DONE_SAVE → FLOOR_MODAL_ENTER; WEEK_OPEN is held to first_visit("3") of the same run (WEEK_TARGET).
"""

from collections.abc import Callable, Sequence
from typing import Protocol

Screen = list[str]

WEEK_OPEN = "this week (w) from the portfolio"
WEEK_TARGET = "section 3 plan, first visit"  # the measure WEEK_OPEN must not exceed (issue 12)
QUICK_ADD_OPEN = "plan: a opens the quick-add line"
QUICK_ADD_TYPE = "quick-add: a typed character shows what it understood"
QUICK_ADD_SAVE = "quick-add: enter saves the activity"
DONE_OPEN = "plan: d asks for the outcome"
DONE_SAVE = "done: enter saves it"

WEEK_TITLE = "This week"
PORTFOLIO_DETAIL = "Best bet:"
QUICK_ADD_TITLE = "Plan an activity"
DONE_FIELD = "Done on"


class Driver(Protocol):
    def key(
        self,
        label: str | None,
        keys: Sequence[str],
        done: Callable[[Screen], bool],
        what: str,
        *,
        literal: bool = False,
    ) -> Screen: ...


def shows(screen: Screen, text: str) -> bool:
    return any(text in line for line in screen)


def week_from_portfolio(d: Driver) -> None:
    """w on the portfolio: every live account's planned activities (a thousand rows on the heavy database),
    then back."""
    d.key(WEEK_OPEN, ["w"], lambda s: shows(s, WEEK_TITLE) and shows(s, "Overdue"), "the week view")
    d.key(None, ["Escape"], lambda s: shows(s, PORTFOLIO_DETAIL), "the portfolio")


def plan_round(d: Driver, n: int) -> None:
    """In the Plan section's activities: plan an internal alignment with the quick-add line (the last two
    characters timed as typed, each showing what the line now says), then mark it done with an outcome."""
    objective = f"bench {n:02d}"
    line = f'internal +{n + 1}d "{objective}'
    d.key(QUICK_ADD_OPEN, ["a"], lambda s: shows(s, QUICK_ADD_TITLE), "the quick-add line")
    d.key(None, [line[:-2]], lambda s: shows(s, "→ internal alignment"), "the line read", literal=True)
    for at in (len(line) - 2, len(line) - 1):
        said = f"“{line[line.index(chr(34)) + 1 : at + 1]}”"
        d.key(QUICK_ADD_TYPE, [line[at]], lambda s, t=said: shows(s, t), repr(said), literal=True)
    d.key(
        QUICK_ADD_SAVE,
        ["Enter"],
        lambda s: not shows(s, QUICK_ADD_TITLE) and shows(s, f"Objective: {objective}"),
        "the new activity under the cursor",
    )
    d.key(DONE_OPEN, ["d"], lambda s: shows(s, DONE_FIELD), "the outcome form")
    outcome = f"outcome {n:02d}"
    d.key(None, [outcome], lambda s: shows(s, outcome), "the outcome typed", literal=True)
    d.key(
        DONE_SAVE,
        ["Enter"],
        lambda s: not shows(s, DONE_FIELD) and shows(s, f"Outcome: {outcome}"),
        "the outcome in the detail",
    )
