"""feedline's version string, wherever it is declared."""
from __future__ import annotations


def feedline_version() -> str:
    """`feedline.__version__` if set, else the installed distribution's, else "0+unknown"."""
    try:
        from feedline import __version__  # type: ignore[attr-defined]
    except ImportError:
        pass
    else:
        return str(__version__)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("feedline")
    except PackageNotFoundError:
        return "0+unknown"
