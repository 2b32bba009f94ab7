"""Sources named around a cue in running text: the subject of a report verb (before it, or
after it when inverted), the object of "according to", "citing" and the like, and
wire tags such as "(Reuters)"."""
from __future__ import annotations

from itertools import chain, compress, count, islice
from typing import Iterator

import regex

from feedline import lexicon
from feedline.model import Role, Span
from feedline.patterns import lazy_regex
from feedline.sources.words import (
    AND_WORDS, CLAUSE_WORDS, CONNECTORS, DETERMINERS, EN_PLURAL_VERBS, GERMAN_PREPOSITIONS,
    LABELS, MEDIA, MODALS, NON_NAMES, QUESTION_OPENERS, RELATIVES, REPORT_NOUNS, V2_ADVERBS,
    VERB_STEMS, VERBS, _BY_WORDS,
)
from feedline.sources.atoms import (
    REGEX_TIMEOUT, _DECLINED, _ELIDED_DATIVE, _JUDGED_FOR, _PLEA_OBJECT, _POST_SIGNATURE, _QUOTE_TAG,
    _DATELINE, _REPORTS_FROM, _TAG_NAME, _TO_VERB, _WIRE, _has_any,
)
from feedline.sources.cuewords import (
    _ARTICLELESS_VERBS, _AUX_WORDS, _DATIVES, _ELIDED_DATIVES, _EN_AUX, _JUDGED_VERBS, _MEDIA_NOUNS,
    _OBJECT_VERBS, _PLEA_VERBS, _SPOKE, _TOLD, _cue_regex,
)
from feedline.sources.tokens import ACR, DET, LOW, NAME, ROLE, _Cand, _Chunk, _Ctx, _blank, _caseless
from feedline.sources.names import _outlet
from feedline.sources.phrases import (
    AFTER_LINKS, _NO_LINKS, MAX_NP_TOKENS, _SENTENCE_ENDS, _apposition, _aside, _back_np, _document_subject, _fwd_np,
    _named_holder, _opens_clause, _relative, _sentence_start, _sentence_subject, _split_and, _valid,
)

#: Longest name in a caseless script (Arabic...) before a verb, in tokens.
MAX_CASELESS_NAME = 4


def _may_follow(chunk: _Chunk | None, words: frozenset[str]) -> bool:
    """A chunk may follow a cue's first word that needs one of `words` (`_followers`).

    If its first word is ASCII, a regex matches it to one of `words` caselessly only if it
    lowercases to it: no letter of the cues matches an ASCII letter but its two cases.
    """
    return chunk is not None and (chunk.head is None or chunk.head in words)


def _cue_matches(ctx: _Ctx, keys: tuple[str, ...]) -> Iterator[regex.Match[str]]:
    """`_cue_regex(keys).finditer(ctx.text)`, tried only where a cue may start.

    Those places are found chunk by chunk (see `_Chunk.cues`), with a look at the next
    chunk when the cue needs a word there (`_followers`). An entry with no chunk in which
    a cue may start is done with in one set comparison.
    """
    lex, parts = ctx.lex, ctx.parts
    if lex.cued.isdisjoint(parts):
        return
    starts = []  # (chunk index, offset in it, first word): where the chunks allow a cue
    nexts = chain(islice(parts, 1, None), ("",))
    for i, part, after in compress(zip(count(), parts, nexts), map(lex.cued.__contains__, parts)):
        starts += [(i, offset, lead) for offset, lead, follow in lex.chunks[part].cues
                   if follow is None or _may_follow(lex.chunks.get(after), follow)]
    end = 0
    for i, offset, lead in starts:
        pos = ctx.part_starts[i] + offset  # made only now, if ever: they take a pass
        if pos >= end:
            m = _cue_regex(keys, lead).match(ctx.text, pos)  # one position: no timeout needed
            if m:
                end = m.end()
                yield m


def _cue_cands(ctx: _Ctx, keys: tuple[str, ...]) -> Iterator[_Cand]:
    for m in _cue_matches(ctx, keys):
        if m.group("verb"):
            yield from _verb_cands(ctx, m)
        else:
            yield from _prep_cands(ctx, m)
    yield from _quote_tag_cands(ctx)
    yield from _possessor_cands(ctx)


#: A document named after its author's possessive: "Acme Institute's new report", "Jane
#: Doe's findings" (at most two lowercase words between; not "study", which may be a work
#: of art: "the director's epic study in …").
_POSSESSED_DOCUMENT = lazy_regex(
    r"(?<=\p{Lu}[\p{L}\-]{0,40})['’]s(?P<doc>(?:[ \t]+\p{Ll}[\p{Ll}\-]{1,20}){0,2}?[ \t]+"
    r"(?:report|analysis|survey|poll|statement|findings|research))\b")


def _possessor_cands(ctx: _Ctx) -> Iterator[_Cand]:
    """'Jane Doe's match report', 'Acme Institute's analysis showed': the author of a document,
    a name of capitalised words (two or more, or an acronym) that opens its clause; not "its
    own report" nor "the company's report", whose owner is named elsewhere."""
    if not _has_any(ctx.text, _APOSTROPHES_S):
        return
    for m in _POSSESSED_DOCUMENT.finditer(ctx.text, timeout=REGEX_TIMEOUT):
        if " own " in m.group("doc"):
            continue
        found = _back_np(ctx, m.end() - len(m.group("doc")))
        if not found:
            continue
        toks = ctx.toks.between(*found)
        names = [t for t in toks if t.kind in (NAME, ACR)]
        if any(t.kind not in (NAME, ACR, DET) for t in toks):
            continue  # "Much of Jim's analysis": a quantity of it, no author
        if len(names) >= 2 or (len(names) == 1 and names[0].text.rstrip("'’s").isupper()):
            yield _Cand(ctx.toks[found[0]].start, m.start(), m.group().strip(), Role.ORIGIN)


_APOSTROPHES_S = ("'s ", "’s ")


#: Words that open no speech tag after a quotation: articles, connectors, clause words,
#: pronouns and others that a name may follow there ('", als Mr. Doe', '", including Acme').
_UNTAGGING = frozenset(
    DETERMINERS | CONNECTORS | CLAUSE_WORDS | NON_NAMES | AND_WORDS | RELATIVES | _AUX_WORDS
    | frozenset("also including accessed died born aged kurz etwa alias što sich".split()))


def _quote_tag_cands(ctx: _Ctx) -> Iterator[_Cand]:
    """'"…", lacht Kerstin Doe.', '"…," recalls Abdul Doe, the …': the speaker named after a
    quotation's closing mark and one lowercase word, a verb of speech in any language. The
    name ends its clause, and is a valid one (no weekday, month or pronoun)."""
    if not _has_any(ctx.text, _QUOTE_MARKS):
        return
    for m in _QUOTE_TAG.finditer(ctx.text, timeout=REGEX_TIMEOUT):
        if m.group("verb") in _UNTAGGING:
            continue
        s, e = ctx.index_at(m.start("name")), ctx.index_at(m.end("name"))
        if e <= s or ctx.toks[e - 1].end != m.end("name"):
            continue  # "Dr." of '", fügte Dr. Jane Doe hinzu': a title, the name goes on
        if all(ctx.toks[k].kind == NAME for k in range(s, e)) and _valid(ctx, s, e):
            yield _Cand(m.start("name"), m.end("name"), m.group("verb"), Role.ORIGIN)


_QUOTE_MARKS = ("\"", "»", "”", "“")


#: A day named between a subject and its verb: "am Dienstag", "on Monday", "gestern", "ieri".
_TIME_PHRASE = lazy_regex(
    r"(?:\b(?P<pre>am|on|last|this)\s)?(?P<day>\p{L}{3,16})[ \t]*\Z", regex.IGNORECASE)
_DAY_WORDS = frozenset(lexicon.HAND_DAY_WORDS) | {"tonight", "vorgestern"}
#: Spans named only after "last" or "this": "Acme last week said" (taipeitimes.com,
#: miamitodaynews.com, philstar.com).
_SPAN_WORDS = frozenset({"week", "month", "year", "weekend", "night"})
# Full weekday names (abbreviations such as "di" or "mo" would begin too many words); a
# prefix, so that "Dienstagabend" counts.
_WEEKDAY_STEMS = tuple(form for days in lexicon.WEEKDAYS.values() for forms in days for form in forms
                       if len(form) >= 5)


def _time_phrase_before(text: str, pos: int) -> int | None:
    """Where a day phrase ending right before `pos` starts ("am Dienstag", "on Monday",
    "gestern", "last week"): the subject may end before it. None when there is none."""
    m = _TIME_PHRASE.search(text, max(0, pos - 24), pos)
    if m is None or m.start() == 0:
        return None
    day = m.group("day").casefold()
    if day in _DAY_WORDS or day.startswith(_WEEKDAY_STEMS):
        return m.start()
    if day in _SPAN_WORDS and (m.group("pre") or "").casefold() in ("last", "this"):
        return m.start()
    return None


#: Negations and object pronouns that stand between a subject and its verb, by language:
#: "Juan Pérez le dijo", "el Gobierno lo calificó", "Luis León no cree", "il ministro non ha
#: detto", "Jan Nowak nie powiedział". At most `MAX_PARTICLES` of them. Not the reflexive
#: "se", "si", "się": "se informó", "se transmite" are impersonal or passive.
PARTICLES: dict[str, frozenset[str]] = {
    "es": frozenset("no le les lo la los las me nos".split()),
    "it": frozenset("non gli le lo la li ci ne mi".split()),
    "fr": frozenset("ne lui leur le la les".split()),
    "pt": frozenset("não lhe lhes o a os as nos".split()),
    "ro": frozenset("nu le îi i-a".split()),
    "pl": frozenset("nie".split()),
    "cs": frozenset("ne".split()),
    "uk": frozenset("не".split()),
    "ru": frozenset("не".split()),
}
MAX_PARTICLES = 2
_ANY_PARTICLE: frozenset[str] = frozenset().union(*PARTICLES.values())


def _particles_before(ctx: _Ctx, pos: int) -> int | None:
    """Where one or two `PARTICLES` of the entry's language (any, if unknown) right before
    `pos` start, so the subject may end before them; None when there are none."""
    words = PARTICLES.get(ctx.grammar, _ANY_PARTICLE if not ctx.grammar else frozenset())
    if not words:
        return None
    k = e = ctx.index_at(pos)
    while k > 0 and e - k < MAX_PARTICLES and ctx.toks[k - 1].text.casefold() in words and (
            _blank(ctx.text[ctx.toks[k - 1].end:ctx.toks[k].start if k < len(ctx.toks) else pos])):
        k -= 1
    return ctx.toks[k].start if k < e else None


#: An English adverb in "-ly" (after an auxiliary or not) between a subject and its verb:
#: "Jane Doe has repeatedly denied", "Acme Corp publicly announced" (9news.com.au,
#: timesofindia.indiatimes.com, zimeye.net, sott.net, nymag.com in ../shared/pool).
_LY_ADVERB = lazy_regex(
    r"(?<![\p{L}'’\-])(?:(?:has|have|had|also)[ \t]+)?(?P<adverb>\p{Ll}{3,}ly)[ \t]+\Z")
#: Words in "-ly" that are no adverbs: a noun or adjective may end a subject ("the Acme family").
NOT_LY_ADVERBS: frozenset[str] = frozenset("""
family assembly supply anomaly monopoly butterfly rally reply ally daily weekly monthly yearly
quarterly early only holy ugly friendly elderly lovely lonely deadly silly jelly belly bully
""".split())


def _adverb_before(ctx: _Ctx, pos: int, cue: str) -> int | None:
    """Where an English "-ly" adverb right before `pos` starts, with an auxiliary before it
    ("has repeatedly"), so the subject may end before it; None when there is none. Only in an
    entry read as English or as no language known, and before a past form, as running text
    reports (a headline's present "Acme gently warns Beta" reports an act, whose source the
    text may name: "a White House readout")."""
    if ctx.grammar not in ("", "en") or not (cue.endswith("ed") or cue in _IRREGULAR_PAST):
        return None
    m = _LY_ADVERB.search(ctx.text, max(0, pos - 40), pos)
    if m is None or m.group("adverb") in NOT_LY_ADVERBS:
        return None
    return m.start()


_EN_PLURALS = frozenset(EN_PLURAL_VERBS)


def _infinitive_subject(ctx: _Ctx, found: tuple[int, int]) -> bool:
    """The phrase before a plural form ends in a modal (`MODALS`) or opens with a question word
    (`QUESTION_OPENERS`), capitalised in a Title Cased headline: the form is an infinitive."""
    s, e = found
    return (ctx.toks[e - 1].text.casefold() in MODALS
            or ctx.toks[s].text.casefold() in QUESTION_OPENERS)


#: English report verbs whose past form does not end in "-ed".
_IRREGULAR_PAST = frozenset({"said", "told", "wrote"})


def _adverb_subject(ctx: _Ctx, adverb: int) -> tuple[int, int] | None:
    """The subject that ends before an adverb at `adverb`, if a name, an acronym or an
    article opens it: "Jane Doe has repeatedly denied", not a relative clause's object and
    subject ("whose golfing Jane Doe frequently criticized")."""
    found = _back_np(ctx, adverb)
    return found if found and ctx.toks[found[0]].kind in (NAME, ACR, DET) else None


def _verb_cands(ctx: _Ctx, m: regex.Match[str]) -> Iterator[_Cand]:
    """'X said', 'X has warned', '"...," said X', 'X told Reuters'."""
    cue = m.group("verb")
    words = cue.casefold().split()
    told = words[-1] in _TOLD or words[0] in _SPOKE  # its object may be an outlet
    if cue[0].isupper() and not (ctx.head_start <= m.start() < ctx.head_end and ctx.title_head):
        return  # "Related Reports": a capitalised verb counts only in a Title Cased headline
    if words[0] == "states" and ctx.text[max(0, m.start() - 7):m.start()].rstrip() == "United":
        return  # "the United States": a name, no verb
    if words[-1] == "reports" and _REPORTS_FROM.match(ctx.text, m.end()):
        return  # "Jane Doe reports from Brussels": a correspondent's byline
    if words[-1] in _PLEA_VERBS and _PLEA_OBJECT.match(ctx.text, m.end()):
        return  # "Jane Doe, 43, admitted a charge of ...", "denied stealing": a plea
    if words[-1] in _OBJECT_VERBS and _TO_VERB.match(ctx.text, m.end()):
        return  # "Staff urged to stay home": a passive, the subject is told, not telling
    if words[-1] in _JUDGED_VERBS and _JUDGED_FOR.match(ctx.text, m.end()):
        return  # "Teen accused of smuggling": a passive, the subject is judged, not judging
    if words[-1] == "suggested" and _SUGGESTED_BY.match(ctx.text, m.end()):
        return  # "Books suggested by Jane Doe", "was suggested to play": a passive participle
    if _DECLINED.match(ctx.text, m.end()):
        return  # "Die Gruppe äußerte sich zunächst nicht": declined to comment
    if _headline_participle(ctx, m, words):
        return  # "Hohe Bedeutung von Netzwerken bestätigt", "Die Handlung erklärt": a passive
    if _infinitive_label(ctx, m, words):
        return  # "Tippfehler melden", "Vertrag kündigen": a link's label
    tag = _indefinite_tag(ctx, m) if cue in _EN_VERBS else None
    if tag:  # "…, a researcher says."
        yield _Cand(*ctx.span(*tag), cue, Role.ORIGIN)
        return
    found = _back_np(ctx, m.start()) or _apposition(ctx, m.start()) or _relative(ctx, m.start())
    if not found:  # "wie die Zeitung Acme am Dienstag berichtete", "the ministry on Monday said"
        when = _time_phrase_before(ctx.text, m.start())
        found = _back_np(ctx, when) if when is not None else None
    if not found and (bare := _adverb_before(ctx, m.start(), cue)) is not None:
        found = _adverb_subject(ctx, bare)  # "Jane Doe has repeatedly denied"
    if not found and (bare := _particles_before(ctx, m.start())) is not None:
        # "Juan Pérez le dijo", "El presidente de Acme, Luis León, no cree"
        found = _back_np(ctx, bare) or _apposition(ctx, bare) or _relative(ctx, bare)
    if not found and cue in _SAY:  # "TouchPad buyers say", "GOP voters said"
        found = _agent_subject(ctx, m.start())
    if found and words[-1] in _EN_PLURALS and _infinitive_subject(ctx, found):
        found = None  # "Acme Will Announce …", "Why Experts Warn …": no plural subject's verb
    if found and found[1] - found[0] > MAX_CASELESS_NAME and _caseless(ctx.toks[found[0]].text[0]):
        found = None  # no capitals to end it: more words are a clause, not a name
    if not found and words[-1] in _ARTICLELESS_VERBS:  # "Американський сенатор звинуватив"
        found = _sentence_subject(ctx, m.start())
    document = None if found else _document_subject(ctx, m.start())
    if document:  # "..., study says", "A new report warns": a document, no name
        yield _Cand(*ctx.span(*document), cue, Role.ORIGIN)
        return
    if not found and words[0] not in _EN_AUX and _inverted(ctx.text, m.start()):
        found, after = _aside_or_after(ctx, m, told)
        if not found and not after and cue in _EN_VERBS and not _fwd_np(ctx, m.end(), loose=False):
            found = _headline_opener(ctx, m.start())  # "Acme sues Beta, says …"
        if not found and not after and (bare := _bare_noun_tag(ctx, m)):
            after = [_Cand(*bare, cue, Role.ORIGIN)]  # "…, diz jornal"
        if not found:
            if cue[0].isupper():  # in a Title Cased headline (see above)
                after = [c for c in after if _ends_headline(ctx, c.end)]
            yield from after
            return
    if not found and ctx.grammar == "de" and _fronted(ctx.text, m.start()):
        # a name, not an article and a noun that refers back ("spricht die Autorin")
        yield from (c for c in _subject_after(ctx, m.end(), cue, loose=False)
                    if len(ctx.text[c.start:c.end].split()) - _has_article(ctx, c.start) >= 2)
        return
    if found:
        for s, e in _split_and(ctx, *found):
            yield _Cand(*ctx.span(s, e), cue, Role.ORIGIN)
        holder = _named_holder(ctx, found[0])
        if holder:
            yield _Cand(*ctx.span(*holder), cue, Role.ORIGIN)
        if told:
            yield from _told_object(ctx, m)
    told = _dative_outlet(ctx, m.end())
    if told:
        yield _Cand(*told, cue, Role.ORIGIN)


#: After a comma and an inverted verb, one or two lowercase words that end their line or
#: sentence: a noun with no article, and an adjective perhaps ("…, diz jornal espanhol").
_BARE_TAG = lazy_regex(
    r"[ \t\u00a0]+(?P<noun>\p{Ll}{3,20}(?:[ \t\u00a0]\p{Ll}{3,20})?)[ \t]*(?=\n|\Z|[.!?](?:\s|\Z))")
#: Words that open no bare noun tag: clause words ("…, diz que …"), articles, connectors,
#: pronouns and particles.
_NO_BARE_TAG = CLAUSE_WORDS | DETERMINERS | CONNECTORS | NON_NAMES | _ANY_PARTICLE


def _bare_noun_tag(ctx: _Ctx, m: regex.Match[str]) -> tuple[int, int] | None:
    """'Acme pode deixar o clube, diz jornal', '…, afirma promotor', '…, diz delegado': after a
    comma, an inverted verb and a noun with no article (an adjective perhaps after it) that
    end the line or sentence, as headlines in Portuguese print their source (uol.com.br,
    g1.globo.com, correio24horas.com.br in ../shared/pool)."""
    if ctx.text[max(0, m.start() - 3):m.start()].rstrip(" \t\u00a0")[-1:] != ",":
        return None
    tag = _BARE_TAG.match(ctx.text, m.end())
    if tag is None or tag.group("noun").split()[0] in _NO_BARE_TAG:
        return None
    return tag.span("noun")


def _aside_or_after(ctx: _Ctx, m: regex.Match[str], told: bool
                    ) -> tuple[tuple[int, int] | None, list[_Cand]]:
    """After a comma, the verb's subject follows it ('"...", said X', ', ha riferito X') or
    stands before an aside ('Jane Doe, 45, said'): the subject after it first, but for
    "told", whose object follows it ('Jane Doe, 45, told Acme Radio')."""
    if told and (found := _aside(ctx, m.start())):
        return found, []
    after = list(_subject_after(ctx, m.end(), m.group("verb"), loose=False))
    return (None if after or told else _aside(ctx, m.start())), after


#: "suggested by", "suggested to": a passive participle, its agent after "by" if any.
_SUGGESTED_BY = lazy_regex(r"[ \t]{1,3}(?:by|to)\b")
#: English verb cues, lowercase: a headline's ", says" may share its opener's subject.
_EN_VERBS = frozenset(VERBS["en"])
#: "…, an official said.": a comma, an indefinite article and one role noun, right before
#: the verb (which ends its sentence: `_SENTENCE_END`); a headline drops the article ("…,
#: official says").
_INDEFINITE_ROLE = lazy_regex(
    r",[ \t]+(?P<name>(?P<article>(?:a|an)[ \t]+)?\p{Ll}{3,20})[ \t]+\Z")
_SENTENCE_END = lazy_regex(r"[ \t]*(?:[.!?]|\n|\Z)")


#: An English plural agent noun: "voters", "observers", "activists", "planners", "residents".
_AGENT_PLURAL = lazy_regex(r"\p{Ll}{2,}(?:ers|ors|ists|ants|ents)")
#: The verbs the pool prints after a name and an agent noun ("GOP voters say").
_SAY = frozenset({"say", "says", "said"})
#: Capitalised words at most before an agent noun that a name qualifies.
MAX_AGENT_NAMES = 3


def _agent_subject(ctx: _Ctx, cue_start: int) -> tuple[int, int] | None:
    """'TouchPad buyers say', 'Middle East observers say', 'GOP voters said': one to
    `MAX_AGENT_NAMES` capitalised words and a plural agent noun (-ers, -ors, -ists, -ants,
    -ents) that no role list holds, opening their clause right before "say", "says" or
    "said" (polygraph.info, restofworld.org, thehill.com, asiapacificstar.com)."""
    e = ctx.index_at(cue_start)
    if e < 2 or not _blank(ctx.text[ctx.toks[e - 1].end:cue_start]):
        return None
    k = e - 1
    if ctx.toks[k].kind != LOW or not _AGENT_PLURAL.fullmatch(ctx.toks[k].text):
        return None
    s = k
    while s > 0 and k - s < MAX_AGENT_NAMES and ctx.joined(s) and ctx.toks[s - 1].kind in (NAME, ACR):
        s -= 1
    if s == k or not (_sentence_start(ctx, s) or _opens_clause(ctx, s)):
        return None
    return (s, e) if _valid(ctx, s, e) else None


def _indefinite_tag(ctx: _Ctx, m: regex.Match[str]) -> tuple[int, int] | None:
    """'…, a researcher says.', '…, an official said.': an unnamed role tagged after the
    statement, who is its only originator (cbsnews.com, eastbaytimes.com, japantimes.co.jp);
    not "A spokesperson said: …", who speaks for someone named before. A headline drops the
    article: "…, official says", "…, lawmaker says", "…, veteran analyst says"
    (baltimoresun.com, voanews.com, marketwatch.com in ../shared/pool)."""
    tag = _INDEFINITE_ROLE.search(ctx.text, max(0, m.start() - 30), m.start())
    if not tag or not _SENTENCE_END.match(ctx.text, m.end()):
        return None
    bare = tag.group("article") is None
    if bare and not ctx.head_start <= m.start() < ctx.head_end:
        return None  # running text keeps its articles: "…, police say" is read as a subject
    s = ctx.index_at(tag.start("name"))
    role = s if bare else s + 1
    if role >= len(ctx.toks) or ctx.toks[role].kind != ROLE:
        return None
    if ctx.toks[role].text.casefold().startswith("spokes"):
        return None  # "…, a spokesperson said.": speaks for someone named before
    return s, role + 1
#: A colon as punctuation (not the one of a link's "https://"), after a speech tag.
_COLONS = (": ", ":\t", ":\u00a0")
#: Marks that end a headline's first clause before its ", says": the opener then is no
#: subject of it (a quotation, a kicker, a second comma's list).
_CLAUSE_MARKS = frozenset(',:;"“”«»„—–|')


def _headline_opener(ctx: _Ctx, cue_start: int) -> tuple[int, int] | None:
    """'Acme Union sues the city, says rules were broken': in a headline, an English verb
    after a comma with no name after it ("dénoncent des écologistes", "diz jornal" have one)
    nor before an aside shares the subject of the headline's first verb, the name that opens
    the headline right before a lowercase word, with no other mark between nor a colon after
    (indiapost.com, fox2now.com, cbsnews.com)."""
    if not ctx.head_start <= cue_start < ctx.head_end or _has_any(ctx.text[cue_start:ctx.head_end], _COLONS):
        return None  # ("Talk about money, says financial psychologist: …": a tag, its quote)
    before = ctx.text[ctx.head_start:cue_start].rstrip(" \t\u00a0")
    if not before.endswith(",") or not _CLAUSE_MARKS.isdisjoint(before[:-1]):
        return None
    found = _fwd_np(ctx, ctx.head_start, loose=False)
    if not found:
        return None
    s, e = found
    verb = next((k for k in range(s + 1, min(e + 1, len(ctx.toks))) if ctx.toks[k].kind == LOW), None)
    if verb is None or ctx.toks[verb].start >= cue_start:
        return None  # ("Jane Doe backs Acme": a name may take in a lowercase title, not here)
    return (s, verb) if _valid(ctx, s, verb) else None


def _subject_after(ctx: _Ctx, pos: int, cue: str, loose: bool) -> Iterator[_Cand]:
    """'..." said X' (not `loose`), 'Lo ha detto X' (`loose`: names joined by "and" split):
    the subject after a cue that ends at `pos`, and an outlet it speaks to, before or after
    it ("dice all'Acme X", "ha detto X a Radio 1")."""
    told = _dative_outlet(ctx, pos)
    if told:
        yield _Cand(*told, cue, Role.ORIGIN)
        pos = told[1]
    links = _NO_LINKS if loose else AFTER_LINKS
    fwd = _fwd_np(ctx, _after_document(ctx, pos) if loose else pos, loose=loose, places=links)
    if not fwd and (past := _adverbial_end(ctx.text, pos)):
        fwd = _fwd_np(ctx, past, loose=loose, places=links)
    if not fwd:
        return
    for s, e in _split_and(ctx, *fwd) if loose else [fwd] if _valid(ctx, *fwd) else []:
        yield _Cand(*ctx.span(s, e), cue, Role.ORIGIN)
    told = None if told else _dative_outlet(ctx, ctx.toks[fwd[1] - 1].end)
    if told:
        yield _Cand(*told, cue, Role.ORIGIN)


_DE_FORMS = frozenset(VERBS["de"]) | frozenset(
    stem + end for stems in VERB_STEMS["de"].values() for stem in stems for end in ("t",))
#: Nothing after a cue but the end of its line.
_LINE_END = lazy_regex(r"[ \t]*(?:\n|\Z)")


def _headline_participle(ctx: _Ctx, m: regex.Match[str], words: list[str]) -> bool:
    """A German "-t" form that ends its line, with no full stop, right after the noun before
    it is a headline's participle, a passive with no agent: "Unglaubliche Entdeckungen
    enthüllt", "Studienfächer erklärt" (krautreporter.de,
    spiegel.de, popkultur.de, basicthinking.de, unsere-zeitung.at,
    de.starsinsider.com), not "Acme bestätigt Verdacht" nor "…, wie die Polizei mitteilt."."""
    return (len(words) == 1 and words[0] in _DE_FORMS and words[0].endswith("t")
            and _LINE_END.match(ctx.text, m.end()) is not None)


_DE_INFINITIVES = frozenset(v for v in VERBS["de"] if v.endswith("en")) | frozenset(
    stem + "en" for stems in VERB_STEMS["de"].values() for stem in stems)
#: Words at most on a line that a German infinitive ends as a link's or button's label.
MAX_LABEL_WORDS = 4


def _infinitive_label(ctx: _Ctx, m: regex.Match[str], words: list[str]) -> bool:
    """A German "-en" form that ends a short line (at most `MAX_LABEL_WORDS` words, after a
    line break or a menu's bar "|"), with no full stop, is an infinitive: a link's or button's label, "Tippfehler melden",
    "Vertrag kündigen", "Auswahl bestätigen" (kath.net, peta.de, lbv.de, taz.de,
    tagesanzeiger.ch, heise.de, srf.ch), not a plural subject's verb ("Die Bauern klagen",
    which its article opens)."""
    if len(words) != 1 or words[0] not in _DE_INFINITIVES or not _LINE_END.match(ctx.text, m.end()):
        return False
    line = max(ctx.text.rfind(mark, 0, m.start()) for mark in _MENU_MARKS) + 1
    label = ctx.text[line:m.end()].split()
    return len(label) <= MAX_LABEL_WORDS and label[0] not in ("Die", "Der", "Das")  # "Die Bauern klagen"


#: What parts a label from the one before it: a line break, or a menu's bar.
_MENU_MARKS = ("\n", "|")


#: What may follow a name that ends a headline: closing punctuation.
_HEADLINE_TAIL = lazy_regex(r"[\s.!?:;…'’\"”»)\]]*")


def _ends_headline(ctx: _Ctx, end: int) -> bool:
    """The name ending at `end` ends the headline too. In a Title Cased headline, a name
    after a capitalised verb is its subject only there ("…, Warns Climate Scientist Jane
    Doe"); inside it, the verb's object ("…, Accuses Acme and Bolt of Fraud", "Kills Acme,
    Announces Federal Hiring Freeze, Restores …": thefederalistpapers.org, breitbart.com,
    deadline.com)."""
    tail = _HEADLINE_TAIL.match(ctx.text, end, ctx.head_end)
    return tail is not None and tail.end() >= ctx.head_end


#: A Romance adverbial between an inverted verb and its subject: "racconta in lacrime X",
#: "Lo riferisce nel suo sito web X" (a preposition and one to three lowercase words).
_ADVERBIAL = lazy_regex(
    r"[ \t]+(?:in|nel|nella|nei|nelle|sul|sulla|sui|sulle|su|con|en|dans|sur|avec)"
    r"(?:[ \t]+(?!(?:il|lo|la|gli|le|un|una|uno|les|el|los|las|une|des)\b)\p{Ll}{2,20}){1,3}+"
    r"(?=[ \t]+\S)")  # no article: it opens the subject


def _adverbial_end(text: str, pos: int) -> int | None:
    """Where a short adverbial right after `pos` ends, so the subject after it is read."""
    m = _ADVERBIAL.match(text, pos, min(len(text), pos + 80))
    return m.end() if m else None


def _dative_outlet(ctx: _Ctx, pos: int) -> Span | None:
    """'a Radio Acme', "all'Acme", 'to Acme Radio' right after `pos`: an outlet spoken to
    (a wire service or broadcaster by name, a name with a media noun or a channel number)."""
    word = ctx.text[pos:pos + 8].split(None, 1)
    german = bool(word) and word[0] in _GERMAN_DATIVES and ctx.grammar == "de"
    if not word or (word[0].casefold() not in _DATIVES and not german
                    and word[0][:4].casefold() not in _ELIDED_DATIVES):
        return None  # none of `_DATIVES` follows: the common case, decided cheaply
    k = ctx.index_at(pos)
    if k >= len(ctx.toks) or not _blank(ctx.text[pos:ctx.toks[k].start]):
        return None
    t = ctx.toks[k]
    if german:
        fwd = _fwd_np(ctx, t.end, loose=False)
        return ctx.span(*fwd) if fwd and _german_outlet(ctx, *fwd) else None
    if t.text.casefold() in _DATIVES:
        fwd = _fwd_np(ctx, t.end, loose=False)
        if fwd:
            a, b = ctx.span(*fwd)
            name = ctx.text[a:b]
            return (a, b) if _outlet(name) or any(c.isdigit() for c in name) else None
    elided = _ELIDED_DATIVE.match(t.text)  # "all'Acme": the name is in the token
    if elided and t.text[elided.end()].isupper() and _outlet(t.text[elided.end():]):
        return t.start + elided.end(), t.end
    return None


#: German articles of a feminine noun's dative ("sagte der Zeitung") and of a masculine or
#: neuter one ("sagte dem Sender"), after a speech verb: whom it was said to.
_GERMAN_DATIVES = frozenset({"der", "dem"})
#: An acronym that names an outlet in a German dative: "sagte der MZ", "der MOPO".
_OUTLET_ACRONYM = lazy_regex(r"\p{Lu}{2,5}")


def _german_outlet(ctx: _Ctx, s: int, e: int) -> bool:
    """toks[s:e], after a German dative article, names an outlet: a wire service or a name
    with a media noun ("der Kleinen Zeitung": kleinezeitung.at; "der dpa": techfieber.de),
    a title in quotation marks ("der „Rheinischen Post“") or a short acronym, whole ("der
    MZ": mz-web.de; "der MOPO": mopo.de). Not a speaker in the nominative: "der Sprecher"."""
    name = ctx.text[ctx.toks[s].start:ctx.toks[e - 1].end]
    return (_outlet(name) or _QUOTE_OPENS.match(name) is not None
            or (e - s == 1 and _OUTLET_ACRONYM.fullmatch(name) is not None))


#: A name opening with a quotation mark: a title.
_QUOTE_OPENS = lazy_regex(r"[„“\"»«‚‘']")


def _inverted(text: str, pos: int) -> bool:
    """'..." said X' / ', sagte X': the verb follows a quote, comma, dash or line start, or a
    German sentence's opening "Das" / "Dies" ("Das meldete die Agentur Acme")."""
    before = text[max(0, pos - 4):pos].rstrip(" \t\u00a0")
    return (not before or before[-1] in ",\"“”»«'’\n:—–." or before[-2:] in (" -", "\t-")
            or bool(_DEMONSTRATIVE.search(text, max(0, pos - 20), pos)))


def _has_article(ctx: _Ctx, pos: int) -> int:
    """1 if the token at `pos` is a determiner, else 0."""
    k = ctx.index_at(pos)
    return int(k < len(ctx.toks) and ctx.toks[k].kind == DET)


def _fronted(text: str, pos: int) -> bool:
    """'Im März erklärte die Acme Bank …', 'Auf Anfrage der Redaktion erklärte der Sprecher':
    a German sentence opens with a prepositional phrase right before the verb, which comes
    second; its subject follows it (a name of two words or more besides an article)."""
    return bool(_FRONTED_PHRASE.search(text, max(0, pos - 90), pos))


#: A German sentence's opening preposition and at most `MAX_FRONTED_WORDS` words after it
#: (no punctuation but an ordinal's dot: "Am 26. Oktober"), ending where the verb starts.
MAX_FRONTED_WORDS = 5
_FRONTED_PHRASE = lazy_regex(
    r"(?:\A|(?<=[.!?\n\"“”»«]\s{0,3}))(?:In|Am|Im|"
    + "|".join(sorted(w.capitalize() for w in GERMAN_PREPOSITIONS - {"am", "im"}))
    + rf")(?:[ \t]+(?:\p{{N}}{{1,4}}\.|[\p{{L}}\p{{N}}\-]+)){{1,{MAX_FRONTED_WORDS}}}[ \t]{{1,3}}\Z")


#: A German sentence opening with "Das" or "Dies", or an adverb ("Später", "Gleichzeitig":
#: `V2_ADVERBS`), right before its verb: the subject follows.
_DEMONSTRATIVE = lazy_regex(
    r"(?:\A|(?<=[.!?\n\"“”»«]\s{0,3}))(?:Das|Dies|"
    + "|".join(sorted(w.capitalize() for w in V2_ADVERBS)) + r")[ \t]{1,3}\Z")


def _told_object(ctx: _Ctx, m: regex.Match[str]) -> Iterator[_Cand]:
    """'X told Reuters' / 'told state broadcaster ABC' / 'told The Acme Beast': the outlet
    is a source too."""
    fwd = _fwd_np(ctx, m.end(), loose=False)
    if not fwd:
        return
    words = [ctx.toks[k].text.casefold() for k in range(*fwd)]
    if " ".join(words) in MEDIA or any(w in MEDIA or w in _MEDIA_NOUNS for w in words) or (
            ctx.toks[fwd[0]].text == "The" and fwd[1] - fwd[0] > 1):
        # (a capitalised "The" opens the name of a title, not of a person: "told The Acme")
        yield _Cand(*ctx.span(*fwd), m.group("verb"), Role.ORIGIN)


def _prep_cands(ctx: _Ctx, m: regex.Match[str]) -> Iterator[_Cand]:
    """'according to X', 'laut X', 'citing Y' (role CITED), 'Об этом сообщил X'."""
    kind = m.lastgroup or "prep"
    if kind == "subj":
        yield from _subject_after(ctx, m.end(), m.group(kind), loose=True)
        return
    role = Role.CITED if kind == "cite" else Role.ORIGIN
    if m.group(kind).casefold() == "via" and _after_lowercase(ctx.text, m.start()):
        return  # "available via Netflix", "in via Roma", "al via Acme Festival": a channel or a street
    fwd = _after_relative(ctx, m.end()) or _fwd_np(ctx, _after_document(ctx, m.end()), loose=True)
    if fwd and kind == "prep" and ctx.toks[fwd[0]].text.casefold() in _OWN_WORDS:
        own = _own_subject(ctx, m.start())  # "Die Armee hat nach eigenen Angaben ..."
        if own:
            yield _Cand(*ctx.span(*own), m.group(kind), role)
        return
    if fwd:
        for s, e in _split_and(ctx, *fwd, strict=kind == "subj"):
            yield _Cand(*ctx.span(s, e), m.group(kind), role)


#: Words after which "via" still names whom something came from: the report verbs and
#: these participles ("shared via Acme Radio", "obtained via Acme").
_VIA_AFTER = frozenset(VERBS["en"]) | {"shared", "obtained", "released", "provided", "distributed"}
#: A lowercase word right before a cue, on its line.
_LOWER_BEFORE = lazy_regex(r"\p{Ll}[\p{L}\p{M}'’\-]*[ \t]+\Z")


def _after_lowercase(text: str, pos: int) -> bool:
    """The cue at `pos` follows a lowercase word: 'via' then names a route, a channel or
    a street ("spreads via SMS", "in via Roma"), not an attribution ("(via Acme)",
    "Photo: … — via Acme", a line opening "Via Acme News")."""
    m = _LOWER_BEFORE.search(text, max(0, pos - 40), pos)
    return m is not None and m.group().strip().casefold() not in _VIA_AFTER  # "reported via Acme"


#: "nach eigenen Angaben", "by its own account": the sentence's subject is the source.
_OWN_WORDS = frozenset({"eigenen", "eigener"})
#: Words at most between the subject's end and "nach/laut eigenen Angaben".
MAX_OWN_GAP = 6


def _own_subject(ctx: _Ctx, cue_start: int) -> tuple[int, int] | None:
    """'Israels Armee hat laut eigenen Angaben ...': the name opening the sentence, then a
    verb and a few words (no comma), then the cue. At least two words besides an article:
    not "Die Armee", which refers back to one named before, nor an adverb ("Zuvor")."""
    k = ctx.index_at(cue_start)
    first = k
    while first > 0 and k - first <= MAX_OWN_GAP + MAX_NP_TOKENS and ctx.joined(first):
        first -= 1
    if first == k or first > 0 and not _sentence_break(
            ctx.text[ctx.toks[first - 1].start:ctx.toks[first].start]):
        return None
    found = _fwd_np(ctx, ctx.toks[first].start, loose=False)
    if not found or not 0 < k - found[1] <= MAX_OWN_GAP or ctx.toks[found[1]].kind != LOW:
        return None
    if sum(t.kind != DET for t in ctx.toks.between(*found)) < 2:
        return None  # "Zuvor hatte ...", "Die Armee": no subject, or an anaphor
    return found if _valid(ctx, *found) else None


def _after_relative(ctx: _Ctx, pos: int) -> tuple[int, int] | None:
    """'..., secondo cui il servizio Acme ha trovato ...': the subject after "cui" (a
    name, or a role noun as after a verb: `_valid` strict)."""
    k = ctx.index_at(pos)
    if k + 1 >= len(ctx.toks) or ctx.toks[k].text.casefold() != "cui" or not ctx.joined(k + 1):
        return None
    fwd = _fwd_np(ctx, ctx.toks[k].end, loose=False)
    return fwd if fwd and _valid(ctx, *fwd) else None


def _sentence_break(gap: str) -> bool:
    """The text between two tokens' starts ends a sentence: a line break, or a full stop."""
    return "\n" in gap or gap.rstrip()[-1:] in _SENTENCE_ENDS


def _after_document(ctx: _Ctx, pos: int) -> int:
    """'according to a statement published by the ministry': skip to 'the ministry'; also
    with no article, "según información del Consejo Electoral" (a report noun first, as
    "selon les informations de Météo-France", "según cifras del Beacon Council" print it:
    20minutes.fr, cubadebate.cu, elnuevoherald.com, lainformacion.com, elpais.com)."""
    k = ctx.index_at(pos)
    if k >= len(ctx.toks) or (ctx.toks[k].kind != DET and ctx.toks[k].text.casefold() not in REPORT_NOUNS):
        return pos
    for n in range(k + 1, min(k + 5, len(ctx.toks))):
        if not ctx.joined(n):
            break
        if ctx.toks[n].text.casefold() in _BY_WORDS:
            nouns = {ctx.toks[x].text.casefold() for x in range(k, n)}
            return ctx.toks[n].end if nouns & REPORT_NOUNS else pos
    return pos


def _wire_cands(ctx: _Ctx) -> Iterator[_Cand]:
    """'(Reuters)', 'TOKYO (AFX News) -', a trailing '(AFX News)' on a line; and the
    signature of an embedded post, '— Jane Doe (@janedoe) January 2, 2020'."""
    if "(" not in ctx.text:
        return
    if "(@" in ctx.text:
        for m in _POST_SIGNATURE.finditer(ctx.text, timeout=REGEX_TIMEOUT):
            yield _Cand(m.start("name"), m.end("name"), "— (@…)", Role.ORIGIN)
    for m in _WIRE.finditer(ctx.text, timeout=REGEX_TIMEOUT):
        name = m.group("name")
        low = name.casefold()
        if low in LABELS:
            continue
        after = m.group("after")
        if low in MEDIA or (after is not None and " " in name and name.istitle()) or (
                after and after.strip() and _TAG_NAME.fullmatch(name) and _after_dateline(ctx, m)):
            yield _Cand(m.start("name"), m.end("name"), m.group().strip(), Role.ORIGIN)


def _after_dateline(ctx: _Ctx, m: regex.Match[str]) -> bool:
    """'HOUSTON, Texas (KTRK) -- …': the tag follows a dateline that opens its line."""
    line = ctx.text.rfind("\n", 0, m.start()) + 1
    return m.start() - line <= 60 and bool(_DATELINE.match(ctx.text, line, m.start()))
