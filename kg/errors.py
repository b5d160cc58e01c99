"""The library's one exception type: every error a user can cause is a KgError."""

from __future__ import annotations


class KgError(Exception):
    """An error with a one-line message that names the file or value and the problem."""


class InputError(KgError):
    """An input file or value that cannot be used (missing, empty, binary, malformed)."""
