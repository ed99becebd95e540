"""Profile section switching on the account screen, in process (`python -m bench.profile_sections DB`).

Opens the largest account of DB at 120×36, visits every section once, then presses 1–6 three times under
pyinstrument (install it in the venv first: `.venv/bin/pip install pyinstrument`) and prints the tree.
The figures are for finding where time goes; `make bench` is the measure of record.
"""

import asyncio
import sqlite3
import sys
from pathlib import Path

from kamplan.app import make_app
from kamplan.config import Settings
from kamplan.store.engine import open_engine


def largest_account(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT a.name FROM account a JOIN activity x ON x.account_id = a.id"
            " GROUP BY a.id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return row[0]


async def profile(db: Path) -> None:
    from pyinstrument import Profiler

    app = make_app(Settings(db_path=db), open_engine(db))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p", *largest_account(db), "enter")
        await pilot.pause()
        await pilot.press(*"23456")
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(3):
            await pilot.press(*"123456")
        profiler.stop()
    print(profiler.output_text(show_all=True))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m bench.profile_sections DATABASE (a copy: it is written to)")
    asyncio.run(profile(Path(sys.argv[1])))
