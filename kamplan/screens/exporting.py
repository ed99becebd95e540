"""Calendar and spreadsheet files from the app: the same ICS and CSV `kamplan export` writes. A key asks
for the file name (its ending picks the format); the file is written in the background, and a message
says where it went."""

import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from textual.widget import Widget

from kamplan.errors import FieldProblems, KamplanError
from kamplan.interchange.files import write_text_file
from kamplan.widgets.form import FormField, FormSpec, RecordForm

FORMATS = {".ics": "ics", ".csv": "csv"}
HINT = ".ics: the planned activities, for a calendar · .csv: every activity, for a spreadsheet"

# Writes the file's text for a format ("ics" or "csv"); runs in a worker thread.
Export = Callable[[str], str]


def file_stem(name: str) -> str:
    """An account name as a file name: 'Kestrelmoor Foods B.V.' → 'kestrelmoor-foods-b-v'."""
    stem = re.sub(r"[^\w]+", "-", name.casefold()).strip("-")
    return stem or "kamplan"


def chosen_path(text: str, warned: list[Path]) -> tuple[Path, str]:
    """The file a typed name stands for and its format; refuses what cannot be written, and asks once
    before replacing a file (`warned` remembers it: Enter again replaces it)."""
    typed = text.strip()
    path = Path(os.path.expanduser(typed))
    if not path.is_absolute():
        path = Path.cwd() / path
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise FieldProblems({"file": "end the name with .ics (calendar) or .csv (spreadsheet)"})
    if not path.parent.is_dir():
        raise FieldProblems({"file": f"there is no folder {path.parent}"})
    if path.is_dir():
        raise FieldProblems({"file": "that is a folder: add a file name"})
    if path.exists() and path not in warned:
        warned.append(path)
        raise FieldProblems({"file": "exists already: Enter again replaces it"})
    return path, fmt


def ask_export(node: Widget, what: str, stem: str, today: date, export: Export) -> None:
    """Ask for the file, then write it in a worker; `what` names what is exported ("Kestrelmoor's plan")."""
    warned: list[Path] = []
    spec = FormSpec(
        f"Export {what}",
        (FormField("file", "File", hint=HINT, required=True),),
        today=today,
    )

    def save(values: dict[str, Any]) -> tuple[Path, str]:
        return chosen_path(values["file"], warned)

    def chosen(result: tuple[Path, str] | None) -> None:
        if result is None:
            return
        path, fmt = result

        def write() -> None:
            try:
                text = export(fmt)
                write_text_file(path, text)
            except KamplanError as error:
                node.app.call_from_thread(
                    node.notify, str(error), title="Not exported", severity="error", markup=False
                )
                return
            from kamplan.interchange.portfolio_export import count_events

            count = count_events(text, fmt)
            what_ = "planned activit" if fmt == "ics" else "activit"
            said = f"Wrote {count} {what_}{'y' if count == 1 else 'ies'} to {path}"
            node.app.call_from_thread(node.notify, said, markup=False)

        node.run_worker(write, thread=True, group="export", name=f"export {path.name}")

    default = str(Path.cwd() / f"{stem}.ics")
    node.app.push_screen(RecordForm(spec, {"file": default}, save), chosen)
