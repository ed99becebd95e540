"""Pictures of the main screens at 80×24 and 120×36, compared with the approved SVGs in __snapshots__.

The app is given a fixed today (UI_TODAY) and the demo is dated around it, so every date on screen is stable.
After a deliberate change to the look, run `pytest tests/ui/test_snapshots.py --snapshot-update` and look
at the new pictures (`rsvg-convert x.svg -o x.png`) before committing them.
"""

from datetime import date

import pytest
from sqlalchemy.engine import Engine
from textual.command import CommandPalette
from textual.widgets import Input
from ui_support import store_for, wait_for_palette

UI_TODAY = date(2026, 3, 4)  # as tests/ui/conftest.py gives the app
SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])


@SIZES
def test_portfolio_empty(snap_compare, engine: Engine, make_ui_app, size: tuple[int, int]) -> None:
    """The first start: the welcome box inviting d (demo) or n (new account); no table, no health line."""
    assert snap_compare(make_ui_app(engine), terminal_size=size)


@SIZES
def test_portfolio_demo(snap_compare, ui_demo_engine: Engine, make_ui_app, size: tuple[int, int]) -> None:
    """The demo in the portfolio: the health line (relationships 16/60, key accounts 1/8), one row for
    Kestrelmoor (★, key development, too close, next 04 Mar, 2 late) under 'Account ▲', and its detail under
    the table. The health line also counts 2 optimistic forecasts, 9 coaching flags and the opportunity
    qualified out (450k); the detail ends with each optimistic forecast, its suggested band and why, and the
    flags. 80 columns: the narrow column set; 120: all columns, Attr and Str included."""
    assert snap_compare(make_ui_app(ui_demo_engine), terminal_size=size)


@SIZES
def test_account_profile(snap_compare, ui_demo_engine: Engine, make_ui_app, size: tuple[int, int]) -> None:
    """Kestrelmoor's account screen on the Profile tab: the header (name ★, key development, vote today
    too close, relationship 50; then the two optimistic forecasts with their reasons and ⚑ 9 flags),
    the six numbered tabs, and the profile from its top (ECONOMICS) with the
    cursor on Industry."""
    assert snap_compare(make_ui_app(ui_demo_engine), terminal_size=size, press=["enter"])


@SIZES
def test_account_stakeholders(
    snap_compare, ui_demo_engine: Engine, make_ui_app, size: tuple[int, int]
) -> None:
    """The stakeholder map: 16 people with role, influence, support, grid (threats in red), owner
    ("nobody" in red) and last contact, every column in view; the detail of Annelies Verbruggen below."""
    assert snap_compare(make_ui_app(ui_demo_engine), terminal_size=size, press=["enter", "2"])


@SIZES
def test_help_screen(snap_compare, ui_demo_engine: Engine, make_ui_app, size: tuple[int, int]) -> None:
    """? on the portfolio: a box titled 'Keys · Portfolio' listing the portfolio's keys (New, Demo,
    Rename, Key, Sort, …, Delete, Trash) then the keys every screen has, over the dimmed portfolio."""
    assert snap_compare(make_ui_app(ui_demo_engine), terminal_size=size, press=["question_mark"])


@SIZES
def test_command_palette(snap_compare, ui_demo_engine: Engine, make_ui_app, size: tuple[int, int]) -> None:
    """Ctrl+P on the portfolio, 'joost' typed: one match, 'Go to stakeholder: Joost Hermsen' highlighted, with
    his title at Kestrelmoor Foods B.V. under it, over the dimmed portfolio."""

    async def search_palette(pilot) -> None:
        # Hits of equal score from different providers come in no fixed order (the providers are a set),
        # so the search must have a single provider's matches: here, one stakeholder.
        await pilot.press("ctrl+p", *"joost")
        await wait_for_palette(pilot, "Go to stakeholder: Joost Hermsen")
        palette = pilot.app.screen
        assert isinstance(palette, CommandPalette)
        palette.query_one(Input).cursor_blink = False  # a blinking cursor would make the picture random

    assert snap_compare(make_ui_app(ui_demo_engine), terminal_size=size, run_before=search_palette)


def test_account_stakeholder_grid_and_org_chart(snap_compare, ui_demo_engine: Engine, make_ui_app) -> None:
    """The decision-making grid, then the org chart, of the demo at 80×24 (v switches the view)."""
    assert snap_compare(make_ui_app(ui_demo_engine), terminal_size=(80, 24), press=["enter", "2", "v"])
    assert snap_compare(make_ui_app(ui_demo_engine), terminal_size=(80, 24), press=["enter", "2", "v", "v"])


def test_plan_section(snap_compare, ui_demo_engine: Engine, make_ui_app) -> None:
    """3 on Kestrelmoor: the Plan section opens on its activities, cursor on the first row. The view line
    (activities highlighted), the title counting 12 coming and 2 overdue (in red), the two overdue rows
    first with red dates and 'overdue', then what is coming by date with short types (intro, call, brief),
    the people, #1–#3 and the objective cut to fit, every column in view; the overdue introduction's detail
    below; the keys a, e, v, d, m, c in the bar."""
    assert snap_compare(make_ui_app(ui_demo_engine), terminal_size=(80, 24), press=["enter", "3"])


def test_week_view(snap_compare, ui_demo_engine: Engine, make_ui_app) -> None:
    """w on the portfolio: 'This week 2 Mar – 8 Mar: 4 planned · next week 5 · 2 overdue · 1 account';
    the Overdue heading in red with its two rows (24 Feb, 26 Feb), then This week from today (Wed 4, in
    cyan) day by day, then Next week from Mon 9; the cursor on the oldest overdue row, its detail below."""
    assert snap_compare(make_ui_app(ui_demo_engine), terminal_size=(80, 24), press=["w"])


def test_pipeline_chart(snap_compare, ui_demo_engine: Engine, make_ui_app) -> None:
    """The Plan section's pipeline view (3, v, v): factored 6,430,000 EUR from 3 open opportunities, the two
    optimistic ones named with their reasons, then a bar per quarter (2026-Q2 4.76m longest, Q3 950k,
    Q4 720k) with each quarter's opportunity under its bar, ⚠ and a short reason beside #1 and #2."""
    assert snap_compare(make_ui_app(ui_demo_engine), terminal_size=(80, 24), press=["enter", "3", "v", "v"])


def test_qualification_checklist(snap_compare, ui_demo_engine: Engine, make_ui_app) -> None:
    """4 on the demo at 80×24: the renewal (1/3) with score 75, vote too close, 70 % against a suggested
    25–45 % and why it looks optimistic; all ten questions with their answers (✎ where evidence is written)
    and the day each changed (02 Mar and 03 Mar, this week, in bold); the cursor on Q1, whose full wording
    and evidence show below the table; y p n d e in the key bar."""
    assert snap_compare(make_ui_app(ui_demo_engine), terminal_size=(80, 24), press=["enter", "4"])


def _lose(engine: Engine) -> None:
    store_for(engine).set_rating(1, 5, -2)  # the CEO turns against us: 13 for, 19 against


def _unknown(engine: Engine) -> None:
    store = store_for(engine)
    trays = store.qualification(1, UI_TODAY).opportunities[2]
    for person_id in trays.participant_ids:
        if person_id != 15:  # Julia Brandt, not rated yet, is left alone in the decision
            store.remove_participant(trays.id, person_id)


VOTES = {
    "too close": (None, ["enter", "4", "v"]),
    "win": (None, ["enter", "4", "right", "right", "v"]),
    "lose": (_lose, ["enter", "4", "v"]),
    "unknown": (_unknown, ["enter", "4", "right", "right", "v"]),
}


@pytest.mark.parametrize("verdict", list(VOTES))
def test_qualification_vote(snap_compare, ui_demo_engine: Engine, make_ui_app, verdict: str) -> None:
    """The vote today at 80×24, for each verdict: a row per person in the decision (influence, support,
    weighted vote), the bars for / against / undecided in influence points, the verdict in words naming
    whom it turns on ("too close: 5 of 32 influence points undecided — Annelies Verbruggen"; the
    supporters in a win, the opponents in a loss; for unknown, the one person not yet rated) and the
    smallest move to a win (none needed in a win; "rate the people first" when unknown)."""
    change, keys = VOTES[verdict]
    if change is not None:
        change(ui_demo_engine)
    assert snap_compare(make_ui_app(ui_demo_engine), terminal_size=(80, 24), press=keys)
