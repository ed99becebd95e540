"""kamplan's Table draws what Textual's DataTable draws, given the same rows and the same calls.

Table keeps its rendered cells between visits, draws one-line text cells itself and reorders and relabels
rows in place, all through DataTable's internals (see kamplan/widgets/table.py). These tests put the same
rows in a Table and in a plain DataTable of the same size, one above the other, and compare every
character and its colours and attributes as each widget renders them, after the calls the portfolio
makes: a sort (reorder and relabel in place; DataTable's own sort), a changed cell, a resized terminal,
a new theme, and focus moving between them.
"""

from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.pilot import Pilot
from textual.theme import Theme
from textual.widgets import DataTable

from kamplan.widgets.table import Table

COLUMNS = {"name": "Account", "key": "★", "quadrant": "Quadrant", "score": "Score", "pipeline": "Pipeline"}
QUADRANTS = ("Develop", "Maintain", "Harvest", "Opportunistic")


def cells(n: int) -> list[object]:
    """One account's row as the portfolio shows it: plain text, a styled Text, a dim dash."""
    return [
        f"Account {n:02d} · {'Packaging' if n % 3 else 'Food manufacturing'}",
        "★" if n % 4 == 0 else "",
        QUADRANTS[n % len(QUADRANTS)],
        Text(f"{(n * 37) % 100}", style="bold red") if n % 5 == 0 else f"{(n * 37) % 100}",
        Text("—", style="dim") if n % 6 == 0 else f"{(n * 7919) % 100_000:,} €",
    ]


ROWS = {str(n): cells(n) for n in range(30)}


class Pair(App[None]):
    CSS = "DataTable { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield Table(id="kamplan", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="stock", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        for table in self.tables():
            fill(table, COLUMNS, ROWS)
        self.query_one("#kamplan").focus()

    def tables(self) -> tuple[Table, DataTable[object]]:
        return self.query_one("#kamplan", Table), self.query_one("#stock", DataTable)


def fill(table: DataTable[object], labels: dict[str, str], rows: dict[str, list[object]]) -> None:
    table.clear(columns=True)
    for key, label in labels.items():
        table.add_column(label, key=key)
    for key, row in rows.items():
        table.add_row(*row, key=key)


Drawn = list[list[tuple[str, Style | None]]]


def drawn(table: DataTable[object]) -> Drawn:
    """Every cell of the widget as it renders it: a character and its style (less Textual's mouse meta)."""
    width, height = table.size
    return [
        [
            (char, segment.style.clear_meta_and_links() if segment.style else None)
            for segment in strip
            for char in segment.text
        ]
        for strip in table.render_lines(Region(0, 0, width, height))
    ]


def text(lines: Drawn) -> list[str]:
    return ["".join(char for char, _ in line) for line in lines]


def assert_same(kamplan: Drawn, stock: Drawn, when: str) -> None:
    assert text(kamplan) == text(stock), when
    for y, (ours, theirs) in enumerate(zip(kamplan, stock, strict=True)):
        for x, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            assert a == b, f"{when}: line {y}, column {x} ({a[0]!r}): {a[1]} in Table, {b[1]} in DataTable"


async def compare(pilot: Pilot[None], when: str) -> None:
    """Each table drawn focused and not focused (focus moves from one to the other), against the other.

    The DataTable is focused first: a focus change empties its caches, and it needs that, as the first
    frame a plain DataTable draws after it is widened fills the room right of its last column with the
    background, not the header's colour. Table keeps its rendered cells across focus changes, so what it
    draws after each call is still what it cached then."""
    assert isinstance(pilot.app, Pair)
    table, stock = pilot.app.tables()
    await pilot.pause()
    stock.focus()
    await pilot.pause()
    focused_stock, blurred = drawn(stock), drawn(table)
    table.focus()
    await pilot.pause()
    focused, blurred_stock = drawn(table), drawn(stock)
    assert len(focused) > 5, f"{when}: the tables have too little room to show anything"
    assert_same(focused, focused_stock, f"{when}, focused")
    assert_same(blurred, blurred_stock, f"{when}, not focused")


async def test_table_draws_what_datatable_draws_after_a_sort_and_a_relabel() -> None:
    app = Pair()
    async with app.run_test(size=(100, 30)) as pilot:
        await compare(pilot, "as filled")
        table, stock = app.tables()
        fill(table, COLUMNS, ROWS)
        drawn(table)  # before the app is idle: Table measures the new rows itself, DataTable when idle
        await compare(pilot, "filled again, drawn at once")
        await pilot.press("down", "down", "down")
        stock.move_cursor(row=table.cursor_row)
        await compare(pilot, "the cursor moved")

        # What the portfolio does on s: new headers (▲ on the sorted column) and the rows in a new order,
        # in place. The plain DataTable is built anew with the same headers and order (cursor put back).
        order = sorted(ROWS, key=lambda key: (ROWS[key][2], int(key)))
        labels = COLUMNS | {"quadrant": "Quadrant ▲"}
        table.relabel(labels)
        table.show_in_order(order)
        fill(stock, labels, {key: ROWS[key] for key in order})
        stock.move_cursor(row=table.cursor_row)
        await compare(pilot, "reordered and relabelled in place")

        # Each on its own: a new order, then a new header wider than its column.
        order.reverse()
        table.show_in_order(order)
        fill(stock, labels, {key: ROWS[key] for key in order})
        stock.move_cursor(row=table.cursor_row)
        await compare(pilot, "reordered in place")
        labels = labels | {"key": "Key account ▼"}
        table.relabel(labels)
        fill(stock, labels, {key: ROWS[key] for key in order})
        stock.move_cursor(row=table.cursor_row)
        await compare(pilot, "relabelled in place")

        # DataTable's own sort, on both (by the shown text: Table holds Text where DataTable holds str).
        table.sort("name", key=str, reverse=True)
        stock.sort("name", key=str, reverse=True)
        await compare(pilot, "DataTable.sort")


async def test_table_draws_what_datatable_draws_after_a_cell_changes() -> None:
    app = Pair()
    async with app.run_test(size=(100, 30)) as pilot:
        await compare(pilot, "as filled")
        for table in app.tables():
            table.update_cell("2", "quadrant", "Opportunistic, a longer value than any", update_width=True)
            table.update_cell("3", "score", Text("99", style="bold green"))
        drawn(app.tables()[0])  # before the app is idle: Table measures the changed cells itself
        await compare(pilot, "two cells changed, one column wider")


async def test_table_draws_what_datatable_draws_after_a_resize_and_a_theme_change() -> None:
    app = Pair()
    async with app.run_test(size=(100, 30)) as pilot:
        await compare(pilot, "100 × 30")
        for width, height in ((60, 24), (140, 40), (100, 30)):
            await pilot.resize_terminal(width, height)
            await compare(pilot, f"resized to {width} × {height}")
        # The last is textual-dark with other header and cursor colours: the cells' base style is the same,
        # so only a table that notices the theme changed draws its header anew.
        assert app.theme == "textual-dark"
        dark = app.get_css_variables()
        app.register_theme(
            Theme(
                "parity-dark",
                primary="#FF8800",
                panel="#503000",
                **{name: dark[name] for name in ("background", "surface", "foreground")},
                dark=True,
            )
        )
        for theme in ("textual-light", "nord", "textual-dark", "parity-dark"):
            app.theme = theme
            await compare(pilot, f"theme {theme}")
