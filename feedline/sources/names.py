"""Canonical names (article, possessive and "(ACR)" dropped, acronyms expanded), and the
test for a name that is an outlet."""
from __future__ import annotations

from functools import lru_cache
import unicodedata

from feedline.sources.words import ACRONYMS, MEDIA
from feedline.sources.atoms import _LEAD_ARTICLE, _TRAIL_ACR, _TRAIL_POSS, _WS
from feedline.sources.cuewords import _MEDIA_NOUNS
from feedline.sources.tokens import NAME, _Ctx

#: Longest name `canonical_name` reads.
MAX_NAME_CHARS = 300


def canonical_name(name: str, acronyms: dict[str, str] | None = None) -> str:
    """A name for grouping: no leading article, no trailing possessive, acronyms expanded.

    `acronyms` maps casefolded acronyms to full names found in the entry itself.

    >>> canonical_name("the Associated Press"), canonical_name("AP")
    ('Associated Press', 'Associated Press')
    """
    return _expand(_bare_name(name), acronyms or {})


@lru_cache(maxsize=4096)  # names repeat across a page's entries
def _bare_name(name: str) -> str:
    """`canonical_name` before acronyms are expanded."""
    s = _WS.sub(" ", unicodedata.normalize("NFKC", name[:MAX_NAME_CHARS]))
    s = s.strip(" \t.,;:\"'“”«»„")
    m = _TRAIL_ACR.match(s)
    if m and _looks_acronym(m.group("acr")):
        s = m.group("full")
    s = _LEAD_ARTICLE.sub("", s) or s
    return _TRAIL_POSS.sub("", s) if len(s) > 3 else s


def _expand(s: str, local: dict[str, str]) -> str:
    """'AP' -> 'Associated Press'; 'associated press' -> 'Associated Press'."""
    key = s.casefold()
    if key in local:
        return local[key]
    # Case-insensitively only when written in capitals: "Who said…" is no World Health Organization.
    if s in ACRONYMS or (len(s) > 2 and s.isupper() and key in _ACRONYMS_CI):
        return ACRONYMS.get(s) or _ACRONYMS_CI[key]
    return _FULL_NAMES.get(key, s)


_ACRONYMS_CI: dict[str, str] = {k.casefold(): v for k, v in ACRONYMS.items()}
_FULL_NAMES: dict[str, str] = {v.casefold(): v for v in ACRONYMS.values()}


def _looks_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return 2 <= len(letters) <= 10 and s[0].isupper() and " " not in s


def _text_acronyms(ctx: _Ctx) -> dict[str, str]:
    """'Full Name (ACR)' pairs printed in the entry: acr -> canonical full name."""
    out: dict[str, str] = {}
    if "(" not in ctx.text:
        return out  # an "(ACR)" token opens with a bracket
    toks = ctx.toks
    for k in toks.acronyms():
        letters = "".join(c for c in toks[k].text if c.isalpha()).casefold()
        for s in range(k - 1, max(-1, k - 9), -1):
            initials = "".join(toks[x].text[0] for x in range(s, k) if toks[x].kind == NAME)
            if toks[s].kind == NAME and initials.casefold() == letters:
                out[letters] = canonical_name(ctx.text[toks[s].start:toks[k - 1].end])
                break
    return out


def _outlet(name: str) -> bool:
    """A wire service or broadcaster by name ("Reuters"), or one with a media noun."""
    words = _bare_name(name).casefold().split()
    return " ".join(words) in MEDIA or any(w in MEDIA or w in _MEDIA_NOUNS for w in words)
