"""Where kamplan keeps its data, and the settings that can be changed."""

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

APP_NAME = "kamplan"
DB_ENV = "KAMPLAN_DB"
DB_FILENAME = "kamplan.sqlite"


def default_db_path() -> Path:
    """The database in the user's data folder (platformdirs), unless KAMPLAN_DB names another."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path  # imported here: only needed when no path is given

    return user_data_path(APP_NAME, appauthor=False) / DB_FILENAME


@dataclass(frozen=True)
class Settings:
    db_path: Path
    relationship_capacity: int = 60
    key_account_limit: int = 8
    # A fixed "today" for tests and screenshots; None means the real date.
    today: date | None = None

    def current_date(self) -> date:
        return self.today or date.today()
