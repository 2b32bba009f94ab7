"""Score feedline on pool pages labelled apart from the code.

Two sets of gold files in the corpus format (../shared/corpus/README.md), written by
annotators who read only the page (its HTML and Chromium's innerText), never feedline's
output:

- benchmarks/poolgold/ (`--set dev`): its failures were studied and fixed (each fix
  resting on three pool sites of its own), so it is no longer unseen;
- benchmarks/poolgold-heldout/ (`--set heldout`): the batch labelled last, measured, never studied. Read
  only its totals: looking at its pages or misses to write a rule would make it one more dev
  set and leave the project without an estimate for pages no rule was written for.

The pages themselves stay in ../shared/pool (they belong to their publishers). This script
writes a scratch folder (default .cache/poolgold/pages, ignored by git) with each labelled
page's HTML and, when Chromium and websocket-client are installed, its text twin made the way
the corpus's were: `document.body.innerText` in headless Chromium with JavaScript off and no
network. Then it runs ../shared/corpus/score.py on the folder, both modes, both forms.

    python benchmarks/eval_pool.py [--set dev|heldout] [-v] [--only ID,ID] [--form html|txt|both] [--no-text]

Other text forms of the same pages, scored alone as the text pages (`--twins`; the pages whose
gold is for the HTML only left out, as for the browser twins), each page's HTML with its
scripts and styles left out:

- `--twins markdown` (.cache/poolgold/markdown): printed as Markdown by markdownify, as a
  scraper that hands pages to people or language models prints them (`feedline.markdown_page`);
- `--twins nodes` (.cache/poolgold/nodes): its text nodes one per line, as BeautifulSoup's
  `get_text("\\n")` or a crawler's dump gives them (no CSS, no block layout);
- `--twins snippets` (.cache/poolgold/snippets): only the feed, as a user copies it out of the
  page: the browser twin's lines from two above the first gold entry to six below the last
  (found by their `time_text` and `first_words`), pages with two or more gold entries. No
  page header, no day heading outside the feed: the short texts where blind dates go wrong.
"""
from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD_SETS = {"dev": ROOT / "benchmarks" / "poolgold", "heldout": ROOT / "benchmarks" / "poolgold-heldout"}
POOL = ROOT.parent / "shared" / "pool" / "pages"
SCORE = ROOT.parent / "shared" / "corpus" / "score.py"
SCRATCH = ROOT / ".cache" / "poolgold" / "pages"
TWINS = {kind: ROOT / ".cache" / "poolgold" / kind for kind in ("markdown", "nodes", "snippets")}
SNIPPET_ABOVE, SNIPPET_BELOW = 2, 6


def page_ids(gold: Path, only: set[str]) -> list[str]:
    ids = sorted(path.stem for path in gold.glob("*.json"))
    return [i for i in ids if not only or i in only]


def write_html(ids: list[str], folder: Path = SCRATCH) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for page_id in ids:
        target = folder / f"{page_id}.html"
        if not target.exists():
            target.write_bytes(gzip.decompress((POOL / f"{page_id}.html.gz").read_bytes()))


class Chromium:
    """Headless Chromium driven over the DevTools protocol: scripts off, no network."""

    def __init__(self) -> None:
        import websocket  # websocket-client: the `browser` extra

        self._profile = tempfile.mkdtemp(prefix="feedline-chromium-")
        self._proc = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
             "--remote-allow-origins=*", f"--user-data-dir={self._profile}", "--blink-settings=scriptEnabled=false",
             "--proxy-server=127.0.0.1:9", "--window-size=1280,2000", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._port = self._debug_port()
        tabs = self._tabs()
        page = next(t for t in tabs if t["type"] == "page")
        self._ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self._next_id = 0
        self._call("Page.enable")
        self._call("Emulation.setScriptExecutionDisabled", value=True)

    def _debug_port(self) -> int:
        """The port Chromium chose (port 0: two runs at once never meet), from its profile."""
        announced = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 15
        while not announced.exists() or not announced.read_text().strip():
            if time.monotonic() > deadline:
                raise TimeoutError("chromium announced no DevTools port in 15 s")
            time.sleep(0.1)
        return int(announced.read_text().split()[0])

    def _tabs(self) -> list[dict]:
        deadline = time.monotonic() + 15
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self._port}/json") as reply:
                    return json.load(reply)
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def _call(self, method: str, **params: object) -> dict:
        self._next_id += 1
        self._ws.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._ws.recv())
            if message.get("id") == self._next_id:
                return message

    def _evaluate(self, expression: str) -> object:
        return self._call("Runtime.evaluate", expression=expression).get("result", {}).get("result", {}).get("value")

    def inner_text(self, html_path: Path) -> str:
        url = html_path.resolve().as_uri()
        self._call("Page.navigate", url=url)
        # The previous page answers until the new one is committed: wait for this URL, loaded.
        ready = f"document.URL === {json.dumps(url)} && document.readyState === 'complete'"
        deadline = time.monotonic() + 30
        while self._evaluate(ready) is not True:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{html_path.name}: not loaded in 30 s")
            time.sleep(0.05)
        return str(self._evaluate("document.body ? document.body.innerText : ''") or "")

    def close(self) -> None:
        self._ws.close()
        self._proc.terminate()
        self._proc.wait(timeout=10)
        shutil.rmtree(self._profile, ignore_errors=True)


def html_only(gold: Path, ids: list[str]) -> set[str]:
    """Pages whose gold lists entries their CSS hides (`"forms": ["html"]`): their text twin
    cannot show those, so it is not scored."""
    return {i for i in ids if json.loads((gold / f"{i}.json").read_text(encoding="utf-8")).get("forms") == ["html"]}


def write_text_twins(ids: list[str], folder: Path = SCRATCH) -> bool:
    missing = [i for i in ids if not (folder / f"{i}.txt").exists()]
    if not missing:
        return True
    if shutil.which("chromium") is None:
        print("eval_pool: no chromium: HTML forms only (make eval-pool installs it as root)", file=sys.stderr)
        return False
    try:
        browser = Chromium()
    except ImportError:
        print("eval_pool: no websocket-client: HTML forms only (pip install -e '.[browser]')", file=sys.stderr)
        return False
    try:
        for page_id in missing:
            (folder / f"{page_id}.txt").write_text(browser.inner_text(folder / f"{page_id}.html"), encoding="utf-8")
    finally:
        browser.close()
    return True


def feed_snippet(text: str, entries: list[dict]) -> str | None:
    """The lines of `text` around the gold entries (`SNIPPET_ABOVE`, `SNIPPET_BELOW`); None
    when no entry is found."""
    lines = text.splitlines()
    found = []
    for entry in entries:
        for needle in (entry.get("first_words") or "", entry.get("time_text") or ""):
            needle = needle.strip()[:40]
            hits = [n for n, line in enumerate(lines) if needle and needle in line]
            found += hits[:1]
    if not found:
        return None
    first, last = max(0, min(found) - SNIPPET_ABOVE), max(found) + SNIPPET_BELOW
    return "\n".join(lines[first:last + 1]) + "\n"


def write_snippets(gold: Path, ids: list[str]) -> list[str]:
    """Each page's feed snippet (`feed_snippet`) from its browser twin; the ids written."""
    folder = TWINS["snippets"]
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for page_id in ids:
        entries = json.loads((gold / f"{page_id}.json").read_text(encoding="utf-8"))["entries"]
        twin = SCRATCH / f"{page_id}.txt"
        if len(entries) < 2 or not twin.exists():
            continue
        snippet = feed_snippet(twin.read_text(encoding="utf-8"), entries)
        if snippet is not None:
            (folder / f"{page_id}.txt").write_text(snippet, encoding="utf-8")
            written.append(page_id)
    return written


def write_other_twins(kind: str, ids: list[str]) -> bool:
    """Each page's HTML (from SCRATCH) as a `kind` twin (`TWINS`), `ID.txt`; False without markdownify."""
    from selectolax.lexbor import LexborHTMLParser

    if kind == "markdown":
        try:
            from markdownify import markdownify
        except ImportError:
            print("eval_pool: no markdownify: pip install -e '.[browser]'", file=sys.stderr)
            return False
    folder = TWINS[kind]
    folder.mkdir(parents=True, exist_ok=True)
    for page_id in ids:
        target = folder / f"{page_id}.txt"
        if target.exists():
            continue
        tree = LexborHTMLParser((SCRATCH / f"{page_id}.html").read_text(encoding="utf-8", errors="replace"))
        for node in tree.css("script, style, noscript, template"):
            node.decompose()
        if tree.body is None:
            text = ""
        elif kind == "markdown":
            text = markdownify(tree.body.html or "", heading_style="ATX")
        else:
            text = tree.body.text(separator="\n")
        target.write_text(text, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=sorted(GOLD_SETS), default="dev", help="which labelled pages")
    parser.add_argument("--only", default="", help="comma-separated page ids")
    parser.add_argument("--form", choices=["html", "txt", "both"], default="both")
    parser.add_argument("--mode", choices=["capture", "blind", "both"], default="both")
    parser.add_argument("--no-text", action="store_true", help="do not make text twins (HTML only)")
    parser.add_argument("--twins", choices=["browser", *TWINS], default="browser",
                        help="the text pages: Chromium's innerText (default), markdownify's Markdown, the text nodes, "
                             "or the feed alone")
    parser.add_argument("--cmd", default=str(ROOT / ".venv" / "bin" / "feedline"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not POOL.is_dir() or not SCORE.exists():
        print("eval_pool: ../shared/pool or the scorer not found: skipped")
        return 0
    gold = GOLD_SETS[args.set]
    ids = page_ids(gold, {s for s in args.only.split(",") if s})
    write_html(ids)
    form = args.form
    only_html = html_only(gold, ids)
    if args.twins == "snippets":
        if not write_text_twins(sorted(set(ids) - only_html)):
            return 1
        shown = write_snippets(gold, sorted(set(ids) - only_html))
    elif args.twins != "browser":
        shown = sorted(set(ids) - only_html)
        if not write_other_twins(args.twins, shown):
            return 1
    if args.twins != "browser":
        command = [sys.executable, str(SCORE), "--gold", str(gold), "--pages", str(TWINS[args.twins]), "--cmd", args.cmd,
                   "--mode", args.mode, "--form", "txt", "--only", ",".join(shown)]
        return subprocess.call(command + (["-v"] if args.verbose else []))
    for page_id in only_html:
        (SCRATCH / f"{page_id}.txt").unlink(missing_ok=True)
    if form != "html" and (args.no_text or not write_text_twins(sorted(set(ids) - only_html))):
        form = "html"
    command = [sys.executable, str(SCORE), "--gold", str(gold), "--pages", str(SCRATCH), "--cmd", args.cmd,
               "--mode", args.mode, "--form", form]
    if args.only:
        command += ["--only", args.only]
    if args.verbose:
        command.append("-v")
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
