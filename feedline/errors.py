"""feedline's exceptions: one root, each with the CLI exit code it maps to.

    FeedlineError (exit 1)
     ├── UsageError  (exit 2)  a bad option value: --now, --tz, --lang (typer rejects the rest, also exit 2)
     ├── InputError  (exit 3)  input that cannot be read: missing, a directory, binary, undecodable
     └── OutputError (exit 4)  output that cannot be written (-o FILE)

"Nothing found" is not an error: it is an empty timeline.
"""
from __future__ import annotations


class FeedlineError(Exception):
    """Root of every error feedline raises on purpose."""

    exit_code = 1


class UsageError(FeedlineError):
    exit_code = 2


class InputError(FeedlineError):
    exit_code = 3


class OutputError(FeedlineError):
    exit_code = 4
