"""The decision-making grid: each person placed by influence (rows, 5 at the top) and support (columns,
opposed to champion), coloured by category, the unrated apart, and the totals per category below.

It is handed plain data (GridPerson) and posts Messages; it never changes its data itself. After Moved the
owner saves the new rating and calls show() again (the selection stays on the person), so an undo redraws
it the same way. Every name is shown as plain text, never read as markup.

Keys: ↑↓ go through a cell, then to the next filled cell above or below in the column (else the nearest
filled row), and from the bottom into the unrated; ←→ go to the nearest person in the next filled column
(and from the right edge into the unrated when they are listed beside). Shift+arrows post Moved with the
rating one step away, kept within 1–5 and −2..+2; an unrated person first gets the middle for what they
lack (influence 3, support 0 neutral), then the step. Enter posts Opened.

Crowded cells: each row of the grid gets lines as the room allows, the most crowded first; a cell with
more people than lines shows a window of them and "+N" (↑ when some are above), and the window follows
the selection, so every person can be reached. Names are cut to fit: initials and surname, else the
surname or first name; the line under the totals names the selected person in full."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Span, Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from kamplan.enums import INFLUENCE_WORDS, SUPPORT_WORDS
from kamplan.planning import GridCategory, grid_category
from kamplan.widgets.component import text_style
from kamplan.widgets.format import NARROW_WIDTH
from kamplan.widgets.names import cut, one_line, short_name

INFLUENCES = (5, 4, 3, 2, 1)  # rows, top to bottom
SUPPORTS = (-2, -1, 0, 1, 2)  # columns, left to right
# Moving an unrated person fills the rating they lack with the middle one, then takes the step.
START_INFLUENCE = 3
START_SUPPORT = 0
RATED_CATEGORIES = (
    GridCategory.DRIVER,
    GridCategory.ADVOCATE,
    GridCategory.THREAT,
    GridCategory.CRITIC,
    GridCategory.UNKNOWN,
)
LABEL_WIDTH = 10  # "5 decisive"
SIDE_FROM = NARROW_WIDTH  # from this width the unrated are listed beside the grid, below it under it
SIDE_WIDTH = 24
UNRATED_ITEM_WIDTH = 20
ARROWS, SELECT = "↑↓←→", "Select a person"
SHIFT_ARROWS, MOVE = "⇧↑↓←→", "Move person"
AIRY = 3  # lines a row of the grid gets when there is room to spare

Cell = tuple[int, int]  # (influence, support)
Place = Cell | None  # None: the unrated list
_Line = list[tuple[str, Style, int | None]]  # one line drawn: (text, style, the person it shows, if any)


@dataclass(frozen=True)
class GridPerson:
    id: int
    name: str
    influence: int | None
    support: int | None
    confirmed: bool
    owner: str | None = None

    @property
    def category(self) -> GridCategory:
        return grid_category(self.influence, self.support)

    @property
    def cell(self) -> Cell | None:
        if self.influence is None or self.support is None:
            return None
        return (min(5, max(1, self.influence)), min(2, max(-2, self.support)))


class _Styles:
    """The grid's styles by name, and their combinations (later names win), each worked out once."""

    def __init__(self, styles: dict[str, Style]) -> None:
        self._styles = styles
        self._combined: dict[tuple[str, ...], Style] = {}

    def __call__(self, *names: str) -> Style:
        style = self._combined.get(names)
        if style is None:
            chosen = [self._styles[name] for name in names if name]
            style = self._combined[names] = Style.combine(chosen) if chosen else Style.null()
        return style


@dataclass
class _Layout:
    width: int
    label: int  # width of the row labels
    columns: list[int]  # width of each support column (a rule "│" before each)
    side: int  # width of the unrated list beside the grid (0: below it, or nobody unrated)
    bands: dict[int, int]  # lines per influence row
    below: int  # lines for the unrated list below the grid
    totals: bool
    detail: bool


class DecisionGrid(Widget, can_focus=True):
    """Influence by support, each person in their cell. Arrows select, shift+arrows move, enter opens."""

    DEFAULT_CSS = """
    DecisionGrid { height: 1fr; min-height: 8; text-wrap: nowrap; text-overflow: clip; }
    DecisionGrid > .decision-grid--header { color: $text-muted; text-style: bold; }
    DecisionGrid > .decision-grid--label { color: $text-muted; }
    DecisionGrid > .decision-grid--label-high { color: $text; text-style: bold; }
    DecisionGrid > .decision-grid--rule { color: $panel-lighten-2; }
    DecisionGrid > .decision-grid--band { background: $boost; }
    DecisionGrid > .decision-grid--driver { color: $text-success; text-style: bold; }
    DecisionGrid > .decision-grid--advocate { color: $text-success; }
    DecisionGrid > .decision-grid--threat { color: $text-error; text-style: bold; }
    DecisionGrid > .decision-grid--critic { color: $text-error; }
    DecisionGrid > .decision-grid--unknown { color: $text-warning; }
    DecisionGrid > .decision-grid--unrated { color: $text; }
    DecisionGrid > .decision-grid--assumed { text-style: italic; }
    DecisionGrid > .decision-grid--more { color: $text-muted; }
    DecisionGrid > .decision-grid--nobody { color: $text-error; text-style: bold; }
    DecisionGrid > .decision-grid--cursor {
        background: $block-cursor-blurred-background; color: $block-cursor-blurred-foreground;
    }
    DecisionGrid:focus > .decision-grid--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    """
    COMPONENT_CLASSES = {
        "decision-grid--header",
        "decision-grid--label",
        "decision-grid--label-high",
        "decision-grid--rule",
        "decision-grid--band",
        "decision-grid--driver",
        "decision-grid--advocate",
        "decision-grid--threat",
        "decision-grid--critic",
        "decision-grid--unknown",
        "decision-grid--unrated",
        "decision-grid--assumed",
        "decision-grid--more",
        "decision-grid--nobody",
        "decision-grid--cursor",
    }
    # Help lists the keys of one description once: one line for the arrows, one for shift+arrows.
    BINDINGS = [
        Binding("up", "select('up')", SELECT, id="grid.up", show=False, key_display=ARROWS),
        Binding("down", "select('down')", SELECT, id="grid.down", show=False, key_display=ARROWS),
        Binding("left", "select('left')", SELECT, id="grid.left", show=False, key_display=ARROWS),
        Binding("right", "select('right')", SELECT, id="grid.right", show=False, key_display=ARROWS),
        Binding("shift+up", "move(1, 0)", MOVE, id="grid.move_up", key_display=SHIFT_ARROWS),
        Binding("shift+down", "move(-1, 0)", MOVE, id="grid.move_down", show=False, key_display=SHIFT_ARROWS),
        Binding("shift+left", "move(0, -1)", MOVE, id="grid.move_left", show=False, key_display=SHIFT_ARROWS),
        Binding(
            "shift+right", "move(0, 1)", MOVE, id="grid.move_right", show=False, key_display=SHIFT_ARROWS
        ),
        Binding("enter", "open", "Open", id="grid.open"),
    ]

    class Moved(Message):
        """Move the person to this rating (one step from where they are): the owner saves it."""

        def __init__(self, grid: "DecisionGrid", person_id: int, influence: int, support: int) -> None:
            super().__init__()
            self.grid = grid
            self.person_id = person_id
            self.influence = influence
            self.support = support

        @property
        def control(self) -> "DecisionGrid":
            return self.grid

    class Opened(Message):
        """Open the person (enter)."""

        def __init__(self, grid: "DecisionGrid", person_id: int) -> None:
            super().__init__()
            self.grid = grid
            self.person_id = person_id

        @property
        def control(self) -> "DecisionGrid":
            return self.grid

    class Highlighted(Message):
        """The selection moved to this person (None: nobody to select)."""

        def __init__(self, grid: "DecisionGrid", person_id: int | None) -> None:
            super().__init__()
            self.grid = grid
            self.person_id = person_id

        @property
        def control(self) -> "DecisionGrid":
            return self.grid

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._people: dict[int, GridPerson] = {}
        self._cells: dict[Cell, list[int]] = {}
        self._unrated: list[int] = []
        self._place: dict[int, Place] = {}
        self._selected: int | None = None
        self._last_in_grid: int | None = None  # where up/left from the unrated list goes back to
        self._offsets: dict[Place, int] = {}  # the first person shown, per cell that overflows
        self._hits: list[list[tuple[int, int, int]]] = []  # per line: (from x, to x, person id)
        self._style_memo: _Styles | None = None
        self._short: dict[tuple[int, int], str] = {}  # (person id, width) -> the name as it fits

    # -- data --------------------------------------------------------------------------------------

    def show(self, people: Sequence[GridPerson], selected: int | None = None) -> None:
        """Show these people. The selection goes to `selected`, else stays on the person selected
        before, else the first person (reading from the top left)."""
        self._people = {person.id: person for person in people}
        self._short = {}
        self._cells = {}
        self._unrated = []
        self._place = {}
        ordered = sorted(people, key=lambda p: (one_line(p.name).casefold(), p.id))
        for person in ordered:
            cell = person.cell
            self._place[person.id] = cell
            if cell is None:
                self._unrated.append(person.id)
            else:
                self._cells.setdefault(cell, []).append(person.id)
        previous = self._selected
        if selected in self._people:
            self._selected = selected
        elif previous not in self._people:
            self._selected = next(self._reading_order(), None)
        if self._last_in_grid not in self._people or self._place.get(self._last_in_grid) is None:
            self._last_in_grid = None
        self._remember_grid_place()
        self.refresh(layout=True)
        if self._selected != previous:
            self.post_message(self.Highlighted(self, self._selected))

    @property
    def selected_id(self) -> int | None:
        return self._selected

    def select(self, person_id: int) -> None:
        """Put the selection on this person (if shown)."""
        if person_id in self._people:
            self._set_selected(person_id)

    def in_view(self, person_id: int) -> bool:
        """Whether the person's name was drawn the last time the grid was (a crowded cell shows some)."""
        return any(person_id == shown for line in self._hits for _, _, shown in line)

    def _reading_order(self) -> Iterator[int]:
        for influence in INFLUENCES:
            for support in SUPPORTS:
                yield from self._cells.get((influence, support), ())
        yield from self._unrated

    def _set_selected(self, person_id: int | None) -> None:
        if person_id is None or person_id == self._selected:
            return
        self._selected = person_id
        self._remember_grid_place()
        self.refresh()
        self.post_message(self.Highlighted(self, person_id))

    def _remember_grid_place(self) -> None:
        if self._selected is not None and self._place.get(self._selected) is not None:
            self._last_in_grid = self._selected

    # -- keys --------------------------------------------------------------------------------------

    def action_select(self, direction: str) -> None:
        if self._selected is None:
            return
        place = self._place[self._selected]
        if place is None:
            self._set_selected(self._step_in_unrated(direction))
        else:
            self._set_selected(self._step_in_grid(place, direction))

    def _step_in_grid(self, cell: Cell, direction: str) -> int | None:
        influence, support = cell
        people = self._cells[cell]
        index = people.index(self._selected)  # type: ignore[arg-type]
        if direction == "up":
            if index > 0:
                return people[index - 1]
            above = [i for i in INFLUENCES if i > influence]
            return self._nearest(reversed(above), support, last=True)
        if direction == "down":
            if index < len(people) - 1:
                return people[index + 1]
            below = [i for i in INFLUENCES if i < influence]
            found = self._nearest(below, support, last=False)
            if found is None and self._unrated:
                return self._unrated[min(self._offsets.get(None, 0), len(self._unrated) - 1)]
            return found
        step = 1 if direction == "right" else -1
        column = support + step
        while -2 <= column <= 2:
            target = self._nearest_in_column(column, influence, index)
            if target is not None:
                return target
            column += step
        if direction == "right" and self._beside() and self._unrated:
            return self._unrated[min(self._offsets.get(None, 0), len(self._unrated) - 1)]
        return None

    def _nearest(self, rows: Iterator[int] | list[int], support: int, *, last: bool) -> int | None:
        """The next filled cell up or down: in the same column if there is one, else in the nearest row
        with anyone, the nearest column. Entered from below at its last person, from above at its first."""
        rows = list(rows)
        for influence in rows:
            people = self._cells.get((influence, support))
            if people:
                return people[-1 if last else 0]
        for influence in rows:
            filled = [s for s in SUPPORTS if self._cells.get((influence, s))]
            if filled:
                column = min(filled, key=lambda s: (abs(s - support), s))
                people = self._cells[(influence, column)]
                return people[-1 if last else 0]
        return None

    def _nearest_in_column(self, support: int, influence: int, index: int) -> int | None:
        filled = [i for i in INFLUENCES if self._cells.get((i, support))]
        if not filled:
            return None
        row = min(filled, key=lambda i: (abs(i - influence), -i))
        people = self._cells[(row, support)]
        if row == influence:
            return people[min(index, len(people) - 1)]
        return people[-1] if row > influence else people[0]

    def _step_in_unrated(self, direction: str) -> int | None:
        index = self._unrated.index(self._selected)  # type: ignore[arg-type]
        back, previous, following = ("left", "up", "down") if self._beside() else ("up", "left", "right")
        if direction == back:
            if self._last_in_grid is not None:
                return self._last_in_grid
            return next(self._reading_order(), None) if self._cells else None
        if direction == previous and index > 0:
            return self._unrated[index - 1]
        if direction == following and index < len(self._unrated) - 1:
            return self._unrated[index + 1]
        return None

    def action_move(self, influence_step: int, support_step: int) -> None:
        person = self._people.get(self._selected) if self._selected is not None else None
        if person is None:
            return
        rated = person.influence is not None and person.support is not None
        influence = START_INFLUENCE if person.influence is None else person.influence
        support = START_SUPPORT if person.support is None else person.support
        influence = min(5, max(1, influence + influence_step))
        support = min(2, max(-2, support + support_step))
        if rated and (influence, support) == (person.influence, person.support):
            self.app.bell()  # at the edge of the grid
            return
        self.post_message(self.Moved(self, person.id, influence, support))

    def action_open(self) -> None:
        if self._selected is not None:
            self.post_message(self.Opened(self, self._selected))

    def on_click(self, event: events.Click) -> None:
        if 0 <= event.y < len(self._hits):
            for start, end, person_id in self._hits[event.y]:
                if start <= event.x < end:
                    self.focus()
                    self._set_selected(person_id)
                    return

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- layout ------------------------------------------------------------------------------------

    def _beside(self) -> bool:
        return self.size.width >= SIDE_FROM and bool(self._unrated)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Height auto: every person in view, if the container allows."""
        want = sum(self._wanted_bands().values())
        below = 0 if (width >= SIDE_FROM or not self._unrated) else len(self._unrated) // 3 + 1
        return 1 + want + below + 2

    def _wanted_bands(self) -> dict[int, int]:
        return {i: max(1, *(len(self._cells.get((i, s), ())) for s in SUPPORTS)) for i in INFLUENCES}

    def _layout(self) -> _Layout:
        width, height = self.size
        beside = self._beside()
        label = LABEL_WIDTH if width >= 60 else 1
        side = min(SIDE_WIDTH, max(14, width // 5)) if beside else 0
        room = width - label - (side + 1 if beside else 0) - len(SUPPORTS)
        base, extra = divmod(max(0, room), len(SUPPORTS))
        columns = [base + (1 if n < extra else 0) for n in range(len(SUPPORTS))]
        below_wanted = 0 if beside or not self._unrated else len(self._flow_lines(0, 99, width)[0])
        totals = detail = True
        lines = height - 1 - 2  # the header; totals and detail
        below_min = min(1, below_wanted)
        if lines - 5 - below_min < 0:
            detail = False
            lines += 1
        if lines - 5 - below_min < 0:
            totals = False
            lines += 1
        lines -= below_min
        bands = dict.fromkeys(INFLUENCES, 1)
        lines -= len(INFLUENCES)
        wanted = self._wanted_bands()
        while lines > 0:
            short = [i for i in INFLUENCES if bands[i] < wanted[i]]
            if not short:
                break
            most = max(short, key=lambda i: (wanted[i] - bands[i], i))
            bands[most] += 1
            lines -= 1
        below = below_min + max(0, min(lines, below_wanted - below_min))
        lines -= below - below_min
        # Spare lines give the rows air, up to AIRY lines each, the rows of most influence first.
        for target in range(2, AIRY + 1):
            for influence in INFLUENCES:
                if lines > 0 and bands[influence] < target:
                    bands[influence] += 1
                    lines -= 1
        return _Layout(width, label, columns, side, bands, below, totals, detail)

    # -- drawing -----------------------------------------------------------------------------------

    def _styles(self) -> "_Styles":
        if self._style_memo is None:
            get = self.get_component_rich_style
            names = (
                "header label label-high rule band assumed more nobody cursor "
                "driver advocate threat critic unknown unrated"
            )
            styles = {name: text_style(self, f"decision-grid--{name}") for name in names.split()}
            # Backgrounds may be see-through ($boost): the whole style blends them with the widget's own.
            for name in ("band", "cursor"):
                styles[name] = get(f"decision-grid--{name}")
            self._style_memo = _Styles(styles)
        return self._style_memo

    def notify_style_update(self) -> None:
        super().notify_style_update()  # focus, blur and a new theme come this way
        self._style_memo = None

    def render(self) -> Text:
        self._hits = []
        if not self._people:
            return Text("No one to place on the grid yet.", style=self._styles()("more"))
        layout = self._layout()
        styles = self._styles()
        rows: list[_Line] = [self._header(layout, styles)]
        side = self._side_lines(layout, styles, sum(layout.bands.values()))
        for band, influence in enumerate(INFLUENCES):
            band_style = "band" if band % 2 == 0 else ""
            for line in range(layout.bands[influence]):
                rows.append(self._band_line(layout, styles, influence, line, band_style) + next(side, []))
        if layout.below:
            rows.extend(self._below_lines(layout, styles))
        if layout.totals:
            rows.append(self._totals(layout, styles))
        if layout.detail:
            rows.append(self._detail(layout, styles))
        plain: list[str] = []
        spans: list[Span] = []
        at = 0
        for number, parts in enumerate(rows):
            if number:
                plain.append("\n")
                at += 1
            hits = []
            x = 0
            for shown, style, person_id in parts:
                size = len(shown)
                if person_id is not None:
                    hits.append((x, x + cell_len(shown), person_id))
                if style:
                    spans.append(Span(at, at + size, style))
                plain.append(shown)
                at += size
                x += cell_len(shown) if person_id is not None or not shown.isascii() else size
            self._hits.append(hits)
        # One Text with its spans, rather than an append per part (each one checks for control codes:
        # the names are cleaned already).
        return Text("".join(plain), spans=spans, no_wrap=True, overflow="crop", end="")

    def _header(self, layout: _Layout, styles: "_Styles") -> _Line:
        header = styles("header")
        rule = styles("rule")
        legend = "? assumed" if layout.label >= LABEL_WIDTH else ""
        parts: _Line = [(legend.ljust(layout.label), styles("more", "assumed"), None)]
        widest = max(len(f"+1 {word}") for word in SUPPORT_WORDS.values())
        numbered = min(layout.columns) - 1 >= widest
        for support, width in zip(SUPPORTS, layout.columns, strict=True):
            word = SUPPORT_WORDS[support]
            label = f"{support:+d} {word}".replace("-", "−").replace("+0", "0") if numbered else word
            parts.append((" ", rule, None))
            parts.append((cut(label, width).center(width), header, None))
        if layout.side:
            parts.append(("│", rule, None))
            parts.append((cut(f" {self._title()}", layout.side).ljust(layout.side), header, None))
        return parts

    def _band_line(self, layout: _Layout, styles: "_Styles", influence: int, line: int, band: str) -> _Line:
        label_style = styles(band, "label-high" if influence >= 4 else "label")
        label = f"{influence} {INFLUENCE_WORDS[influence]}" if layout.label > 1 else str(influence)
        shown = label if line == 0 else ""
        parts: _Line = [(shown.ljust(layout.label), label_style, None)]
        height = layout.bands[influence]
        for support, width in zip(SUPPORTS, layout.columns, strict=True):
            parts.append(("│", styles(band, "rule"), None))
            parts.extend(self._cell_line((influence, support), line, height, width, styles, band))
        return parts

    def _window(self, place: Place, count: int, room: int) -> tuple[int, int]:
        """The first person shown and how many, in a place with `room` lines for `count` people; the
        window follows the selection."""
        if count <= room:
            self._offsets.pop(place, None)
            return 0, count
        visible = max(1, room - 1)
        people = self._unrated if place is None else self._cells[place]
        offset = min(self._offsets.get(place, 0), count - visible)
        if self._selected in people:
            index = people.index(self._selected)
            if index < offset:
                offset = index
            elif index >= offset + visible:
                offset = index - visible + 1
        self._offsets[place] = offset
        return offset, visible

    def _cell_line(
        self, place: Place, line: int, height: int, width: int, styles: "_Styles", band: str
    ) -> _Line:
        people = self._unrated if place is None else self._cells.get(place, [])
        if not people:
            return [(" " * width, styles(band), None)]
        offset, visible = self._window(place, len(people), height)
        hidden = len(people) - visible
        more = ""
        if hidden:
            above, below = offset, len(people) - offset - visible
            more = f"+{hidden}" + (" ↑" if above else "") + (" ↓" if above and below else "")
        if line < visible and (height > 1 or not hidden):
            return self._name_part(people[offset + line], width, styles, band)
        if line == visible - 1 and height == 1:  # one line: a name and the count beside it
            name_part = self._name_part(people[offset], width - len(more) - 1, styles, band)
            return [*name_part, (f" {more}", styles(band, "more"), None)]
        if line == visible and hidden:
            return [(f" {more}".ljust(width)[:width], styles(band, "more"), None)]
        return [(" " * width, styles(band), None)]

    def _name_part(self, person_id: int, width: int, styles: "_Styles", band: str) -> _Line:
        if width <= 1:
            return [(" " * max(0, width), styles(band), None)]
        person = self._people[person_id]
        mark = "" if person.confirmed or person.cell is None else "?"
        name = self._short_name(person, width - 1 - len(mark)) + mark
        cursor = "cursor" if person_id == self._selected else ""
        style = styles(band, str(person.category), "assumed" if mark else "", cursor)
        return [(" " + name.ljust(width - 1), style, person_id)]

    def _side_lines(self, layout: _Layout, styles: "_Styles", lines: int) -> Iterator[_Line]:
        if not layout.side:
            return
        for line in range(lines):
            cell = self._cell_line(None, line, lines, layout.side, styles, "")
            yield [("│", styles("rule"), None), *cell]

    def _flow_lines(self, offset: int, room: int, width: int) -> tuple[list[list[int]], int]:
        """The unrated from `offset`, as many as fit in `room` lines after the title; and how many are
        left out. The last line keeps room for the count of those left out."""
        title = len(self._title()) + 1
        people = self._unrated[offset:]

        def pack(last_line_room: int) -> list[list[int]]:
            lines: list[list[int]] = [[]]
            used = title
            for person_id in people:
                size = self._item_width(person_id)
                limit = width - (last_line_room if len(lines) == room else 0)
                if used + size > limit and lines[-1]:
                    if len(lines) == room:
                        break
                    lines.append([])
                    used = title
                lines[-1].append(person_id)
                used += size
            return lines

        lines = pack(0)
        shown = sum(len(line) for line in lines)
        if shown < len(people):
            lines = pack(6)
            shown = sum(len(line) for line in lines)
        return lines, len(self._unrated) - shown

    def _short_name(self, person: GridPerson, width: int) -> str:
        key = (person.id, width)
        name = self._short.get(key)
        if name is None:
            name = self._short[key] = short_name(person.name, width)
        return name

    def _title(self) -> str:
        return f"Unrated ({len(self._unrated)})"

    def _item_width(self, person_id: int) -> int:
        person = self._people[person_id]
        return cell_len(self._short_name(person, UNRATED_ITEM_WIDTH)) + 3  # " name " and a space

    def _below_lines(self, layout: _Layout, styles: "_Styles") -> list[_Line]:
        offset = min(self._offsets.get(None, 0), len(self._unrated) - 1)
        if self._selected in self._unrated:
            index = self._unrated.index(self._selected)
            offset = min(offset, index)
            while True:
                lines, _ = self._flow_lines(offset, layout.below, layout.width)
                if index < offset + sum(len(line) for line in lines) or offset >= index:
                    break
                offset += 1
        self._offsets[None] = offset
        lines, hidden = self._flow_lines(offset, layout.below, layout.width)
        title = self._title()
        out = []
        for number, line in enumerate(lines):
            parts: _Line = [((title if number == 0 else "").ljust(len(title) + 1), styles("header"), None)]
            for person_id in line:
                name = self._short_name(self._people[person_id], UNRATED_ITEM_WIDTH)
                style = styles("unrated", "cursor" if person_id == self._selected else "")
                parts.append((f" {name} ", style, person_id))
                parts.append((" ", styles(), None))
            if number == len(lines) - 1 and hidden:
                parts.append((f" +{hidden}" + (" ↑" if offset else ""), styles("more"), None))
            out.append(parts)
        return out

    def _totals(self, layout: _Layout, styles: "_Styles") -> _Line:
        count = dict.fromkeys(RATED_CATEGORIES, 0)
        weight = dict.fromkeys(RATED_CATEGORIES, 0)
        for person in self._people.values():
            category = person.category
            if category in count and person.influence is not None:
                count[category] += 1
                weight[category] += person.influence
        for prefix, sigma, gap in (("people · Σ influence   ", "Σ", "   "), ("", "Σ", "  "), ("", "/", " ")):
            parts: _Line = [(prefix, styles("more"), None)] if prefix else []
            for number, category in enumerate(RATED_CATEGORIES):
                if number:
                    parts.append((gap, styles(), None))
                parts.append((str(category), styles(str(category)), None))
                parts.append((f" {count[category]}·{sigma}{weight[category]}", styles(), None))
            if sum(cell_len(plain) for plain, _, _ in parts) <= layout.width:
                break
        return parts

    def _detail(self, layout: _Layout, styles: "_Styles") -> _Line:
        """The selected person in full: name, category, how sure, owner, then the ratings in words."""
        person = self._people.get(self._selected) if self._selected is not None else None
        if person is None:
            return []
        muted = styles("more")
        category = str(person.category)
        parts: _Line = [(one_line(person.name), styles(category), None)]
        cell = person.cell
        if cell is None:
            known = [
                f"{what} {value:+d}" if what == "support" else f"{what} {value}"
                for what, value in (("influence", person.influence), ("support", person.support))
                if value is not None
            ]
            parts.append((" · not rated yet" + (f" ({known[0]})" if known else ""), muted, None))
        else:
            parts.append((f" · {category} · {'confirmed' if person.confirmed else 'assumed'}", muted, None))
        parts.append((" · owner ", muted, None))
        if person.owner:
            parts.append((one_line(person.owner), styles(), None))
        else:
            parts.append(("nobody", styles("nobody"), None))
        if cell is not None:
            influence, support = cell
            number = f"{support:+d}".replace("+0", "0").replace("-", "−")
            used = sum(cell_len(plain) for plain, _, _ in parts)
            rating = f" · {influence} {INFLUENCE_WORDS[influence]}, {number} {SUPPORT_WORDS[support]}"
            if used + cell_len(rating) <= layout.width:  # else the place on the grid says it
                parts.append((rating, muted, None))
        return parts
