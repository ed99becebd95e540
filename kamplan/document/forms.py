"""Validate what a user typed into one field with the same pydantic rules the document import uses."""

import re
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from kamplan.document.errors import message
from kamplan.document.model import AccountPart, Profile, Segmentation
from kamplan.document.text import text_problem
from kamplan.errors import ValidationFailed

_SCALE = {"k": 1e3, "m": 1e6, "bn": 1e9, "b": 1e9}
_AMOUNT = re.compile(r"^(-?[\d.]+)\s*(k|m|bn|b)?$", re.IGNORECASE)
_ADAPTERS: dict[tuple[type[BaseModel], str], TypeAdapter[Any]] = {}
ACCOUNT_FORM_MODELS: tuple[type[BaseModel], ...] = (Profile, Segmentation, AccountPart)


def parse_amount(text: str) -> float | str | None:
    """'12,500,000', '12.5m', '800k' -> a number; '' -> None; anything else is passed on to be rejected."""
    cleaned = text.strip().replace(",", "").replace("_", "").replace(" ", "")
    if not cleaned:
        return None
    match = _AMOUNT.match(cleaned)
    if not match:
        try:
            return float(cleaned)  # 1.2e6; the field's range then refuses what a plan cannot mean
        except ValueError:
            return text.strip()
    try:
        number = float(match.group(1))
    except ValueError:
        return text.strip()
    return number * _SCALE.get((match.group(2) or "").lower(), 1)


def _adapter(model: type[BaseModel], field: str) -> TypeAdapter[Any]:
    key = (model, field)
    if key not in _ADAPTERS:
        info = model.model_fields[field]
        kind: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        _ADAPTERS[key] = TypeAdapter(kind)
    return _ADAPTERS[key]


def model_for(field: str) -> type[BaseModel]:
    for model in ACCOUNT_FORM_MODELS:
        if field in model.model_fields:
            return model
    raise KeyError(field)


def validate_account_field(field: str, raw: Any) -> Any:
    """The value to store, or ValidationFailed with one message for the field."""
    model = model_for(field)
    info = model.model_fields[field]
    value = raw
    if isinstance(raw, str) and info.annotation is not str:
        value = parse_amount(raw) if "float" in str(info.annotation) else raw.strip()
        if field == "planning_horizon_years" and isinstance(value, str) and value.isdigit():
            value = int(value) if len(value) < 10 else value  # thousands of digits would not even convert
    try:
        return _adapter(model, field).validate_python(value)
    except ValidationError as error:
        raise ValidationFailed([message(error.errors()[0])]) from None


def check_line(text: str, what: str) -> str:
    """`text` as given when it may fill a one-line field (a name, a SWOT item); otherwise
    ValidationFailed with one message naming the field: "an account name must not hold …"."""
    problem = text_problem(text, multiline=False)
    if problem:
        raise ValidationFailed([f"{what} {problem}"])
    return text
