"""UI fixtures: the real app on its own database, with animations off so every run looks the same."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import textual.constants
from sqlalchemy.engine import Engine
from ui_support import store_for

from kamplan.app import KamplanApp, make_app
from kamplan.config import Settings

# A fixed "today" for the UI: the demo is dated around it and the screens compute with it.
UI_TODAY = date(2026, 3, 4)


@pytest.fixture(autouse=True)
def _quiet_textual(monkeypatch: pytest.MonkeyPatch) -> None:
    # Textual reads TEXTUAL_ANIMATIONS once, at import, into this constant; each App copies it on creation.
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def ui_demo_engine(engine: Engine) -> Engine:
    """The demo account, dated around UI_TODAY (the app is given the same day)."""
    store_for(engine).add_demo(UI_TODAY)
    return engine


@pytest.fixture
def make_ui_app(db_path: Path) -> Callable[[Engine], KamplanApp]:
    def make(engine: Engine) -> KamplanApp:
        return make_app(Settings(db_path=db_path, today=UI_TODAY), engine)

    return make
