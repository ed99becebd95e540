"""Errors a user can cause become a notice on screen; the app carries on and nothing is half-saved.
A message may quote the plan (a name that exists already): it is shown as text, never as markup."""

import inspect
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from textual.widget import Widget

from kamplan.errors import KamplanError

T = TypeVar("T")


def attempt(node: Widget, action: Callable[[], object]) -> bool:
    """Run `action`; on a KamplanError tell the user and return False."""
    try:
        action()
    except KamplanError as error:
        node.notify(str(error), title="Not done", severity="error", timeout=8, markup=False)
        return False
    return True


def guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    """For action and event handlers: report a KamplanError instead of ending the app."""
    if inspect.iscoroutinefunction(method):

        @wraps(method)
        async def waiting(self: Widget, *args: Any, **kwargs: Any) -> Any:
            try:
                return await method(self, *args, **kwargs)
            except KamplanError as error:
                self.notify(str(error), title="Not done", severity="error", timeout=8, markup=False)
                return None

        return waiting

    @wraps(method)
    def wrapper(self: Widget, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except KamplanError as error:
            self.notify(str(error), title="Not done", severity="error", timeout=8, markup=False)
            return None

    return wrapper
