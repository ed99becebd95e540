"""The account screen, driven by keys: the six sections, editing the profile, and the SWOT lists."""

import pytest
from sqlalchemy.engine import Engine
from textual.widgets import DataTable, Input, TextArea
from ui_support import (
    account_in_db,
    cursor_key,
    cursor_on_screen,
    move_to_row,
    plain,
    replace_input,
    rows,
    shown,
    store_for,
    type_text,
)

from kamplan.enums import SwotKind
from kamplan.screens.account.screen import AccountScreen
from kamplan.screens.help import HelpScreen
from kamplan.widgets.dialogs import ConfirmDialog
from kamplan.widgets.form import RecordForm

SECTION_KEYS = [
    ("1", "profile"),
    ("2", "stakeholders"),
    ("3", "plan"),
    ("4", "qualification"),
    ("5", "assessment"),
    ("6", "reviews"),
]


def demo_id(engine: Engine) -> int:
    return store_for(engine).live_accounts()[0][0]


def fields(app: object) -> DataTable[object]:
    return app.screen.query_one("#profile-fields", DataTable)  # type: ignore[attr-defined]


def field_value(app: object, key: str) -> str:
    """What the profile table shows for the field (or computed row) `key`."""
    return plain(fields(app).get_row(key)[1])


def strengths(engine: Engine, account_id: int) -> list[str]:
    return [item.text for item in store_for(engine).swot(account_id) if item.kind == SwotKind.STRENGTH]


def shows_item(shown_text: str, item: str) -> bool:
    """A SWOT list shows the item, or its start cut with … to fit the list."""
    return shown_text == item or (shown_text.endswith("…") and item.startswith(shown_text[:-1]))


async def open_demo(pilot) -> AccountScreen:
    await pilot.press("enter")
    screen = pilot.app.screen
    assert isinstance(screen, AccountScreen)
    return screen


async def test_number_keys_switch_sections_and_show_the_demo(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_demo(pilot)
        assert screen.active_section == "profile"
        assert app.focused is fields(app)
        assert cursor_key(fields(app)) == "industry"

        await pilot.press("2")
        assert screen.active_section == "stakeholders"
        people = screen.section("stakeholders").query_one("#people ListTable", DataTable)
        assert people.row_count == 16
        assert "16 people" in shown(screen.query_one("#stakeholders-summary"))
        assert app.focused is people

        await pilot.press("3")
        assert screen.active_section == "plan"
        activities = screen.query_one("#activities ListTable", DataTable)
        assert activities.row_count > 0
        assert app.focused is activities  # the week's work comes first

        await pilot.press("4")
        assert screen.active_section == "qualification"
        checklist = screen.section("qualification").query_one("#checklist", DataTable)
        assert checklist.row_count == 10  # the ten questions
        assert app.focused is checklist
        assert shown(screen.query_one("#qualification-status")).startswith("Score 75 · vote too close")

        await pilot.press("5")
        assert screen.active_section == "assessment"
        assert "key development" in shown(screen.query_one("#assessment-summary"))
        assert screen.query_one("#attractiveness", DataTable).row_count > 0

        await pilot.press("6")
        assert screen.active_section == "reviews"
        assert screen.section("reviews").query_one("#review-table", DataTable).row_count == 6
        assert "6 weekly reviews" in shown(screen.query_one("#reviews-summary"))

        await pilot.press("1")
        assert screen.active_section == "profile"
        assert app.focused is fields(app)


async def test_opening_an_account_shows_the_cursor(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_demo(pilot)
        await pilot.pause()
        assert cursor_key(fields(app)) == "industry"
        assert cursor_on_screen(fields(app))
        assert screen.section("profile").scroll_y == 0


async def test_edit_a_long_text_field_with_ctrl_s(ui_demo_engine: Engine, make_ui_app) -> None:
    account_id = demo_id(ui_demo_engine)
    before = account_in_db(ui_demo_engine, account_id).strategy
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo(pilot)
        await move_to_row(pilot, fields(app), "strategy")
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, RecordForm)
        assert dialog.query_one("#field-strategy", TextArea).text == before
        await type_text(pilot, " More.")
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, AccountScreen)
        after = account_in_db(ui_demo_engine, account_id).strategy
        assert after == before + " More."
        shown_value = field_value(app, "strategy")  # cut to the terminal; the preview has it all
        assert shown_value.endswith("…") and after.startswith(shown_value[:-1])
        assert cursor_key(fields(app)) == "strategy"


async def test_fill_in_an_empty_text_field(engine: Engine, make_ui_app) -> None:
    account_id = store_for(engine).create_account("Acme")
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo(pilot)
        assert field_value(app, "strategy") == "empty · e to fill in"
        await move_to_row(pilot, fields(app), "strategy")
        await pilot.press("enter")
        await type_text(pilot, "Grow")
        await pilot.press("ctrl+s")
        assert account_in_db(engine, account_id).strategy == "Grow"
        assert field_value(app, "strategy") == "Grow"


async def test_emptying_a_field_saves_and_shows_it_empty(ui_demo_engine: Engine, make_ui_app) -> None:
    """Saving an empty value stores None: the screen must show it, not take it for a cancel."""
    account_id = demo_id(ui_demo_engine)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo(pilot)
        assert field_value(app, "computed:share_of_wallet") == "24.2 %"
        await move_to_row(pilot, fields(app), "wallet")
        await pilot.press("enter")
        await replace_input(pilot, "")
        await pilot.press("enter")
        assert isinstance(app.screen, AccountScreen)
        assert account_in_db(ui_demo_engine, account_id).wallet is None
        assert field_value(app, "computed:share_of_wallet") != "24.2 %"  # the screen was redrawn


async def test_money_field_takes_shorthand_and_rejects_words(ui_demo_engine: Engine, make_ui_app) -> None:
    account_id = demo_id(ui_demo_engine)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo(pilot)
        share_before = field_value(app, "computed:share_of_wallet")
        assert share_before == "24.2 %"  # 9.2m of a 38m wallet

        await move_to_row(pilot, fields(app), "wallet")
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, RecordForm)
        assert dialog.query_one("#field-wallet", Input).value == "38,000,000"
        await replace_input(pilot, "abc")
        await pilot.press("enter")
        assert app.screen is dialog
        assert "is not an amount" in shown(dialog.query_one("#note-wallet"))
        assert account_in_db(ui_demo_engine, account_id).wallet == 38_000_000

        await replace_input(pilot, "12.5m")
        await pilot.press("enter")
        assert isinstance(app.screen, AccountScreen)
        assert account_in_db(ui_demo_engine, account_id).wallet == 12_500_000
        assert "12,500,000" in field_value(app, "wallet")
        assert field_value(app, "computed:share_of_wallet") == "73.6 %"


async def test_escape_cancels_an_edit_and_asks_first_when_something_changed(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    account_id = demo_id(ui_demo_engine)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo(pilot)
        await move_to_row(pilot, fields(app), "wallet")
        await pilot.press("enter", "escape")  # nothing changed: closes at once
        assert isinstance(app.screen, AccountScreen)
        await pilot.press("enter")
        form = app.screen
        await replace_input(pilot, "1")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        assert app.screen is form
        await pilot.press("escape", "y")
        assert isinstance(app.screen, AccountScreen)
        assert account_in_db(ui_demo_engine, account_id).wallet == 38_000_000
        assert "38,000,000" in field_value(app, "wallet")


async def test_currency_is_upper_cased_or_rejected(ui_demo_engine: Engine, make_ui_app) -> None:
    account_id = demo_id(ui_demo_engine)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo(pilot)
        await move_to_row(pilot, fields(app), "currency")
        await pilot.press("enter")
        dialog = app.screen
        await replace_input(pilot, "dollars")
        await pilot.press("enter")
        assert app.screen is dialog
        assert "three-letter currency code" in shown(dialog.query_one("#note-currency"))
        assert account_in_db(ui_demo_engine, account_id).currency == "EUR"

        await replace_input(pilot, "usd")
        await pilot.press("enter")
        assert isinstance(app.screen, AccountScreen)
        assert account_in_db(ui_demo_engine, account_id).currency == "USD"
        assert field_value(app, "currency") == "USD"


async def test_swot_add_and_reorder(ui_demo_engine: Engine, make_ui_app) -> None:
    account_id = demo_id(ui_demo_engine)
    first, second, third = strengths(ui_demo_engine, account_id)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_demo(pilot)
        await pilot.press("tab")  # from the profile fields to the first SWOT list
        swot = screen.query_one("#swot-strength ListTable", DataTable)
        assert app.focused is swot

        await pilot.press("a")
        assert isinstance(app.screen, RecordForm)
        await type_text(pilot, "Fast")
        await pilot.press("enter")
        assert strengths(ui_demo_engine, account_id) == [first, second, third, "Fast"]
        assert [row[0] for row in rows(swot)][-1] == "Fast"
        assert swot.cursor_row == 3  # on the new item

        await pilot.press("left_square_bracket")
        assert strengths(ui_demo_engine, account_id) == [first, second, "Fast", third]
        assert swot.cursor_row == 2  # the cursor moves with the item
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert strengths(ui_demo_engine, account_id)[0] == "Fast"
        assert rows(swot)[0][0] == "Fast"
        await pilot.press("left_square_bracket")  # already first: nothing moves
        assert strengths(ui_demo_engine, account_id)[0] == "Fast"

        await pilot.press("right_square_bracket")
        assert strengths(ui_demo_engine, account_id) == [first, "Fast", second, third]
        assert swot.cursor_row == 1


async def test_swot_delete_asks_first(ui_demo_engine: Engine, make_ui_app) -> None:
    account_id = demo_id(ui_demo_engine)
    first, second, third = strengths(ui_demo_engine, account_id)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_demo(pilot)
        await pilot.press("tab", "down")
        swot = screen.query_one("#swot-strength ListTable", DataTable)

        await pilot.press("x")
        assert isinstance(app.screen, ConfirmDialog)
        assert second in shown(app.screen.query_one("#question"))
        await pilot.press("n")
        assert strengths(ui_demo_engine, account_id) == [first, second, third]

        await pilot.press("x")
        await pilot.press("y")
        assert isinstance(app.screen, AccountScreen)
        assert strengths(ui_demo_engine, account_id) == [first, third]
        shown_items = [row[0] for row in rows(swot)]
        assert len(shown_items) == 2 and all(map(shows_item, shown_items, [first, third]))


async def test_swot_e_edits_the_item(ui_demo_engine: Engine, make_ui_app) -> None:
    account_id = demo_id(ui_demo_engine)
    first, second, third = strengths(ui_demo_engine, account_id)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo(pilot)
        await pilot.press("tab", "e")
        dialog = app.screen
        assert isinstance(dialog, RecordForm)
        assert dialog.query_one("#field-text", Input).value == first
        await replace_input(pilot, "   ")
        await pilot.press("enter")
        assert app.screen is dialog  # an empty item is refused
        assert "must not be empty" in shown(dialog.query_one("#note-text"))
        await replace_input(pilot, "Prompt")
        await pilot.press("enter")
        assert strengths(ui_demo_engine, account_id) == ["Prompt", second, third]


async def test_swot_enter_edits_the_item(ui_demo_engine: Engine, make_ui_app) -> None:
    account_id = demo_id(ui_demo_engine)
    _, second, third = strengths(ui_demo_engine, account_id)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo(pilot)
        await pilot.press("tab", "enter")
        assert isinstance(app.screen, RecordForm)
        await replace_input(pilot, "Prompt")
        await pilot.press("enter")
        assert strengths(ui_demo_engine, account_id) == ["Prompt", second, third]


async def test_back_to_an_account_you_just_left_finds_it_where_you_were(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        first = await open_demo(pilot)
        await pilot.press("3")
        await pilot.press("escape")
        await pilot.pause()
        again = await open_demo(pilot)
        assert again is first  # kept: nothing was written since
        assert again.active_section == "plan"


async def test_after_any_write_an_account_opens_fresh(ui_demo_engine: Engine, make_ui_app) -> None:
    """A kept screen must never show stale data: a write anywhere (here a rename on the portfolio)
    means the account is built again from the database."""
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        first = await open_demo(pilot)
        await pilot.press("3", "escape")
        await pilot.pause()
        await pilot.press("r", "ctrl+u", *"Kestrelmoor Renamed", "enter")
        await pilot.pause()
        again = await open_demo(pilot)
        assert again is not first
        assert again.active_section == "profile"
        assert shown(again.query_one("#account-header")).startswith("Kestrelmoor Renamed")


async def test_a_kept_account_takes_up_a_new_theme(ui_demo_engine: Engine, make_ui_app) -> None:
    """A kept account screen, shown again without a full restyle, still wears a theme chosen meanwhile."""
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        first = await open_demo(pilot)
        await pilot.press("escape")
        await pilot.pause()
        dark = first.query_one("#account-header").rich_style
        app.theme = "textual-light"
        await pilot.pause()
        again = await open_demo(pilot)
        await pilot.pause()
        assert again is first
        header = again.query_one("#account-header")
        assert header.rich_style != dark
        app.update_styles(again)  # what a full restyle gives: nothing may change
        await pilot.pause()
        assert header.rich_style == again.query_one("#account-header").rich_style


async def test_clicks_on_the_section_bar_and_the_key_bar(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_demo(pilot)
        bar = screen.query_one("#section-bar")
        at = shown(bar).index("3 Plan")
        await pilot.click("#section-bar", offset=(at + 2, 0))
        await pilot.pause()
        assert screen.active_section == "plan"

        keys = screen.query_one("#keybar")
        at = shown(keys).index("Help")
        await pilot.click("#keybar", offset=(at, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_next_section_is_built_ahead_while_you_read_and_keys_still_come_first(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    """While a section is shown, the one after it is built in the background, so going through them in
    order finds each one ready; the shown section keeps the cursor, and a key pressed at once wins."""
    from kamplan.screens.account.section import Section

    def built(screen: AccountScreen) -> set[str]:
        return {
            str(section.id).removeprefix("section-") for section in screen.query(Section) if section.loaded
        }

    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_demo(pilot)
        await pilot.press("4")  # at once, before anything was built ahead
        assert screen.active_section == "qualification"
        await pilot.press("1")
        await pilot.pause(0.3)
        assert built(screen) == {"profile", "stakeholders", "qualification", "assessment"}
        assert screen.active_section == "profile"
        assert app.focused is fields(app)
        await pilot.press("2")
        await pilot.pause(0.3)
        assert built(screen) == {"profile", "stakeholders", "plan", "qualification", "assessment"}
        assert screen.active_section == "stakeholders"


@pytest.mark.parametrize("size", [(80, 24), (110, 36), (120, 36), (160, 48)])
async def test_every_section_fits_the_terminal(ui_demo_engine: Engine, make_ui_app, size) -> None:
    """Nothing hides to the right of any table: the last column (a status, a date) is always in view."""
    from kamplan.screens.account.section import Section

    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=size) as pilot:
        screen = await open_demo(pilot)
        # Each section, and each of the plan's five views (v goes round them), then the week view.
        for key in ["1", "2", "3", "v", "v", "v", "v", "v", "4", "5", "6", "w"]:
            await pilot.press(key)
            await pilot.pause()
            section = screen.query_one(f"#section-{screen.active_section}", Section)
            for table in (app.screen if key == "w" else section).query(DataTable):
                if table.region.area == 0:  # another view of the section, not shown now
                    continue
                room = table.scrollable_content_region.width
                assert table.virtual_size.width <= room, (table.id, key, size)


async def test_a_long_swot_item_is_cut_in_its_list_but_whole_in_the_preview_and_the_editor(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    account_id = demo_id(ui_demo_engine)
    long_item = "Twenty years on their approved-supplier list, audited every spring without a finding"
    item_id = store_for(ui_demo_engine).add_swot(account_id, SwotKind.STRENGTH, long_item)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_demo(pilot)
        await pilot.press("tab")
        swot = screen.query_one("#swot-strength ListTable", DataTable)
        await move_to_row(pilot, swot, str(item_id))
        shown_item = rows(swot)[-1][0]
        assert shown_item != long_item and shows_item(shown_item, long_item)
        assert long_item in shown(screen.query_one("#profile-preview"))
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, RecordForm)
        assert dialog.query_one("#field-text", Input).value == long_item
        await pilot.press("enter")  # saved as it was: nothing is lost to the cut
        assert strengths(ui_demo_engine, account_id)[-1] == long_item


async def test_the_highlighted_review_shows_its_notes_in_full(ui_demo_engine: Engine, make_ui_app) -> None:
    reviews = store_for(ui_demo_engine).reviews(demo_id(ui_demo_engine))
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_demo(pilot)
        await pilot.press("6")
        detail = screen.query_one("#review-detail")
        assert reviews[0].notes in shown(detail)  # the table shows only the notes' start
        await pilot.press("down")
        assert reviews[1].notes in shown(detail)
