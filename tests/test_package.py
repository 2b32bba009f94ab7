"""The package as others depend on it: `feedline.render` importable as documented, type
hints shipped (`py.typed` in the wheel), a licence and a changelog."""
from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import feedline

ROOT = Path(__file__).resolve().parents[1]


def test_feedline_render_works_after_a_plain_import() -> None:
    code = ("import feedline, sys; assert 'feedline.render' not in sys.modules; render = feedline.render.render; "
            "print(render(feedline.extract(sys.argv[1]), 'markdown').splitlines()[0])")
    result = subprocess.run([sys.executable, "-c", code, str(ROOT / "samples" / "kyiv-independent-2023-10-03.txt")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ") and result.stdout.rstrip().endswith("kyiv-independent-2023-10-03.txt")


def test_unknown_attributes_still_fail() -> None:
    with pytest.raises(AttributeError):
        feedline.no_such_name  # noqa: B018


def test_metadata_names_the_licence_and_ships_py_typed() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT" and project["project"]["license-files"] == ["LICENSE"]
    assert project["project"]["keywords"]
    assert "py.typed" in project["tool"]["setuptools"]["package-data"]["feedline"]
    assert (ROOT / "feedline" / "py.typed").is_file()
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "## Unreleased" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_wheel_holds_py_typed_and_the_licence(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0 and ("No matching distribution" in result.stderr or "connection" in result.stderr.lower()):
        pytest.skip(f"cannot fetch the build backend (setuptools>=77) from the package index: {result.stderr[-200:]}")
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("feedline-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "feedline/py.typed" in names and "feedline/render/html.py" in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)


def public_names() -> set[str]:
    """The package root's names, the renderer's and every error class of `feedline.errors`."""
    import feedline.errors
    import feedline.render

    errors = {name for name, value in vars(feedline.errors).items()
              if isinstance(value, type) and issubclass(value, Exception) and value.__module__ == "feedline.errors"}
    return set(feedline.__all__) | {"render", "FORMATS"} | errors


def test_docs_api_covers_every_public_name() -> None:
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    missing = sorted(name for name in public_names() if f"`{name}`" not in api)
    assert not missing, f"docs/api.md does not describe {missing}"
