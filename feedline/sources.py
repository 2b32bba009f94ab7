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
   ("(Reuters)"), headline forms ("Sunak: ...", "Doe to Acme Radio: ...", "Piotr Nowak o
   ...", "... – Doe: “...”", "... - Health Ministry", "... – reports"; a text with no
   headline, or under a section label such as "POLITICS", has its short first line read
   as one). A headline speaker the text's own sources do not name is a topic ("Israele:").
4. *Noun phrases*: a small state machine over tokens decides how far a name reaches
   (capitalised runs with connectors, a leading article, a trailing "(ACR)", lowercase
   modifiers after a possessive: "the Army's chief weapons buyer"), by the grammar of the
   entry's language, given or guessed from its function words.

Per-language cue words, role nouns and the acronym table are plain data below.

For speed, the text is read in chunks (runs between whitespace, which no token crosses):
each distinct chunk is tokenised once per language set and remembered, with where a cue
may start in it, so an entry costs a split and a set lookup per chunk. Tokens are made
only for an entry with a cue (or headline label), and then only those next to it. A cue's
regex is tried only where its first word starts (with just the cues that open with it),
and not when the next word cannot go on the cue ("a" needs "déclaré"). Regexes are
compiled on first use.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import accumulate, chain, compress, count, islice, repeat
from operator import add
from typing import Any, Callable, Generic, Iterable, Iterator, NamedTuple, TypeVar, cast

import regex

from feedline import lexicon
from feedline.model import Role, Source, Span

__all__ = ["find_sources", "canonical_name", "MAX_CHARS"]

#: Only this many characters of an entry (headline + text) are examined.
MAX_CHARS = 5000
#: Seconds a regex scan of a whole entry may take before the pass gives up. (The linear
#: token scan and matches at one position go without: a timeout costs more than they do.)
REGEX_TIMEOUT = 0.5
#: Longest noun phrase, in tokens.
MAX_NP_TOKENS = 10
#: Longest name in a caseless script (Arabic...) before a verb, in tokens.
MAX_CASELESS_NAME = 4
#: Longest aside between a subject and its verb ("Jane Doe, 45, said").
MAX_ASIDE_CHARS = 200
#: Longest first line of a text with no headline that is read as its headline.
MAX_TITLE_LINE = 160
#: Longest name `canonical_name` reads.
MAX_NAME_CHARS = 300
#: Chunks (runs of text between whitespace) whose tokens are remembered, per language set.
MAX_KNOWN_CHUNKS = 30_000  # ~560 bytes each: some 17 MB at most, as 50,000 words were

# ----------------------------------------------------------------------------- data

#: Speech / report verbs, by language. "X <verb>" takes X before; ", <verb> X" takes X after.
VERBS: dict[str, tuple[str, ...]] = {
    "en": (
        "said", "says", "say", "stated", "states", "told", "tells", "reported", "reports",
        "announced", "announces", "wrote", "writes", "confirmed", "confirms", "warned", "warns",
        "claimed",
        "claims", "added", "noted", "explained", "insisted", "insists", "reiterated", "tweeted",
        "posted", "revealed", "reveals", "admitted", "admits", "argued", "argues", "estimated",
        "assessed", "disclosed", "acknowledged", "stressed", "urged", "urges", "predicted",
        "predicts", "denied", "denies", "declared", "alleged", "alleges", "believes", "compares",
        "expects", "defends", "defended", "praises", "praised", "slams", "slammed", "blasts",
        "blasted", "condemns", "condemned", "responds", "responded", "eulogizes", "reassures",
        "vows", "vowed", "rejects", "rejected", "criticises", "criticised", "criticizes",
        "criticized", "accuses", "accused", "hopes", "fears", "published", "replied",
        "commented", "cautioned", "emphasised", "emphasized", "informed", "hits out", "hit out",
        "lashes",
        "lashes out", "indicated", "indicates", "signalled", "signaled",
        "was quoted as saying", "were quoted as saying", "is quoted as saying",
        "given an update", "gave an update",
    ),
    "de": (
        "sagte", "sagt", "sagten", "sagen", "erklärte", "erklärt", "erklärten", "teilte",
        "teilten", "teilt", "berichtete", "berichtet", "berichteten", "berichten", "meldete",
        "meldet",
        "meldeten", "schrieb", "schreibt", "bestätigte", "bestätigt", "warnte", "warnt", "warnen",
        "kündigte", "forderte", "fordert", "fordern", "betonte", "betont", "kritisierte",
        "kritisiert", "glaubt", "spricht", "klagt", "klagen", "verkündete", "zufolge", "lehnt",
        "hieß", "wies", "räumte", "räumt",
    ),
    "fr": (
        "déclare", "annonce", "affirme", "indique", "estime", "rapporte", "dénonce", "condamne",
        "explique", "assure", "précise", "souligne", "dit", "confirme", "avertit", "demande",
    ),
    "es": (
        "dijo", "dice", "informó", "informa", "declaró", "anunció", "anuncia", "confirmó",
        "afirmó", "afirma", "aseguró", "asegura", "explicó", "señaló", "indicó", "advirtió",
        "denunció", "reportó",
    ),
    "it": (
        "dice", "afferma", "dichiara", "annuncia", "riferisce", "spiega", "sottolinea", "scrive",
        "fa sapere", "rende noto", "comunica", "avverte", "denuncia", "conferma", "riporta",
        "rivela", "precisa", "ribadisce", "aggiunge", "racconta",
    ),
    "pt": (
        "disse", "afirmou", "informou", "declarou", "anunciou", "confirmou", "explicou", "diz",
        "afirma", "informa", "anuncia", "alerta", "alertou", "explica", "revela", "revelou",
    ),
    "ro": (
        "a declarat", "a spus", "a anunțat", "a afirmat", "a transmis", "a precizat",
        "a informat", "anunță", "scrie", "relatează", "au anunțat", "au declarat", "informează",
        "transmite",
        "precizează", "declară", "afirmă", "susține", "au spus", "subliniază", "a subliniat",
    ),
    "pl": (
        "powiedział", "powiedziała", "powiedzieli", "poinformował", "poinformowała",
        "poinformowali", "poinformowało", "przekazał", "przekazała", "przekazali", "oświadczył",
        "oświadczyła", "ogłosił", "ogłosiła", "stwierdził", "stwierdziła", "napisał", "napisała",
        "podał", "podała", "podało", "dodał", "dodała", "zapowiedział", "mówi", "twierdzi",
        "uważa", "podaje", "informuje", "przekazuje",
    ),
    "uk": (
        "повідомив", "повідомила", "повідомили", "повідомляє", "повідомило", "заявив",
        "заявила", "заявили", "заявляє", "сказав", "сказала", "сказали", "наголосив", "зазначив",
        "зазначила", "написав", "написала", "підтвердив", "підтвердили", "анонсував", "оголосив",
        "оголосила",
        "пише", "інформує",
    ),
    "ru": (
        "сообщил", "сообщила", "сообщили", "сообщает", "сообщило", "заявил", "заявила",
        "заявили", "заявляет", "сказал", "сказала", "сказали", "отметил", "отметила", "подчеркнул",
        "написал", "написала", "подтвердил", "подтвердили", "рассказал", "рассказала",
        "анонсировал",
        "объявил", "объявила", "объявили", "считает", "пишет",
    ),
    "cs": ("řekl", "řekla", "řekli", "uvedl", "uvedla", "uvedlo", "oznámil", "oznámila",
           "sdělil", "sdělila", "napsal", "napsala", "uvádí", "popisuje"),
    "fi": ("sanoi", "kertoi", "ilmoitti", "totesi", "mukaan"),
    "ar": ("قال", "قالت", "يقول", "تقول", "أكد", "أكدت", "يؤكد", "تؤكد", "أعلن", "أعلنت", "يعلن",
           "تعلن", "أفاد", "أفادت", "صرح", "صرّح", "صرحت", "أبلغ", "أبلغت", "يرد", "ترد", "رد",
           "ردت", "كشف", "كشفت", "يكشف", "تكشف", "أوضح", "أوضحت", "اعتبر", "اعتبرت"),
}
#: Romanian is written with comma-below "ș", "ț" and with the older cedilla "ş", "ţ": both.
VERBS["ro"] += tuple(v.translate(str.maketrans("șțȘȚ", "şţŞŢ")) for v in VERBS["ro"]
                     if v != v.translate(str.maketrans("șțȘȚ", "şţŞŢ")))

#: Words that may stand between the subject and its verb ("has said", "hat ... gesagt").
AUXILIARIES: dict[str, tuple[str, ...]] = {
    "en": ("has", "have", "had", "also", "previously", "earlier", "later", "reportedly",
           "separately", "recently", "then", "again", "has also", "had also"),
    "de": ("hat", "haben", "hatte", "hatten", "auch", "bereits", "zuvor"),
    "fr": ("a", "ont", "avait", "avaient", "aussi", "également", "a également", "a aussi"),
    "es": ("ha", "han", "había", "también"),
    "it": ("ha", "hanno", "aveva", "anche", "ha anche"),
    "pt": ("tem", "também"),
    "ro": ("și",),
    "pl": ("też", "również"),
    "uk": ("також", "вже"),
    "ru": ("также", "уже"),
    "cs": ("také",),
    "fi": ("myös",),
}

#: Past participles that attribute after an auxiliary: "a déclaré", "ha detto", "ha informado".
PARTICIPLES: dict[str, tuple[str, ...]] = {
    "fr": ("déclaré", "annoncé", "affirmé", "indiqué", "précisé", "expliqué", "confirmé",
           "averti", "dit", "estimé", "rapporté", "assuré", "écrit", "souligné", "dénoncé",
           "condamné",
           "demandé", "prévenu", "fait savoir"),
    "it": ("detto", "dichiarato", "annunciato", "riferito", "spiegato", "confermato",
           "affermato", "scritto", "sottolineato", "precisato", "reso noto", "fatto sapere",
           "comunicato",
           "denunciato", "avvertito", "aggiunto", "ribadito", "raccontato", "commentato",
           "aggiornato"),
    "es": ("dicho", "informado", "declarado", "anunciado", "confirmado", "afirmado",
           "asegurado", "explicado", "señalado", "indicado", "advertido"),
    "pt": ("dito", "informado", "afirmado", "anunciado"),
}
PERFECT_AUX: dict[str, tuple[str, ...]] = {
    "fr": ("a", "ont", "avait", "avaient", "a également", "ont également", "a aussi"),
    "it": ("ha", "hanno", "aveva", "avevano", "ha anche"),
    "es": ("ha", "han", "había", "habían"),
    "pt": ("tem", "têm", "havia"),
}

#: Prepositions followed by the source: "according to X", "laut X". Any noun phrase with a
#: name or a role noun counts after these ("according to a senior official").
PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "en": ("according to", "via", "appeared first on", "interview with", "speaking to",
           "reported by", "quoted by", "published by"),
    "de": ("laut", "nach Angaben von", "nach Angaben der", "nach Angaben des", "nach Angaben",
           "nach Informationen von", "nach Informationen der", "nach Informationen des",
           "nach Informationen", "nach Berichten von", "nach Berichten der", "nach Berichten des",
           "gemäß", "im Interview mit", "im Gespräch mit"),
    "fr": ("selon", "d'après", "d’après"),
    "es": ("según", "de acuerdo con"),
    "it": ("secondo", "stando a", "stando al", "stando alla", "stando ai", "intervista a",
           "intervista al", "intervista alla", "intervista con", "un'intervista a",
           "un'intervista al", "un'intervista alla", "un’intervista a", "un’intervista al",
           "un’intervista alla"),
    "pt": ("segundo", "de acordo com", "conforme"),
    "ro": ("potrivit", "conform", "citat de", "apare prima dată în", "apare prima dată pe"),
    "pl": ("według",),
    "uk": ("за даними", "за словами", "за інформацією", "згідно з"),
    "ru": ("по данным", "по словам", "по информации", "согласно"),
    "cs": ("podle",),
    "fi": (),
}

#: Phrases after which the speaking subject follows, as after an inverted verb:
#: "Об этом сообщил X", "Lo ha detto X", "jak podaje X". The subject must be a name.
INVERTED: dict[str, tuple[str, ...]] = {
    "en": (),
    "de": (),
    "fr": (),
    "es": (),
    "it": ("come riporta", "come riferisce", "come scrive"),
    "pt": (),
    "ro": (),
    "pl": ("jak podaje", "jak informuje", "jak poinformował", "jak poinformowała"),
    "uk": ("як повідомляє", "як повідомили", "як повідомив", "повідомили в", "повідомили у",
           "про це повідомили в", "про це повідомили у",
           "про це повідомив", "про це повідомила", "про це повідомили", "про це заявив",
           "про це заявила", "про це пише", "про це повідомляє"),
    "ru": ("как сообщает", "как сообщили", "сообщили в", "об этом сообщили в",
           "об этом сообщил", "об этом сообщила",
           "об этом сообщили", "об этом заявил", "об этом заявила", "об этом сообщает",
           "об этом пишет"),
    "cs": ("jak uvedl", "jak uvedla", "jak řekl", "jak řekla"),
    "fi": (),
}

#: Phrases after which the named source is *cited* by the origin: "citing Y".
CITING: dict[str, tuple[str, ...]] = {
    "en": ("citing", "quoting", "cited", "quoted"),
    "de": ("unter Berufung auf", "zitiert", "zitierte"),
    "fr": ("citant", "citant des", "en citant"),
    "es": ("citando", "citando a"),
    "it": ("citando",),
    "pt": ("citando",),
    "ro": ("citând",),
    "pl": ("cytując", "powołując się na"),
    "uk": ("посилаючись на",),
    "ru": ("ссылаясь на",),
    "cs": ("s odvoláním na",),
    "fi": (),
}

#: Cues given as (bounded) regex source, for forms a word list cannot express, as
#: (kind, pattern) with kind "prep" (like PREPOSITIONS) or "subj" (like INVERTED).
PATTERN_CUES: dict[str, tuple[tuple[str, str], ...]] = {
    "it": (
        # "Lo hanno riferito stamani fonti locali": the subject follows the verb
        ("subj", r"lo\s(?:ha\s|hanno\s)?(?:anche\s)?(?:riferit[oi]|riferisc(?:e|ono)|"
                 r"riport(?:a|ano)|dic(?:e|ono)|detto|scriv(?:e|ono)|rend(?:e|ono)\snoto|"
                 r"reso\snoto|annunciat?[oaie]?|affermat?[oaie]?|comunicat?[oaie]?|"
                 r"confermat?[oaie]?|precisat?[oaie]?|spiegat?[oaie]?|fatto\ssapere|fa\ssapere|"
                 r"fanno\ssapere|ribadit[oaie]|ribadisc(?:e|ono)|dichiarat[oaie]|dichiar(?:a|ano)|"
                 r"scritto|sottolineat[oaie])"
                 r"(?:\s(?:stamani|oggi|ieri))?"),
        # "È quanto riferisce l'agenzia X", "secondo quanto riporta X"
        ("subj", r"quanto\s(?:riferisc(?:e|ono)|riport(?:a|ano)|scriv(?:e|ono)|rend(?:e|ono)\snoto|"
                 r"afferm(?:a|ano)|dic(?:e|ono)|annunci(?:a|ano)|sostien(?:e|ono))"),
        # "una nota riportata dai media locali": the agent of a passive report verb
        *(("prep", form + r"\s(?:da|dal|dallo|dalla|dai|dagli|dalle)(?=\s)")
          for stem in ("riportat", "citat", "riferit", "rilanciat", "diffus", "pubblicat",
                       "annunciat")
          for form in (stem + "o", stem + "a", stem + "i", stem + "e")),
        # '"...". Così l'ambasciatore israeliano, Alon Bar': a quote, then its speaker
        ("subj", r"(?<=[.!?\"”»]\s{0,3})Così(?=\s)"),
    ),
    "de": (
        # '..., so ein Sprecher.' (a name or an article follows: not English ", so far")
        ("subj", r"(?<=,\s{0,3})so(?=\s(?-i:\p{Lu}|(?:ein|eine|einer|der|die|das|des|dem|den)\s))"),
        # "sagte er auf die Frage der Zeitung Acme", "auf Anfrage des Senders": who asked
        ("prep", r"auf\s(?:die\s|eine\s)?(?:Frage|Anfrage)(?=\s(?:der|des|von|vom)\s)"),
        # "nach palästinensischen Angaben", "nach Medienberichten": the phrase is the source
        ("prep", r"nach(?=\s(?:\p{Ll}{2,30}\s)?\p{L}{0,30}"
                 r"(?:Angaben|[Bb]erichten|Informationen)\b)"),
    ),
}

#: Lowercase nouns that head an institutional source ("the German government").
ROLE_NOUNS: frozenset[str] = frozenset("""
government ministry army military police spokesperson spokesman spokeswoman spokespeople
officials official minister secretary president chairman chairwoman chair chief head director agency
office council authorities authority service department command forces force media outlet
newspaper broadcaster channel radio television tv station prosecutor prosecutors court judge
researchers scientists experts analysts sources source statement commission committee embassy
administration cabinet presidency military's government's ministry's army's police's parliament
mayor governor commissioner coach manager ceo founder leader leaders regulator watchdog union
diplomats diplomat envoy ambassador navy airforce guard guards staff reporters correspondent
milbloggers bloggers residents witnesses officers officer spokesperson's company firm group
regierung
gouvernement ministère armée ministre président porte-parole agence police préfecture justice
gobierno ministerio ejército ministro presidente portavoz policía agencia fuentes fiscalía
governo ministero esercito portavoce presidenza agenzia agenzie fonti ufficio polizia procura media
dipartimento servizio
emittente tv stampa forze autorità direttore capo residenti funzionari vice ministra vicepremier
governo ministério exército porta-voz polícia agência
guvernul ministerul ministrul ministrului poliția agenția sursa surse
rząd ministerstwo minister rzecznik rzeczniczka prezydent policja agencja wojsko służby prokuratura
уряд міністерство міністр речник президент поліція агентство генштаб командування відомство
правительство министерство министр пресс-секретарь президент полиция агентство ведомство
командование минобороны мвд
vláda ministerstvo ministr mluvčí policie soud
hallitus ministeriö ministeri poliisi
""".split())

#: Connectors inside a name: "Institute for the Study of War", "Ursula von der Leyen".
CONNECTORS: frozenset[str] = frozenset("""
of for de du des del della delle dello dei degli di da do dos von vom van zu zur zum al y für
per
""".split())

#: Coordinators that join two sources ("Reuters and the Wall Street Journal").
AND_WORDS: frozenset[str] = frozenset({"and", "und", "sowie", "et", "e", "y", "і", "и", "ja"})

#: Determiners that may open a name.
DETERMINERS: frozenset[str] = frozenset("""
the a an der die das den dem des ein eine einer eines einem la le les l' el los las lo il
gli un una uno une unos unas i o os
""".split())

#: Genitive articles that join two nouns inside a name ("Sprecherin der Berliner Polizei").
GENITIVES: frozenset[str] = frozenset({"der", "des"})

#: Lowercase words that end a name: clause words and prepositions.
CLAUSE_WORDS: frozenset[str] = frozenset("""
that which who whom whose when where while as after before because since if but or nor so yet
than though although whereas once until
dass weil wenn als ob aber sondern wie
que qui quand mais car lorsque comme
que quien cuando pero porque como
che chi quando ma perché come su sul sulla sui sugli sulle nel nella nei negli nelle tra fra con
że który która które gdy ale jak
що який яка які коли але як
что который которая которые когда но как
""".split())

#: Relative pronouns: "X, who said", "X, der sagte".
RELATIVES: frozenset[str] = frozenset("""
who which der die qui che que który która które który котрий яка який которая который
""".split())

#: Capitalised words that are not names: pronouns, sentence adverbs, time words, labels.
NON_NAMES: frozenset[str] = frozenset("""
he she they it we i you his her their our my its this that these those there here
nobody somebody someone everyone everybody anyone
meanwhile earlier later however but and also so then now today yesterday tonight tomorrow
separately still yet in on at after before when while as if although though since because
according asked speaking despite with without from for by to of
monday tuesday wednesday thursday friday saturday sunday
er sie es wir ich man ihr dies diese dieser dann auch heute gestern zudem außerdem
ferner dabei inzwischen bislang bisher derzeit demnach dennoch allerdings jedoch danach
daraufhin deshalb daher zunächst
montag dienstag mittwoch donnerstag freitag samstag sonntag montagabend dienstagabend
mittwochabend donnerstagabend freitagabend samstagabend sonntagabend montagmorgen
dienstagmorgen mittwochmorgen donnerstagmorgen freitagmorgen samstagmorgen sonntagmorgen
il elle ils elles on nous je vous ce cette ces
él ella ellos ellas nosotros yo usted
lui lei loro noi io
ona oni one my ja
він вона вони ми я він
он она они мы я
jak když tak
""".split())

#: Nouns for a document that stands between a cue and its author: "a statement by X".
REPORT_NOUNS: frozenset[str] = frozenset("""
statement report data figures estimate estimates assessment survey study poll analysis release
communiqué rapport données déclaration informe datos comunicado comunicato dati rapporto nota
dane raport komunikat Angaben Bericht Mitteilung
""".casefold().split())
_BY_WORDS = frozenset(
    "by from of par de du des por del di da della dello dei degli von der".split())

#: Names that are never sources on their own.
NOT_SOURCES: frozenset[str] = frozenset((
    "officials", "sources", "people", "getty images", "shutterstock", "alamy", "twitter", "x",
    "telegram", "facebook", "instagram", "youtube",
))

#: Modifiers that make a name anaphoric or self-referential ("the same sources", "eigenen").
ANAPHORIC: frozenset[str] = frozenset("""
same other own such stesse stessi stessa stesso altre altri altro altra mêmes autres même
mismas mismos mismo otros otras gleichen anderen eigenen eigene selben
""".split())

#: Indefinite articles: "a spokesperson" alone is not a named source.
INDEFINITE: frozenset[str] = frozenset("a an ein eine einer einem eines un una uno une".split())

#: Role nouns that may stand alone as a source ("the police", "fonti locali"); other role
#: nouns ("spokesperson", "minister") need a name in the phrase.
INSTITUTIONS: frozenset[str] = frozenset("""
government ministry army military police authorities media court prosecutor prosecutors
parliament cabinet administration navy council commission researchers scientists experts
analysts witnesses residents reporters milbloggers bloggers embassy presidency regulator
regierung
gouvernement ministère armée police préfecture justice
gobierno ministerio ejército policía fuentes fiscalía
governo ministero esercito polizia procura media fonti stampa autorità residenti
governo ministério exército polícia guvernul ministerul poliția
rząd ministerstwo policja wojsko prokuratura służby
уряд міністерство поліція генштаб командування
правительство министерство полиция минобороны
vláda ministerstvo policie soud hallitus ministeriö poliisi
""".split())

#: Frequent function words, by language, for guessing an entry's language when the caller
#: names none: the grammar of names differs (Romance adjectives after the noun, German
#: nouns all capitalised). Words that several languages share vote for each of them.
FUNCTION_WORDS: dict[str, str] = {
    "en": "the and of to is was are that with for from has have this by",
    "de": "der die das und ist nicht mit den dem ein eine auf für sich von im zu auch wird hat",
    "fr": "le les des est et une dans pour qui au du sur pas aux avec ce sont il",
    "es": "el los las del que por con para una es según han se al más pero como",
    "it": "il lo gli della delle degli dello che è sono nel nella alla di per non dei ha hanno anche",
    "pt": "o os do da dos das não em uma para com é ao pela pelo foi mais que",
    "ro": "și şi în de la cu că pe din care este fost pentru au mai nu sunt",
    "pl": "i w z na się nie że do jest to od po jak ale przez",
    "cs": "a v se na je že s z do o to k jsou jako ale podle při",
    "uk": "і в на що з не у до та це як від про за й його",
    "ru": "и в на что не с по это как к о из за от для но он",
    "fi": "ja on ei että se oli ovat myös mutta kun joka tai hän mukaan",
}
_FUNCTION_LANGS: dict[str, tuple[str, ...]] = {  # as written, and capitalised
    form: tuple(k for k, words in FUNCTION_WORDS.items() if w in words.split())
    for w in {w for words in FUNCTION_WORDS.values() for w in words.split()}
    for form in (w, w.capitalize())}
#: Function words an entry needs, at the least, for its language to be guessed.
MIN_FUNCTION_WORDS = 3

#: Headline labels that are not speakers: "Live updates: ...", "Watch: ...".
LABELS: frozenset[str] = frozenset("""
live|live updates|live blog|liveblog|watch|analysis|video|videos|breaking|breaking news|update|
updated|opinion|explainer|exclusive|photos|photo|gallery|in pictures|pictured|comment|editorial|
review|interview|podcast|quiz|timeline|factbox|fact check|explained|poll|recap|preview|
what we know|key events|summary|latest|listen|read more|more|sport|news|weather|officially|
online|on-line|webinar|results|report|revealed|confirmed|official|
offiziell|
officiel|officiellement|oficial|oficialmente|ufficiale|ufficialmente|oficjalnie|официально|
офіційно|
eilmeldung|kommentar|analyse|ticker|newsblog|liveticker|vorschau|bilder|umfrage|
vidéo|en direct|direct|info|exclusif|éditorial|
en vivo|directo|última hora|vídeo|opinión|
diretta|ultim'ora|ultima ora|esclusivo|focus|intervista|
wideo|zobacz|zobacz wideo|relacja|na żywo|
відео|онлайн|фото|видео|прямая трансляция|главное|онлайн-трансляция
""".replace("\n", "").split("|"))

#: Words that make a headline label when they end it: "Monthly webinar", "Weekly quiz".
TRAILING_LABELS: frozenset[str] = frozenset("""
webinar update updates podcast quiz poll recap preview review explainer gallery video videos
photos timeline factbox summary ticker liveticker newsblog live
""".split())

#: Wire services and broadcasters that are sources when named in parentheses or told.
MEDIA: frozenset[str] = frozenset(s.casefold() for s in (
    "Reuters", "AP", "AFP", "AFX News", "AFX", "dpa", "DPA", "PA", "PA Media", "ANSA",
    "Adnkronos", "EFE", "Europa Press", "Bloomberg", "Xinhua", "TASS", "Tass", "RIA Novosti",
    "Interfax", "Ukrinform", "UNIAN", "Kyodo", "Yonhap", "KNA", "APA", "SDA", "Keystone-SDA",
    "PAP", "CTK", "ČTK", "STT", "BBC", "CNN", "ABC", "NBC", "CBS", "Sky News", "RTE", "RTÉ",
    "Al Jazeera", "Associated Press", "Agence France-Presse", "Press Association",
    "Wafa", "NNA", "IRNA", "Anadolu", "AAP", "CP", "UPI", "SID", "Belga", "ANP", "TT", "NTB",
))

#: Known acronym -> full name pairs (both directions canonicalise to the full name).
ACRONYMS: dict[str, str] = {
    "AP": "Associated Press",
    "AFP": "Agence France-Presse",
    "DPA": "Deutsche Presse-Agentur",
    "ISW": "Institute for the Study of War",
    "PA": "Press Association",
    "UN": "United Nations",
    "EU": "European Union",
    "NATO": "North Atlantic Treaty Organization",
    "WHO": "World Health Organization",
    "IMF": "International Monetary Fund",
    "HRW": "Human Rights Watch",
    "ONU": "Organisation des Nations unies",
    "OMS": "Organizzazione mondiale della sanità",
    "IDF": "Israel Defense Forces",
    "BBC": "British Broadcasting Corporation",
    "NPCC": "National Police Chiefs' Council",
    "MOD": "Ministry of Defence", "MoD": "Ministry of Defence",
    "UNICEF": "United Nations Children's Fund",
    "UNRWA": "United Nations Relief and Works Agency",
}

# ----------------------------------------------------------------------------- regex atoms

class _LazyRegex:
    """A regex compiled on first use: compiling them all would double the import time."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str) -> Any:  # reached only until the first use
        compiled = regex.compile(self.pattern, self.flags)
        for method in ("match", "fullmatch", "search", "finditer", "findall", "sub"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def _lazy(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    return cast("regex.Pattern[str]", _LazyRegex(pattern, flags))


_WORDCH = r"[\p{L}\p{M}\p{N}]"
_TITLE_ABBR = r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Rep|Sen|Gov|St|Jr|Capt|Maj|Adm|Cllr|Rev)\."
_TOKEN = _lazy(
    rf"""
    (?P<acr>\(\p{{Lu}}[\p{{Lu}}\p{{Ll}}\p{{N}}&.\-]{{0,9}}\)(?!{_WORDCH}))   # (ISW)
  | (?P<abbr>{_TITLE_ABBR}|(?:\p{{Lu}}\.){{2,6}})                             # Dr. U.S.
  | (?P<site>\p{{L}}[\p{{L}}\p{{N}}\-]{{0,40}}\.\p{{Ll}}{{2,6}}(?!{_WORDCH}|\.\p{{L}}))  # Unica.md
  | (?P<word>{_WORDCH}{{1,40}}(?:[\-'’]{_WORDCH}{{1,40}}){{0,4}}(?:['’]s?(?!{_WORDCH}))?)
    """,
    regex.X | regex.V0,
)
_PHOTO_PAREN = _lazy(
    r"\([^()\n]{0,160}?(?:/|©|\bgetty\b|\bshutterstock\b|\bphoto\b|\bfoto\b|\bimage\b|"
    r"\bcredit\b|\bpicture\b|\bafp via\b)[^()\n]{0,160}\)",
    regex.I,
)
_CREDIT_LINE = (  # a line "Photo: Jane Doe/Reuters"
    r"[ \t]{0,8}(?:photo(?:graph)?|image|picture|credit|foto|bild|fotó|zdjęcie|фото)"
    r"(?:[ \t]credit)?[ \t]{0,3}[:|][^\n]{0,200}$"
)
_BYLINE_NAME = r"\p{Lu}[\p{L}'’.\-]{0,30}"
_BYLINE = (  # a line that is only "By Jane Doe and John Roe"
    rf"[ \t]{{0,8}}(?:by|von|par|por|di|autor|автор)[ \t]{{1,3}}{_BYLINE_NAME}"
    rf"(?:[ \t]{{1,3}}(?:and|und|et|y|e|&|{_BYLINE_NAME})){{0,8}}[ \t]{{0,8}}$"
)
#: Either masked line: each matches a whole line, from its start to its end.
_MASKED_LINE = _lazy(rf"^(?:{_CREDIT_LINE}|{_BYLINE})", regex.I | regex.M | regex.V0)
_REPORTING_BY = _lazy(
    r"\b(?:reporting|writing|editing|additional reporting|compiled|written)[ \t]{1,3}by\b"
    r"[^\n.;]{0,120}",
    regex.I | regex.V0,
)
_BY = _lazy("by", regex.I | regex.V0)  # as _REPORTING_BY spells it
#: An inline photo credit: "Jane Doe / Pool via Reuters", "Jane Doe/AFP via Getty Images".
_VIA_CREDIT = _lazy(r"/[ \t]{0,3}(?:\p{Lu}[\p{L}\-]{0,30}[ \t]{1,3}){0,3}via[ \t]{1,3}\p{Lu}[\p{L}\-]{0,30}",
                    regex.V0)
#: What _PHOTO_PAREN needs, casefolded: "/", "©", or a part of one of its words without
#: an "i", "k" or "s", which a regex matches caselessly to letters that casefold apart.
_PHOTO_MARKS = ("/", "©", "getty", "hutter", "photo", "foto", "mage", "cred", "ctur", "afp v")
_WIRE = _lazy(
    r"\((?P<name>\p{L}[\p{L}.&\-]{0,20}(?:\s\p{L}[\p{L}.&\-]{0,20}){0,2})\)"
    r"(?P<after>\s{0,3}[-–—]|[ \t]*$)?",
    regex.M,
)
_HEAD_SUFFIX = _lazy(
    r"\s[-–—]\s?(?P<name>[\p{L}][\p{L}\p{M}'’.&\- ]{1,60}?)[ \t]*$"
)
_HEAD_COLON = _lazy(  # an optional one-word section first: "Żużel. Piotr Nowak: ..."
    r"[ \t]*(?:[^\s.:]{1,20}\.[ \t]+)?(?P<name>[^:\n\"“”«»„]{1,60}?)[ \t]*:[ \t]+(?=\S)")
_QUOTE = "\"“”«»„"
_HEAD_TOLD = _lazy(  # "Jane Doe to Acme Radio: ...", "Rossi a Radio Acme: ...", 'X لـ"Y": ...'
    rf"[ \t]*(?P<name>[^:\n{_QUOTE}]{{1,40}}?)(?P<to>[ \t]+(?:to|a|al|alla|для)[ \t]+|[ \t]+لـ)"
    rf"[{_QUOTE}]?(?P<outlet>[^:\n{_QUOTE}]{{1,40}}?)[{_QUOTE}]?[ \t]*:[ \t]+(?=\S)")
_HEAD_TOLD_CASE = _lazy(  # Finnish "Jane Doe MTV:lle: ...": the outlet's case ending
    rf"[ \t]*(?P<name>[^:\n{_QUOTE}]{{1,40}}?)[ \t]+(?P<outlet>\p{{Lu}}[\p{{Lu}}\p{{N}}]{{1,10}})"
    rf"(?P<to>:(?:lle|ille|lla|llä))[ \t]*:[ \t]+(?=\S)")
_HEAD_LATER = _lazy(  # "... – Jane Doe: “...”": a speaker after a dash, then a quote
    rf"[ \t][—–][ \t]+(?P<name>[^:\n—–{_QUOTE}]{{1,40}}?)[ \t]*:[ \t]*(?=[{_QUOTE}])")
_HEAD_ABOUT = _lazy(  # "Piotr Nowak o sezonie": a first and last name, then Slavic "about"
    r"[ \t]*(?:\p{Lu}{2,20}(?:[ \t]\p{Lu}{2,20}){0,2}[ \t]+)?(?:[^\s.:]{1,20}\.[ \t]+)?"
    r"(?P<name>\p{Lu}\p{Ll}{1,30}(?:[ \t]\p{Lu}[\p{Ll}\-]{1,30}){1,2})"
    r"(?P<about>[ \t]+(?:o|о|об|про))[ \t]+(?=\p{L})")
_HEAD_DASH = _lazy(r"[ \t]*(?P<name>[^—–\n:]{1,40}?)[ \t]+[—–][ \t]+(?=\p{Ll})")
_REPORTS_FROM = _lazy(r"\s{1,3}from\b", regex.I)
_TO_VERB = _lazy(r"[ \t]{1,3}to[ \t]+\p{Ll}")  # "urged to stay": not "told to Reuters"
_PLEA_OBJECT = _lazy(r"\s{1,3}(?:an?\s|\p{L}{2,30}ing\b)", regex.I)  # "admitted a charge"

_ADJ_SUFFIX = _lazy(
    r"(?:ano|ana|ani|ane|ese|esi|ica|ico|ici|iche|ale|ali|ais|aise|ien|ienne|iens|ois|oise|eño|"
    r"eña|ense|are|ari|ile|ili|[^u]co|[^u]ca|ski|ska|skie|ský|ská|ське|ський|ська|ські|ский|"
    r"ская|ские|ского|ez|eză|ean|eană)$"  # "militare", "turco" (not "qualcuno"... "-uco"),
    # Romanian "olandez", "ucrainean"
)
_WS = _lazy(r"\s+")
_NAME_WORD = _lazy(rf"{_WORDCH}+")
_NUMBERED_NAME = _lazy(r"\p{Lu}\p{L}{1,20}\d{1,3}$")  # "Tg24", "TF1"
_LEAD_ARTICLE = _lazy(r"^(?:the|la|le|les|el|der|die|das|l['’])\s*", regex.I)
_TRAIL_POSS = _lazy(r"['’]s?$")
_TRAIL_ACR = _lazy(r"^(?P<full>[^()]{1,300}?)[ \t]{0,3}\((?P<acr>[^()]{1,12})\)$")
_ELISION = _lazy(r"^(?:l|d|dell|all|dall|nell|sull|un|qu)['’](?=\p{L})", regex.I)
_APOSTROPHES = ("'", "’")
_ELIDED_DATIVE = _lazy(r"^(?:all|agl)['’](?=\p{L})", regex.I)
_ELIDED_PREP = _lazy(r"^(?:all|dall|nell|sull|coll)['’]", regex.I)
_ROMANCE = frozenset({"fr", "es", "it", "pt", "ro"})
#: Languages whose names hold lowercase words: titles ("Sky reporter Jane Doe"), adjectives.
_LOWERCASE_INSIDE = _ROMANCE | {"en"}

_CONTRACTION = _lazy(r"['’](?:s|ve|ll|d|re|m)$", regex.I)
_HEAD_WORD = _lazy(r"\p{L}[\p{L}'’\-]{3,}")
_LEAD_RUN = _lazy(rf"{_WORDCH}+")
_CUE_RUN = _lazy(rf"(?<!{_WORDCH}|['’\-]){_WORDCH}+")  # as _cue_regex's lookbehind
_PATTERN_LEAD = _lazy(r"(?:\(\?<=[^()]*\))?(?P<word>\p{L}+)(?=\\s|\(\?=\\s)")

# ----------------------------------------------------------------------------- tokens

NAME, ACR, DET, CONN, AND, ROLE, LOW, STOP, NUM, NON = (
    "NAME", "ACR", "DET", "CONN", "AND", "ROLE", "LOW", "STOP", "NUM", "NON")
_HEADS = (NAME, ROLE, ACR)
_T = TypeVar("_T")


#: Where a cue may start in a token, where its first word ends, and that word casefolded
#: (None: any cue may start there).
_CueLead = tuple[int, int, "str | None"]
#: Where a cue may start in a chunk, its first word (as `_CueLead`), and the words one of
#: which must follow (`_followers`; None: no need).
_CueStart = tuple[int, "str | None", "frozenset[str] | None"]


class _Info(NamedTuple):
    """What a token's text alone says (see `_word_info`)."""

    kind: str
    poss: bool  # "Army's": a possessive name, which acts like a determiner


class _Tok(NamedTuple):
    """A token: its text and offsets, then its `_Info`."""

    text: str
    start: int
    end: int
    kind: str
    poss: bool


class _Chunk(NamedTuple):
    """The tokens of a chunk: a run of text between whitespace.

    No token holds whitespace and `_TOKEN` looks behind nothing and ahead one character
    at most, so a chunk has the same tokens alone as in its text.
    """

    size: int  # the number of tokens
    offsets: tuple[int, ...]  # where each token starts in the chunk
    words: tuple[str, ...]
    infos: tuple[_Info, ...]
    cues: tuple[_CueStart, ...]  # where in the chunk a cue may start: see `_cue_offsets`
    acronym: bool  # it holds an "(ACR)" token
    head: str | None  # its first word, for `_may_follow`: see `_head`


class _Tokens(dict[int, _Tok]):
    """A text's tokens, made chunk by chunk as they are asked for: `toks[k]` is a `_Tok`.

    An entry has a hundred tokens or so, and only those next to a cue are looked at. The
    tokens made so far are this dict's items (`__missing__` makes the others), so that
    asking again is a plain lookup; `len(toks)` counts all the tokens, made or not.
    """

    def __init__(self, lex: _Lexicon, parts: list[str], part_starts: list[int]) -> None:
        super().__init__()
        self.chunks = lex.chunks
        self.parts, self.part_starts = parts, part_starts  # the text's chunks, in order
        # the index of each chunk's first token, then the number of tokens
        self.firsts = list(accumulate(map(lex.sizes.get, parts, repeat(1)), initial=0))
        self.count = self.firsts[-1]
        self.acronymed = lex.acronymed

    def __len__(self) -> int:
        return self.count

    def __missing__(self, k: int) -> _Tok:
        at = k + self.count if k < 0 else k  # as a list takes it
        if not 0 <= at < self.count:
            raise IndexError(k)
        i = bisect_right(self.firsts, at) - 1  # the chunk that holds the token
        chunk, j = self.chunks[self.parts[i]], at - self.firsts[i]
        word, start = chunk.words[j], self.part_starts[i] + chunk.offsets[j]
        kind, poss = chunk.infos[j]
        # tuple.__new__: a NamedTuple's own __new__ is a Python function, twice as slow
        tok = self[k] = tuple.__new__(_Tok, (word, start, start + len(word), kind, poss))
        return tok

    def between(self, s: int, e: int) -> list[_Tok]:
        """toks[s:e], as a list would slice."""
        return [self[k] for k in range(*slice(s, e).indices(len(self)))]

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after `pos`."""
        i = bisect_right(self.part_starts, pos) - 1  # the last chunk starting at or before
        if i < 0:
            return 0
        offsets = self.chunks[self.parts[i]].offsets
        return self.firsts[i] + bisect_left(offsets, pos - self.part_starts[i])

    def acronyms(self) -> Iterator[int]:
        """The indices of the "(ACR)" tokens."""
        for i in compress(count(), map(self.acronymed.__contains__, self.parts)):
            infos = self.chunks[self.parts[i]].infos
            yield from (self.firsts[i] + j for j in range(len(infos)) if infos[j].kind == ACR)


class _Cand(NamedTuple):
    start: int
    end: int
    cue: str
    role: Role


class _lazy_attr(Generic[_T]):
    """`functools.cached_property` without its lock, which in Python 3.11 costs more than
    most of what is cached here."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func, self.name = func, func.__name__

    def __get__(self, obj: Any, cls: type | None = None) -> _T:
        value = obj.__dict__[self.name] = self.func(obj)  # read from there from now on
        return value


class _Ctx:
    """One entry being read: the masked text, its headline's extent, and its chunks and
    tokens, made when first asked for (most entries have no cue and need no tokens)."""

    def __init__(self, text: str, keys: tuple[str, ...], lang: str | None,
                 head: tuple[int, int]) -> None:
        self.text, self.keys, self.lang = text, keys, lang
        # where the headline (or the line read as one) starts and ends; (0, 0) for none
        self.head_start, self.head_end = head
        self.parts = text.split()  # its chunks (see `_Chunk`)
        self.lex = _lexicon(keys)  # with all the chunks in it:
        self.lex.learn(self.parts)

    @_lazy_attr
    def part_starts(self) -> list[int]:
        return _part_starts(self.text, self.parts)

    @_lazy_attr
    def toks(self) -> _Tokens:
        return _Tokens(self.lex, self.parts, self.part_starts)

    @_lazy_attr
    def grammar(self) -> str:
        """The entry's language for the grammar of names ("it", "de"...): the caller's if
        it has cue words, else a guess from the entry's function words; "" if unknown."""
        base = (self.lang or "").split("-")[0].casefold()
        return base if base in VERBS else _guess_lang(self.parts)

    @_lazy_attr
    def title_head(self) -> bool:
        """The headline is Title Cased ("Travis Kelce Responds to ...")."""
        return _title_case(self.text[self.head_start:self.head_end])

    def joined(self, k: int) -> bool:
        """True when only plain spaces separate toks[k - 1] and toks[k]."""
        gap = self.text[self.toks[k - 1].end:self.toks[k].start]
        return 0 < len(gap) <= 3 and _blank(gap)

    def span(self, s: int, e: int) -> Span:
        return self.toks[s].start, self.toks[e - 1].end

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after `pos`."""
        return self.toks.index_at(pos)


def _guess_lang(parts: list[str]) -> str:
    """The language most of `parts`' function words belong to (`FUNCTION_WORDS`), if it
    has at least `MIN_FUNCTION_WORDS` and more than any other; else ""."""
    votes = Counter(chain.from_iterable(filter(None, map(_FUNCTION_LANGS.get, parts))))
    n = max(votes.values(), default=0)
    if n < MIN_FUNCTION_WORDS:
        return ""
    best = [lang for lang, v in votes.items() if v == n]
    return best[0] if len(best) == 1 else ""


def _blank(gap: str) -> bool:
    return not gap.strip(" \t\u00a0")


def _part_starts(text: str, parts: list[str]) -> list[int]:
    """Where each of `parts` (``text.split()``) starts in `text`."""
    sizes = list(map(len, parts))
    if len(text) == sum(sizes) + len(sizes) - 1:  # one character between two
        return list(map(add, accumulate(sizes, initial=0), range(len(sizes))))
    starts = []
    at = 0
    for part in parts:
        at = text.find(part, at)  # only whitespace comes between two chunks
        starts.append(at)
        at += len(part)
    return starts


class _Lexicon:
    """The chunks and words seen so far, for one language set: they repeat a lot."""

    __slots__ = ("keys", "chunks", "known", "cued", "sizes", "acronymed", "words")

    def __init__(self, keys: tuple[str, ...]) -> None:
        self.keys = keys
        self.chunks: dict[str, _Chunk] = {}
        # What a text's chunks are looked up in first, as these are smaller than `chunks`
        # (or as fast) and need no look at a _Chunk itself:
        self.known: set[str] = set()  # the keys of `chunks`
        self.cued: set[str] = set()  # the chunks in which a cue may start
        self.sizes: dict[str, int] = {}  # the number of tokens of a chunk, if not 1
        self.acronymed: set[str] = set()  # the chunks with an "(ACR)" token
        self.words: dict[str, _Info] = {}

    def learn(self, parts: list[str]) -> None:
        """Put every one of `parts` in the tables."""
        if self.known.issuperset(parts):
            return
        for part in set(parts).difference(self.known):
            chunk = self._chunk(part)
            self.chunks[part] = chunk  # in this order, as another thread may read them
            if chunk.cues:
                self.cued.add(part)
            if chunk.size != 1:
                self.sizes[part] = chunk.size
            if chunk.acronym:
                self.acronymed.add(part)
            self.known.add(part)

    def _chunk(self, part: str) -> _Chunk:
        # No timeout: _TOKEN is linear (bounded quantifiers, no nesting), and a timeout makes
        # the regex module check the clock all along, which doubles the cost of this scan.
        matches = list(_TOKEN.finditer(part))
        words = tuple(m[0] for m in matches)
        infos = tuple(map(self._info, words))
        cues = []
        for m in matches:
            for start, end, lead in _cue_offsets(m[0], self.keys):
                follow = None if lead is None else _followers(self.keys, lead)
                if follow is not None and m.start() + end < len(part):
                    continue  # a space must follow its word, as nothing else may
                cues.append((m.start() + start, lead, follow))
        return _Chunk(len(words), tuple(m.start() for m in matches), words, infos, tuple(cues),
                      any(info.kind == ACR for info in infos), _head(part))

    def _info(self, word: str) -> _Info:
        info = self.words.get(word)
        if info is None:
            info = self.words[word] = _word_info(word, self.keys)
        return info


def _head(part: str) -> str | None:
    """A chunk's first word, lowercased, if ASCII (else None); "" if it opens with no word."""
    m = _LEAD_RUN.match(part)
    if not m:
        return ""
    return m[0].lower() if m[0].isascii() else None


_LEXICONS: dict[tuple[str, ...], _Lexicon] = {}


def _lexicon(keys: tuple[str, ...]) -> _Lexicon:
    lex = _LEXICONS.get(keys)
    if lex is None or len(lex.chunks) > MAX_KNOWN_CHUNKS:
        lex = _LEXICONS[keys] = _Lexicon(keys)  # a new one: another thread may read the old
    return lex


def _word_info(word: str, keys: tuple[str, ...]) -> _Info:
    # only the "(ISW)" alternative of _TOKEN opens with a bracket
    kind = ACR if word[0] == "(" else _classify(word, _cue_words(keys))
    poss = kind == NAME and len(word) > 2 and word[-2:] in ("'s", "’s", "s'", "s’")
    return _Info(kind, poss)


def _classify(word: str, cue_words: frozenset[str]) -> str:
    low = word.casefold()
    if any(ch.isdigit() for ch in word):
        return NAME if _NUMBERED_NAME.match(word) else NUM  # "Tg24", "TF1": channels
    if low in cue_words:
        return STOP
    for kind, words in ((DET, DETERMINERS), (AND, AND_WORDS), (CONN, CONNECTORS)):
        if low in words and not (kind == CONN and word[0].isupper()):  # "Al Jazeera"
            return kind
    if _ELIDED_PREP.match(word):
        return STOP  # "all'agenzia", "nell'area": a preposition ends a name
    rest = _elided(word) or word  # "l'esercito" -> "esercito", "dell'IDF" -> "IDF"
    bare = _CONTRACTION.sub("", rest.casefold())
    if rest[0].isupper() or _caseless(rest[0]):
        return NON if bare in NON_NAMES else NAME
    if bare in ROLE_NOUNS:
        return ROLE
    return STOP if low in CLAUSE_WORDS or bare in NON_NAMES else LOW


def _elided(word: str) -> str:
    return _ELISION.sub("", word)


def _caseless(ch: str) -> bool:
    return unicodedata.category(ch) == "Lo"  # Arabic, CJK...: no capitals to go by


# ----------------------------------------------------------------------------- noun phrases

def _parse_np(ctx: _Ctx, i: int, j: int, loose: bool) -> int | None:
    """Parse toks[i:j] as a name; return the end (exclusive) of its longest valid prefix.

    A name is [DET] mod* head+ (CONN [DET] mod* head+)* where a head is a capitalised word,
    a role noun or an "(ACR)". A possessive acts like a determiner; in loose mode lowercase
    words may follow it to the end ("the Army's chief weapons buyer"). Romance languages
    allow two adjectives after a head ("esercito israeliano").
    """
    state, best, lows, possessed, skip = "pre", None, 0, False, i
    romance = ctx.grammar in _ROMANCE
    for k in range(i, j):
        if k < skip:
            continue
        t = ctx.toks[k]
        if k > i and t.kind != CONN and _elided_article(t.text) and (
                ctx.toks[k - 1].kind not in (CONN, AND)):
            break  # "Acme l'ambasciatore": an article opens another name
        if t.kind in _HEADS:
            if t.kind == ACR and k == i:
                return None
            state = "pre" if t.poss else "head"
            possessed = possessed or t.poss
            best, lows = k + 1, 0
        elif t.kind == DET:
            genitive = state == "head" and t.text in GENITIVES  # "Sprecherin der Polizei"
            titled = t.text[:1].isupper() and ctx.toks[k - 1].text.casefold() in _MEDIA_NOUNS  # "quotidien Le Monde"
            if k != i and ctx.toks[k - 1].kind not in (CONN, AND) and not genitive and not titled and (
                    not _particle(ctx, k)):
                break
            state = "pre"
        elif t.kind in (CONN, AND):
            if state == "head":
                state = "pre"
                continue
            skip = _attribute_end(ctx, k, j)
            if not skip:
                break
        elif t.kind == NUM and state == "head" and _channel_number(ctx, k):
            best = k + 1  # "Channel 13", "Radio 1"
        elif (t.kind == LOW and romance and state == "pre" and k > i and len(t.text) > 4
              and ctx.toks[k - 1].kind == CONN):
            state, best = "head", k + 1  # "ministero della salute", "dipartimento di Stato"
        elif t.kind == LOW:
            lows += 1
            tail_ok = (loose and possessed) or (romance and _ADJ_SUFFIX.search(t.text))
            if lows > 3 or (state == "head" and not tail_ok and not _inner_lowercase(ctx, k, j)):
                break
            if state == "head" or (loose and possessed):
                best = k + 1
        else:
            break
    return best


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

    English: a title between names ("Chief constable Jane Doe", "Acme reporter Becky").
    Romance: adjectives before a connector, a name or an elided preposition and its noun
    ("ministro russo degli Esteri", "capo di stato maggiore acmese Mario Rossi",
    "stato maggiore dell'esercito"). Never in German, where every noun is
    capitalised and a lowercase word between two is a verb.
    """
    lang = ctx.grammar
    if lang == "de" or k + 1 >= j:
        return False
    if lang in _ROMANCE:
        return any(t.kind in (NAME, CONN) or (t.kind == ROLE and _elided(t.text) != t.text)
                   for t in ctx.toks.between(k + 1, min(k + 3, j)))
    return ctx.toks[k + 1].kind == NAME and ctx.toks[k - 1].kind == NAME


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
        if t.kind not in (NAME, ROLE, ACR, DET, CONN, AND, LOW) and not (
                t.kind == NUM and s > 1 and _channel_number(ctx, s - 1)):
            break
        lows += t.kind == LOW
        if lows > 3:
            break
        s -= 1
        if t.kind == DET and not (s > 0 and (ctx.toks[s - 1].kind in (CONN, AND) or (
                t.text in GENITIVES and ctx.toks[s - 1].kind in (NAME, ROLE)) or _particle(ctx, s))):
            break
    for start in range(s, e):
        t = ctx.toks[start]
        title = t.kind == LOW and start + 1 < e and ctx.toks[start + 1].kind in (NAME, ROLE)
        if t.kind in (CONN, AND) or (t.kind == LOW and not title):
            continue  # a lowercase title may open a name: "councillor Jane Doe", "rail official"
        if _parse_np(ctx, start, e, loose=True) == e and (anchored or _opens_clause(ctx, start)):
            return start, e
    return None


def _opens_clause(ctx: _Ctx, start: int) -> bool:
    """A subject starts its clause: after punctuation, a clause word or an adverb."""
    if start == 0 or not ctx.joined(start):
        return True
    prev = ctx.toks[start - 1]
    low = prev.text.casefold()
    return low in CLAUSE_WORDS or low in AND_WORDS or low in _AUX_WORDS or prev.kind == NON


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


def _fwd_np(ctx: _Ctx, pos: int, loose: bool) -> tuple[int, int] | None:
    """The name that starts right after `pos`: token range [s, e)."""
    s = ctx.index_at(pos)
    if s >= len(ctx.toks) or not _blank(ctx.text[pos:ctx.toks[s].start]):
        return None
    e = s + 1
    while e < len(ctx.toks) and e - s < MAX_NP_TOKENS and ctx.joined(e):
        e += 1
    end = _parse_np(ctx, s, e, loose)
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


# ----------------------------------------------------------------------------- cues

_AUX_WORDS: frozenset[str] = frozenset(
    w for v in AUXILIARIES.values() for p in v for w in p.split())
_EN_AUX: frozenset[str] = frozenset(w for p in AUXILIARIES["en"] for w in p.split())
_TOLD = frozenset({"told", "tells"})
#: Verbs that take a charge or a deed, not words, as their object: "admitted a charge".
_PLEA_VERBS = frozenset({"admitted", "admits", "denied", "denies"})
#: Verbs whose object is told to act: right before "to" + verb they are passive ("Staff
#: urged to stay home"); their agent is someone else.
_OBJECT_VERBS = frozenset({"urged", "warned", "told"})
_MEDIA_NOUNS = frozenset("""
broadcaster newspaper agency radio channel tv station emittente agenzia quotidiano giornale
canale agencia emisora cadena periódico diario agence chaîne journal quotidien sender zeitung
""".split())
#: Broadcasters that a number follows: "Channel 13", "Radio 1".
#: Prepositions before an outlet spoken to: "ha detto a Radio Acme", "said to Acme TV".
_DATIVES = frozenset("to a ad al alla allo ai agli alle à au aux ao".split())
_ELIDED_DATIVES = frozenset({"all'", "all’", "agl'", "agl’"})  # as _ELIDED_DATIVE matches
_NUMBERED_NOUNS = frozenset("channel radio tv canale canal kanal rete".split())


_CASELESS = regex.I | regex.V0  # simple case folding: one letter matches one letter


def _alt(phrases: Iterable[str]) -> str:
    uniq = sorted(set(phrases), key=len, reverse=True)
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
    return regex.compile(rf"(?<!{_WORDCH}|['’\-])(?:{alts})(?!{_WORDCH}|-)", _CASELESS)


@lru_cache(maxsize=32)
def _cue_words(keys: tuple[str, ...]) -> frozenset[str]:
    """Single words of the verb cues: they end a name ("Bloomberg reported")."""
    words = {w for k in keys for v in VERBS.get(k, ()) for w in v.split()}
    words |= {w for k in keys for v in PARTICIPLES.get(k, ()) for w in v.split()}
    return frozenset(w.casefold() for w in words if len(w) > 2)


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
    kin = regex.compile(f"[{regex.escape(''.join(sorted(set(''.join(leads)))))}]", _CASELESS)
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


#: A day named between a subject and its verb: "am Dienstag", "on Monday", "gestern", "ieri".
_TIME_PHRASE = regex.compile(
    r"(?:\b(?:am|on|last|this)\s)?(?P<day>\p{L}{3,16})[ \t]*\Z", regex.IGNORECASE)
_DAY_WORDS = frozenset(lexicon.DAY_WORDS) | {"tonight", "vorgestern"}
# Full weekday names (abbreviations such as "di" or "mo" would begin too many words); a
# prefix, so that "Dienstagabend" counts.
_WEEKDAY_STEMS = tuple(form for days in lexicon.WEEKDAYS.values() for forms in days for form in forms
                       if len(form) >= 5)


def _time_phrase_before(text: str, pos: int) -> int | None:
    """Where a day phrase ending right before `pos` starts ("am Dienstag", "on Monday",
    "gestern"): the subject may end before it. None when there is none."""
    m = _TIME_PHRASE.search(text, max(0, pos - 24), pos)
    if m is None or m.start() == 0:
        return None
    day = m.group("day").casefold()
    if day in _DAY_WORDS or day.startswith(_WEEKDAY_STEMS):
        return m.start()
    return None


def _verb_cands(ctx: _Ctx, m: regex.Match[str]) -> Iterator[_Cand]:
    """'X said', 'X has warned', '"...," said X', 'X told Reuters'."""
    cue = m.group("verb")
    words = cue.casefold().split()
    if cue[0].isupper() and not (ctx.head_start <= m.start() < ctx.head_end and ctx.title_head):
        return  # "Related Reports": a capitalised verb counts only in a Title Cased headline
    if words[-1] == "reports" and _REPORTS_FROM.match(ctx.text, m.end()):
        return  # "Jane Doe reports from Brussels": a correspondent's byline
    if words[-1] in _PLEA_VERBS and _PLEA_OBJECT.match(ctx.text, m.end()):
        return  # "Jane Doe, 43, admitted a charge of ...", "denied stealing": a plea
    if words[-1] in _OBJECT_VERBS and _TO_VERB.match(ctx.text, m.end()):
        return  # "Staff urged to stay home": a passive, the subject is told, not telling
    found = _back_np(ctx, m.start()) or _apposition(ctx, m.start()) or _relative(ctx, m.start())
    if not found:  # "wie die Zeitung Acme am Dienstag berichtete", "the ministry on Monday said"
        when = _time_phrase_before(ctx.text, m.start())
        found = _back_np(ctx, when) if when is not None else None
    if found and found[1] - found[0] > MAX_CASELESS_NAME and _caseless(ctx.toks[found[0]].text[0]):
        found = None  # no capitals to end it: more words are a clause, not a name
    if not found and words[0] not in _EN_AUX and _inverted(ctx.text, m.start()):
        found, after = _aside_or_after(ctx, m, words[-1] in _TOLD)
        if not found:
            yield from after
            return
    if found:
        for s, e in _split_and(ctx, *found):
            yield _Cand(*ctx.span(s, e), cue, Role.ORIGIN)
        holder = _named_holder(ctx, found[0])
        if holder:
            yield _Cand(*ctx.span(*holder), cue, Role.ORIGIN)
        if words[-1] in _TOLD:
            yield from _told_object(ctx, m)
    told = _dative_outlet(ctx, m.end())
    if told:
        yield _Cand(*told, cue, Role.ORIGIN)


def _aside_or_after(ctx: _Ctx, m: regex.Match[str], told: bool
                    ) -> tuple[tuple[int, int] | None, list[_Cand]]:
    """After a comma, the verb's subject follows it ('"...", said X', ', ha riferito X') or
    stands before an aside ('Jane Doe, 45, said'): the subject after it first, but for
    "told", whose object follows it ('Jane Doe, 45, told Acme Radio')."""
    if told and (found := _aside(ctx, m.start())):
        return found, []
    after = list(_subject_after(ctx, m.end(), m.group("verb"), loose=False))
    return (None if after or told else _aside(ctx, m.start())), after


def _subject_after(ctx: _Ctx, pos: int, cue: str, loose: bool) -> Iterator[_Cand]:
    """'..." said X' (not `loose`), 'Lo ha detto X' (`loose`: names joined by "and" split):
    the subject after a cue that ends at `pos`, and an outlet it speaks to, before or after
    it ("dice all'Acme X", "ha detto X a Radio 1")."""
    told = _dative_outlet(ctx, pos)
    if told:
        yield _Cand(*told, cue, Role.ORIGIN)
        pos = told[1]
    fwd = _fwd_np(ctx, _after_document(ctx, pos) if loose else pos, loose=loose)
    if not fwd and (past := _adverbial_end(ctx.text, pos)):
        fwd = _fwd_np(ctx, past, loose=loose)
    if not fwd:
        return
    for s, e in _split_and(ctx, *fwd) if loose else [fwd] if _valid(ctx, *fwd) else []:
        yield _Cand(*ctx.span(s, e), cue, Role.ORIGIN)
    told = None if told else _dative_outlet(ctx, ctx.toks[fwd[1] - 1].end)
    if told:
        yield _Cand(*told, cue, Role.ORIGIN)


#: A Romance adverbial between an inverted verb and its subject: "racconta in lacrime X",
#: "Lo riferisce nel suo sito web X" (a preposition and one to three lowercase words).
_ADVERBIAL = regex.compile(
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
    if not word or (word[0].casefold() not in _DATIVES
                    and word[0][:4].casefold() not in _ELIDED_DATIVES):
        return None  # none of `_DATIVES` follows: the common case, decided cheaply
    k = ctx.index_at(pos)
    if k >= len(ctx.toks) or not _blank(ctx.text[pos:ctx.toks[k].start]):
        return None
    t = ctx.toks[k]
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


def _inverted(text: str, pos: int) -> bool:
    """'..." said X' / ', sagte X': the verb follows a quote, comma, dash or line start."""
    before = text[max(0, pos - 4):pos].rstrip(" \t\u00a0")
    return not before or before[-1] in ",\"“”»«'’\n:—–." or before[-2:] in (" -", "\t-")


def _told_object(ctx: _Ctx, m: regex.Match[str]) -> Iterator[_Cand]:
    """'X told Reuters' / 'told state broadcaster ABC': the outlet is a source too."""
    fwd = _fwd_np(ctx, m.end(), loose=False)
    if not fwd:
        return
    words = [ctx.toks[k].text.casefold() for k in range(*fwd)]
    if " ".join(words) in MEDIA or any(w in MEDIA or w in _MEDIA_NOUNS for w in words):
        yield _Cand(*ctx.span(*fwd), m.group("verb"), Role.ORIGIN)


def _prep_cands(ctx: _Ctx, m: regex.Match[str]) -> Iterator[_Cand]:
    """'according to X', 'laut X', 'citing Y' (role CITED), 'Об этом сообщил X'."""
    kind = m.lastgroup or "prep"
    if kind == "subj":
        yield from _subject_after(ctx, m.end(), m.group(kind), loose=True)
        return
    role = Role.CITED if kind == "cite" else Role.ORIGIN
    fwd = _after_relative(ctx, m.end()) or _fwd_np(ctx, _after_document(ctx, m.end()), loose=True)
    if fwd and kind == "prep" and ctx.toks[fwd[0]].text.casefold() in _OWN_WORDS:
        own = _own_subject(ctx, m.start())  # "Die Armee hat nach eigenen Angaben ..."
        if own:
            yield _Cand(*ctx.span(*own), m.group(kind), role)
        return
    if fwd:
        for s, e in _split_and(ctx, *fwd, strict=kind == "subj"):
            yield _Cand(*ctx.span(s, e), m.group(kind), role)


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
    """'according to a statement published by the ministry': skip to 'the ministry'."""
    k = ctx.index_at(pos)
    if k >= len(ctx.toks) or ctx.toks[k].kind != DET:
        return pos
    for n in range(k + 1, min(k + 5, len(ctx.toks))):
        if not ctx.joined(n):
            break
        if ctx.toks[n].text.casefold() in _BY_WORDS:
            nouns = {ctx.toks[x].text.casefold() for x in range(k, n)}
            return ctx.toks[n].end if nouns & REPORT_NOUNS else pos
    return pos


def _wire_cands(ctx: _Ctx) -> Iterator[_Cand]:
    """'(Reuters)', 'TOKYO (AFX News) -', a trailing '(AFX News)' on a line."""
    if "(" not in ctx.text:
        return
    for m in _WIRE.finditer(ctx.text, timeout=REGEX_TIMEOUT):
        name = m.group("name")
        low = name.casefold()
        if low in LABELS:
            continue
        if low in MEDIA or (m.group("after") is not None and " " in name and name.istitle()):
            yield _Cand(m.start("name"), m.end("name"), m.group().strip(), Role.ORIGIN)


# ----------------------------------------------------------------------------- headlines

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
            yield _Cand(m.start("name"), m.end("name"), cue, Role.ORIGIN)
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
    m = _has_any(head, "-–—") and _HEAD_SUFFIX.search(ctx.text, a, b, timeout=REGEX_TIMEOUT)
    if m and _suffix_name(m.group("name")):
        yield _Cand(m.start("name"), m.end("name"), "- " + m.group("name").strip(), Role.ORIGIN)


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
            and not _has_any(tail, _QUOTES) and "?" not in tail)


MAX_KICKER_WORDS = 6


_QUOTES = "\"'“”„«»‘’‚‹›"


def _blanked_any(head: str, marks: tuple[str, ...]) -> bool:
    """One of `marks` (words between spaces) is in `head`, as a pattern's ``[ \\t]+word[ \\t]+``
    needs (any tab: maybe)."""
    return "\t" in head or _has_any(head, marks)


#: What `_HEAD_TOLD` and `_HEAD_ABOUT` need: their "to" and "about" words between blanks.
_TOLD_MARKS = (" to ", " a ", " al ", " alla ", " для ", " لـ")
_ABOUT_MARKS = (" o ", " о ", " об ", " про ")


def _has_any(text: str, parts: Iterable[str]) -> bool:
    for part in parts:
        if part in text:
            return True
    return False


def _head_told_cands(ctx: _Ctx, head: str) -> Iterator[_Cand]:
    """'Jane Doe to Acme Radio: ...', 'X لـ"Y": ...', 'Jane Doe ACME:lle: ...': the speaker
    and the outlet told."""
    a, b = ctx.head_start, ctx.head_end
    m = ":" in head and ((_blanked_any(head, _TOLD_MARKS) and _HEAD_TOLD.match(
        ctx.text, a, b, timeout=REGEX_TIMEOUT)) or (
        ":l" in head and _HEAD_TOLD_CASE.match(ctx.text, a, b, timeout=REGEX_TIMEOUT)))
    if not m or ctx.text[m.end():m.end() + 1].isdigit():
        return
    outlet = ctx.index_at(m.start("outlet"))
    if outlet >= len(ctx.toks) or ctx.toks[outlet].kind != NAME:
        return  # "Biden to meet Xi: ...": a verb, not an outlet
    spans = [m.span("name"), m.span("outlet")]
    if all(_label_name(ctx, a, b) for a, b in spans):
        for a, b in spans:
            yield _Cand(a, b, m.group("to").strip() + " …:", Role.ORIGIN)


def _speaker_label(ctx: _Ctx, m: regex.Match[str]) -> bool:
    """'Sunak' in 'Sunak: ...' is a speaker; 'Live updates' and 'AM Express: 11/9' are not."""
    if ctx.text[m.end():m.end() + 1].isdigit():
        return False
    return _label_name(ctx, m.start("name"), m.end("name"))


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


def _title_case(head: str) -> bool:
    words = _HEAD_WORD.findall(head)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


# ----------------------------------------------------------------------------- masking

_OPENING_QUOTES = ('"', "«", "„", "“")
#: A short capitalised name in quotes after a lowercase word: the outlet or agency of
#: "die Nachrichtenagentur "Acme"", "агентство «Акме»", "le journal « Le Acme »". Groups 1
#: and 3 are the marks, blanked so that the name reads like any other.
_QUOTED_NAME = _lazy(
    r"(?<=\p{Ll}\s)([\"«„“]\s?)(\p{Lu}[\p{L}\d'’.\-]*(?:\s[\p{Lu}\d][\p{L}\d'’.\-]*){0,3})(\s?[\"»“”])"
    r"(?![\p{L}\d])")


def _mask(text: str) -> str:
    """Blank photo credits and bylines, and the marks around quoted names, keeping every offset.

    Each pattern is scanned for only where it may match: a credit in brackets needs a
    bracket, "Reporting by ..." a "by", an inline "/ Pool via X" a "/" and " via ", and
    credit and byline lines start at a line start.
    (What is blanked is the union of all matches, so the scans may overlap.)
    """
    found = [m.span() for m in _line_matches(_MASKED_LINE, text)]
    if _has_any(text, _OPENING_QUOTES):  # the marks around a quoted name: "die Agentur «Acme»"
        found += (m.span(group) for m in _QUOTED_NAME.finditer(text, timeout=REGEX_TIMEOUT) for group in (1, 3))
    if "(" in text and ")" in text and _has_any(text.casefold(), _PHOTO_MARKS):
        found += (m.span() for m in _PHOTO_PAREN.finditer(text, timeout=REGEX_TIMEOUT))
    if _BY.search(text):
        found += (m.span() for m in _REPORTING_BY.finditer(text, timeout=REGEX_TIMEOUT))
    if "/" in text and " via " in text:
        found += (m.span() for m in _VIA_CREDIT.finditer(text, timeout=REGEX_TIMEOUT))
    if not found:
        return text
    chars = list(text)
    for start, end in found:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _line_matches(rx: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    """`rx.finditer(text)` for a pattern that matches only from a line start to its end.

    No timeout: one position at a time, a bounded pattern cannot run long (and a timeout
    costs more than the match itself).
    """
    start = 0
    while True:
        m = rx.match(text, start)
        if m:
            yield m
        start = text.find("\n", start) + 1
        if not start:
            return


# ----------------------------------------------------------------------------- canonical names

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


# ----------------------------------------------------------------------------- public API

def find_sources(headline: str | None, text: str, lang: str | None = None) -> tuple[Source, ...]:
    """The sources an entry attributes its information to, in order of appearance.

    Spans index ``headline + "\\n" + text`` when there is a headline, else ``text``. Only
    the first `MAX_CHARS` characters are read.
    """
    full = f"{headline}\n{text or ''}" if headline else (text or "")
    work = _mask(full[:MAX_CHARS])
    keys = _lang_keys(lang)
    head = (0, min(len(headline), MAX_CHARS)) if headline and not headline.isupper() else (
        _head_span(headline, work))
    try:
        ctx = _Ctx(work, keys, lang, head)
        cands = list(_collect(ctx, keys))
        if not cands:
            return ()
        cands = _drop_topic_labels(ctx, cands)
        acronyms = _text_acronyms(ctx)
    except TimeoutError:
        return ()
    return _dedupe(full, cands, acronyms)


def _drop_topic_labels(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    """'Israele: ...' over a text whose sources are others ("l'esercito israeliano ha
    riferito"): the headline's label names a topic or place, not who speaks.

    A headline speaker stays when the text names no source but outlets and whom they cite
    ("..., Reuters reported, citing ...": they report the speaker), or one sharing a word
    with it."""
    if not any(c.cue in _SPEAKER_CUES for c in cands):
        return cands
    names = (ctx.text[c.start:c.end] for c in cands
             if c.start >= ctx.head_end and c.role == Role.ORIGIN)
    said = set(chain.from_iterable(_name_words(n) for n in names if not _outlet(n)))
    if not said:
        return cands
    return [c for c in cands if c.cue not in _SPEAKER_CUES
            or not said.isdisjoint(_name_words(ctx.text[c.start:c.end]))]


_SPEAKER_CUES = frozenset({":", "—"})  # the cues of `_headline_cands`' speaker forms


def _outlet(name: str) -> bool:
    """A wire service or broadcaster by name ("Reuters"), or one with a media noun."""
    words = _bare_name(name).casefold().split()
    return " ".join(words) in MEDIA or any(w in MEDIA or w in _MEDIA_NOUNS for w in words)


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
    """A headline of one to three words in capitals, without a colon: a section's name."""
    return headline.isupper() and len(headline.split()) <= 3 and ":" not in headline


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


def _named_before(key: str, seen: set[str]) -> bool:
    """'mr doe' after 'jane doe' (casefolded canonical names): the same person again."""
    words = key.split()
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
        if not canon or key in seen or key in NOT_SOURCES or _named_before(key, seen):
            continue
        seen.add(key)
        taken.append((c.start, c.end))
        out.append(Source(name, canon, c.role, _WS.sub(" ", c.cue.strip()), (start, start + len(name))))
    return tuple(out)
