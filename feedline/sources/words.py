"""Per-language word lists of the sources pass, as plain data: cue verbs, auxiliaries and
prepositions, role nouns, connectors, clause words, labels, outlets and the acronym table."""
from __future__ import annotations

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
        "is reporting", "are reporting", "is also reporting", "are also reporting",
        "recalled", "recalls", "recounted", "conceded", "concedes", "countered", "counters",
        "remarked", "quipped", "asserted", "asserts", "complained", "complains", "outlined",
    ),
    "de": (
        "sagte", "sagt", "sagten", "sagen", "erklärte", "erklärt", "erklärten", "teilte",
        "teilten", "teilt", "berichtete", "berichtet", "berichteten", "berichten", "meldete",
        "meldet",
        "meldeten", "schrieb", "schreibt", "bestätigte", "bestätigt", "warnte", "warnt", "warnen",
        "kündigte", "forderte", "fordert", "fordern", "betonte", "betont", "kritisierte",
        "kritisiert", "glaubt", "spricht", "klagt", "klagen", "verkündete", "zufolge", "lehnt",
        "hieß", "wies", "räumte", "räumt", "verrät", "verriet", "enthüllt", "enthüllte",
        "plaudert", "plauderte", "schwärmt", "schwärmte", "gesteht", "gestand", "kontert",
        "konterte", "poltert", "polterte",
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
    "no": ("sier", "skriver", "skrev", "opplyser", "opplyste", "melder", "meldte", "bekrefter",
           "bekreftet", "advarer", "advarte", "uttalte", "forteller", "fortalte"),
    "da": ("siger", "sagde", "skriver", "skrev", "oplyser", "oplyste", "meddeler", "meddelte",
           "bekræfter", "bekræftede", "advarer", "advarede", "udtaler", "udtalte", "fortæller",
           "fortalte"),
    "sv": ("säger", "sade", "skriver", "skrev", "uppger", "uppgav", "meddelar", "meddelade",
           "bekräftar", "bekräftade", "varnar", "varnade", "berättar", "berättade"),
    "ar": ("قال", "قالت", "يقول", "تقول", "أكد", "أكدت", "يؤكد", "تؤكد", "أعلن", "أعلنت", "يعلن",
           "تعلن", "أفاد", "أفادت", "صرح", "صرّح", "صرحت", "أبلغ", "أبلغت", "يرد", "ترد", "رد",
           "ردت", "كشف", "كشفت", "يكشف", "تكشف", "أوضح", "أوضحت", "اعتبر", "اعتبرت"),
}
#: Irregular third-person forms of the verbs in `VERB_STEMS`, whole.
VERBS["es"] += ("dicen", "dijeron", "advierte", "advierten", "prevé", "prevén", "previó", "pide",
                "piden", "pidió", "pidieron", "sostiene", "sostienen", "sostuvo", "niega", "niegan",
                "negó", "cree", "creen")
VERBS["pt"] += ("dizem", "disseram", "pede", "pedem", "pediu", "prevê", "preveem", "previu")
VERBS["fr"] += ("disent", "promet", "promettent", "prévient", "préviennent", "avertit",
                "avertissent", "reconnaît", "reconnaissent", "met en garde",
                "mettent en garde", "répond", "répondent", "écrit", "écrivent", "dément",
                "démentent")
VERBS["it"] += ("sostiene", "sostengono", "dicono")
#: Report verbs found missing by a survey of unseen pages (each form on three sites or more;
#: tests/test_sources_survey.py names them). Irregular or whole forms here, stems below.
VERBS["en"] += ("explains", "notes", "acknowledges", "pointed out", "points out", "dismisses",
                "calls for", "called for", "demands", "testified", "testifies",
                "spoke to", "speaks to",
                # (not the bare "suggest": "Can Acme suggest …", an infinitive)
                "suggests", "suggested",
                *(f"{aux} {verb}" for aux in ("is", "are") for verb in (
                    "saying", "claiming", "speculating", "warning", "suggesting", "arguing",
                    "insisting", "predicting")))
#: The plural present of report verbs whose singular is listed, after a plural subject in a
#: headline: "Experts warn", "Diplomats reveal", "Houthis dismiss" (lestimes.com, cbsnews.com,
#: dailymail.co.uk, phys.org, sott.net in ../shared/pool). Not "urge": a call, whom the dev
#: gold does not take as a source ("Cities urge boycott of …").
#: Not the forms that are nouns as well ("claim", "vow", "slam", "demand": "Trump's claim of
#: immunity", "Albo's vow to …") nor "predict" ("Can AI predict …?": a question's infinitive).
EN_PLURAL_VERBS: tuple[str, ...] = (
    "warn", "deny", "insist", "condemn", "accuse", "criticise", "criticize", "allege", "admit",
    "argue", "explain", "declare", "dismiss", "reject", "confirm", "announce", "reveal")
VERBS["en"] += EN_PLURAL_VERBS
#: Words after which a plain form is an infinitive, not a plural subject's verb: modals at
#: the end of the phrase before it ("Acme Will Announce …" in a Title Cased headline), and
#: question words at its start ("Why Experts Warn …", "Do Acme Fans Deny …?").
MODALS: frozenset[str] = frozenset("will would can could should shall may might must".split())
QUESTION_OPENERS: frozenset[str] = frozenset("why how do does did".split())
VERBS["de"] += ("unterstrich", "unterstreicht", "mitteilte", "mitteilten", "beschreibt",
                "beschrieb", "verwies", "verweist", "meint", "meinte", "ergänzt", "ergänzte",
                "erläutert", "erläuterte", "schildert", "schilderte", "erzählt", "erzählte",
                "erzählten", "kommentierte",  # not "-en": "Fossilien erzählen", "kommentieren"
                "dokumentiert")  # not "dokumentierte": "die früheste dokumentierte Erwähnung"
VERBS["es"] += ("añade", "añaden", "añadió", "añadieron", "recordó", "recuerda", "refirió",
                "contó", "precisó", "precisaron")  # not "precisa": "needs"
VERBS["fr"] += ("rappelle", "rappellent", "relève", "relèvent", "ajoute", "ajoutent")
VERBS["pl"] += ("podkreśla", "dodaje", "przekonuje", "pisze")
#: Hindi: the subject, marked by the postposition "ने", then "कहा" (said) or "बताया" (told):
#: "अधिकारी अरुण त्रिपाठी ने बताया कि ...".
VERBS["hi"] = ("ने कहा", "ने बताया")
#: Indonesian speech verbs, inverted after a quote: '"...," kata Jane Doe'.
VERBS["id"] = ("kata", "ujar", "ungkap")
#: Romanian is written with comma-below "ș", "ț" and with the older cedilla "ş", "ţ": both.
VERBS["ro"] += tuple(v.translate(str.maketrans("șțȘȚ", "şţŞŢ")) for v in VERBS["ro"]
                     if v != v.translate(str.maketrans("șțȘȚ", "şţŞŢ")))
#: Report verbs as stems, by language and conjugation class: each class's endings
#: (`VERB_ENDINGS`) make the third-person forms that headlines and reports use, singular and
#: plural, present or past ("denunci" + "an": "Familiares denuncian que ...", "звинувати" +
#: "в": "Сенатор звинуватив ..."). Irregular forms are listed whole in `VERBS`.
VERB_STEMS: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {
        "ar": ("denunci", "asegur", "afirm", "anunci", "confirm", "explic", "señal", "indic",
               "alert", "critic", "acus", "reclam", "revel", "estim", "destac", "aclar",
               "expres", "declar", "report", "inform", "subray", "cuestion", "rechaz", "lament",
               "inst", "consider", "calific", "apunt", "recalc", "agreg", "coment",
               "manifest", "detall", "puntualiz", "resalt", "enfatiz", "mencion"),
        "er": ("reconoc", "respond"),
        "ir": ("insist", "exig", "admit", "escrib"),
    },
    "pt": {
        "ar": ("afirm", "inform", "declar", "anunci", "confirm", "explic", "alert", "revel",
               "critic", "denunci", "acus", "reclam", "destac", "apont", "neg", "avis",
               "ressalt", "sublinh", "estim", "relat", "comunic", "lament", "cobr", "reforç",
               "fal"),
        "er": ("defend", "promet", "respond", "escrev"),
        "ir": ("garant", "admit", "insist", "exig"),
    },
    "it": {
        "are": ("denunci", "annunci", "conferm", "afferm", "dichiar", "spieg", "sottoline",
                "precis", "comunic", "riport", "rivel", "critic", "accus", "assicur",
                "segnal", "esort", "neg", "stim", "replic", "lament", "raccont", "comment"),
        "ere": ("chied", "ammett", "promett", "resping", "insist", "scriv"),
        "ire": ("avvert",),
    },
    "fr": {
        "er": ("dénonc", "annonc", "affirm", "indiqu", "estim", "rapport", "condamn", "expliqu",
               "assur", "précis", "soulign", "confirm", "demand", "réclam", "accus", "alert",
               "critiqu", "insist", "révèl", "regrett", "déplor", "salu", "jug", "déclar",
               "racont", "fustig", "point"),
    },
    "uk": {
        "past": ("повідоми", "заяви", "сказа", "наголоси", "зазначи", "написа", "підтверди",
                 "анонсува", "оголоси", "звинувати", "запевни", "попереди", "назва", "розпові",
                 "поясни", "заклика", "визна", "відпові", "вимага", "прокоментува", "дода",
                 "розкритикува", "спростува", "пообіця"),
    },
    "ru": {
        "past": ("сообщи", "заяви", "сказа", "отмети", "подчеркну", "написа", "подтверди",
                 "рассказа", "анонсирова", "объяви", "обвини", "завери", "предупреди", "назва",
                 "поясни", "призва", "призна", "ответи", "потребова", "добави", "раскритикова",
                 "пообеща", "опроверга"),
    },
    "pl": {
        "past": ("powiedzia", "poinformowa", "przekaza", "oświadczy", "ogłosi", "stwierdzi",
                 "napisa", "poda", "doda", "zapowiedzia", "ostrzeg", "zaapelowa",
                 "przyzna", "skrytykowa", "wezwa", "oskarży", "ujawni", "podkreśli", "zaznaczy",
                 "wyjaśni", "odpowiedzia", "zaprzeczy", "zdradzi", "oceni"),
    },
    "cs": {
        "past": ("řek", "uved", "oznámi", "sděli", "napsa", "varova", "upozorni", "zdůrazni",
                 "potvrdi", "prohlási", "doda", "vysvětli", "přizna", "kritizova", "obvini",
                 "odmít", "slíbi"),
    },
    "de": {
        "weak": ("warn", "forder", "beton", "kritisier", "bestätig", "erklär", "meld", "mahn",
                 "klag", "verlang", "beklag", "lob", "äußer", "schätz", "behaupt", "bericht",
                 "kündig", "appellier", "bekräftig", "versicher", "dementier"),
    },
}
VERB_ENDINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {"ar": ("a", "an", "ó", "aron"), "er": ("e", "en", "ió", "ieron"),
           "ir": ("e", "en", "ió", "ieron")},
    "pt": {"ar": ("a", "am", "ou", "aram"), "er": ("e", "em", "eu", "eram"),
           "ir": ("e", "em", "iu", "iram")},
    "it": {"are": ("a", "ano"), "ere": ("e", "ono"), "ire": ("e", "ono")},
    "fr": {"er": ("e", "ent")},
    "uk": {"past": ("в", "ла", "ло", "ли")},
    "ru": {"past": ("л", "ла", "ло", "ли")},
    "pl": {"past": ("ł", "ła", "ło", "li")},
    "cs": {"past": ("l", "la", "lo", "li")},
    "de": {"weak": ("t", "te", "ten", "en")},
}
#: Past participles by class, after an auxiliary ("ha denunciado", "a dénoncé").
PARTICIPLE_ENDINGS: dict[str, dict[str, str]] = {
    "es": {"ar": "ado", "er": "ido", "ir": "ido"},
    "pt": {"ar": "ado", "er": "ido", "ir": "ido"},
    "it": {"are": "ato", "ire": "ito"},
    "fr": {"er": "é"},
}


def _inflect(stem: str, ending: str, lang: str) -> str:
    """A stem and an ending: "denunci" + "an"; German "-t" after a "t" or "d" takes an "e"
    ("bericht" + "t" -> "berichtet"), and its "-en" after "-er" is "-n" ("fordern")."""
    if lang == "de" and stem[-1] in "td" and ending.startswith("t"):
        return f"{stem}e{ending}"
    if lang == "de" and stem[-2:] in ("er", "el") and stem[-3:] != "ier" and ending == "en":
        return f"{stem}n"  # "fordern"
    return stem + ending


def _conjugated(table: dict[str, dict[str, tuple[str, ...]]]) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(dict.fromkeys(_inflect(stem, end, lang) for cls, stems in classes.items()
                                      for stem in stems for end in table[lang][cls]))
            for lang, classes in VERB_STEMS.items()}


for _lang, _forms in _conjugated(VERB_ENDINGS).items():
    VERBS[_lang] = tuple(dict.fromkeys(VERBS[_lang] + _forms))
#: Languages with cue words and no articles (see `phrases._sentence_subject`).
ARTICLELESS: tuple[str, ...] = ("uk", "ru", "pl", "cs")
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
for _lang, _ends in PARTICIPLE_ENDINGS.items():
    PARTICIPLES[_lang] = tuple(dict.fromkeys(PARTICIPLES[_lang] + tuple(
        _inflect(stem, _ends[cls], _lang) for cls, stems in VERB_STEMS[_lang].items()
        if cls in _ends for stem in stems)))
#: Prepositions followed by the source: "according to X", "laut X". Any noun phrase with a
#: name or a role noun counts after these ("according to a senior official").
PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "en": ("according to", "via", "appeared first on", "interview with", "speaking to",
           "reported by", "quoted by", "published by"),
    "de": ("laut", "nach Angaben von", "nach Angaben der", "nach Angaben des", "nach Angaben",
           "nach Informationen von", "nach Informationen der", "nach Informationen des",
           "nach Informationen", "nach Berichten von", "nach Berichten der", "nach Berichten des",
           *(f"nach {noun} {of}" for noun in ("Ansicht", "Schätzungen", "Erkenntnissen",
                                              "Recherchen", "Auffassung", "Einschätzung")
             for of in ("von", "der", "des")),
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
    "no": ("ifølge", "i følge"),
    "da": ("ifølge", "i følge"),
    "sv": ("enligt",),
    "id": ("dikutip dari",),  # "quoted from": '"...," ujar X dikutip dari Acme TV'
}


def _swiss(forms: tuple[str, ...]) -> tuple[str, ...]:
    """German forms and their Swiss spelling, which writes "ss" for "ß" ("hiess", "gemäss")."""
    return tuple(dict.fromkeys(forms + tuple(f.replace("ß", "ss") for f in forms if "ß" in f)))


VERBS["de"] = _swiss(VERBS["de"])
PREPOSITIONS["de"] = _swiss(PREPOSITIONS["de"])
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
#: "As": with any report verb of its language after it, the speaking subject follows: "Как
#: заявил вице-спикер …" (unn.com.ua), "Как сказал Песков" (mk.ru), "Jak powiedział Jacek
#: Toś" (radiokielce.pl), "jak pisze Antoni Kępiński" (dwutygodnik.com), "jak twierdzi
#: Rantanen" (publica.pl), "como han dicho" (laprensafl.com): never the capitalised "Как"
#: or "Como" before the verb. The same in the Romance languages, whose subject follows the
#: verb too ("Como informó el Ministerio", "Comme l'a indiqué le ministre"); with a perfect
#: ("come ha spiegato") where the language has one.
AS_WORDS: dict[str, tuple[str, ...]] = {
    "ru": ("как",), "uk": ("як",), "pl": ("jak",), "cs": ("jak",),
    "es": ("como", "tal como"), "pt": ("como", "conforme", "segundo"), "it": ("come",),
    "fr": ("comme l'", "comme l’"),
}
#: French "comme l'" elides the object pronoun before "a", "ont" and the like: only a perfect follows.
_ELIDING_AUX = ("a", "ont", "avait", "avaient")


def _as_phrases(lang: str) -> tuple[str, ...]:
    """The "as" phrases of `lang`: each "as" word before each single-word report verb and
    each perfect ("come ha spiegato"); after an elided "l'", the perfects only."""
    perfects = tuple(f"{aux} {part}" for aux in PERFECT_AUX.get(lang, ()) for part in PARTICIPLES.get(lang, ()))
    verbs = tuple(v for v in VERBS[lang] if " " not in v)
    phrases: list[str] = []
    for word in AS_WORDS[lang]:
        if word.endswith(("'", "’")):
            phrases += [word + p for p in perfects if p.split()[0] in _ELIDING_AUX]
        else:
            phrases += [f"{word} {v}" for v in verbs + perfects]
    return tuple(phrases)


for _lang in AS_WORDS:
    INVERTED[_lang] = tuple(dict.fromkeys(INVERTED[_lang] + _as_phrases(_lang)))
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
_STUDY_BEFORE = "|".join(  # a study named at most 80 characters before, in its sentence
    noun + r"[^.;!?\n]{0,80}" for noun in ("poll", "survey", "study", "research", "report"))
PATTERN_CUES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        # "a poll of 1,500 voters conducted by Acme Research": who made a study
        *(("prep", rf"(?<={_STUDY_BEFORE}){verb}(?=\s)")
          for verb in (r"conducted\sby", r"commissioned\sby", r"carried\sout\sby")),
        # "a statement by a Sussex spokesperson read", "a new poll by Acme News": its author
        ("prep", r"(?<=statement\s|statements\s|report\s|study\s|analysis\s|survey\s|poll\s)"
                 r"by(?=\s)"),
    ),
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
    "es": (
        # "según informa Europa Press", "Según informó la DGSA", "según han informado fuentes
        # del Ministerio", "Según explicó en un comunicado Twitter Lite": "según" and a report
        # verb, then who reported (eldiario.es, ladiaria.com.uy, cubadebate.cu, lainformacion.com,
        # cnet.com/es)
        ("subj", r"según\s(?:(?:ha|han|había|habían)\s)?"
                 r"(?:inform|confirm|explic|indic|señal|detall|public|report|revel|precis|declar|anunci|"
                 r"consign|difund|afirm|asegur|apunt|destac|comunic|recog)"
                 r"(?:ó|aron|a|an|e|en|ado|ió|ieron|ido)"
                 r"(?:\s(?:ayer|hoy|anoche|este\s\p{Ll}+|en\s(?:un|una|su)\s(?:comunicado|nota|declaración|"
                 r"mensaje|publicación|rueda\sde\sprensa))){0,2}(?=\s)"),
        # "Así lo confirmó el ministro Juan Pérez": the subject follows the verb
        ("subj", r"así\slo\s(?:informó|informaron|anunció|anunciaron|confirmó|confirmaron|"
                 r"explicó|explica|dijo|dijeron|aseguró|aseguraron|afirmó|afirmaron|indicó|"
                 r"señaló|precisó|expresó|manifestó|reveló|reportó|detalló|declaró|"
                 r"dio\sa\sconocer|dieron\sa\sconocer|hizo\ssaber|hicieron\ssaber)"),
    ),
    "de": (
        # '..., so ein Sprecher.' (a name or an article follows: not English ", so far")
        ("subj", r"(?<=,\s{0,3})so(?=\s(?-i:\p{Lu}|(?:ein|eine|einer|der|die|das|des|dem|den)\s))"),
        # "sagte er auf die Frage der Zeitung Acme", "auf Anfrage des Senders": who asked
        ("prep", r"auf\s(?:die\s|eine\s)?(?:Frage|Anfrage)(?=\s(?:der|des|von|vom)\s)"),
        # "nach palästinensischen Angaben", "nach Medienberichten": the phrase is the source
        # '..., heißt es aus dem Rathaus', 'hieß es in der Mitteilung des Vereins': who said
        # it follows (a document noun after "in" is skipped: `_after_document`)
        *(("prep", verb + r"\ses\s(?:aus|von|vom|seitens|in(?=\s(?:einer|einem|der|dem)\s"
                 r"(?:Mitteilung|Pressemitteilung|Erklärung|Stellungnahme|Bericht|Schreiben)\b))"
                 r"(?=\s)") for verb in _swiss(("heißt", "hieß"))),
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
milbloggers bloggers residents witnesses officers officer spokesperson's company firm group critics
lawmaker lawmakers executive executives inspector detective adviser advisers attorney lawyer lawyers
economist economists researcher investigators doctor doctors physician physicians analyst
regierung
gouvernement ministère armée ministre président porte-parole agence police préfecture justice
gobierno ministerio ejército ministro presidente portavoz policía agencia fuentes fiscalía
autoridades fuerzas forças autorités
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
politiet polisen regjeringen regeringen departementet ministeriet myndighetene myndighederne
""".split())
#: Armenian nouns of a role or office that head a headline's closing speaker, which that
#: language prints in lowercase ("… ․ վարչապետը": the prime minister; "… ․ Acme գյուղի
#: բնակիչ": a resident of Acme village): government, ministry, minister, prime minister,
#: president, spokesperson, police, prosecutor's office, expert, political scientist, MP,
#: office, headquarters, service, member, resident, embassy, source, director, head,
#: commission, ombudsman. Only `_trail_name` reads them, without the article "-ը"/"-ն".
ARMENIAN_ROLES: frozenset[str] = frozenset("""
կառավարություն նախարարություն նախարար վարչապետ նախագահ խոսնակ ոստիկանություն
դատախազություն փորձագետ քաղաքագետ պատգամավոր գրասենյակ շտաբ ծառայություն անդամ բնակիչ
դեսպանություն աղբյուր տնօրեն ղեկավար հանձնաժողով պաշտպան
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
#: The articles of each language with cue words and articles (`DETERMINERS` holds them all, and more). In an entry whose language is
#: known, another language's article inside a name is a word of the name ("I senatori dem
#: Chris Doe", "Ursula von der Leyen" in English, "Marine Le Pen").
ARTICLES: dict[str, frozenset[str]] = {
    "en": frozenset("the a an".split()),
    "de": frozenset("der die das den dem des ein eine einer eines einem".split()),
    "fr": frozenset("la le les l' un une des".split()),
    "es": frozenset("el la los las lo un una unos unas".split()),
    "it": frozenset("il lo la i gli le l' un una uno".split()),
    "pt": frozenset("o os a as um uma".split()),
}
#: Genitive articles that join two nouns inside a name ("Sprecherin der Berliner Polizei").
GENITIVES: frozenset[str] = frozenset({"der", "des"})
#: Lowercase words that end a name: clause words and prepositions.
CLAUSE_WORDS: frozenset[str] = frozenset("""
that which who whom whose when where while as after before because since if but or nor so yet
than though although whereas once until what
dass weil wenn als ob aber sondern wie
que qui quand mais car lorsque comme
que quien cuando pero porque como
che chi quando ma perché come su sul sulla sui sugli sulle nel nella nei negli nelle tra fra con
że który która które gdy ale jak
що який яка які коли але як
что который которая которые когда но как
""".split())
#: Lowercase prepositions that end a name but open no clause: "Boric en Coquimbo", "el senador
#: por Florida", "Médecins sans frontières" ("Médecins" is the name read). Italian ones are
#: among `CLAUSE_WORDS`.
NAME_ENDERS: frozenset[str] = frozenset("""
dans pour avec sans sur sous chez vers contre depuis pendant
en para por sin sobre entre contra hacia desde hasta
em com sem até
""".split())
#: Relative pronouns: "X, who said", "X, der sagte".
RELATIVES: frozenset[str] = frozenset("""
who which der die qui che que który która które który котрий яка який которая который
""".split())
#: Capitalised words that are not names: pronouns, sentence adverbs, time words, labels.
NON_NAMES: frozenset[str] = frozenset("""
he she they it we i you his her their our my its this that these those there here what
nobody somebody someone everyone everybody anyone please
meanwhile earlier later however but and also so then now today yesterday tonight tomorrow
separately still yet in on at after before when while as if although though since because
according asked speaking despite with without from for by to of
monday tuesday wednesday thursday friday saturday sunday
er sie es wir ich man ihr dies diese dieser dann auch heute gestern zudem außerdem ausserdem
ferner dabei inzwischen bislang bisher derzeit demnach dennoch allerdings jedoch danach
daraufhin deshalb daher zunächst
pero però porém aunque embora cela ceci
montag dienstag mittwoch donnerstag freitag samstag sonntag montagabend dienstagabend
mittwochabend donnerstagabend freitagabend samstagabend sonntagabend montagmorgen
dienstagmorgen mittwochmorgen donnerstagmorgen freitagmorgen samstagmorgen sonntagmorgen
il elle ils elles on nous je vous ce cette ces
él ella ellos ellas nosotros yo usted
lui lei loro noi io
ona oni one my ja
він вона вони ми я він хтось хто ніхто щось
он она они мы я кто-то кто никто что-то
jak když tak
personne rien nadie nessuno ninguno niemand
के की का में से को पर और कि है हैं था थे थी भी तो ही यह वह इस उस लिए साथ बाद
""".split())  # Hindi postpositions and clause words (a caseless script: no capitals end a name)
#: German adverbs that open a main clause: the verb comes second and its subject after it
#: ("Später meldete die Armee ...", "Gleichzeitig bestätigte die Deutsche Bahn ...").
V2_ADVERBS: frozenset[str] = frozenset("""
darauf darüber dazu davon dafür wörtlich später nun jetzt bereits gleichzeitig anschließend
anschliessend zuletzt kürzlich damals seither seitdem zugleich ebenfalls indes unterdessen
gestern heute vorgestern
mittlerweile zudem außerdem ausserdem ferner dabei inzwischen zunächst danach daraufhin
""".split())
#: Words that are no names when capitalised, opening a sentence, but are left alone in
#: lowercase: German clause words, pronouns and the adverbs above ("Wie der Verband
#: mitteilte", "Später meldete die Armee", "Darauf verweist ...").
OPENERS: frozenset[str] = V2_ADVERBS | frozenset("wie nachdem weil dass ob ersteres letzteres".split())
#: German and Romance prepositions that open a sentence, capitalised there: what follows is
#: their object, not a subject ("Im Interview spricht sie", "Zum Beginn der Spiele in Peking
#: fordert Acme", "En una entrevista Acme reveló").
GERMAN_PREPOSITIONS: frozenset[str] = frozenset("""
zum zur im am beim vom bei nach aus auf über unter vor seit während wegen trotz ohne gegen
um durch bis mit für neben zwischen statt entgegen ab angesichts aufgrund dank anlässlich
""".split())
PREPOSITION_OPENERS: frozenset[str] = GERMAN_PREPOSITIONS | frozenset("""
en con para por sin sobre entre desde hasta dans pour avec sans sur après avant
""".split())
#: Romance adverbs and the prepositions above, capitalised at a sentence's start: no names
#: ("Así lo ha señalado", "Según se informó").
OPENERS |= PREPOSITION_OPENERS | frozenset("""
así según también además aunque mientras luego después antes ahora allí aquí ya
così inoltre poi dopo prima ora qui già ainsi aussi ensuite puis maintenant ici
déjà assim também depois agora aqui já
""".split())
#: Nouns for a document that stands between a cue and its author: "a statement by X".
REPORT_NOUNS: frozenset[str] = frozenset("""
statement report data figures estimate estimates assessment survey study poll analysis release
communiqué rapport données déclaration informe datos comunicado comunicato dati rapporto nota
dane raport komunikat Angaben Bericht Mitteilung Erklärung Stellungnahme Pressemitteilung
information informations chiffres información informaciones cifras informação informações dados
informazioni cifre
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
    "fr": "le les des est et une dans pour qui au du sur pas aux avec ce sont il de la en un",
    "es": "el los las del que por con para una es según han se al más pero como y de la en lo un",
    "it": "il lo gli della delle degli dello che è sono nel nella alla di per non dei ha hanno anche "
          "la in e un",
    "pt": "o os do da dos das não em uma para com é ao pela pelo foi mais que de e um a",
    "ro": "și şi în de la cu că pe din care este fost pentru au mai nu sunt",
    "pl": "i w z na się nie że do jest to od po jak ale przez",
    "cs": "a v se na je že s z do o to k jsou jako ale podle při",
    "uk": "і в на що з не у до та це як від про за й його",
    "ru": "и в на что не с по это как к о из за от для но он",
    "fi": "ja on ei että se oli ovat myös mutta kun joka tai hän mukaan",
}
_WORD_LANGS: dict[str, list[str]] = {}  # each function word's languages, in FUNCTION_WORDS' order
for _lang, _words in FUNCTION_WORDS.items():
    for _word in dict.fromkeys(_words.split()):
        _WORD_LANGS.setdefault(_word, []).append(_lang)
_FUNCTION_LANGS: dict[str, tuple[str, ...]] = {  # as written, and capitalised
    form: tuple(langs) for w, langs in _WORD_LANGS.items() for form in (w, w.capitalize())}
#: Function words an entry needs, at the least, for its language to be guessed.
MIN_FUNCTION_WORDS = 3
#: German function words that no other language the cues read writes: a headline holding
#: one is German ("Kirche: Staatsleistungen vor dem Aus?"), too short for `FUNCTION_WORDS`.
GERMAN_MARKS: frozenset[str] = frozenset("""
der dem und ist nicht mit ein eine einen einem eines auf für sich von vom zum zur im
zu auch wird werden hat wie noch nach bei aus über gegen
""".split())
#: German first-person pronouns: a statement in the speaker's own voice ("Wir werden …").
GERMAN_FIRST_PERSON: frozenset[str] = frozenset("""
ich wir mich mir uns unser unsere unseren unserem unserer unseres mein meine meinen meinem
meiner meines
""".split())
#: Headline labels that are not speakers: "Live updates: ...", "Watch: ...".
LABELS: frozenset[str] = frozenset("""
live|live updates|live blog|liveblog|watch|analysis|video|videos|breaking|breaking news|update|
updated|opinion|explainer|exclusive|photos|photo|foto|fotos|gallery|in pictures|pictured|comment|editorial|
review|interview|podcast|quiz|timeline|factbox|fact check|explained|poll|recap|preview|
what we know|key events|summary|latest|listen|read more|more|sport|news|weather|officially|
online|on-line|webinar|results|report|revealed|confirmed|official|see also|read also|
vea también|ver también|lea también|lee también|lire aussi|à lire aussi|leggi anche|veja também|
leia também|lesen sie auch|auch interessant|
offiziell|
officiel|officiellement|oficial|oficialmente|ufficiale|ufficialmente|oficjalnie|официально|
офіційно|
eilmeldung|kommentar|analyse|ticker|newsblog|liveticker|vorschau|bilder|umfrage|
vidéo|en direct|direct|info|exclusif|éditorial|
en vivo|directo|última hora|vídeo|opinión|
diretta|ultim'ora|ultima ora|esclusivo|focus|intervista|
wideo|zobacz|zobacz wideo|relacja|na żywo|
відео|онлайн|фото|видео|прямая трансляция|главное|онлайн-трансляция|
ուղիղ|տեսանյութ|լուսանկարներ|
transcript|article|artikel|fun fact|rückfrage|komentář|komentarz|commentaire|comentario|commento|
комментарий|коментар|
coronavirus|coronavírus|covid|covid-19|pandemie|pandemia|pandémie|пандемия|пандемія|
urgent|urgente|срочно|терміново
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
