"""What every command shares: turning library errors into one-line messages, exit code 2."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from kg.errors import KgError

F = TypeVar("F", bound=Callable[..., Any])


class UserError(click.ClickException):
    """A one-line message on stderr and exit code 2 (bad input), never a traceback."""

    exit_code = 2


def reports_errors(func: F) -> F:
    """Wrap a command body so that a KgError becomes a one-line error with exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgError as exc:
            raise UserError(str(exc)) from None

    return wrapper  # type: ignore[return-value]
