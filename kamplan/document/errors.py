"""Turn pydantic's errors into one-line messages that name the place: `stakeholders[3].influence: …`."""

from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from kamplan.document.fields import shown


def place(loc: Sequence[Any]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


_KINDS = {
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "an object",
    "model_type": "an object",
    "model_attributes_type": "an object",
}


def message(error: Any) -> str:
    kind = error["type"]
    text = error["msg"]
    if kind == "value_error":
        text = text.removeprefix("Value error, ")
    elif kind == "missing":
        text = "is required"
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        text = f"must be a whole number, got {shown(error.get('input'))}"
    elif kind in ("float_type", "float_parsing"):
        given = error.get("input")
        if isinstance(given, int) and not isinstance(given, bool):
            text = f"is far too large a number ({shown(given)})"  # beyond a float: thousands of digits
        else:
            text = f"must be a number, got {shown(given)}"
    elif kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        text = f"must be one of {expected}, got {shown(error.get('input'))}"
    elif kind in _KINDS:
        text = f"must be {_KINDS[kind]}, got {shown(error.get('input'))}"
    return text


def problems(error: ValidationError) -> list[str]:
    found = []
    for item in error.errors():
        loc = [part for part in item["loc"] if not (isinstance(part, str) and "[" in part)]
        where = place(loc)
        found.append(f"{where}: {message(item)}" if where else message(item))
    return found
