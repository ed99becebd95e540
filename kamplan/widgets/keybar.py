"""The line of keys at the bottom of every screen."""

from textual.content import Content
from textual.screen import Screen

from kamplan.widgets.clickline import ClickLine, Part

KeyList = tuple[tuple[str, str, str, bool], ...]  # (key, as shown, description, enabled)


class KeyBar(ClickLine):
    """The keys that apply now, as Textual's Footer shows them, drawn as one line of text. The Footer
    builds a widget for each key and rebuilds them all whenever focus moves, which cost more than the
    rest of a section switch; this redraws one line, and only when its text changes. A click on a key
    presses it."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom; background: $footer-background; color: $footer-description-foreground;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="keybar")
        self._shown: tuple[KeyList, KeyList, int] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        self._bindings_changed(self.screen)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        keys, palette = self._keys(screen)
        width = self.size.width
        if (keys, palette, width) == self._shown:
            return
        self._shown = (keys, palette, width)
        self.show(self._line(keys, palette, width))

    def _keys(self, screen: Screen[object]) -> tuple[KeyList, KeyList]:
        """The keys shown (one per action, in binding order), and the palette's key for the right end."""
        app = self.app
        palette_key = app.COMMAND_PALETTE_BINDING
        keys: dict[str, tuple[str, str, str, bool]] = {}
        palette: KeyList = ()
        for key, (_, binding, enabled, _) in screen.active_bindings.items():
            shown = (key, app.get_key_display(binding), binding.description, enabled)
            if key == palette_key and app.ENABLE_COMMAND_PALETTE:
                palette = (shown,)
            elif binding.show and binding.action not in keys:
                keys[binding.action] = shown
        return tuple(keys.values()), palette

    @classmethod
    def _line(cls, keys: KeyList, palette: KeyList, width: int) -> list[Part]:
        """Roomy if it fits, else compact; the palette's key at the right end if there is room left."""
        for pad in (" ", ""):
            left = cls._parts(keys, pad)
            right = cls._parts(palette, pad)
            gap = width - sum(c.cell_length for c, _ in left + right)
            if gap >= 0:
                return [*left, (Content(" " * gap), ""), *right]
        return left

    @staticmethod
    def _parts(keys: KeyList, pad: str) -> list[Part]:
        parts = []
        for key, shown, description, enabled in keys:
            # Assembled, not markup: a key shown as "[" would open a tag.
            content = Content.assemble(
                (f"{pad}{shown}{pad}", "bold $footer-key-foreground"),
                f"{'' if pad else ' '}{description}{pad} ",
            )
            parts.append((content if enabled else content.stylize("dim"), f"app.simulate_key({key!r})"))
        return parts
