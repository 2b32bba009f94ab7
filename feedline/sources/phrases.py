"""How far a name reaches: a small state machine over tokens that reads a noun phrase
backwards from a cue (a subject) or forwards (an object), by the grammar of the
entry's language, and tells a valid source name from a pronoun or a generic word."""
from __future__ import annotations

from feedline import lexicon
from feedline.sources.words import (
    ANAPHORIC, AND_WORDS, ARTICLELESS, ARTICLES, CLAUSE_WORDS, GENITIVES, INDEFINITE, INSTITUTIONS, MEDIA,
    NOT_SOURCES, OPENERS, PREPOSITION_OPENERS, RELATIVES, REPORT_NOUNS, ROLE_NOUNS,
)
from feedline.sources.atoms import (
    _ADJ_SUFFIX, _APOSTROPHES, _LEAD_ARTICLE, _QUOTE, _ROMANCE, _TRAIL_POSS,
)
from feedline.sources.cuewords import _AUX_WORDS, _MEDIA_NOUNS, _NUMBERED_NOUNS
from feedline.sources.tokens import (
    ACR, AND, CONN, DET, LOW, NAME, NON, NUM, ROLE, _Ctx, _DAY_WORDS, _HEADS, _blank, _elided,
)

#: Longest noun phrase, in tokens.
MAX_NP_TOKENS = 10
#: Longest aside between a subject and its verb ("Jane Doe, 45, said").
MAX_ASIDE_CHARS = 200


#: Prepositions that join a head and a place or body after it inside a subject: "the Health
#: Ministry in Gaza said", "researchers in India say", "Agent Jane Doe from Acme Property said".
PLACE_LINKS: frozenset[str] = frozenset({"in", "from"})
#: After an inverted verb only "from" joins: '"...," explains Jane Doe from Acme Gardens', but
#: '"...," said Jane Doe in London' (where she spoke).
AFTER_LINKS: frozenset[str] = frozenset({"from"})
_NO_LINKS: frozenset[str] = frozenset()


def _place_link(ctx: _Ctx, k: int, j: int, links: frozenset[str] = PLACE_LINKS,
                i: int | None = None) -> bool:
    """toks[k] is one of `links` between a head and a name: "in Gaza", "from the NPS". The
    phrase before it, from toks[i], is a role noun, opens with an article or has two words
    or more: not one capitalised word, which may be an adverb ("Völlig in Ordnung")."""
    if ctx.toks[k].text not in links or k + 1 >= j or not ctx.joined(k + 1):
        return False
    if i is not None and k - i < 2 and ctx.toks[i].kind != DET and (
            ctx.toks[k - 1].text.casefold() not in ROLE_NOUNS):
        return False  # ("Reporters from Acme", "Police in Acmeton": role nouns, capitalised)
    nxt = ctx.toks[k + 1]
    if nxt.kind == DET and k + 2 < j and ctx.joined(k + 2):
        nxt = ctx.toks[k + 2]
    return nxt.kind == NAME


def _parse_np(ctx: _Ctx, i: int, j: int, loose: bool,
              places: frozenset[str] = _NO_LINKS, bare: bool = False) -> int | None:
    """Parse toks[i:j] as a name; return the end (exclusive) of its longest valid prefix.

    A name is [DET] mod* head+ (CONN [DET] mod* head+)* where a head is a capitalised word,
    a role noun or an "(ACR)". A possessive acts like a determiner; in loose mode lowercase
    words may follow it to the end ("the Army's chief weapons buyer"). Romance languages
    allow two adjectives after a head ("esercito israeliano"). A head may take a place or
    body after one of `places` ("the Health Ministry in Gaza": `PLACE_LINKS`, `AFTER_LINKS`).
    `bare`: in a Romance language, the name may open with a lowercase noun and no article
    when a connector and a capitalised name follow it ("…, diz comentarista do Acme TV").
    """
    state, best, lows, possessed, skip = "pre", None, 0, False, i
    romance = ctx.grammar in _ROMANCE
    for k in range(i, j):
        if k < skip:
            continue
        t = ctx.toks[k]
        kind = LOW if k > i and t.kind == DET and _foreign_article(ctx, t.text) else t.kind
        if k > i and _inner_opener(ctx, k):
            kind = NAME  # "Craig Hoy"
        if k > i and kind != CONN and _elided_article(t.text) and (
                ctx.toks[k - 1].kind not in (CONN, AND)):
            break  # "Acme l'ambasciatore": an article opens another name
        if kind in _HEADS:
            if kind == ACR and k == i:
                return None
            state = "pre" if t.poss else "head"
            possessed = possessed or t.poss
            best, lows = k + 1, 0
        elif kind == DET:
            genitive = state == "head" and t.text in GENITIVES and not (  # "Sprecherin der Polizei"
                t.text == "der" and ctx.grammar == "de" and _dative_outlet_after(ctx, i, k, j))
            titled = t.text[:1].isupper() and ctx.toks[k - 1].text.casefold() in _MEDIA_NOUNS  # "quotidien Le Monde"
            linked = ctx.toks[k - 1].text in places  # "from the NPS"
            if k != i and ctx.toks[k - 1].kind not in (CONN, AND) and not genitive and not titled and (
                    not _particle(ctx, k)) and not linked:
                break
            state = "pre"
        elif kind == AND and romance and state == "head" and _paired_adjective(ctx, k, j):
            best, skip = k + 2, k + 2  # "funzionari egiziani e palestinesi"
        elif kind in (CONN, AND):
            if state == "head":
                state = "pre"
                continue
            skip = _attribute_end(ctx, k, j)
            if not skip:
                break
        elif kind == NUM and state == "head" and _channel_number(ctx, k):
            best = k + 1  # "Channel 13", "Radio 1"
        elif places and state == "head" and _place_link(ctx, k, j, places, i):
            state = "pre"  # "the Health Ministry in Gaza"
        elif (kind == LOW and romance and state == "pre" and k > i and len(t.text) > 4
              and _romance_noun(ctx, k, j)) or (
                bare and romance and kind == LOW and k == i and k + 2 < j
                and ctx.toks[k + 1].kind == CONN and ctx.toks[k + 2].kind == NAME):
            state, best = "head", k + 1  # "ministero della salute", "dipartimento di Stato"
        elif kind == LOW and (tied := _close_to_end(ctx, k, j)):
            return tied  # "sources close to the campaign": the tie ends the name
        elif kind == LOW:
            lows += 1
            tail_ok = (loose and possessed) or (romance and _ADJ_SUFFIX.search(t.text))
            if lows > 3 or (state == "head" and not tail_ok and not _inner_lowercase(ctx, k, j)):
                break
            if state == "head" or (loose and possessed):
                best = k + 1
        else:
            break
    return best


def _dative_outlet_after(ctx: _Ctx, i: int, k: int, j: int) -> bool:
    """toks[k] is a German "der" that opens an outlet spoken to, not a genitive of the name
    toks[i:k]: "sagte Karl Doe der Acme Zeitung" (after a person's first and last name) or
    "sagte ein Sprecher der Polizei der Acme Presse-Agentur" (after a genitive already): a
    name takes one genitive, and a person's name none (kleinezeitung.at, mz-web.de,
    techfieber.de, mopo.de print the dative outlet after the verb)."""
    if k - i < 2:
        return False
    person = ctx.toks[k - 1].kind == NAME and ctx.toks[k - 2].kind == NAME and ctx.joined(k - 1)
    if not person and not any(ctx.toks[n].text in GENITIVES for n in range(i + 1, k)):
        return False
    # (`names._outlet`'s word test, which this module, of the same rank, may not import, and
    # a compound's last part: "Bild-Zeitung")
    words = [ctx.toks[n].text.casefold() for n in range(k + 1, min(j, k + 4)) if ctx.joined(n)]
    return any(w in _MEDIA_NOUNS or w.rsplit("-", 1)[-1] in _MEDIA_NOUNS or w in MEDIA for w in words)


#: Words that tie an unnamed source to whom it knows: "sources close to the campaign",
#: "people familiar with the matter", "a person briefed on the talks" (with the word after).
CLOSE_TO: frozenset[tuple[str, str]] = frozenset({
    ("close", "to"), ("familiar", "with"), ("briefed", "on")})
#: Nouns for unnamed people that such a tie names: "a person close to ...". A role noun
#: takes no tie: "a senior official familiar with the talks" is "a senior official".
PEOPLE: frozenset[str] = frozenset({"person", "people", "persons", "source", "sources"})
#: Longest phrase after a tie ("the matter", "the family of the late mayor"), in tokens.
MAX_CLOSE_TOKENS = 6


def _close_to_end(ctx: _Ctx, k: int, j: int) -> int | None:
    """'sources close to the campaign': where a tie at toks[k] after a noun for people ends
    (the noun phrase after "to", "with" or "on"), or None when toks[k] is none."""
    if k == 0 or k + 2 >= j or not ctx.joined(k + 1) or not ctx.joined(k + 2):
        return None
    if (ctx.toks[k].text, ctx.toks[k + 1].text) not in CLOSE_TO:
        return None
    if ctx.toks[k - 1].text.casefold() not in PEOPLE:
        return None  # "a senior official familiar with the talks": the official is named
    end = None
    for n in range(k + 2, min(j, k + 2 + MAX_CLOSE_TOKENS)):
        t = ctx.toks[n]
        if n > k + 2 and not ctx.joined(n) or t.kind not in (DET, CONN, LOW, NAME, ROLE, ACR):
            break
        if t.kind not in (DET, CONN):
            end = n + 1
    return end


def _close_to(words: list[str]) -> bool:
    """The words of a phrase hold a tie of `CLOSE_TO`."""
    return any(pair in CLOSE_TO for pair in zip(words, words[1:]))


def _romance_noun(ctx: _Ctx, k: int, j: int) -> bool:
    """toks[k], lowercase, is a Romance noun inside a name: after a connector ("ministero
    della salute"), after a connector and an article ("Alto commissario per i diritti
    umani"), or after an opening article and before a connector ("il gruppo di Medici
    Senza Frontiere", "la campaña de Acme")."""
    prev = ctx.toks[k - 1]
    if prev.kind == CONN:
        return True
    if prev.kind != DET:
        return False
    if k >= 2 and ctx.toks[k - 2].kind == CONN:  # "per i diritti", not "Da più di una settimana"
        return k > 2 and ctx.toks[k - 3].kind in (NAME, ROLE)
    return k + 2 < j and ctx.toks[k + 1].kind == CONN and ctx.toks[k + 2].kind == NAME


def _paired_adjective(ctx: _Ctx, k: int, j: int) -> bool:
    """toks[k] ("e", "y") joins two Romance adjectives after a head: "funzionari egiziani e
    palestinesi", "autoridades locales y regionales"."""
    if k + 1 >= j or not ctx.joined(k + 1) or ctx.toks[k - 1].kind != LOW:
        return False
    after = ctx.toks[k + 1]
    return (after.kind == LOW and bool(_ADJ_SUFFIX.search(after.text))
            and bool(_ADJ_SUFFIX.search(ctx.toks[k - 1].text)))


def _inner_opener(ctx: _Ctx, k: int) -> bool:
    """toks[k] is a capitalised day word or sentence opener after a name: a word of that name
    ("Craig Hoy", "Comando Sur"), not a day or an adverb ("Hoy el ministro dijo")."""
    t = ctx.toks[k]
    return (t.kind == NON and k > 0 and ctx.joined(k) and ctx.toks[k - 1].kind == NAME
            and t.text[:1].isupper() and (t.text.casefold() in _DAY_WORDS or t.text.casefold() in OPENERS))


def _foreign_article(ctx: _Ctx, word: str) -> bool:
    """`word`, a determiner of some language in lowercase, is none of the entry's known
    language. (A capitalised one opens a name of its own: "„The Sun“", "El País".)"""
    own = ARTICLES.get(ctx.grammar)
    return own is not None and len(word) > 1 and word.islower() and word not in own


def _particle(ctx: _Ctx, k: int) -> bool:
    """toks[k] is a capitalised article between two names: "Bruno Le Maire", "Marine Le Pen"."""
    t = ctx.toks[k]
    return (t.text[:1].isupper() and 0 < k < len(ctx.toks) - 1 and ctx.joined(k)
            and ctx.joined(k + 1) and ctx.toks[k - 1].kind == NAME and ctx.toks[k + 1].kind == NAME)


def _attribute_end(ctx: _Ctx, k: int, j: int) -> int:
    """German "der von der Hamas kontrollierte Zivilschutz": where an attribute that opens
    with "von" after an article ends (its participle, before the noun); 0 if none."""
    if k == 0 or ctx.toks[k].text not in ("von", "vom") or ctx.toks[k - 1].kind != DET or (
            ctx.grammar != "de"):
        return 0
    for n in range(k + 2, min(k + 6, j - 1)):
        t = ctx.toks[n]
        if t.kind == LOW:
            return n if t.text.endswith(_PARTICIPLE_ENDS) and ctx.toks[n + 1].kind == NAME else 0
    return 0


_PARTICIPLE_ENDS = ("te", "ten", "tem", "ter", "tes", "ene", "enen", "enem", "ener", "enes")


def _elided_article(word: str) -> bool:
    """"l'ambasciatore", "un'agenzia": an elided article and its noun."""
    return (word[1:2] in _APOSTROPHES and word[0] in "lL") or (
        word[2:3] in _APOSTROPHES and word[:2].casefold() == "un")


def _channel_number(ctx: _Ctx, k: int) -> bool:
    """toks[k] numbers the broadcaster before it: "Channel 13", "Radio 1", "Kanal 12"."""
    t = ctx.toks[k]
    return (len(t.text) <= 3 and t.text.isdigit() and k > 0 and ctx.joined(k)
            and _elided(ctx.toks[k - 1].text).casefold() in _NUMBERED_NOUNS)


def _inner_lowercase(ctx: _Ctx, k: int, j: int) -> bool:
    """A lowercase word inside a name, between heads.

    English: a title between names ("Chief constable Jane Doe", "Acme reporter Becky"), or
    one or two lowercase modifiers between a name and a role noun ("Federal safety
    officials", "New York state officials", "US national security spokesperson").
    Romance: adjectives before a connector, a name or an elided preposition and its noun
    ("ministro russo degli Esteri", "capo di stato maggiore acmese Mario Rossi",
    "stato maggiore dell'esercito"). Slavic: a role noun's complement (`_role_complement`).
    Never in German, where every noun is capitalised and a lowercase word between two is
    a verb.
    """
    lang = ctx.grammar
    if lang == "de" or k + 1 >= j:
        return False
    if lang in _ROMANCE:
        return any(t.kind in (NAME, CONN) or (t.kind == ROLE and _elided(t.text) != t.text)
                   for t in ctx.toks.between(k + 1, min(k + 3, j)))
    if lang in ARTICLELESS and _role_complement(ctx, k, j):
        return True
    before, after = ctx.toks[k - 1].kind, ctx.toks[k + 1].kind
    if before == NAME and after in (NAME, ROLE):
        return True
    # two lowercase modifiers between a name and a role noun: "US national security
    # spokesperson Jane Doe", "Acme-based product liability lawyer John Roe"
    return (before == NAME and after == LOW and k + 2 < j and ctx.toks[k + 2].kind == ROLE) or (
        before == LOW and after == ROLE and k >= 2 and ctx.toks[k - 2].kind == NAME)


#: Lowercase words at most between a role noun and the name after it, in a language without
#: articles: "министр иностранных дел России Сергей Лавров".
MAX_ROLE_COMPLEMENT = 3
#: Shortest word of a role noun's complement ("дел"); most prepositions are shorter.
MIN_COMPLEMENT_CHARS = 3
#: Russian, Ukrainian, Polish and Czech prepositions of three letters or more: no complement
#: ("министр через Telegram", "minister podczas konferencji").
_SLAVIC_PREPOSITIONS = frozenset("""
для при без под над про через между перед после від під між після
dla przy bez pod nad przez między przed podczas pro při přes mezi před během
""".split())


def _role_complement(ctx: _Ctx, k: int, j: int) -> bool:
    """toks[k] is one of at most `MAX_ROLE_COMPLEMENT` lowercase words (a genitive or an
    adjective, no preposition) between a role noun and a capitalised word, in a language
    without articles: "министр транспорта Евгений Дитрих" (tass.ru), "министр иностранных
    дел России" (kommersant.ru), "ministra financí Zbyňka Stanjury" (seznamzpravy.cz),
    "rzeczniczka prasowa Anna Malinowska" (wirtualnemedia.pl), as "..., сообщил министр
    транспорта Евгений Дитрих" prints it after its verb."""
    def complement(i: int) -> bool:
        t = ctx.toks[i]
        return (t.kind == LOW and len(t.text) >= MIN_COMPLEMENT_CHARS and ctx.joined(i)
                and t.text not in _SLAVIC_PREPOSITIONS)

    s = k
    while s > 0 and k - s < MAX_ROLE_COMPLEMENT and complement(s):
        s -= 1
    if s == k or ctx.toks[s].kind != ROLE or not ctx.joined(s + 1):
        return False
    e = k
    while e < j and e - s <= MAX_ROLE_COMPLEMENT and complement(e):
        e += 1
    return e < j and e - s - 1 <= MAX_ROLE_COMPLEMENT and ctx.toks[e].kind in (NAME, ACR) and ctx.joined(e)


def _back_np(ctx: _Ctx, cue_start: int, anchored: bool = False) -> tuple[int, int] | None:
    """The name that ends right before `cue_start` and opens its clause: token range [s, e).

    `anchored`: the caller has found the name's left edge by other means (a comma before an
    apposition or a relative clause), so the name need not open a clause.
    """
    e = ctx.index_at(cue_start)
    if e == 0 or not _blank(ctx.text[ctx.toks[e - 1].end:cue_start]):
        return None
    s, lows = e, 0
    while s > 0 and e - s < MAX_NP_TOKENS:
        t = ctx.toks[s - 1]
        if s < e and not ctx.joined(s):
            break
        if t.kind == DET and s < e and _foreign_article(ctx, t.text):
            t = t._replace(kind=LOW)  # "I senatori dem Chris Doe": no article in Italian
        if _inner_opener(ctx, s - 1):
            t = t._replace(kind=NAME)  # "Craig Hoy said": a surname, not "today"
        tie = s > 1 and (ctx.toks[s - 2].text, t.text) in CLOSE_TO  # "close to"
        if t.kind not in (NAME, ROLE, ACR, DET, CONN, AND, LOW) and not (
                t.kind == NUM and s > 1 and _channel_number(ctx, s - 1)) and not (
                s > 1 and ctx.toks[s - 2].kind in (NAME, ROLE) and _place_link(ctx, s - 1, e)) and (
                not tie):
            break
        lows += t.kind == LOW
        if lows > 3:
            break
        s -= 1
        if t.kind == DET and not (s > 0 and (ctx.toks[s - 1].kind in (CONN, AND) or (
                t.text in GENITIVES and ctx.toks[s - 1].kind in (NAME, ROLE)) or _particle(ctx, s)
                or ctx.toks[s - 1].text in PLACE_LINKS
                or s > 1 and (ctx.toks[s - 2].text, ctx.toks[s - 1].text) in CLOSE_TO)):
            break
    for start in range(s, e):
        t = ctx.toks[start]
        # (not in German, where a lowercase word before a noun is a pronoun or an adjective:
        # "hat seine Haltung bekräftigt")
        title = (t.kind == LOW and start + 1 < e and ctx.toks[start + 1].kind in (NAME, ROLE)
                 and ctx.grammar != "de")
        if t.kind in (CONN, AND) or (t.kind == LOW and not title):
            continue  # a lowercase title may open a name: "councillor Jane Doe", "rail official"
        if _parse_np(ctx, start, e, loose=True, places=PLACE_LINKS) == e and (
                anchored or _opens_clause(ctx, start)) and not _anonymous_place(ctx, start, e):
            return start, e
    return None


def _anonymous_place(ctx: _Ctx, s: int, e: int) -> bool:
    """'An MP in Plymouth', 'a school in Acmeville': an indefinite head and where it is, no
    name of a source."""
    return ctx.toks[s].text.casefold() in INDEFINITE and any(
        ctx.toks[k].text in PLACE_LINKS for k in range(s + 1, e))


def _opens_clause(ctx: _Ctx, start: int) -> bool:
    """A subject starts its clause: after punctuation, a clause word or an adverb."""
    if start == 0 or not ctx.joined(start):
        return True
    prev = ctx.toks[start - 1]
    low = prev.text.casefold()
    if low in PREPOSITION_OPENERS or (prev.text == "In" and ctx.grammar == "de"):
        return False  # "Im Interview spricht ...": the preposition's object, no subject
    return low in CLAUSE_WORDS or low in AND_WORDS or low in _AUX_WORDS or prev.kind == NON


#: Lowercase words a sentence's subject may have after its first, capitalised word in a
#: language without articles: adjectives before the noun, a genitive after it.
MAX_SUBJECT_LOWS = 3


def _sentence_subject(ctx: _Ctx, cue_start: int) -> tuple[int, int] | None:
    """'Американський сенатор звинуватив', 'Міністр охорони здоров’я попередив': a sentence
    that opens with a capitalised word and one to `MAX_SUBJECT_LOWS` lowercase words right
    before the verb. With no articles to mark where a name starts (Slavic languages), the
    sentence's start does; the capitalised word is no pronoun ("Хтось") or day ("Вчера")."""
    e = ctx.index_at(cue_start)
    if e < 2 or not _blank(ctx.text[ctx.toks[e - 1].end:cue_start]):
        return None
    for s in range(e - 1, max(e - MAX_SUBJECT_LOWS - 1, 0) - 1, -1):
        t = ctx.toks[s]
        if s < e - 1 and not ctx.joined(s + 1):
            return None
        if t.kind == NAME:
            day = t.text.casefold() in lexicon.HAND_DAY_WORDS  # "Вчера министр заявил"
            return (s, e) if s < e - 1 and not day and _sentence_start(ctx, s) else None
        if t.kind not in (LOW, ROLE):
            return None
    return None


def _document_subject(ctx: _Ctx, cue_start: int) -> tuple[int, int] | None:
    """'..., study says', 'report claims', 'A new survey warns': a document noun (a report
    noun such as "report", "study", "survey") that opens its clause right before the verb,
    alone or after an indefinite article and at most one lowercase word. With a definite
    article ("the report said") it refers back to a document named before, and is no
    source."""
    e = ctx.index_at(cue_start)
    if e == 0 or not _blank(ctx.text[ctx.toks[e - 1].end:cue_start]):
        return None
    if ctx.toks[e - 1].text.casefold() not in REPORT_NOUNS:
        return None
    s = e - 1
    if s > 0 and ctx.joined(s) and ctx.toks[s - 1].kind == LOW:
        s -= 1  # "new"
    if s > 0 and ctx.joined(s) and ctx.toks[s - 1].text.casefold() in INDEFINITE:
        s -= 1
    if s > 0 and ctx.joined(s):
        return None  # "the report", "shows report": no clause opens here
    return s, e


def _sentence_start(ctx: _Ctx, k: int) -> bool:
    """toks[k] opens a sentence: the text's or the headline's start, or after a full stop,
    question or exclamation mark, colon or line break."""
    if k == 0 or ctx.toks[k].start == ctx.head_start:
        return True
    gap = ctx.text[ctx.toks[k - 1].end:ctx.toks[k].start]
    return any(ch in _SENTENCE_ENDS or ch == ":" for ch in gap) or (
        ctx.toks[k - 1].text[-1:] in (".", "!", "?", ":"))


def _apposition(ctx: _Ctx, cue_start: int) -> tuple[int, int] | None:
    """'the UK's prime minister, Rishi Sunak, has said': the name between the commas."""
    before = ctx.text[:cue_start].rstrip(" \t\u00a0")
    if not before.endswith(","):
        return None
    found = _back_np(ctx, len(before) - 1, anchored=True)
    if found and ctx.text[:ctx.toks[found[0]].start].rstrip(" \t\u00a0").endswith(","):
        return found
    return None


def _named_holder(ctx: _Ctx, k: int) -> tuple[int, int] | None:
    """'Jane Doe, the agency's chief executive, said': the person named before the role.

    The name before the comma must open its clause and be two to four capitalised words
    (a title abbreviation such as "Cllr" among them): a person's name, not a place
    ("In Berlin, the minister said") or a time ("Last week, ...").
    """
    before = ctx.text[:ctx.toks[k].start].rstrip(" \t\u00a0")
    if not before.endswith(","):
        return None
    found = _back_np(ctx, len(before) - 1)
    if not found or not 2 <= found[1] - found[0] <= 4:
        return None
    return found if all(t.kind == NAME for t in ctx.toks.between(*found)) else None


def _aside(ctx: _Ctx, cue_start: int) -> tuple[int, int] | None:
    """The subject before a comma and a verb: 'Jane Doe, 45, said', 'il ministero, gestito
    da Acme, ha riferito' (an aside between two commas, after a subject that opens its
    clause), 'Il capo ... Mario Rossi, ha affermato' (a stray comma, after a subject of
    two words or more that opens its sentence).

    The aside is short and holds no quote, sentence mark or line break, so that '"...",
    said X' keeps its subject after the verb."""
    before = ctx.text[:cue_start].rstrip(" \t\u00a0")
    if not before.endswith(","):
        return None
    end = len(before) - 1
    first = before.rfind(",", max(0, end - MAX_ASIDE_CHARS), end)
    if first >= 0 and _ASIDE_BREAKS.isdisjoint(before[first + 1:end]):
        return _back_np(ctx, first)
    found = _back_np(ctx, end)
    if not found or found[1] - found[0] < 2:
        return None
    head = ctx.text[:ctx.toks[found[0]].start].rstrip(" \t\u00a0")
    return found if not head or head[-1] in _SENTENCE_ENDS else None


_ASIDE_BREAKS = frozenset(".!?;:\n" + _QUOTE)
_SENTENCE_ENDS = frozenset(".!?\n")


def _relative(ctx: _Ctx, cue_start: int) -> tuple[int, int] | None:
    """'councillor Margaret Clarke, who said': the name before ', who'."""
    k = ctx.index_at(cue_start) - 1
    if k < 1 or ctx.toks[k].text.casefold() not in RELATIVES:
        return None
    if not _blank(ctx.text[ctx.toks[k].end:cue_start]):
        return None
    before = ctx.text[:ctx.toks[k].start].rstrip(" \t\u00a0")
    return _back_np(ctx, len(before) - 1, anchored=True) if before.endswith(",") else None


def _fwd_np(ctx: _Ctx, pos: int, loose: bool,
            places: frozenset[str] = _NO_LINKS) -> tuple[int, int] | None:
    """The name that starts right after `pos`: token range [s, e) (`places`: see `_parse_np`)."""
    s = ctx.index_at(pos)
    if s >= len(ctx.toks) or not _blank(ctx.text[pos:ctx.toks[s].start]):
        return None
    e = s + 1
    while e < len(ctx.toks) and e - s < MAX_NP_TOKENS and ctx.joined(e):
        e += 1
    end = _parse_np(ctx, s, e, loose, places, bare=True)
    if not end:
        return None
    return s, _appended_name(ctx, s, end) or end


def _appended_name(ctx: _Ctx, s: int, e: int) -> int | None:
    """'il portavoce del dipartimento di Stato, Matthew Miller': a role, then its holder."""
    if not any(t.kind == ROLE for t in ctx.toks.between(s, e)) or e >= len(ctx.toks):
        return None
    if ctx.text[ctx.toks[e - 1].end:ctx.toks[e].start].strip(" \t") != ",":
        return None
    n = e
    while n < len(ctx.toks) and n - e < 4 and ctx.toks[n].kind == NAME:
        if n > e and not ctx.joined(n):
            break
        n += 1
    return n if n - e >= 2 else None


def _split_and(ctx: _Ctx, s: int, e: int, strict: bool = True) -> list[tuple[int, int]]:
    """'Reuters and the Wall Street Journal' -> two names."""
    cuts = [k for k in range(s, e) if ctx.toks[k].kind == AND]
    parts = list(zip([s] + [k + 1 for k in cuts], cuts + [e]))
    return [(a, b) for a, b in parts if b > a and _valid(ctx, a, b, strict)]


def _valid(ctx: _Ctx, s: int, e: int, strict: bool = True) -> bool:
    """A phrase names a source: not a pronoun, label, anaphor or bare generic role.

    Not strict (after "according to", "citing"): any role noun will do ("a senior official").
    Strict: an institution ("the police"), or a role that a lowercase word qualifies ("a
    health leader", "il portavoce militare"), but for English "the" + title, which refers
    back to someone named ("the prime minister said").
    """
    toks = ctx.toks.between(s, e)
    words = [t.text.casefold() for t in toks]
    phrase = " ".join(words)
    if phrase in NOT_SOURCES or _LEAD_ARTICLE.sub("", phrase) in NOT_SOURCES:
        return False
    if any(w in ANAPHORIC for w in words):
        return False
    if _close_to(words):
        return True  # "people familiar with the matter": unnamed, but tied to whom they know
    names = [t for t in toks if t.kind in (NAME, ACR)]
    if names:
        documents = all(_TRAIL_POSS.sub("", t.text.casefold()) in REPORT_NOUNS for t in names)
        return not (documents and toks[0].kind == DET)  # "den Angaben" refers back
    roles = {_elided(t.text.casefold()) for t in toks if t.kind == ROLE}
    if not strict:
        return bool(roles)
    if roles & INSTITUTIONS and words[0] not in INDEFINITE:
        return True
    return bool(roles) and words[0] != "the" and any(t.kind == LOW for t in toks)
