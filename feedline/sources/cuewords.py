"""The cue tables compiled: one regex per language set (and first word), the words that
open a cue and those that must follow them, and the word sets the cue readers share."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, NamedTuple

import regex

from feedline import patcache
from feedline.sources.words import (
    ARTICLELESS, AUXILIARIES, CITING, CONNECTORS, INVERTED, PARTICIPLES, PATTERN_CUES, PERFECT_AUX,
    PREPOSITIONS, VERBS,
)
from feedline.sources.atoms import _CUE_RUN, _LEAD_RUN, _PATTERN_LEAD, _WORDCH

#: Where a cue may start in a token, where its first word ends, and that word casefolded
#: (None: any cue may start there).
_CueLead = tuple[int, int, "str | None"]
#: Where a cue may start in a chunk, its first word (as `_CueLead`), and the words one of
#: which must follow (`_followers`; None: no need).
_CueStart = tuple[int, "str | None", "frozenset[str] | None"]
_AUX_WORDS: frozenset[str] = frozenset(
    w for v in AUXILIARIES.values() for p in v for w in p.split())
_EN_AUX: frozenset[str] = frozenset(w for p in AUXILIARIES["en"] for w in p.split())
_TOLD = frozenset({"told", "tells"})
#: "Jane Doe spoke to Acme News": like "told", the outlet spoken to is a source too.
_SPOKE = frozenset({"spoke", "speaks"})
#: Verbs that take a charge or a deed, not words, as their object: "admitted a charge".
_PLEA_VERBS = frozenset({"admitted", "admits", "denied", "denies"})
#: Verbs whose object is told to act: right before "to" + verb they are passive ("Staff
#: urged to stay home"); their agent is someone else.
_OBJECT_VERBS = frozenset({"urged", "warned", "told"})
#: Verbs whose object is judged: right before "of", "for" or "over" they are passive ("Teen
#: accused of smuggling", "Actor slammed for remarks"); the judge is someone else.
_JUDGED_VERBS = frozenset({"accused", "slammed", "blasted", "criticised", "criticized", "praised",
                           "condemned"})
_MEDIA_NOUNS = frozenset("""
broadcaster newspaper agency radio channel tv station emittente agenzia quotidiano giornale
canale agencia emisora cadena periódico diario agence chaîne journal quotidien sender zeitung
news daily times herald tribune gazette telegraph mail
post rundschau presse-agentur nachrichtenagentur rundfunk
""".split())
#: Broadcasters that a number follows: "Channel 13", "Radio 1".
#: Prepositions before an outlet spoken to: "ha detto a Radio Acme", "said to Acme TV".
_DATIVES = frozenset("to a ad al alla allo ai agli alle à au aux ao".split())
_ELIDED_DATIVES = frozenset({"all'", "all’", "agl'", "agl’"})  # as _ELIDED_DATIVE matches
_NUMBERED_NOUNS = frozenset("channel radio tv canale canal kanal rete".split())
#: Verb cues of the languages without articles (Slavic), casefolded: their subject may be
#: an adjective and a noun that only the sentence's start delimits (`_sentence_subject`).
_ARTICLELESS_VERBS: frozenset[str] = frozenset(
    v.casefold() for lang in ARTICLELESS for v in VERBS.get(lang, ()) if " " not in v)
_CASELESS = regex.I | regex.V0  # simple case folding: one letter matches one letter


def _alt(phrases: Iterable[str]) -> str:
    uniq = sorted(set(phrases), key=lambda p: (-len(p), p))  # one order in every process
    return "|".join(r"\s{1,3}".join(regex.escape(w) for w in p.split()) for p in uniq)


@lru_cache(maxsize=32)
def _lang_keys(lang: str | None) -> tuple[str, ...]:
    """Cue languages to use: the entry's own plus English, or all when unknown."""
    base = (lang or "").split("-")[0].casefold()
    return tuple(dict.fromkeys((base, "en"))) if base in VERBS else tuple(VERBS)


@lru_cache(maxsize=None)  # finite: language sets x first words
def _cue_regex(keys: tuple[str, ...], lead: str | None = None) -> regex.Pattern[str]:
    """The cues of languages `keys` as one regex; with `lead` (a casefolded first word),
    only the cues that open with it: where such a word starts, no other cue can match.

    "has said": one or two auxiliaries, then a verb. That is ``(?:AUX ){0,2}VERB``, spelt
    ``AUX (?:AUX )?VERB|VERB`` (which matches alike) so that `lead` can pick the first
    auxiliary and the bare verbs: a regex of every verb is slow to fail.
    """
    def opens(phrase: str) -> bool:
        return lead is None or _lead_run(phrase) == lead

    def alt(phrases: Iterable[str]) -> str:
        return _alt(p for p in phrases if opens(p))

    verbs: list[str] = []
    for k in keys:
        aux, said = AUXILIARIES.get(k, ()), VERBS.get(k, ())
        if alt(aux):
            verbs.append(rf"(?:{alt(aux)})\s{{1,3}}(?:(?:{_alt(aux)})\s{{1,3}})?(?:{_alt(said)})")
        if alt(said):
            verbs.append(f"(?:{alt(said)})")
        if alt(PERFECT_AUX.get(k, ())):  # "a déclaré"
            verbs.append(rf"(?:{alt(PERFECT_AUX[k])})\s{{1,3}}(?:{_alt(PARTICIPLES[k])})")

    def group(kind: str, words: dict[str, tuple[str, ...]]) -> str:
        alts = [alt(p for k in keys for p in words.get(k, ()))]
        alts += [rx for k in keys for kd, rx in PATTERN_CUES.get(k, ())
                 if kd == kind and (lead is None or _pattern_lead(rx) == lead)]
        return f"(?P<{kind}>{'|'.join(a for a in alts if a) or '(?!)'})"

    alts = "|".join((group("cite", CITING), group("subj", INVERTED), group("prep", PREPOSITIONS),
                     f"(?P<verb>{'|'.join(verbs) or '(?!)'})"))
    return patcache.compile(rf"(?<!{_WORDCH}|['’\-])(?:{alts})(?!{_WORDCH}|-)", _CASELESS)


@lru_cache(maxsize=32)
def _cue_words(keys: tuple[str, ...]) -> frozenset[str]:
    """Single words of the verb cues: they end a name ("Bloomberg reported"). A connector
    inside a cue ("for" of "calls for") does not: "A spokesperson for Acme Police said"."""
    words = {w for k in keys for v in VERBS.get(k, ()) for w in v.split()}
    words |= {w for k in keys for v in PARTICIPLES.get(k, ()) for w in v.split()}
    return frozenset(w.casefold() for w in words if len(w) > 2) - CONNECTORS


class _Leads(NamedTuple):
    """The first words of a language set's cues, for finding where a cue may start.

    A word opens a cue only if it matches a first word caselessly, which for all but a few
    letters means that it casefolds to it. The few: a letter that `kin` matches but that
    casefolds to one not among `letters` ("İ" matches "i" in a regex, but casefolds to "i̇").
    """

    words: frozenset[str]  # casefolded: "according", "d" (of "d'après"), "has" ("has said")
    letters: frozenset[str]  # the letters of `words`
    kin: regex.Pattern[str]  # a letter that a regex matches to a first word's, caselessly


@lru_cache(maxsize=32)
def _cue_leads(keys: tuple[str, ...]) -> _Leads:
    tables = (VERBS, AUXILIARIES, PERFECT_AUX, PREPOSITIONS, INVERTED, CITING)
    leads = {_lead_run(p, fold=False) for t in tables for k in keys for p in t.get(k, ())}
    leads |= {_pattern_lead(rx, fold=False) for k in keys for _, rx in PATTERN_CUES.get(k, ())}
    words = frozenset(w.casefold() for w in leads)
    kin = patcache.compile(f"[{regex.escape(''.join(sorted(set(''.join(leads)))))}]", _CASELESS)
    return _Leads(words, frozenset("".join(words)), kin)


@lru_cache(maxsize=None)  # finite: the phrases of the tables above
def _lead_run(phrase: str, fold: bool = True) -> str:
    """The first word of a cue phrase ("d" of "d'après"), casefolded unless `fold` is False."""
    m = _LEAD_RUN.match(phrase)
    if not m:
        raise ValueError(f"a cue must open with a letter: {phrase!r}")
    return m.group().casefold() if fold else m.group()


@lru_cache(maxsize=None)
def _pattern_lead(rx: str, fold: bool = True) -> str:
    """The literal word a PATTERN_CUES regex opens with, after an optional lookbehind."""
    m = _PATTERN_LEAD.match(rx)
    if not m:
        raise ValueError(f"a pattern cue must open with a word and a space: {rx!r}")
    return m.group("word").casefold() if fold else m.group("word")


def _cue_offsets(word: str, keys: tuple[str, ...]) -> tuple[_CueLead, ...]:
    """Where in a token a cue may start, and the cue's first word (None: any cue may).

    A cue starts a run of word characters (not after an apostrophe or hyphen) that is,
    case aside, the first word of a cue: in a word token only its first run ("d" in
    "d'après"); in "U.S.", "unica.md" or "(AT&T)" possibly a later one.
    """
    leads = _cue_leads(keys)
    out: list[_CueLead] = []
    for m in _CUE_RUN.finditer(word):
        run = m.group()
        key = run.casefold()
        if key in leads.words:
            out.append((m.start(), m.end(), key))
        elif not run.isascii() and any(  # (no cue letter matches an ASCII letter oddly)
                leads.kin.match(ch) and not leads.letters.issuperset(ch.casefold()) for ch in run):
            out.append((m.start(), m.end(), None))  # see `_Leads`: try every cue
    return tuple(out)


@lru_cache(maxsize=None)  # finite: language sets x first words
def _followers(keys: tuple[str, ...], lead: str) -> frozenset[str] | None:
    """The words one of which must follow `lead`, after a space, for a cue that opens with
    it to match ("a" needs "déclaré", "is" needs "quoted"), lowercased and ASCII only (see
    `_may_follow`); None if a cue may end with `lead`, or go on other than after a space.

    This walks `_cue_regex(keys, lead)`'s alternatives: a phrase, then what may follow it.
    """
    def opens(phrase: str) -> bool:
        return _lead_run(phrase) == lead

    options: list[tuple[str, tuple[str, ...]]] = []
    for k in keys:
        aux = AUXILIARIES.get(k, ())
        options += [(a, aux + VERBS.get(k, ())) for a in aux if opens(a)]
        options += [(v, ()) for v in VERBS.get(k, ()) if opens(v)]
        options += [(a, PARTICIPLES[k]) for a in PERFECT_AUX.get(k, ()) if opens(a)]
        options += [(p, ()) for t in (CITING, INVERTED, PREPOSITIONS)
                    for p in t.get(k, ()) if opens(p)]
        if any(_pattern_lead(rx) == lead for _, rx in PATTERN_CUES.get(k, ())):
            return None  # a pattern may go on in any way
    words: set[str] = set()
    for phrase, then in options:
        first, *rest = phrase.split()
        if _lead_run(first, fold=False) != first:
            return None  # "d'après": no space after "d"
        nexts = rest[:1] or [p.split()[0] for p in then]
        if not nexts:
            return None  # "said": the cue may end here
        for word in nexts:
            run = _LEAD_RUN.match(word)
            if not run:
                return None
            words.add(run[0].lower())
    return frozenset(w for w in words if w.isascii())
