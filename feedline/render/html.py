"""The `html` format: the timeline as one self-contained page (a visual timeline).

    <section class="day"><h2>2023-10-03 Tue</h2>
      <article class="entry inferred"> 16:00 ≈ | headline | text | source chips | date details

Everything is inline (`STYLE`, `SCRIPT`); nothing is fetched. A Content-Security-Policy
meta allows exactly the page's own style and script (by their SHA-256) and nothing else:
no other script, no inline handlers, no images, frames, fonts, forms or connections.
The entries are written as HTML, so the page reads without JavaScript; the script only
filters (source, site, text search) and toggles newest/oldest first, keeping that state in
the address's fragment (`#q=ferry&source=Reuters&site=…&order=newest`), so a filtered view
can be bookmarked or shared. The fragment only ever sets the controls' values.

Scraped text is data: every scraped string is cleaned (`_text.clean`: no controls,
bidirectional controls shown as `\\u202e`) and HTML-escaped, in text and in attribute
values alike; no scraped string becomes a link, a tag, a style or a script.
"""
from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Sequence
from html import escape

from feedline.model import DateStatus, Entry, Role, Timeline
from feedline.render._text import clean, one_line
from feedline.render._version import feedline_version
from feedline.render._view import day_label, group_by_day, time_label

_LABELS = {
    DateStatus.EXACT: ("", "date printed on the page"),
    DateStatus.INFERRED: ("≈", "date inferred"),
    DateStatus.PARTIAL: ("~", "year unknown"),
    DateStatus.UNKNOWN: ("?", "date unknown"),
}
LOW_CONFIDENCE = 0.5  # an inferred date below this is marked doubtful

STYLE = """
:root{--fg:#1b1f24;--dim:#5c6570;--bg:#fff;--line:#d9dee3;--chip:#eef3f8;--cited:#f4f1ea;--accent:#0b5cad;--warn:#9a5b00}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ec;--dim:#9aa4ae;--bg:#14171a;--line:#2c3238;--chip:#1f2a36;--cited:#2c2922;--accent:#6cb0f5;--warn:#e0a84a}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
header,main{max-width:52rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.35rem;margin:1rem 0 .25rem}
.meta{color:var(--dim);margin:0;font-size:.9rem}
.controls{position:sticky;top:0;background:var(--bg);display:flex;flex-wrap:wrap;gap:.5rem;padding:.6rem 0;border-bottom:1px solid var(--line);z-index:1}
.controls input,.controls select,.controls button{font:inherit;font-size:.95rem;padding:.3rem .5rem;border:1px solid var(--line);border-radius:.4rem;background:var(--bg);color:var(--fg);min-width:0}
.controls input{flex:1 1 12rem}
#count{color:var(--dim);font-size:.9rem;align-self:center}
.day h2{font-size:1.05rem;margin:1.4rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid var(--line)}
.entry{display:grid;grid-template-columns:4.2rem 1fr;gap:.1rem .8rem;padding:.6rem 0;border-bottom:1px solid var(--line)}
.when{font-weight:600;font-variant-numeric:tabular-nums}
.when .zone{display:block;font-weight:400;color:var(--dim);font-size:.8rem}
.mark{color:var(--warn);margin-left:.2rem}
.body{min-width:0}
.body h3{font-size:1rem;margin:0 0 .2rem}
.body p{margin:0 0 .3rem;white-space:pre-line}
.chips{list-style:none;margin:.2rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem}
.chip{background:var(--chip);border-radius:1rem;padding:.05rem .6rem;font-size:.85rem}
.chip.cited{background:var(--cited)}
.chip.site{background:none;border:1px solid var(--line);color:var(--dim)}
details{font-size:.85rem;color:var(--dim)}
details ul{margin:.2rem 0;padding-left:1.2rem}
.doubt summary{color:var(--warn)}
.hidden-entry .body{opacity:.75}
.note{color:var(--dim);font-size:.9rem}
footer{max-width:52rem;margin:1.5rem auto;padding:0 1rem;color:var(--dim);font-size:.85rem}
[hidden]{display:none!important}
@media (max-width:32rem){.entry{grid-template-columns:1fr}.when{display:flex;gap:.5rem;align-items:baseline}.when .zone{display:inline}}
""".strip()

SCRIPT = """
(function(){
  "use strict";
  var main=document.getElementById("days"),q=document.getElementById("q"),src=document.getElementById("source"),
      site=document.getElementById("site"),order=document.getElementById("order"),count=document.getElementById("count");
  var entries=Array.prototype.slice.call(main.querySelectorAll(".entry"));
  var texts=entries.map(function(e){  // headline, text and chips: not the date evidence
    return Array.prototype.map.call(e.querySelectorAll("h3, .body > p, .chips"),function(n){return n.textContent;})
      .join(" ").toLowerCase();
  });
  function has(list,value){return value==="" || (list||"").split("\\n").indexOf(value)>=0;}
  function apply(){
    var words=q.value.toLowerCase().split(/\\s+/).filter(Boolean),shown=0;
    entries.forEach(function(e,i){
      var ok=has(e.getAttribute("data-sources"),src?src.value:"") && has(e.getAttribute("data-site"),site?site.value:"")
        && words.every(function(w){return texts[i].indexOf(w)>=0;});
      e.hidden=!ok; if(ok){shown++;}
    });
    Array.prototype.forEach.call(main.querySelectorAll(".day"),function(d){d.hidden=!d.querySelector(".entry:not([hidden])");});
    count.textContent=shown+" of "+entries.length+" entries";
  }
  function reverse(parent,selector){
    var kids=Array.prototype.slice.call(parent.querySelectorAll(":scope > "+selector));
    kids.reverse().forEach(function(k){parent.appendChild(k);});
  }
  function newest(){return order.getAttribute("aria-pressed")==="true";}
  function toggle(){
    var now=!newest();
    order.setAttribute("aria-pressed",String(now));
    order.textContent=now?"Newest first":"Oldest first";
    var undated=main.querySelector(":scope > .undated");
    reverse(main,".day:not(.undated)");
    Array.prototype.forEach.call(main.querySelectorAll(".day .entries"),function(list){reverse(list,".entry");});
    if(undated){main.appendChild(undated);}
  }
  function save(){
    var state=new URLSearchParams();
    if(q.value){state.set("q",q.value);}
    if(src&&src.value){state.set("source",src.value);}
    if(site&&site.value){state.set("site",site.value);}
    if(newest()){state.set("order","newest");}
    try{history.replaceState(null,"","#"+state.toString());}catch(e){}
  }
  var state=new URLSearchParams(location.hash.slice(1));
  q.value=state.get("q")||"";
  if(src){src.value=state.get("source")||"";}
  if(site){site.value=state.get("site")||"";}
  if(state.get("order")==="newest"){toggle();}
  order.addEventListener("click",function(){toggle();save();});
  q.addEventListener("input",function(){apply();save();});
  if(src){src.addEventListener("change",function(){apply();save();});}
  if(site){site.addEventListener("change",function(){apply();save();});}
  document.documentElement.classList.add("js");
  apply();
})();
""".strip()

_SEPARATOR = "\n"  # between names in data-sources (never in one-line text)


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


#: The page's Content-Security-Policy: its own style and script, nothing else.
CSP = (f"default-src 'none'; style-src '{_digest(STYLE)}'; script-src '{_digest(SCRIPT)}'; "
       "img-src 'none'; base-uri 'none'; form-action 'none'")


def render_html(timeline: Timeline, *, explain: bool = False, sites: Sequence[str] | None = None,
                header: Sequence[str] = ()) -> str:
    """The timeline as one HTML document, ending in a newline. Date evidence is always in
    the page (folded; `explain` unfolds it); `sites` (one label per entry) adds a site chip
    and filter when the labels differ; `header` lines follow the title."""
    site_of: dict[int, str] = {}
    if sites is not None and len(set(sites)) > 1:
        site_of = {id(entry): text(site) for entry, site in zip(timeline.entries, sites)}
    page = timeline.page
    title = text(page.title or "") or text(page.name) or "Timeline"
    count = len(timeline.entries)
    facts = [f"captured {timeline.now.isoformat()}" if timeline.now else ("" if header else "no capture time")]
    if timeline.tz:
        facts.append(f"tz {text(timeline.tz)}")
    facts.append(f"{count} entr{'y' if count == 1 else 'ies'}")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_attr(_lang(page.lang))}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_attr(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="feedline {_attr(feedline_version())}">',
        f"<title>{_html(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_html(title)}</h1>",
    ]
    if page.url:
        out.append(f'<p class="meta url">{_html(text(page.url))}</p>')  # shown, never a link
    out.append(f'<p class="meta">{_html(" · ".join(f for f in facts if f))}</p>')
    out += [f'<p class="meta">{_html(text(line))}</p>' for line in header]
    out.append(_controls(timeline.entries, site_of))
    out.append("</header>")
    out.append('<main id="days">')
    if not timeline.entries:
        out.append('<p class="note">No entries found.</p>')
    for key, entries in group_by_day(timeline.entries):
        undated = " undated" if key is None else ""
        day = f' data-day="{_attr(key)}"' if key else ""
        out.append(f'<section class="day{undated}"{day}><h2>{_html(day_label(key))}</h2><div class="entries">')
        out += [_entry(entry, explain, site_of.get(id(entry))) for entry in entries]
        out.append("</div></section>")
    out.append("</main>")
    notes = [f"<li>{_html(text(message))}</li>" for message in timeline.diagnostics]
    out.append("<footer>")
    if notes:
        out.append(f"<ul>{''.join(notes)}</ul>")
    out.append(f"<p>feedline {_html(feedline_version())}: ≈ date inferred · ~ year unknown · ? date unknown</p>")
    out += ["</footer>", f"<script>{SCRIPT}</script>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def text(value: str) -> str:
    """A scraped string as shown: cleaned, on one line."""
    return one_line(value)


def _html(value: str) -> str:
    return escape(value, quote=False)


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _lang(lang: str | None) -> str:
    value = one_line(lang or "")
    return value if value.replace("-", "").isalnum() and len(value) <= 35 else "und"


def _controls(entries: Sequence[Entry], site_of: dict[int, str]) -> str:
    names = Counter(name for entry in entries for name in _source_names(entry))
    parts = ['<div class="controls" role="search">',
             '<input id="q" type="search" placeholder="Search headlines, text and sources" aria-label="Search">']
    if names:
        options = "".join(f'<option value="{_attr(name)}">{_html(name)} ({n})</option>'
                          for name, n in sorted(names.items(), key=lambda item: (-item[1], item[0])))
        parts.append(f'<select id="source" aria-label="Source"><option value="">All sources</option>{options}</select>')
    if site_of:
        counted = Counter(site_of.values())
        options = "".join(f'<option value="{_attr(site)}">{_html(site)} ({n})</option>' for site, n in sorted(counted.items()))
        parts.append(f'<select id="site" aria-label="Site"><option value="">All sites</option>{options}</select>')
    parts += ['<button id="order" type="button" aria-pressed="false">Oldest first</button>',
              f'<span id="count">{len(entries)} entries</span>', "</div>"]
    return "".join(parts)


def _entry(entry: Entry, explain: bool, site: str | None) -> str:
    fix = entry.date
    mark, meaning = _LABELS.get(fix.status, ("?", "date unknown"))
    doubtful = fix.status is not DateStatus.EXACT and (fix.status is DateStatus.UNKNOWN or fix.confidence < LOW_CONFIDENCE)
    classes = ["entry", str(fix.status)] + (["doubt"] if doubtful else []) + ([] if entry.visible else ["hidden-entry"])
    names = _source_names(entry)
    attributes = f' data-sources="{_attr(_SEPARATOR.join(names))}"'
    if site is not None:
        attributes += f' data-site="{_attr(site)}"'
    when = _html(time_label(entry))
    if entry.datetime is not None:
        when = f'<time datetime="{_attr(entry.datetime.isoformat())}">{when}</time>'
    zone = f'<span class="zone">{_html(text(entry.stamp.zone))}</span>' if entry.stamp.zone else ""
    mark_html = f'<span class="mark" title="{_attr(meaning)}">{mark}</span>' if mark else ""
    body = []
    headline = text(entry.headline or "")
    if headline:
        body.append(f"<h3>{_html(headline)}</h3>")
    content = clean(entry.text).strip()
    if content:
        body.append(f"<p>{_html(content)}</p>")
    if not entry.visible:
        where = "in the page's structured data only" if entry.span == (0, 0) else "hidden by the page's CSS"
        body.append(f'<p class="note">({where})</p>')
    chips = [f'<li class="chip {"cited" if role is Role.CITED else "origin"}">{"↳ " if role is Role.CITED else ""}'
             f"{_html(name)}</li>" for name, role in _source_chips(entry)]
    if site is not None:
        chips.append(f'<li class="chip site">{_html(site)}</li>')
    if chips:
        body.append(f'<ul class="chips">{"".join(chips)}</ul>')
    summary = f"{meaning} ({fix.basis}) · confidence {fix.confidence:.2f}"
    if entry.datetime is not None:
        summary += f" · {entry.datetime.isoformat()}"
    evidence = "".join(f"<li>{_html(text(reason))}</li>" for reason in fix.evidence if text(reason))
    stamp = f"<li>stamp as printed: {_html(text(entry.stamp.text))}</li>"
    body.append(f'<details{" open" if explain else ""}><summary>{_html(summary)}</summary><ul>{stamp}{evidence}</ul></details>')
    return (f'<article class="{" ".join(classes)}"{attributes}><div class="when">{when}{mark_html}{zone}</div>'
            f'<div class="body">{"".join(body)}</div></article>')


def _source_chips(entry: Entry) -> list[tuple[str, Role]]:
    seen: dict[tuple[str, Role], None] = {}
    for source in entry.sources:
        name = text(source.canonical or source.name)
        if name:
            seen.setdefault((name, source.role), None)
    return list(seen)


def _source_names(entry: Entry) -> list[str]:
    return list(dict.fromkeys(name for name, _ in _source_chips(entry)))
