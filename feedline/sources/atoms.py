"""Regular expressions of the sources pass, compiled on first use, and small string tests
on headlines."""
from __future__ import annotations

from typing import Iterable

import regex

from feedline.patterns import lazy_regex as _lazy

#: Seconds a regex scan of a whole entry may take before the pass gives up. (The linear
#: token scan and matches at one position go without: a timeout costs more than they do.)
REGEX_TIMEOUT = 0.5


_WORDCH = r"[\p{L}\p{M}\p{N}\u200c\u200d]"  # (zero-width joiners inside Indic and Persian words)
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
_BYLINE = (  # a line that is only "By Jane Doe and John Roe" (or "Report by Jane Doe")
    rf"[ \t]{{0,8}}(?:(?:report|words|text|story|video)[ \t]{{1,3}})?"
    rf"(?:by|von|par|por|di|autor|автор)[ \t]{{1,3}}{_BYLINE_NAME}"
    rf"(?:[ \t]{{1,3}}(?:and|und|et|y|e|&|{_BYLINE_NAME})){{0,8}}[ \t]{{0,8}}$"
)
#: A comment's signature: a line that is only its author's name (up to five words, a
#: user name in any case, "Jane Doe (Acme)") and a verb of speech or writing before a colon:
#: "Jane Doe sagt:", "janedoe said:", "Juan Pérez dijo:", or "Jane Doe on said" with no colon
#: (a theme that left its date out between "on" and the verb). The author of
#: an entry is no source of it. Only an entry's first or last line is one (`masking`): inside
#: a live blog's entry, "Jane Doe said:" opens her quotation.
_SIGNATURE_VERBS = (
    "says|said|wrote|writes|sagt|sagte|schreibt|schrieb|meint|dijo|dice|escribió|disse|diz|"
    "escreveu|a dit|a écrit|écrit|dit|ha detto|ha scritto|scrive|pisze|napisał|пишет|написал"
)
_SIGNATURE = (
    r"[ \t]{0,8}[\p{L}\p{N}@_][\p{L}\p{N}@_'’.\-]{0,30}"
    r"(?:[ \t]{1,3}[\p{L}\p{N}@_(][\p{L}\p{N}@_'’.\-()]{0,30}){0,4}"
    rf"(?:[ \t]{{1,3}}(?:{_SIGNATURE_VERBS})[ \t]{{0,3}}:|[ \t]{{1,3}}on[ \t]{{1,3}}(?:{_SIGNATURE_VERBS}))"
    r"[ \t]{0,8}$"
)
#: Either masked line: each matches a whole line, from its start to its end.
_MASKED_LINE = _lazy(rf"^(?:{_CREDIT_LINE}|{_BYLINE})", regex.I | regex.M | regex.V0)
_SIGNATURE_LINE = _lazy(rf"^{_SIGNATURE}", regex.I | regex.M | regex.V0)
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
#: A dateline before a wire tag: a place in capitals opening its line, and a region after a
#: comma ("HOUSTON, Texas (KTRK) --", "AUSTIN (KXAN) —"): the tag names the outlet.
_DATELINE = _lazy(r"(?:^|(?<=\n))[ \t]*\p{Lu}[\p{Lu} .'’\-]{1,30}\p{Lu}\.?"
                  r"(?:,[ \t]+\p{Lu}[\p{L}.]{1,20}(?:[ \t]\p{Lu}[\p{L}.]{1,20})?)?[ \t]+\Z")
#: A broadcaster's call sign or an outlet's short name in a wire tag: "KTRK", "NewsNation"
#: (capitals, or a capital inside the word: not "(Graphic)").
_TAG_NAME = _lazy(r"\p{Lu}{2,6}|\p{Lu}\p{Ll}{1,10}\p{Lu}\p{L}{0,10}")
_WIRE = _lazy(
    r"\((?P<name>\p{L}[\p{L}.&\-]{0,20}(?:\s\p{L}[\p{L}.&\-]{0,20}){0,2})\)"
    r"(?P<after>\s{0,3}[-–—]|[ \t]*$)?",
    regex.M,
)
#: A speech tag after a quotation: a comma at its closing mark, one lowercase word (the
#: verb, of any language; in German perhaps reflexive: '", freut sich X') and a name of one
#: to three capitalised words that ends its clause: '"…", lacht Kerstin Doe.', '"…," recalls
#: Abdul Doe, the…'.
_QUOTE_TAG = _lazy(
    r"(?:[»”“\"][ \t]?,|,[ \t]?[»”“\"])[ \t]+"
    r"(?P<verb>\p{Ll}{3,15})[ \t]+(?:sich[ \t]+)?"  # German reflexive: '", freut sich X'
    r"(?P<name>\p{Lu}[\p{L}\p{M}'’\-]{0,30}(?:[ \t]+\p{Lu}[\p{L}\p{M}'’\-]{0,30}){0,2})"
    r"(?=[ \t]*(?:[,.;!?]|$))",
    regex.M,
)
#: The signature of an embedded post: "— Jane Doe (@janedoe) January 2, 2020".
_POST_SIGNATURE = _lazy(
    r"^[ \t]*[—–-][ \t]*(?P<name>\p{Lu}[\p{L}\p{M}.'’\- ]{0,60}?)[ \t]*\(@\w{1,15}\)",
    regex.M,
)
_HEAD_SUFFIX = _lazy(
    r"\s[-–—]\s?(?P<name>[\p{L}][\p{L}\p{M}'’.&\- ]{1,60}?)[ \t]*$"
)
_HEAD_COLON = _lazy(  # an optional one-word section first: "Żużel. Piotr Nowak: ..."
    r"[ \t]*(?:[^\s.:]{1,20}\.[ \t]+)?(?P<name>[^:\n\"“”«»„]{1,60}?)[ \t]*:[ \t]+(?=\S)")
_QUOTE = "\"“”«»„"
#: An Armenian headline's opening speaker before the mijaket (that language's colon, printed
#: "․" or "."): "ԶԼՄ-ներ. …", or a title in its quote marks, "«Acme». …" (a press review).
_HEAD_MIJAKET = _lazy(
    r"[ \t]*(?:«(?P<quoted>[^»\n.․:]{1,40})»|(?P<name>[^.․:\n\"“”«»„]{1,40}?))[ \t]*[.․][ \t]+(?=\S)")
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
_HEAD_ON = _lazy(  # "Jane Doe sobre la crisis: «…»": a first and last name, "on" a topic, a quote
    r"[ \t]*(?P<name>\p{Lu}\p{Ll}{1,30}(?:[ \t]\p{Lu}[\p{Ll}\-]{1,30}){1,2})"
    r"(?P<about>[ \t]+(?:sobre|su|über|sur|on))[ \t]+[^:\n]{2,80}?:[ \t]*[\"“„«‘']")
#: Where a headline's closing speaker follows: a colon ("Crash caused by ice: Police"), or
#: in Armenian script the mijaket, that language's colon, printed "․" or "." ("… բնակիչ․
#: Name"): after two Armenian letters (and a blank: a quote mark masked), a lowercase
#: one-letter word ("է․"), a closing quote or mark, but not after an initial ("Տ․ Name").
_TRAIL_SEP = _lazy(r"(?:(?<=[^\s\d]):|(?<=\p{Armenian}{2}[ \t]?|(?<!\p{L})[\u0561-\u0587]|[»”\"’?!])[.․])(?=[ \t]+\S)")
_HEAD_DASH = _lazy(r"[ \t]*(?P<name>[^—–\n:]{1,40}?)[ \t]+[—–][ \t]+(?=\p{Ll})")
_REPORTS_FROM = _lazy(r"\s{1,3}from\b", regex.I)
_TO_VERB = _lazy(r"[ \t]{1,3}to[ \t]+\p{Ll}")  # "urged to stay": not "told to Reuters"
_JUDGED_FOR = _lazy(r"[ \t]{1,3}(?:of|for|over)[ \t]", regex.I)  # "accused of", "slammed for"
_PLEA_OBJECT = _lazy(r"\s{1,3}(?:an?\s|\p{L}{2,30}ing\b)", regex.I)  # "admitted a charge"
#: German "X äußerte sich (zunächst) nicht": declined to comment, said nothing.
_DECLINED = _lazy(r"[ \t]{1,3}sich(?:[ \t]{1,3}\p{Ll}{2,20})?[ \t]{1,3}nicht\b")
_ADJ_SUFFIX = _lazy(
    r"(?:ano|ana|ani|ane|ese|esi|ica|ico|ici|iche|ale|ali|ais|aise|ien|ienne|iens|ois|oise|eño|"
    r"eña|ense|are|ari|ile|ili|[^u]co|[^u]ca|ski|ska|skie|ský|ská|ське|ський|ська|ські|ский|"
    r"ская|ские|ского|ez|eză|ean|eană|"
    r"anos|anas|icos|icas|ales|eños|eñas|enses|arios|arias|ários|árias|"
    r"(?<=\p{L}{3})al|(?<=\p{L}{3})(?<!aqu|all)(?:í|íes)|"
    r"(?<!\p{L})(?:ucrain[oaie]|argentin[oa]s?|palestin[oa]s?|filipin[oa]s?|rus[oa]s?|russ[oaie]))$"
    # "militare", "turco" (not "qualcuno"... "-uco"), Romanian "olandez", "ucrainean";
    # Spanish and Portuguese plurals: "docentes venezolanos", "autoridades sanitarias";
    # "-al": "gobierno federal", "autoridades locales", "gobierno provincial" (gazetadopovo.com.br,
    # elsoldesanjuandelrio.com.mx, 24horas.cl, cooperativa.cl, elheraldo.hn, losandes.com.ar,
    # pagina12.com.ar; not "al", "dal"), "-í": "fuerzas israelíes" (eldiario.es; not "aquí",
    # "allí", "así"), and demonyms these endings miss: "ejército ruso", "governo russo"
    # (lainformacion.com, pagina12.com.ar, ilgiornale.it), "esercito ucraino"
)
_WS = _lazy(r"\s+")
_NAME_WORD = _lazy(rf"{_WORDCH}+")
#: "Tg24", "TF1" (a name ending in a number), "W3Schools" (a digit inside a name)
_NUMBERED_NAME = _lazy(r"\p{Lu}(?:\p{L}{1,20}\d{1,3}|[\p{L}\d]{0,20}\d\p{L}{2,20})$")
#: A leading definite article: a word of its own ("the", "der"...) or elided ("l'"), so not
#: the start of "Lena" or "Theresa".
_LEAD_ARTICLE = _lazy(r"^(?:(?:the|la|le|les|el|der|die|das)\s+|l['’]\s*)", regex.I)
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


def _has_any(text: str, parts: Iterable[str]) -> bool:
    for part in parts:
        if part in text:
            return True
    return False


def _title_case(head: str) -> bool:
    words = _HEAD_WORD.findall(head)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)
