"""Reading kamplan's screens from a plain-text capture: what the key-latency waits look for."""

from itertools import pairwise

from bench.terminal import Screen

SECTION_TEXT = {  # key: (section, text only that section shows)
    "1": ("profile", "Their annual revenue"),
    "2": ("stakeholders", " people, "),
    "3": ("plan", "Activity: overdue and coming"),
    "4": ("qualification", "if they voted today:"),
    "5": ("assessment", "Attractiveness to us"),
    "6": ("reviews", " weekly reviews"),
}
DIALOG_HINT = "save · esc cancel"  # the record form's key line
GRID_HEADER = "? assumed"  # the decision-making grid's corner
ORG_VIEW = "org chart"
UNDONE = "undid: "
HELP_TITLE = "Keys ·"
PALETTE_PROMPT = "🔎"
PORTFOLIO_DETAIL = "Best bet:"


def shows(screen: Screen, text: str) -> bool:
    return any(text in line for line in screen)


def footer_ready(screen: Screen) -> bool:
    return bool(screen) and "palette" in screen[-1]


def detail_name(screen: Screen) -> str | None:
    """The account named in the portfolio's detail lines under the table (the line above "Best bet:")."""
    for above, line in pairwise(screen):
        if line.strip().startswith(PORTFOLIO_DETAIL):
            return above.strip().split(" · ")[0]
    return None


def key_account_count(screen: Screen) -> str | None:
    """The portfolio's health line, which counts the key accounts."""
    return next((line for line in screen if "Key accounts" in line), None)


def table_view(screen: Screen, rows: int = 12, width: int = 60) -> list[str] | None:
    """The portfolio table's header and first rows, left half only (toasts sit at the bottom right).

    Sorting shows in the ▲/▼ marker, or, for the right-hand columns whose header is scrolled out of view,
    in the order of the rows.
    """
    for at, line in enumerate(screen):
        if "Account" in line and "Quadrant" in line:
            return [row[:width] for row in screen[at : at + 1 + rows]]
    return None


def account_header(screen: Screen, name: str) -> bool:
    """The account screen is up for `name`: its header line, and the profile or another section under it."""
    return any(name in line and "vote today:" in line for line in screen)
