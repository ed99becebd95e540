"""Every private Textual name the project touches is still there: an upgrade that moves one fails here,
by name, instead of somewhere deep in a table, the input loop or a screenshot.

Textual may rename or drop any of these in a minor release, which is why pyproject.toml pins its minor
version. Before raising the pin, run this test on the new version; for each name it reports, read the
code beside it in TOUCHED (and the parity tests in tests/ui/test_table_parity.py for Table).
"""

import importlib
import inspect
import re
from types import ModuleType

from textual import constants, events
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver
from textual.screen import Screen
from textual.widgets import DataTable

# The one list. Keep it complete: add a name here when code starts to use one (grep for `textual._`,
# `textual.widgets._`, and underscore attributes of Textual's classes that kamplan does not define).
# Modules: names imported from Textual's private modules.
PRIVATE_IMPORTS: dict[str, tuple[str, ...]] = {
    "textual._two_way_dict": ("TwoWayDict",),  # kamplan/widgets/table.py: Table.show_in_order
    "textual._xterm_parser": ("XTermParser",),  # kamplan/driver.py; tests/ui/test_driver.py
    "textual.widgets._data_table": ("ColumnKey", "RowKey", "SegmentLines"),  # kamplan/widgets/table.py
}
# Classes: members defined on the class or set on its instances (`self.name = …`), and what uses them.
TOUCHED: dict[str, tuple[str, ...]] = {
    # kamplan/widgets/table.py (Table): caches, measuring, cell rendering, in-place reordering
    "DataTable": (
        "_row_locations",  # show_in_order replaces it; _render_cell reads it
        "_column_locations",
        "_update_count",  # bumped to have rows rendered again; part of the cell cache key
        "_updated_cells",  # _measure_now: what DataTable's idle handler does, before a render
        "_new_rows",
        "_require_update_dimensions",
        "_update_dimensions",
        "_update_column_widths",
        "_data",  # _widen_columns_for reads the cells
        "_header_row_key",
        "_cell_render_cache",  # _render_cell stores its cells under DataTable's own key
        "_show_hover_cursor",
        "_pseudo_class_state",
        "_get_row_renderables",
        "_get_styles_to_render_cell",  # also its lru_cache's cache_clear, in notify_style_update
        "_render_cell",  # overridden: one-line Text cells drawn straight to segments
        "_get_row_style",  # overridden: cached per row kind
        "_on_resize",  # DataTable's handler, which Table's own skips (prevent_default)
    ),
    # kamplan/screens/account.py: AccountScreen._on_screen_resume runs ahead of Screen's own handler and
    # sets the event's refresh_styles (a public attribute, but only Screen's private handler reads it)
    "Screen": ("_on_screen_resume", "_compositor"),  # _compositor: tests/ui/ui_support.py screen_lines
    "ScreenResume": ("refresh_styles",),
    # tests/ui/ui_support.py: notifications(), screen_lines(); kamplan/cli.py run_app: _exception, the
    # error that ended the app (Textual keeps it for test frameworks), reported in one line
    "App": ("_notifications", "_background_screens", "_exception"),
    # kamplan/driver.py: KamplanDriver replaces LinuxDriver's input loop (run_input_thread, not underscored
    # but internal), reading what LinuxDriver's own loop reads
    "LinuxDriver": ("run_input_thread", "_debug", "fileno", "exit_event", "process_message"),
    "XTermParser": ("feed", "tick"),
    "textual.constants": ("ESCAPE_DELAY",),
}


def has(owner: type | ModuleType, name: str) -> bool:
    """Defined on the class (or a base), or set as `self.name` in its source (or a base's): no instance is
    made, as some set process-wide state (LinuxDriver installs signal handlers)."""
    if isinstance(owner, ModuleType):
        return hasattr(owner, name)
    assigned = re.compile(rf"\bself\.{re.escape(name)}\s*(:[^=]*)?=")
    return any(
        name in vars(cls)
        or (cls.__module__.startswith("textual") and assigned.search(inspect.getsource(cls)))
        for cls in owner.__mro__
        if cls is not object
    )


def test_every_private_textual_name_the_project_touches_still_exists() -> None:
    missing = []
    for module_name, names in PRIVATE_IMPORTS.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            missing.append(f"module {module_name}")
            continue
        missing += [f"{module_name}.{name}" for name in names if not hasattr(module, name)]

    from textual._xterm_parser import XTermParser

    owners: dict[str, type | ModuleType] = {
        "DataTable": DataTable,
        "Screen": Screen,
        "ScreenResume": events.ScreenResume,
        "App": App,
        "LinuxDriver": LinuxDriver,
        "XTermParser": XTermParser,
        "textual.constants": constants,
    }
    for owner_name, names in TOUCHED.items():
        missing += [f"{owner_name}.{name}" for name in names if not has(owners[owner_name], name)]
    if has(DataTable, "_get_styles_to_render_cell") and not hasattr(
        DataTable._get_styles_to_render_cell, "cache_clear"
    ):
        missing.append("DataTable._get_styles_to_render_cell.cache_clear (no longer an lru_cache)")

    assert not missing, (
        "Textual no longer has these names, which kamplan or its tests use (see TOUCHED in this file for "
        "where): " + ", ".join(missing)
    )
