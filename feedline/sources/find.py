"""`find_sources`: mask, tokenize, collect the candidates of every cue form, drop headline
labels that name a topic, and keep one source per canonical name."""
from __future__ import annotations

from functools import lru_cache
from itertools import chain
from typing import Iterator

import regex

from feedline.model import Role, Source, Span
from feedline.patterns import lazy_regex
from feedline.sources.words import NOT_SOURCES
from feedline.sources.atoms import _NAME_WORD, _WORDCH, _WS
from feedline.sources.cuewords import _lang_keys
from feedline.sources.masking import _mask
from feedline.sources.tokens import _Cand, _Ctx
from feedline.sources.names import (
    _ACRONYMS_CI, _bare_name, _expand, _outlet, _text_acronyms, canonical_name,
)
from feedline.sources.cues import _cue_cands, _wire_cands
from feedline.sources.headlines import _drop_covered_labels, _headline_cands
from feedline.sources.unspaced import _unspaced_cands

#: Only this many characters of an entry (headline + text) are examined.
MAX_CHARS = 5000
#: Longest first line of a text with no headline that is read as its headline.
MAX_TITLE_LINE = 160


def find_sources(headline: str | None, text: str, lang: str | None = None) -> tuple[Source, ...]:
    """The sources an entry attributes its information to, in order of appearance.

    Spans index ``headline + "\\n" + text`` when there is a headline, else ``text``. Only
    the first `MAX_CHARS` characters are read.
    """
    try:
        if len(text or "") + len(headline or "") <= MAX_CACHED:
            return _cached_sources(headline, text, lang)
        return _sources(headline, text, lang)
    except TimeoutError:  # a regex ran out of time (not cached: lru_cache keeps no exception)
        return ()


#: Entries up to this length (headline + text) are remembered, the last `CACHED_ENTRIES` of
#: them: a feed's snapshots show the same entries again and again (`ingest`, `watch`, a crawl).
#: At most about 2,048 x 4,000 characters are kept (8 MB of ASCII text, 33 MB at worst);
#: 99.9% of the corpus's entries are shorter (median 114 characters).
MAX_CACHED = 4_000
CACHED_ENTRIES = 2048


def _sources(headline: str | None, text: str, lang: str | None) -> tuple[Source, ...]:
    full = f"{headline}\n{text or ''}" if headline else (text or "")
    work = _mask(full[:MAX_CHARS])
    keys = _lang_keys(lang)
    head = (0, min(len(headline), MAX_CHARS)) if headline and not _section_label(headline) else (
        _head_span(headline, work))
    ctx = _Ctx(work, keys, lang, head)
    cands = list(_collect(ctx, keys))
    if not cands:
        return ()
    acronyms = _text_acronyms(ctx)
    cands = _drop_topic_labels(ctx, cands, acronyms)
    return _dedupe(full, cands, acronyms)


_cached_sources = lru_cache(maxsize=CACHED_ENTRIES)(_sources)


def clear_cache() -> None:
    """Forget the remembered entries (a benchmark times each page as if it were the first)."""
    _cached_sources.cache_clear()


def _drop_topic_labels(ctx: _Ctx, cands: list[_Cand], acronyms: dict[str, str]) -> list[_Cand]:
    """'Israele: ...' over a text whose sources are others ("l'esercito israeliano ha
    riferito"): the headline's label names a topic or place, not who speaks.

    A headline speaker stays when the text names no source but outlets and whom they cite
    ("..., Reuters reported, citing ...": they report the speaker), or one sharing a word
    with it, or when it is an acronym that the text spells out ("OMS: ..." over "el director
    general de la Organización Mundial de la Salud (OMS), Jane Doe, declaró")."""
    cands = _drop_covered_labels(ctx, cands)
    if not any(c.cue in _SPEAKER_CUES for c in cands):
        return cands
    names = (ctx.text[c.start:c.end] for c in cands
             if c.start >= ctx.head_end and c.role == Role.ORIGIN)
    said = set(chain.from_iterable(_name_words(n) for n in names if not _outlet(n)))
    if not said:
        return cands
    return [c for c in cands if c.cue not in _SPEAKER_CUES
            or not said.isdisjoint(_name_words(ctx.text[c.start:c.end]))
            or ctx.text[c.start:c.end].strip().casefold() in acronyms]


_SPEAKER_CUES = frozenset({":", "—"})  # the cues of `_headline_cands`' speaker forms


def _name_words(name: str) -> set[str]:
    """The words of a name and of its canonical name, an acronym in any case expanded
    ("Oms": "organizzazione", "mondiale"...), but the shortest."""
    bare = _bare_name(name)
    text = f"{bare} {_expand(bare, {})} {_ACRONYMS_CI.get(bare.casefold(), '')}".casefold()
    return {w for w in _NAME_WORD.findall(text) if len(w) > 2}


def _head_span(headline: str | None, work: str) -> tuple[int, int]:
    """Where in `work` the headline is: the headline itself, or the text's first line when
    there is no headline or it is a section label ("POLITICS", "KEY EVENT")."""
    if not headline:
        return 0, _title_line_end(work)
    end = min(len(headline), MAX_CHARS)
    if not _section_label(headline):
        return 0, end
    start = min(end + 1, len(work))
    return start, start + _title_line_end(work[start:])


def _section_label(headline: str) -> bool:
    """A headline of one to three words in capitals, without a colon: a section's name; or
    a gallery's count ("50 photos", "12 Bilder"): the title is the line after it. A headline
    with letters of a script without case is none ("アクメがSIMを発表": `str.isupper` looks
    at the capitals "SIM" alone)."""
    return (headline.isupper() and len(headline.split()) <= 3 and ":" not in headline
            and all(ch.isupper() or not ch.isalpha() for ch in headline)) or bool(
        _MEDIA_COUNT.match(headline))


#: A gallery's or playlist's count printed where a card's title would be: "50 photos".
_MEDIA_COUNT = lazy_regex(
    r"\s*\d{1,4}\s+(?:photos?|pictures|images|videos?|fotos?|bilder|immagini|zdjęć|zdjęcia)\s*$",
    regex.I)


def _title_line_end(text: str) -> int:
    """Where a text with no headline ends its first line, if that line reads as a title
    (a ticker item "Speaker: statement"): short, and followed by more or by nothing."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    return end if end <= MAX_TITLE_LINE else 0


def _collect(ctx: _Ctx, keys: tuple[str, ...]) -> Iterator[_Cand]:
    if ctx.head_end > ctx.head_start:
        yield from _headline_cands(ctx)
    yield from _wire_cands(ctx)
    yield from _cue_cands(ctx, keys)
    yield from _unspaced_cands(ctx)


_QUOTE_PAIRS = {'"': '"', "«": "»", "„": "“", "“": "”"}


def _closed_quote(full: str, start: int, end: int) -> str:
    """The name at [start, end), with the closing mark of a quote it opens ("Agentur "Acme")."""
    name = full[start:end]
    opened = [q for q in _QUOTE_PAIRS if q in name]
    if opened:
        closing = _QUOTE_PAIRS[opened[-1]]
        if name.count(closing) < name.count(opened[-1]) or (closing == opened[-1] and name.count(closing) % 2):
            tail = full[end:end + 2]
            at = tail.find(closing)
            if at >= 0 and not tail[:at].strip():
                return full[start:end + at + 1]
    return name


#: Titles before a surname that refers back to a person named in full ("Mr Doe").
HONORIFICS: frozenset[str] = frozenset({"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.",
                                        "dr."})


def _named_before(key: str, seen: set[str], article: bool = False) -> bool:
    """'mr doe' after 'jane doe', 'die Armee' after 'Israels Armee' (casefolded canonical
    names; `article`: the name opened with one, now dropped): a title and a surname, or an
    article and the last word of a name seen before, refer back to it."""
    words = key.split()
    if len(words) == 1:
        return article and any(len(k.split()) > 1 and k.split()[-1] == key for k in seen)
    return (len(words) == 2 and words[0] in HONORIFICS
            and any(k.split()[-1] == words[1] for k in seen))


def _full_mention(full: str, pos: int, name: str) -> tuple[int, str] | None:
    """'Dr Doe' (a title and a surname) at `pos`, after 'Dr Jane Doe' earlier in the entry,
    mentioned or not as a source: where that fuller name starts, and it."""
    words = name.split()
    if len(words) != 2 or words[0].casefold() not in HONORIFICS or words[0] not in full[:pos]:
        return None
    title, surname = (regex.escape(w) for w in words)
    m = regex.search(rf"(?<!{_WORDCH}){title}[ \t]+(?:\p{{Lu}}[\p{{Ll}}'’\-]+[ \t]+){{1,2}}"
                     rf"{surname}(?!{_WORDCH})", full, endpos=pos)
    return (m.start(), m.group()) if m else None


def _dedupe(full: str, cands: list[_Cand], acronyms: dict[str, str]) -> tuple[Source, ...]:
    """Order by position; keep one source per canonical name and drop nested spans."""
    out: list[Source] = []
    seen: set[str] = set()
    taken: list[Span] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if any(a <= c.start and c.end <= b for a, b in taken):
            continue
        name = _closed_quote(full, c.start, c.end)
        start = c.start
        named = _full_mention(full, c.start, name)
        if named:  # "Dr Doe wrote" after "Dr Jane Doe outlined": the name in full
            start, name = named
        canon = canonical_name(name, acronyms)
        key = canon.casefold()
        article = len(name.split()) == 2 and len(canon.split()) == 1  # "die Armee": "Armee"
        if not canon or key in seen or key in NOT_SOURCES or _named_before(key, seen, article):
            continue
        seen.add(key)
        taken.append((c.start, c.end))
        out.append(Source(name, canon, c.role, _WS.sub(" ", c.cue.strip()), (start, start + len(name))))
    return tuple(out)
