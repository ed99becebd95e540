"""The floor the benchmark compares kamplan against: the smallest Textual app with a header, a footer, one
line and one key (n counts the line up: the floor for a key's effect to reach the screen).
"""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

GREETING = "Hello, world: the floor kamplan's first screen is measured against"


class HelloApp(App[None]):
    TITLE = "hello"
    BINDINGS = [Binding("n", "next", "Next")]
    count = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"{GREETING} · {self.count}", id="greeting")
        yield Footer()

    def action_next(self) -> None:
        self.count += 1
        self.query_one("#greeting", Static).update(f"{GREETING} · {self.count}")


if __name__ == "__main__":
    HelloApp().run()
