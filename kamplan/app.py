"""The Textual app. It is handed its settings and database engine; it opens nothing itself."""

from sqlalchemy.engine import Engine
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from kamplan.config import Settings
from kamplan.store.accounts import list_accounts
from kamplan.store.engine import reading


class KamplanApp(App[None]):
    TITLE = "kamplan"

    def __init__(self, settings: Settings, engine: Engine) -> None:
        super().__init__()
        self.settings = settings
        self.engine = engine

    def compose(self) -> ComposeResult:
        yield Header()
        with reading(self.engine) as session:
            names = [a.name for a in list_accounts(session)]
        yield Static("\n".join(names) or "No accounts yet.", id="accounts")
        yield Footer()


def make_app(settings: Settings, engine: Engine) -> KamplanApp:
    return KamplanApp(settings, engine)
