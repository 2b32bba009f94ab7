"""Sources named by a headline's form: "Speaker: ...", "Speaker to Outlet: ...",
"... – Speaker: “...”", "Name o ...", "... - Health Ministry", "... – reports", "...: Police"."""
from __future__ import annotations

import os
from typing import Iterator

import regex

from feedline.model import Role
from feedline.patterns import lazy_regex
from feedline.sources.words import (
    ARMENIAN_ROLES, CONNECTORS, GERMAN_FIRST_PERSON, GERMAN_MARKS, INSTITUTIONS, LABELS,
    NON_NAMES, REPORT_NOUNS, ROLE_NOUNS, TRAILING_LABELS,
)
from feedline.sources.atoms import (
    REGEX_TIMEOUT, _ROMANCE, _HEAD_ABOUT, _HEAD_COLON, _HEAD_DASH, _HEAD_LATER, _HEAD_MIJAKET, _HEAD_ON,
    _HEAD_SUFFIX, _HEAD_TOLD, _HEAD_WORD, _title_case,
    _HEAD_TOLD_CASE, _LOWERCASE_INSIDE, _TRAIL_SEP, _WS, _has_any,
)
from feedline.sources.names import _outlet
from feedline.sources.tokens import AND, LOW, NAME, _Cand, _Ctx
from feedline.sources.phrases import _parse_np, _valid

def _headline_cands(ctx: _Ctx) -> Iterator[_Cand]:
    """'Sunak: ...', 'Левандовски — о ...', '... - Health Ministry', '... – reports'.

    The patterns are matched in text[head_start:head_end] (as `pos` and `endpos`, so that
    the spans index the text)."""
    a, b = ctx.head_start, ctx.head_end
    head = ctx.text[a:b]
    # each form needs its mark: ":", a long dash, any dash
    for rx, cue, marks in ((_HEAD_COLON, ":", ":"), (_HEAD_DASH, "—", "—–")):
        m = _has_any(head, marks) and rx.match(ctx.text, a, b, timeout=REGEX_TIMEOUT)
        if m and _speaker_label(ctx, m) and not _bare_kicker(ctx, m.end("name")):
            if cue == ":":
                m = _second_label(ctx, m) or m
            yield _Cand(m.start("name"), m.end("name"), cue, Role.ORIGIN)
        elif cue == ":" and (m := _speaker_after_kicker(ctx, head)):
            yield _Cand(m.start("name"), m.end("name"), cue, Role.ORIGIN)
    if _has_any(head, _MIJAKETS) and _ARMENIAN.search(head):
        yield from _mijaket_speaker(ctx)
    yield from _head_told_cands(ctx, head)
    m = ":" in head and _has_any(head, "—–") and _HEAD_LATER.search(
        ctx.text, a, b, timeout=REGEX_TIMEOUT)
    if m and (_label_name(ctx, m.start("name"), m.end("name"))
              or _owner_noun(ctx, m.start("name"), m.end("name"))):
        yield _Cand(m.start("name"), m.end("name"), ":", Role.ORIGIN)
    m = _blanked_any(head, _ABOUT_MARKS) and _HEAD_ABOUT.match(
        ctx.text, a, b, timeout=REGEX_TIMEOUT)
    if m and _label_name(ctx, m.start("name"), m.end("name")):
        yield _Cand(m.start("name"), m.end("name"), m.group("about").strip(), Role.ORIGIN)
    m = ":" in head and _blanked_any(head, _ON_MARKS) and _HEAD_ON.match(
        ctx.text, a, b, timeout=REGEX_TIMEOUT)
    if m and _label_name(ctx, m.start("name"), m.end("name")) and (
            m.group("about").strip() != "on" or ctx.grammar in ("", "en")):
        yield _Cand(m.start("name"), m.end("name"), m.group("about").strip(), Role.ORIGIN)
    m = _has_any(head, "-–—") and _HEAD_SUFFIX.search(ctx.text, a, b, timeout=REGEX_TIMEOUT)
    if m and _suffix_name(m.group("name")) and (  # a statement first: not "Forums - Regeln"
            len(ctx.text[a:m.start()].split()) >= MIN_TRAIL_STATEMENT):
        yield _Cand(m.start("name"), m.end("name"), "- " + m.group("name").strip(), Role.ORIGIN)
    if _has_any(head, _TRAIL_MARKS):
        yield from _trailing_speakers(ctx)


#: A kicker sentence's end before a headline's speaker: a full stop after a word of four
#: lowercase letters or more (so no title such as "Prof." or "Sen.") or a closing quote.
_KICKER_END = lazy_regex(r"(?<=\p{Ll}{4}|[\"”»'’])\.[ \t]+(?=\p{Lu})")


def _second_label(ctx: _Ctx, first: regex.Match[str]) -> regex.Match[str] | None:
    """'The Latest: University of Kansas: No fans …', 'Brexit-Liveblog : Doe zu Roe: „…“', 'RTVI:
    Amnesty International: …': a second label right after the colon of a first one that
    passed as a speaker makes the first a section's or topic's kicker; the second is the
    speaker, if it passes as one (seattlepi.com, mz-web.de, panarmenian.net, akhbarelyom.com
    in ../shared/pool). A first label that did not pass as a speaker leaves the second alone:
    "Nicht verpassen: Acme: …", "Review: A Plague Tale: …" name a topic."""
    second = _HEAD_COLON.match(ctx.text, first.end(), ctx.head_end, timeout=REGEX_TIMEOUT)
    if second is None or second.start("name") != first.end() or ctx.text[second.start("name")] == " ":
        return None
    return second if _speaker_label(ctx, second) else None


#: A lowercase word: a kicker ending in a full stop is a sentence only with one.
_HEAD_LOWER_WORD = lazy_regex(r"(?<!\p{L})\p{Ll}{2,}")


def _speaker_after_kicker(ctx: _Ctx, head: str) -> regex.Match[str] | None:
    """'Más fuego amigo. Larroque: "…"', '… pracuje w sądzie. Prezes Doe: Zlecę kontrolę', '…
    in zona gialla. L'Iss: rischio resta alto': the speaker form "Name: …" after a kicker
    sentence that opens the headline (lanacion.com.ar, wiadomosci.dziennik.pl, wpolityce.pl,
    wiadomosci.gazeta.pl, lagazzettadelmezzogiorno.it in ../shared/pool), when the name
    opening the headline is none. The name starts after the kicker's last full stop before
    the headline's first colon, and passes the tests of a speaker opening the headline."""
    a, b = ctx.head_start, ctx.head_end
    colon = head.find(":")
    if colon < 0:
        return None
    ends = list(_KICKER_END.finditer(ctx.text, a, a + colon, timeout=REGEX_TIMEOUT))
    if not ends or not _HEAD_LOWER_WORD.search(ctx.text, a, ends[-1].start()):
        return None  # "Amnesty International. Iran: …": a name before the stop, who speaks
    m = _HEAD_COLON.match(ctx.text, ends[-1].end(), b, timeout=REGEX_TIMEOUT)
    if m is None or m.start("name") >= a + colon or not _speaker_label(ctx, m):
        return None
    return None if _bare_kicker(ctx, m.end("name")) else m


#: What `_TRAIL_SEP` needs: a colon, or the Armenian mijaket ("․", or "." in Armenian text).
_TRAIL_MARKS = (":", "․", ".")
#: Words at least in the statement before a headline's closing speaker.
MIN_TRAIL_STATEMENT = 4
#: Closing speakers at most, one after another ("… խնդրանքով․ Name Name․ Tert.am").
MAX_TRAIL_SPEAKERS = 2
#: What a statement before its closing speaker ends with, besides a lowercase word or a
#: digit: a closing quote or a sentence's mark ("'BoC to stay on the sidelines': Acme").
_STATEMENT_ENDS = frozenset("\"'”’»)?!…")


def _trailing_speakers(ctx: _Ctx) -> Iterator[_Cand]:
    """'Man arrested after victims found in car: Police', 'Sellers can hold out: Acme
    Bank', and in Armenian '… statement․ Name Name': who said the headline, named after it.

    A name of one to four capitalised words (a single word: an acronym, a role or document
    noun, or any name but in German, which capitalises every noun) ends the headline, after
    a statement of at least `MIN_TRAIL_STATEMENT` words that ends in a lowercase word, a
    digit, a quote or a question (so not a title's subtitle: "Das Ende der Welt: Montauk",
    nor a Title Cased headline's). The mijaket, Armenian's colon, may part two such names."""
    a, b = ctx.head_start, ctx.head_end
    if ctx.title_head:
        return
    armenian = _ARMENIAN.search(ctx.text, a, b) is not None
    seps = [m.start() for m in _TRAIL_SEP.finditer(ctx.text, a, b, timeout=REGEX_TIMEOUT)
            if armenian or m.group() == ":"]
    names: list[tuple[int, int]] = []
    end = b
    for sep in reversed(seps[-MAX_TRAIL_SPEAKERS:]):
        span = _trail_span(ctx.text, sep + 1, end)
        if span is None or not _trail_name(ctx, *span):
            break
        names.append(span)
        end = sep
        if ctx.text[sep] == ":":
            break  # one speaker after a colon
    if not names:
        return
    words = ctx.text[a:end].split()
    if len(words) < MIN_TRAIL_STATEMENT or ctx.text[end] == ":" and not (
            words[-1][-1] in _STATEMENT_ENDS or words[-1][-1].isdigit() or words[-1][0].islower()):
        return  # (after the mijaket, a statement may end in a name: "… Name-ին․ Speaker")
    for s, e in reversed(names):
        yield _Cand(s, e, "…: " + ctx.text[s:e], Role.ORIGIN)


_ARMENIAN = lazy_regex(r"\p{Armenian}")
#: The Armenian mijaket, as printed: "․" or a full stop.
_MIJAKETS = ("․", ".")


def _mijaket_speaker(ctx: _Ctx) -> Iterator[_Cand]:
    """'ԶԼՄ-ներ. …', '«Acme». …': in Armenian, whose colon is the mijaket, the speaker
    form 'Sunak: …' opens with a name and that mark (a fact of the script, as for the
    closing speaker: the pool's one Armenian site prints both); a title in quote marks is
    a newspaper quoted in a press review."""
    m = _HEAD_MIJAKET.match(ctx.text, ctx.head_start, ctx.head_end, timeout=REGEX_TIMEOUT)
    if not m:
        return
    group = "quoted" if m.group("quoted") else "name"
    a, b = m.span(group)
    while b > a and ctx.text[b - 1] in " \t":
        b -= 1
    if (_ARMENIAN.search(ctx.text, a, b) or group == "quoted") and _label_name(ctx, a, b) and (
            not _bare_kicker(ctx, m.end())):
        yield _Cand(a, b, ":", Role.ORIGIN)
_TRAIL_SKIP = " \t.…"


def _trail_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name between a separator at start - 1 and `end`, its blanks and an ellipsis
    trimmed, and in Armenian what follows a "՝" (the speaker's addressee or topic, its verb
    left out: "… ․ Name-ը՝ students-ին"); None if a full stop ends it, as it ends a sentence
    ("… the trip: Jane Doe.")."""
    while start < end and text[start] in " \t":
        start += 1
    cut = text.find("՝", start, end)  # "Name-ը՝ addressee": Armenian's mark of a verb left out
    if cut >= 0:
        end = cut
    while end > start and text[end - 1] in " \t":
        end -= 1
    tail = end
    while end > start and text[end - 1] in _TRAIL_SKIP:
        end -= 1
    if text[end:tail] == ".":
        return None
    return (start, end) if end > start else None


def _trail_name(ctx: _Ctx, a: int, b: int) -> bool:
    """text[a:b] is a headline's closing speaker: one to four capitalised words (or
    connectors), a valid name (`_label_name`); a single word is an acronym, a role or
    document noun ("Police", "Study"), or a name in a language other than German."""
    words = ctx.text[a:b].split()
    if not 1 <= len(words) <= 4 or words[0].casefold() in NON_NAMES:
        return False
    if _armenian_role(words):
        return True
    if not all(w[0].isupper() or w.casefold() in CONNECTORS for w in words):
        return False
    if len(words) == 1:
        word = words[0].casefold()
        if not (words[0].isupper() or word in ROLE_NOUNS or word in INSTITUTIONS
                or word in REPORT_NOUNS or ctx.grammar != "de"):
            return False
    return _label_name(ctx, a, b)


#: An Armenian word (with digits and hyphens: "3-րդ", "Acme-ի").
_ARMENIAN_WORD = lazy_regex(r"[\p{Armenian}\p{N}\-]+")


def _armenian_role(words: list[str]) -> bool:
    """'վարչապետը', 'Acme գյուղի բնակիչ', '3-րդ նախագահի գրասենյակ': Armenian words ending
    in a noun of a role or office (`ARMENIAN_ROLES`, its article "-ը"/"-ն" aside), which
    Armenian prints in lowercase; its genitives before it are any words of the script."""
    if not all(_ARMENIAN_WORD.fullmatch(w) for w in words):
        return False
    head = words[-1].casefold()
    return head in ARMENIAN_ROLES or (head[-1:] in ("ը", "ն") and head[:-1] in ARMENIAN_ROLES)


def _bare_kicker(ctx: _Ctx, end: int) -> bool:
    """'Vuelta: Acme beats Beta' with no text below (or only the headline again): a topic
    kicker over a short report about named others or figures (at most `MAX_KICKER_WORDS`
    words, two of them capitalised or numbers, the first capitalised; no quote, no
    question). What a bare headline's speaker says is quoted, longer, a question or names
    no one ("Doe: Roe should retire")."""
    rest = ctx.text[ctx.head_end:].strip()
    if rest and rest != ctx.text[ctx.head_start:ctx.head_end].strip():
        return False
    tail = ctx.text[end:ctx.head_end].lstrip(" \t:—–-")
    words = tail.split()
    return (tail[:1].isupper() and len(words) <= MAX_KICKER_WORDS
            and sum(w[:1].isupper() or w[:1].isdigit() for w in words) >= 2
            and not _has_any(tail, _QUOTES) and not _has_any(tail, _QUESTION_MARKS))


#: Question marks: the Latin one and the Armenian "՞", written over the word asked about.
_QUESTION_MARKS = ("?", "՞")


MAX_KICKER_WORDS = 6
_QUOTES = "\"'“”„«»‘’‚‹›"


def _blanked_any(head: str, marks: tuple[str, ...]) -> bool:
    """One of `marks` (words between spaces) is in `head`, as a pattern's ``[ \\t]+word[ \\t]+``
    needs (any tab: maybe)."""
    return "\t" in head or _has_any(head, marks)


#: What `_HEAD_TOLD` and `_HEAD_ABOUT` need: their "to" and "about" words between blanks.
_TOLD_MARKS = (" to ", " a ", " al ", " alla ", " для ", " لـ")
_ABOUT_MARKS = (" o ", " о ", " об ", " про ")
#: What `_HEAD_ON` needs: its "on" word between blanks ("Jane Doe sobre la crisis: «…»"); the
#: English "on" only in an entry read as English or as no language known (Finnish "on" is "is").
_ON_MARKS = (" sobre ", " su ", " über ", " sur ", " on ")


def _head_told_cands(ctx: _Ctx, head: str) -> Iterator[_Cand]:
    """'Jane Doe to Acme Radio: ...', 'X لـ"Y": ...', 'Jane Doe ACME:lle: ...': the speaker
    and the outlet told."""
    a, b = ctx.head_start, ctx.head_end
    m = ":" in head and ((_blanked_any(head, _TOLD_MARKS) and _HEAD_TOLD.match(
        ctx.text, a, b, timeout=REGEX_TIMEOUT)) or (
        ":l" in head and _HEAD_TOLD_CASE.match(ctx.text, a, b, timeout=REGEX_TIMEOUT)))
    if not m or ctx.text[m.end():m.end() + 1].isdigit():
        return
    to = m.group("to").strip()
    if to in _ROMANCE_TO and ctx.grammar not in _ROMANCE and (
            ctx.grammar or _capitalised_tail(ctx.text[m.end():b])):
        return  # "Inside a Rebellion: …": the English or German article (thenation.com,
        # citylab.com, bike-magazin.de in ../shared/pool)
    outlet = ctx.index_at(m.start("outlet"))
    if outlet >= len(ctx.toks) or ctx.toks[outlet].kind != NAME:
        return  # "Biden to meet Xi: ...": a verb, not an outlet
    spans = [m.span("name"), m.span("outlet")]
    if all(_label_name(ctx, a, b) for a, b in spans):
        if to in _ADDRESSING and not _told_outlet(ctx.text[slice(*m.span("outlet"))]):
            spans = spans[:1]  # "Netanyahu to Gantz: ...": whom the speaker addresses
        for a, b in spans:
            yield _Cand(a, b, to + " …:", Role.ORIGIN)


def _capitalised_tail(tail: str) -> bool:
    """What follows a headline's colon capitalises all its longer words and opens with no
    quote: a title's subtitle ("…: This Is What Democracy Looks Like", "…: Semantics"),
    no Romance statement ("…: non mi dimetto", "…: «Sacúdase»")."""
    words = _HEAD_WORD.findall(tail)
    return bool(words) and tail.lstrip()[:1] not in _QUOTES and all(w[0].isupper() for w in words)


#: The told form's Romance "to" ("Rossi a Radio Acme: ..."), no such word in other languages.
_ROMANCE_TO = frozenset({"a", "al", "alla"})
#: The told form's words that may address a person rather than an outlet ("для", "for", and
#: Arabic "لـ" name the outlet an interview was given to).
_ADDRESSING = _ROMANCE_TO | {"to"}


def _told_outlet(name: str) -> bool:
    """'Acme Radio', 'CNN', 'The Acme Times' after a headline speaker's "to": an outlet (a
    known one or a name with a media noun), an acronym, or a title opening with "The"; a
    person or a country there ("Netanyahu to Gantz: ...", "Israel to Egypt: ...") is whom
    the speaker addresses, no source (jpost.com, newsfeed.time.com, hoy.com.do in
    ../shared/pool)."""
    words = name.strip(_QUOTES + " \t").split()
    return bool(words) and (_outlet(name) or (len(words) == 1 and words[0].isupper())
                            or words[0] == "The")


def _speaker_label(ctx: _Ctx, m: regex.Match[str]) -> bool:
    """'Sunak' in 'Sunak: ...' is a speaker; 'Live updates' and 'AM Express: 11/9' are not."""
    if ctx.text[m.end():m.end() + 1].isdigit():
        return False
    if _subtitle(ctx.text[m.start("name"):m.end("name")], ctx.text[m.end():ctx.head_end]):
        return False
    if _foreign_kicker(ctx.text[m.start("name"):m.end("name")], ctx.text[m.end():ctx.head_end]):
        return False
    if _german_kicker(ctx, ctx.text[m.start("name"):m.end("name")], ctx.text[m.end():ctx.head_end]):
        return False
    return _label_name(ctx, m.start("name"), m.end("name"))


def _subtitle(name: str, tail: str) -> bool:
    """'Zero Deaths: What Is Behind the Success', 'Acme Doe: Only Guest To Attend the Gala':
    a title and its subtitle, the rest of the headline Title Cased (`_title_case`) and
    quoting no one, so the words before the colon are a kicker, a column's or a person's
    name written about (sputniknews.com, dailycaller.com, westernjournalism.com, dw.com, br.de,
    presseportal.de, money.kompas.com in ../shared/pool). A name ending in a role or an
    office ("Ex-Acme Commissioner: If …") still speaks."""
    words = name.casefold().split()
    return (_title_case(tail) and not _QUOTE_MARK.search(tail)
            and not (words and (words[-1] in ROLE_NOUNS or words[-1] in INSTITUTIONS)))


def _foreign_kicker(name: str, tail: str) -> bool:
    """'Bihar Govt Formation: जानिए …', 'Facebook Page: ประชาไท …': a label of two Latin words or
    more over a statement in a script of its own (not Cyrillic, Greek or Armenian, whose
    headlines quote Latin names: "Amnesty International: в Иране …") is a topic's tag in
    English, no speaker (jagran.com, amarujala.com, prachatai.com in ../shared/pool)."""
    return (len(name.split()) >= 2 and _LATIN_NAME.fullmatch(name) is not None
            and _OWN_SCRIPT_OPENS.match(tail) is not None)


def _german_kicker(ctx: _Ctx, name: str, tail: str) -> bool:
    """'Kirche: Staatsleistungen vor dem Aus?', 'Verbraucher: Inflation schwächt sich ab': German
    capitalises every noun, so a label's capital says nothing of a name, and a German label
    over a statement that opens with a capital (a headline of its own) is a topic's kicker
    unless the statement is speech: quoted, or in the first person ("Bennett: Wir werden
    nicht aufgeben"). An acronym or a label ending in a role, institution or report noun
    still speaks ("SPD: …", "Experte: …", "Studie: …") (br.de, dw.com, gamestar.de,
    mallorcazeitung.es, stern.de in ../shared/pool)."""
    words = name.casefold().split()
    statement = tail.lstrip(" \t:")
    if not words or name.isupper() or not statement[:1].isupper() or not _german(ctx):
        return False
    if words[-1] in ROLE_NOUNS or words[-1] in INSTITUTIONS or words[-1] in REPORT_NOUNS:
        return False
    return not _QUOTE_MARK.search(statement) and GERMAN_FIRST_PERSON.isdisjoint(
        _LETTERS.findall(statement.casefold()))


def _german(ctx: _Ctx) -> bool:
    """The entry reads as German, or its headline holds a word only German writes ("dem", "und")."""
    if ctx.grammar == "de":
        return True
    head = ctx.text[ctx.head_start:ctx.head_end].casefold()
    return not GERMAN_MARKS.isdisjoint(_LETTERS.findall(head))


#: A run of letters: a word, without its marks.
_LETTERS = lazy_regex(r"\p{L}+")
#: A name written in Latin letters, digits and marks only.
_LATIN_NAME = lazy_regex(r"[\p{Latin}\p{N}\p{P}\s]+")
#: A statement opening (after blanks, marks and digits) with a letter of a script other than
#: Latin, Cyrillic, Greek, Armenian or Georgian.
_OWN_SCRIPT_OPENS = lazy_regex(
    r"[\s\p{P}\p{N}]*(?![\p{Latin}\p{Cyrillic}\p{Greek}\p{Armenian}\p{Georgian}])\p{L}")


#: A quotation mark, not an apostrophe inside a word ("Doesn’t", "Vietnam’s").
_QUOTE_MARK = lazy_regex(rf"(?<!\p{{L}})[{_QUOTES}]|[{_QUOTES}](?!\p{{L}})")
#: Words that set two sides against each other in a headline's kicker ("Acme vs Beta: ...").
_VERSUS = frozenset({"vs", "vs.", "v", "v."})
#: Prepositions that open a headline's kicker or place ("In Kyiv", "Em Pauta"), never a name.
_HEAD_PREPOSITIONS = frozenset("in em na nas nos dans im bei nel nella nello".split())


def _label_name(ctx: _Ctx, a: int, b: int) -> bool:
    """text[a:b], before a headline's colon or dash, is a valid name of a few words."""
    name = _WS.sub(" ", ctx.text[a:b]).strip()
    words = name.casefold().split()
    if not name or "," in name or name.casefold() in LABELS or words[0] in LABELS:
        return False  # "Live updates", "Live: ..."
    if words[-1] in TRAILING_LABELS:
        return False  # "Monthly webinar", "Weekly quiz"
    if words[0] in _HEAD_PREPOSITIONS:
        return False  # "Em Pauta Assustador": a kicker opening with a preposition, no name
    if not _VERSUS.isdisjoint(words):
        return False  # "Acme vs Beta Live Score: ...": a fixture or a comparison, no speaker
    s, e = ctx.index_at(a), ctx.index_at(b)
    if not 0 < e - s <= 5 or ctx.toks[s].start != a or ctx.toks[e - 1].end != b:
        return False
    if any(not ctx.joined(k) or ctx.toks[k].kind == AND for k in range(s + 1, e)):
        return False
    if any(ctx.toks[k].kind == LOW for k in range(s + 1, e - 1)) and (
            ctx.grammar not in _LOWERCASE_INSIDE):
        return False  # "Ente überquert Straße": a verb or preposition, as in German
    return _parse_np(ctx, s, e, loose=True) == e and _valid(ctx, s, e)


def _owner_noun(ctx: _Ctx, a: int, b: int) -> bool:
    """text[a:b] is a capitalised word and a lowercase noun, as a genitive and its head
    ("Acmepankin pääekonomisti"): a later headline speaker, whom its quote marks out."""
    s, e = ctx.index_at(a), ctx.index_at(b)
    return (e - s == 2 and ctx.toks[s].start == a and ctx.toks[e - 1].end == b
            and ctx.joined(s + 1) and ctx.toks[s].kind == NAME and ctx.toks[s + 1].kind == LOW)


def _suffix_name(name: str) -> bool:
    """'Health Ministry' / 'Reports' after a headline dash (Title Cased, at most 4 words)."""
    words = name.split()
    if not 1 <= len(words) <= 4 or name.casefold() in LABELS:
        return False
    if len(words) == 1 and words[0].casefold() == "reports":
        return True
    return words[0][0].isupper() and all(
        w[0].isupper() or w.casefold() in CONNECTORS for w in words)


def _drop_covered_labels(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    """'Ambasciatore Israele: ...' over "Lo ha detto l'ambasciatore israeliano Alon Bar",
    'Turchia ribadisce: ...' over "L'esercito turco ha ribadito": a source of the headline
    whose every word a source of the text repeats (or a form of it: `_same_word`) is that
    source named in short; the text's fuller name is kept, the headline's dropped."""
    if ctx.head_end <= ctx.head_start or not any(c.start < ctx.head_end for c in cands):
        return cands
    below = [_label_words(ctx.text[c.start:c.end]) for c in cands if c.start >= ctx.head_end]
    if not below:
        return cands
    return [c for c in cands if c.start >= ctx.head_end
            or not any(_covered(_label_words(ctx.text[c.start:c.end]), words) for words in below)]


def _label_words(name: str) -> list[str]:
    """A name's words, casefolded, without an elided article ("l'", "d'")."""
    words = (_ELIDED.sub("", w) for w in _LABEL_WORD.findall(name.casefold().replace("’", "'")))
    return [w for w in words if len(w) > 1]


def _covered(label: list[str], words: list[str]) -> bool:
    return bool(label) and all(any(_same_word(w, t) for t in words) for w in label)


def _same_word(a: str, b: str) -> bool:
    """'israele' and 'israeliano', 'turchia' and 'turco': one word, or two forms of one
    stem (a common prefix of four letters or more, all but two letters of the shorter)."""
    if a == b:
        return True
    n = min(len(a), len(b))
    if n < 4:
        return False
    common = len(os.path.commonprefix((a, b)))
    return common >= max(4, n - 2)


#: An elided article or preposition opening a word ("l'", "d'", "dell'").
_ELIDED = lazy_regex(r"^\p{L}{1,4}'(?=\p{L})")
_LABEL_WORD = lazy_regex(r"[\p{L}\p{M}\p{N}']+")
