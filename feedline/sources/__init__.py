"""Who a feed entry attributes its information to.

`find_sources(headline, text, lang)` reads one entry and returns its `Source`s in order of
appearance, one per canonical name. It works on the string ``headline + "\\n" + text``
(or ``text`` alone), and every span points into that string.

How it works, in four passes over a bounded prefix of the entry:

1. *Masking*: photo credits ("(Name/Agency via Getty Images)"), "Photo: ..." lines and bylines
   ("By Jane Doe", "Reporting by ...") are blanked (same length, so offsets hold).
2. *Tokens*: words, abbreviations ("U.S.", "Dr."), possessives ("Army's") and parenthesised
   acronyms ("(ISW)") with a coarse class each: NAME (capitalised or caseless script), DET,
   CONN ("of", "der", "von"...), AND, ROLE (lowercase institution nouns: "government",
   "ministero"...), LOW (other lowercase), STOP (clause words, cue words), NUM, NON
   (capitalised non-names: pronouns, "Meanwhile").
3. *Cues*: speech verbs ("X said", "..., said X"), prepositions ("according to X",
   "laut X", "reported by X"), citing ("citing Y" gives role CITED), wire tags
   ("(Reuters)", "HOUSTON (KTRK) --"), a document's author ("a statement by X", "X's
   report"), headline forms ("Sunak: ...", "Doe to Acme Radio: ...", "Piotr Nowak o
   ...", "... – Doe: “...”", "... - Health Ministry", "... – reports", "...: Police"; a
   text with no headline, or under a section label such as "POLITICS", has its short
   first line read as one). A headline speaker the text's own sources do not name is a topic ("Israele:").
4. *Noun phrases*: a small state machine over tokens decides how far a name reaches
   (capitalised runs with connectors, a leading article, a trailing "(ACR)", lowercase
   modifiers after a possessive: "the Army's chief weapons buyer"), by the grammar of the
   entry's language, given or guessed from its function words.

The package's modules, in the order they may import one another: `words` (per-language
cue words, role nouns and the acronym table, as plain data), `atoms` (regexes),
`masking`, `cuewords` (the cue tables compiled), `tokens`, `names` (canonical names),
`phrases` (noun phrases), `unspaced` (Japanese cues), `headlines` and `cues` (the cue
forms), and `find`.

For speed, the text is read in chunks (runs between whitespace, which no token crosses):
each distinct chunk is tokenised once per language set and remembered, with where a cue
may start in it, so an entry costs a split and a set lookup per chunk. Tokens are made
only for an entry with a cue (or headline label), and then only those next to it. A cue's
regex is tried only where its first word starts (with just the cues that open with it),
and not when the next word cannot go on the cue ("a" needs "déclaré"). Regexes are
compiled on first use.
"""
from __future__ import annotations

from feedline.sources.find import MAX_CHARS, find_sources
from feedline.sources.names import canonical_name

__all__ = ["find_sources", "canonical_name", "MAX_CHARS"]
