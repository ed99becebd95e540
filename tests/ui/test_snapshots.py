"""Pictures of the main screens at 80×24 and 120×36, compared with the approved SVGs in __snapshots__.

The app is given a fixed today (UI_TODAY) and the demo is dated around it, so every date on screen is stable.
After a deliberate change to the look, run `pytest tests/ui/test_snapshots.py --snapshot-update` and look
at the new pictures (`rsvg-convert x.svg -o x.png`) before committing them.
"""

import pytest
from sqlalchemy.engine import Engine
from textual.command import CommandPalette
from textual.widgets import Input
from ui_support import wait_for_palette

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])


@SIZES
def test_portfolio_empty(snap_compare, engine: Engine, make_ui_app, size: tuple[int, int]) -> None:
    """The first start: the welcome box inviting d (demo) or n (new account); no table, no health line."""
    assert snap_compare(make_ui_app(engine), terminal_size=size)


@SIZES
def test_portfolio_demo(snap_compare, ui_demo_engine: Engine, make_ui_app, size: tuple[int, int]) -> None:
    """The demo in the portfolio: the health line (relationships 16/60, key accounts 1/8), one row for
    Kestrelmoor (★, key development, too close, next 04 Mar, 2 late) under 'Account ▲', and its detail under
    the table. 80 columns: the narrow column set; 120: all columns, Attr and Str included."""
    assert snap_compare(make_ui_app(ui_demo_engine), terminal_size=size)


@SIZES
def test_account_profile(snap_compare, ui_demo_engine: Engine, make_ui_app, size: tuple[int, int]) -> None:
    """Kestrelmoor's account screen on the Profile tab: the header (name ★, key development, vote today
    too close, relationship 50), the six numbered tabs, and the profile from its top (ECONOMICS) with the
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


def test_stakeholder_form(snap_compare, ui_demo_engine: Engine, make_ui_app) -> None:
    assert snap_compare(make_ui_app(ui_demo_engine), terminal_size=(80, 24), press=["enter", "2", "e"])


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
