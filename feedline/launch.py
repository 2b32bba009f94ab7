"""The `feedline` console script and `python -m feedline`: a fast path, then the typer app.

A cron job's `feedline extract PAGE --format json` should cost little more than the
extraction. Building the typer app (typer and click imported, every command's signature
read, the store and watch commands' modules imported) took about a quarter of such a
process. So the launcher first reads the arguments itself, and when they are a one-page
`extract` with plain options (`fast_options`) runs the same code the typer command runs
(`cli_one.settle`, `cli_one.extract_one`) without typer. Anything else — another command,
`--help`, several inputs, a directory, a web archive, stdin, a URL, an option it does not
take or a value it does not know to be valid — goes to `feedline.cli`, whose parser, help
and errors are the only ones. So the fast path never judges a bad command line: an
argument list it takes is one typer parses to the same values (tests/test_launch.py).
Errors are reported and exit codes given as typer's standalone mode does. A new `extract`
option is either taken here (and passed on by `_extract`) or left to typer, whose default
must then leave a one-page run unchanged (tests/test_launch.py lists them).
"""
from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from feedline.cli_support import WIDTHS
from feedline.render import FORMATS

# Options the fast path takes, by every spelling typer accepts for them (--name VALUE or
# --name=VALUE; a short name only as its own argument followed by its value).
_VALUED = {"--now": "now", "--tz": "tz", "--lang": "lang", "--format": "fmt", "-f": "fmt",
           "--output": "output", "-o": "output", "--width": "width"}
_FLAGS = {"--explain": "explain", "--with-hidden": "hidden", "--quiet": "quiet", "-q": "quiet"}


def fast_options(args: Sequence[str]) -> dict[str, object] | None:
    """The values of a one-page `extract` command line (`args` without the program name),
    or None when it is anything else or anything the fast path does not take as it is.

    Returned keys: path, now, tz, lang, fmt, output, width, explain, hidden, quiet; an
    option not given has typer's default (None or False). Each option may be given once.
    """
    if not args or args[0] != "extract":
        return None
    found: dict[str, object] = {}
    paths: list[str] = []
    rest = list(args[1:])
    while rest:
        arg = rest.pop(0)
        if arg == "-" or not arg.startswith("-"):
            paths.append(arg)
            continue
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in _FLAGS and not equals:
            key: str | None = _FLAGS[name]
            given: object = True
        elif name in _VALUED:
            key = _VALUED[name]
            if not equals:
                if not rest or rest[0].startswith("-"):
                    return None  # a missing value, or one typer might read differently
                value = rest.pop(0)
            given = value
        else:
            return None  # "--", "--help", a short option run together, another option
        if key in found:
            return None
        found[key] = given
    if len(paths) != 1 or paths[0] == "-" or "://" in paths[0]:
        return None  # several inputs, none, stdin (peeked) or a URL: the full command
    fmt = found.get("fmt")
    if fmt is not None and fmt not in FORMATS:
        return None
    width = found.get("width")
    if width is not None:
        if not (isinstance(width, str) and width.isascii() and width.isdigit()):
            return None
        found["width"] = int(width)
        if not WIDTHS[0] <= found["width"] <= WIDTHS[1]:  # type: ignore[operator]
            return None
    options: dict[str, object] = {"path": paths[0], "now": None, "tz": None, "lang": None, "fmt": None,
                                  "output": None, "width": None, "explain": False, "hidden": False, "quiet": False}
    options.update(found)
    return options


def _completing() -> bool:
    """True when a shell asks for completions (click's `_<PROG>_COMPLETE` variable)."""
    return any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ)


def main() -> None:
    """Console-script entry point (`feedline = "feedline.launch:main"`)."""
    try:
        options = None if _completing() else fast_options(sys.argv[1:])
        if options is not None:
            from feedline.sniff import single_page

            if single_page([str(options["path"])]):  # not a directory or a web archive
                _run(options)
                return
    except KeyboardInterrupt:
        sys.exit(130)
    from feedline.cli import main as typer_main

    typer_main()


def _run(options: dict[str, object]) -> None:
    """The one-page extract, its errors and exit codes as under typer's standalone mode."""
    import errno

    try:
        _extract(**options)  # type: ignore[arg-type]
    except KeyboardInterrupt:
        sys.exit(130)
    except EOFError:
        import typer

        typer.echo(err=True)
        typer.echo("Aborted!", err=True)
        sys.exit(1)
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        from typer._click.utils import PacifyFlushWrapper

        sys.stdout = PacifyFlushWrapper(sys.stdout)  # type: ignore[assignment]
        sys.stderr = PacifyFlushWrapper(sys.stderr)  # type: ignore[assignment]
        sys.exit(1)
    except Exception as error:
        import typer

        if isinstance(error, typer.Exit):  # raised by cli_support.guarded: the line is said
            sys.exit(error.exit_code)
        raise


def _extract(*, path: str, now: str | None, tz: str | None, lang: str | None, fmt: str | None,
             output: str | None, width: int | None, explain: bool, hidden: bool, quiet: bool) -> None:
    from feedline.cli_one import extract_one, settle
    from feedline.cli_support import guarded

    with guarded():
        settled = settle(now=now, tz=tz, lang=lang, output=output, width=width, fmt=fmt, have_inputs=True)
        extract_one(path, settled, fetching=False, lang=lang, hidden=hidden, explain=explain, output=output,
                    quiet=quiet, limits=None)
