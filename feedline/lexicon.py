"""Per-language words that stamps are made of, as data (no logic beyond indexing).

Month names list the forms a date uses (nominative and genitive, abbreviations);
`patterns` turns these tables into regex alternations and lookup dicts.
"""
from __future__ import annotations

import functools
import importlib

from feedline.daywords_data import GENERATED_DAY_WORDS

# month number -> forms, per language. Abbreviations without the dot ("sept." matches "sept").
MONTHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
           ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
           ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"), ("december", "dec")),
    "de": (("januar", "jänner", "jan"), ("februar", "feb"), ("märz", "mär", "maerz"), ("april", "apr"),
           ("mai",), ("juni", "jun"), ("juli", "jul"), ("august", "aug"),
           ("september", "sept", "sep"), ("oktober", "okt"), ("november", "nov"), ("dezember", "dez")),
    "fr": (("janvier", "janv"), ("février", "fevrier", "févr", "fév"), ("mars",), ("avril", "avr"),
           ("mai",), ("juin",), ("juillet", "juil"), ("août", "aout"),
           ("septembre", "sept"), ("octobre", "oct"), ("novembre", "nov"), ("décembre", "decembre", "déc")),
    "es": (("enero", "ene"), ("febrero",), ("marzo",), ("abril", "abr"), ("mayo",), ("junio",),
           ("julio",), ("agosto", "ago"), ("septiembre", "setiembre", "sept"), ("octubre",),
           ("noviembre",), ("diciembre", "dic")),
    "it": (("gennaio", "genn", "gen"), ("febbraio", "febbr"), ("marzo",), ("aprile",), ("maggio", "magg"),
           ("giugno", "giu"), ("luglio", "lug"), ("agosto", "ago"), ("settembre", "sett", "set"),
           ("ottobre", "ott"), ("novembre",), ("dicembre", "dic")),
    "pt": (("janeiro",), ("fevereiro", "fev"), ("março", "marco"), ("abril", "abr"), ("maio",),
           ("junho",), ("julho",), ("agosto",), ("setembro", "set"), ("outubro", "out"),
           ("novembro",), ("dezembro", "dez")),
    "nl": (("januari",), ("februari",), ("maart", "mrt"), ("april",), ("mei",), ("juni",), ("juli",),
           ("augustus",), ("september",), ("oktober", "okt"), ("november",), ("december",)),
    "pl": (("stycznia", "styczeń", "styczen", "sty"), ("lutego", "luty", "lut"), ("marca", "marzec"),
           ("kwietnia", "kwiecień", "kwi"), ("maja", "maj"), ("czerwca", "czerwiec", "cze"),
           ("lipca", "lipiec", "lip"), ("sierpnia", "sierpień", "sie"), ("września", "wrzesień", "wrz"),
           ("października", "październik", "paź"), ("listopada", "listopad", "lis"),
           ("grudnia", "grudzień", "gru")),
    "cs": (("ledna", "leden"), ("února", "únor"), ("března", "březen"), ("dubna", "duben"),
           ("května", "květen"), ("června", "červen"), ("července", "červenec"), ("srpna", "srpen"),
           ("září",), ("října", "říjen"), ("listopadu", "listopad"), ("prosince", "prosinec")),
    "ro": (("ianuarie", "ian"), ("februarie",), ("martie",), ("aprilie",), ("mai",), ("iunie",),
           ("iulie",), ("august",), ("septembrie",), ("octombrie",), ("noiembrie",), ("decembrie",)),
    "ru": (("января", "январь", "янв"), ("февраля", "февраль", "фев"), ("марта", "март"),
           ("апреля", "апрель", "апр"), ("мая", "май"), ("июня", "июнь"), ("июля", "июль"),
           ("августа", "август", "авг"), ("сентября", "сентябрь", "сен"), ("октября", "октябрь", "окт"),
           ("ноября", "ноябрь", "ноя"), ("декабря", "декабрь", "дек")),
    "uk": (("січня", "січень"), ("лютого", "лютий"), ("березня", "березень"), ("квітня", "квітень"),
           ("травня", "травень"), ("червня", "червень"), ("липня", "липень"), ("серпня", "серпень"),
           ("вересня", "вересень"), ("жовтня", "жовтень"), ("листопада", "листопад"),
           ("грудня", "грудень")),
    "lv": (("janvārī", "janvāris"), ("februārī", "februāris"), ("martā", "marts"), ("aprīlī", "aprīlis"),
           ("maijā", "maijs"), ("jūnijā", "jūnijs"), ("jūlijā", "jūlijs"), ("augustā", "augusts"),
           ("septembrī", "septembris"), ("oktobrī", "oktobris"), ("novembrī", "novembris"),
           ("decembrī", "decembris")),
    "fi": (("tammikuuta", "tammikuu"), ("helmikuuta", "helmikuu"), ("maaliskuuta", "maaliskuu"),
           ("huhtikuuta", "huhtikuu"), ("toukokuuta", "toukokuu"), ("kesäkuuta", "kesäkuu"),
           ("heinäkuuta", "heinäkuu"), ("elokuuta", "elokuu"), ("syyskuuta", "syyskuu"),
           ("lokakuuta", "lokakuu"), ("marraskuuta", "marraskuu"), ("joulukuuta", "joulukuu")),
}

# Weekday forms per language, Monday first (abbreviations without the dot).
WEEKDAYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
           ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")),
    "de": (("montag", "mo"), ("dienstag", "di"), ("mittwoch", "mi"), ("donnerstag", "do"), ("freitag", "fr"),
           ("samstag", "sonnabend", "sa"), ("sonntag", "so")),
    "fr": (("lundi",), ("mardi",), ("mercredi",), ("jeudi",), ("vendredi",), ("samedi",), ("dimanche",)),
    "es": (("lunes",), ("martes",), ("miércoles", "miercoles"), ("jueves",), ("viernes",), ("sábado", "sabado"),
           ("domingo",)),
    "it": (("lunedì", "lunedi"), ("martedì", "martedi"), ("mercoledì", "mercoledi"), ("giovedì", "giovedi"),
           ("venerdì", "venerdi"), ("sabato",), ("domenica",)),
    "pt": (("segunda", "segunda-feira"), ("terça", "terca", "terça-feira"), ("quarta", "quarta-feira"),
           ("quinta", "quinta-feira"), ("sexta", "sexta-feira"), ("sábado",), ("domingo",)),
    "pl": (("poniedziałek",), ("wtorek",), ("środa",), ("czwartek",), ("piątek",), ("sobota",), ("niedziela",)),
    "cs": (("pondělí",), ("úterý",), ("středa",), ("čtvrtek",), ("pátek",), ("sobota",), ("neděle",)),
    "ro": (("luni",), ("marți", "marti"), ("miercuri",), ("joi",), ("vineri",), ("sâmbătă",), ("duminică",)),
    "ru": (("понедельник",), ("вторник",), ("среда",), ("четверг",), ("пятница",), ("суббота",), ("воскресенье",)),
    "uk": (("понеділок",), ("вівторок",), ("середа",), ("четвер",), ("пʼятниця", "п'ятниця"), ("субота",),
           ("неділя",)),
    "fi": (("maanantai",), ("tiistai",), ("keskiviikko",), ("torstai",), ("perjantai",), ("lauantai",),
           ("sunnuntai",)),
    "lv": (("pirmdiena",), ("otrdiena",), ("trešdiena",), ("ceturtdiena",), ("piektdiena",), ("sestdiena",),
           ("svētdiena",)),
}

# Day words: days before the capture date ("yesterday" = 1). The hand list, then over
# dateparser's words for "today" / "yesterday" in 200 languages (`daywords_data`, generated
# by benchmarks/gen_daywords.py; the hand list wins).
HAND_DAY_WORDS: dict[str, int] = {
    "today": 0, "yesterday": 1, "heute": 0, "gestern": 1, "aujourd'hui": 0, "aujourd’hui": 0,
    "hier": 1, "hoy": 0, "ayer": 1, "oggi": 0, "ieri": 1, "hoje": 0, "ontem": 1,
    "dzisiaj": 0, "dziś": 0, "wczoraj": 1, "dnes": 0, "včera": 1, "azi": 0, "astăzi": 0,
    "сегодня": 0, "вчера": 1, "сьогодні": 0, "вчора": 1, "šodien": 0, "vakar": 1,
    "tänään": 0, "eilen": 1, "vandaag": 0, "gisteren": 1, "idag": 0, "igår": 1,
}
DAY_WORDS: dict[str, int] = GENERATED_DAY_WORDS | HAND_DAY_WORDS

# Relative stamps: unit word -> minutes. Keys are lowercase; matching is case-insensitive
# except for the bare one-letter English units ("32M ago", "2h ago"), which patterns handle.
RELATIVE_UNITS: dict[str, float] = {
    # English
    "second": 1 / 60, "seconds": 1 / 60, "sec": 1 / 60, "secs": 1 / 60, "s": 1 / 60,
    "minute": 1, "minutes": 1, "min": 1, "mins": 1, "m": 1,
    "hour": 60, "hours": 60, "hr": 60, "hrs": 60, "h": 60,
    "day": 1440, "days": 1440, "d": 1440, "week": 10080, "weeks": 10080, "wk": 10080, "wks": 10080,
    # German
    "sekunde": 1 / 60, "sekunden": 1 / 60, "minuten": 1, "stunde": 60, "stunden": 60, "std": 60,
    "tag": 1440, "tagen": 1440, "woche": 10080, "wochen": 10080,
    # French
    "secondes": 1 / 60, "heure": 60, "heures": 60, "jour": 1440, "jours": 1440,
    # Spanish / Portuguese / Italian
    "segundo": 1 / 60, "segundos": 1 / 60, "minuto": 1, "minutos": 1, "hora": 60, "horas": 60,
    "día": 1440, "días": 1440, "dia": 1440, "dias": 1440,
    "minuti": 1, "ora": 60, "ore": 60, "giorno": 1440, "giorni": 1440,
    # Romanian
    "secunde": 1 / 60, "minut": 1, "oră": 60, "zi": 1440, "zile": 1440,
    # Polish
    "minuty": 1, "minutę": 1, "godzinę": 60, "godziny": 60, "godzin": 60, "godz": 60, "dni": 1440, "dzień": 1440,
    # Czech
    "minutou": 1, "minutami": 1, "hodinou": 60, "hodinami": 60, "dnem": 1440, "dny": 1440,
    # Russian / Ukrainian
    "минуту": 1, "минуты": 1, "минут": 1, "мин": 1, "час": 60, "часа": 60, "часов": 60, "ч": 60,
    "день": 1440, "дня": 1440, "дней": 1440,
    "хвилину": 1, "хвилини": 1, "хвилин": 1, "хв": 1, "годину": 60, "години": 60, "годин": 60,
    "дні": 1440, "днів": 1440,
    # Dutch
    "uur": 60, "dagen": 1440, "minuut": 1, "seconden": 1 / 60, "weken": 10080,
    # The rest, from dateparser's locale data (relative-type-regex), checked by hand: its
    # one-letter units ("j", "t", "g") are left out, and so is the Malay "saat" (a second),
    # which is the Turkish hour.
    # Swedish / Danish / Norwegian
    "minuter": 1, "minutter": 1, "minutt": 1, "tim": 60, "timme": 60, "timmar": 60, "time": 60, "timer": 60,
    "dag": 1440, "dagar": 1440, "dage": 1440, "dager": 1440, "døgn": 1440,
    # Croatian / Serbian / Bosnian, Slovak, Slovenian
    "minuta": 1, "minutu": 1, "sat": 60, "sata": 60, "sati": 60, "dan": 1440, "dana": 1440,
    "minútou": 1, "minútami": 1, "dňom": 1440, "dňami": 1440,
    "uro": 60, "urami": 60, "dnevom": 1440, "dnevi": 1440,
    # Lithuanian, Estonian, Albanian
    "minučių": 1, "val": 60, "valandą": 60, "valandų": 60, "dieną": 1440, "dienų": 1440,
    "tunni": 60, "päeva": 1440, "minutë": 1, "orë": 60, "ditë": 1440,
    # Latvian, Finnish
    "minūtes": 1, "minūtēm": 1, "stundas": 60, "stundām": 60, "st": 60, "dienas": 1440, "dienām": 1440,
    "minuutti": 1, "minuuttia": 1, "tunti": 60, "tuntia": 60, "päivä": 1440, "päivää": 1440, "pv": 1440,
    # Weeks and seconds of the languages above
    "semana": 10080, "semanas": 10080, "semaine": 10080, "semaines": 10080, "settimana": 10080,
    "settimane": 10080, "secondi": 1 / 60, "secondo": 1 / 60, "seconde": 1 / 60, "sekundy": 1 / 60,
    "sekund": 1 / 60, "sekunder": 1 / 60, "sekundi": 1 / 60, "секунд": 1 / 60,
    "секунды": 1 / 60, "секунди": 1 / 60, "недели": 10080, "неделю": 10080, "недель": 10080,
    "שניות": 1 / 60, "ثواني": 1 / 60, "tygodnie": 10080, "tygodni": 10080, "tydzień": 10080,
    # Bulgarian, Greek, Hebrew
    "минута": 1, "минути": 1, "ден": 1440, "дни": 1440,
    "λεπτό": 1, "λεπτά": 1, "λεπ": 1, "ώρα": 60, "ώρες": 60, "ημέρα": 1440, "ημέρες": 1440, "μέρες": 1440,
    "דקה": 1, "דקות": 1, "שעה": 60, "שעות": 60, "יום": 1440, "ימים": 1440,
    # Turkish, Indonesian / Malay, Vietnamese
    "saniye": 1 / 60, "dakika": 1, "dk": 1, "saat": 60, "gün": 1440, "hafta": 10080,
    "detik": 1 / 60, "menit": 1, "mnt": 1, "minit": 1, "jam": 60, "hari": 1440, "minggu": 10080,
    "giây": 1 / 60, "phút": 1, "giờ": 60, "tiếng": 60, "ngày": 1440, "tuần": 10080,
    # Hindi, Bengali, Urdu, Persian, Arabic
    "सेकंड": 1 / 60, "मिनट": 1, "घंटा": 60, "घंटे": 60, "दिन": 1440,
    "সেকেন্ড": 1 / 60, "মিনিট": 1, "ঘন্টা": 60, "ঘণ্টা": 60, "দিন": 1440,
    "منٹ": 1, "گھنٹہ": 60, "گھنٹے": 60, "دن": 1440, "دنوں": 1440,
    "ثانیه": 1 / 60, "دقیقه": 1, "ساعت": 60, "روز": 1440,
    "ثانية": 1 / 60, "ثوان": 1 / 60, "دقيقة": 1, "دقائق": 1, "ساعة": 60, "ساعات": 60, "يوم": 1440, "أيام": 1440,
    "يوما": 1440,
}

# Words that hold their own count, used without a number after a prefix ("منذ ساعة",
# "قبل ساعتين": an hour ago, two hours ago; Hebrew "לפני שעה", "לפני שעתיים", the same with
# its dual): word -> minutes.
COUNTED_UNITS: dict[str, float] = {
    "دقيقة": 1, "دقيقتين": 2, "ساعة": 60, "ساعتين": 120, "يوم": 1440, "يومين": 2880,
    "דקה": 1, "דקותיים": 2, "שעה": 60, "שעתיים": 120, "יום": 1440, "יומיים": 2880,
}

# Units that say "ago" themselves (Hungarian possessives: "5 perce" = 5 minutes ago).
SELF_AGO_UNITS: dict[str, float] = {
    "másodperce": 1 / 60, "perce": 1, "órája": 60, "napja": 1440, "hete": 10080,
    "perccel ezelőtt": 1, "órával ezelőtt": 60, "nappal ezelőtt": 1440,
}

# Units of scripts written without spaces (Chinese, Japanese, Thai; Korean after a digit),
# glued to the number and to the "ago" word: "5分前", "3小时前", "3시간 전", "5 นาทีที่แล้ว".
GLUED_UNITS: dict[str, float] = {
    "秒": 1 / 60, "秒钟": 1 / 60, "秒鐘": 1 / 60, "分": 1, "分钟": 1, "分鐘": 1, "分間": 1,
    "小时": 60, "小時": 60, "時間": 60, "个小时": 60, "個小時": 60, "天": 1440, "日": 1440, "週間": 10080, "周": 10080,
    "초": 1 / 60, "분": 1, "시간": 60, "일": 1440, "주": 10080,
    "วินาที": 1 / 60, "นาที": 1, "ชั่วโมง": 60, "ชม.": 60, "ชม": 60, "วัน": 1440, "สัปดาห์": 10080,
}

# "Ago" words after the count and unit ("5 minutes ago", "3 jam yang lalu"), and before
# them ("vor 5 Minuten", "منذ 5 دقائق"), per language; GLUED_AGO follows a glued unit.
AGO_AFTER: tuple[str, ...] = (
    "ago", "fa", "temu", "назад", "тому", "geleden", "sedan", "siden", "sitten", "eest", "më parë",
    "önce", "yang lalu", "lalu", "trước", "पहले", "আগে", "পূর্বে", "پہلے", "پیش", "قبل", "πριν",
)
AGO_BEFORE: tuple[str, ...] = (
    "vor", "il y a", "acum", "hace", "há", "před", "pred", "prije", "преди", "prieš", "pirms", "לפני",
    "منذ", "قبل", "πριν από", "cách đây",
)
GLUED_AGO: tuple[str, ...] = ("前", "전", "ที่แล้ว", "ที่ผ่านมา", "มาแล้ว", "ก่อน")

# Before the clock in East Asian stamps ("오후 3:05", "下午3:05", "午後3時5分"): true = pm.
CLOCK_PERIODS: dict[str, bool] = {"오전": False, "오후": True, "上午": False, "下午": True, "午前": False, "午後": True}

# Number words that stand for a count in relative stamps ("an hour ago", "vor einer Stunde").
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3,
    "einer": 1, "einem": 1, "eine": 1, "ein": 1, "zwei": 2, "drei": 3,
    "une": 1, "un": 1, "deux": 2, "trois": 3, "una": 1, "uno": 1, "dos": 2, "tres": 3, "due": 2,
    "o": 1, "doua": 2, "două": 2, "jedną": 1, "jeden": 1, "один": 1, "одну": 1, "одна": 1,
    "jednou": 1, "hodinou": 1, "uma": 1, "um": 1, "два": 2, "две": 2, "три": 3, "dwie": 2, "dwa": 2,
    "dvě": 2, "dva": 2, "tři": 3, "dvěma": 2, "třemi": 3, "een": 1, "één": 1, "twee": 2, "drie": 3, "duas": 2, "tre": 3, "trei": 3,
}

# Words on a line that mark the page's own stamps (byline, updated, published): such stamps
# are page dates (bounds), not feed entries.
PAGE_STAMP_CUES: tuple[str, ...] = (
    "updated", "published", "posted", "last modified", "min read", "minute read",
    "aktualisiert", "veröffentlicht", "erstellt", "stand:", "mis à jour", "publié", "modifié",
    "publicado", "actualizado", "atualizado", "pubblicato", "aggiornato", "opublikowano",
    "zaktualizowano", "aktualizováno", "publikováno", "обновлено", "опубликовано", "оновлено",
    "опубліковано", "päivitetty", "julkaistu", "publicat", "actualizat", "bijgewerkt",
    "publisert", "oppdatert",  # Norwegian: dagbladet.no, nrk.no, nettavisen.no, vg.no
    "입력", "수정", "기사입력", "기사수정",  # Korean: hankookilbo.com, mk.co.kr, news.chosun.com, donga.com, entermedia.co.kr
    "publiziert",  # Swiss and German: tagesanzeiger.ch, bike-magazin.de, thw.de
    "publicerad", "uppdaterad",  # Swedish: aftonbladet.se, expressen.se, hbl.fi
)

# The page-stamp cues that say the page was changed, not first published: such a stamp is the
# page's last update, like the markup's modified time.
UPDATE_CUES: tuple[str, ...] = tuple(cue for cue in PAGE_STAMP_CUES if cue in {
    "updated", "last modified", "aktualisiert", "stand:", "mis à jour", "modifié", "actualizado", "atualizado",
    "aggiornato", "zaktualizowano", "aktualizováno", "обновлено", "оновлено", "päivitetty", "actualizat",
    "bijgewerkt", "oppdatert", "uppdaterad", "수정", "기사수정"})

# A comment's reply button, alone on its line: boilerplate to the tokenizer, and the mark that
# a lone dated stamp above it is a comment, not a byline (entries._answered).
REPLY_WORDS: tuple[str, ...] = (
    "reply", "antworten", "répondre", "responder", "rispondi", "odpowiedz", "odpovědět", "ответить", "відповісти",
    "odgovori", "svara", "svar", "yanıtla", "válasz")
# The report button beside it ("ОтветитьПожаловаться", "Reply · Report") or alone ("Kommentar melden").
REPORT_WORDS: tuple[str, ...] = ("report", "melden", "signaler", "пожаловаться", "zgłoś")
REPORT_PHRASES: tuple[str, ...] = ("report comment", "kommentar melden", "report abuse")

# "By" before an author's name in a byline, in languages where the word is also an everyday
# preposition ("19.03.2019 11:45 | von Inga Buller"): a byline cue only before a capitalised
# name (English "by " is a cue on its own, see patterns.PAGE_STAMP_CUE_RE).
BY_NAME_WORDS: tuple[str, ...] = ("von",)

# Words for "at" that open a line before its clock in chronologies and tickers ("À 9h05, …",
# "Um 9.05 Uhr …", "At 9:05, …", "Alle 9:05 …", "Klo 9.05 …"). They make a stamp only on a page
# where several lines open that way (see tokens.Context.lead_words).
LEAD_PREPOSITIONS: frozenset[str] = frozenset({
    "at", "à", "a", "às", "as", "um", "gegen", "alle", "ore", "om", "kl", "kl.", "klo", "kello",
    "o", "godz.", "в", "о", "у", "u", "στις", "saat", "pukul", "jam", "lúc", "kell", "ob",
})

# Languages whose short numeric dates put the month first ("11/02" is 2 November): their full
# dates are year-first (2023/11/02), so the year-less form keeps month before day. Used when a
# page's own unambiguous dates do not settle the order (see tokens.Context.month_first).
MONTH_FIRST_LANGUAGES: frozenset[str] = frozenset({"ja", "zh", "ko"})


@functools.lru_cache(maxsize=64)
def locale_month_first(locale: str) -> bool | None:
    """Whether a locale's numeric dates put the month before the day, from dateparser's CLDR
    data ("en-US", "es-PR": True; "en-GB", "pt-BR": False); None for a year-first order
    ("en-CA") or a locale it does not know. Only a tag with a region is asked: a bare "en"
    is written both ways."""
    language = locale.split("-")[0]
    if not language.isalpha() or not language.isascii():
        return None
    try:
        data = importlib.import_module(f"dateparser.data.date_translation_data.{language}").info
    except ImportError:
        return None
    order = data.get("locale_specific", {}).get(locale, {}).get("date_order") or data.get("date_order")
    return {"MDY": True, "DMY": False}.get(order)

# Words before a clock that make it a schedule's time, not a post's: recurring days and days
# to come ("Weeknights 10PM ET", "Sonntags, ab … 10:00 Uhr", "Tonight 7.00pm"). Seen on
# msnbc.com, bostonherald.com, channel4.com and a German club's timetable (pool).
RECURRING_DAY_WORDS: tuple[str, ...] = (
    "daily", "every day", "tonight", "tomorrow", "ce soir", "demain", "esta noche", "stasera", "domani",
    "mondays", "weekdays", "weeknights", "weekends", "nightly", "tuesdays", "wednesdays",
    "thursdays", "fridays", "saturdays", "sundays",
    "montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags", "sonntags",
    "werktags", "täglich", "wochentags", "tous les jours", "todos los días", "ogni giorno",
)

# An article's reading time ("4 min read", "Lesezeit: 2 Min."): a line of the page's byline
# block. Seen beside the page's own stamp on heise.de, citizen.co.za, globalnews.ca,
# threatpost.com, t-online.de and others (pool).
READING_TIME_WORDS: tuple[str, ...] = (
    "min read", "mins read", "minute read", "minutes read", "min. read", "reading time", "read time",
    "lesezeit", "lesedauer", "temps de lecture", "tiempo de lectura", "tempo di lettura", "leestijd",
    "czas czytania", "время чтения", "doba čtení", "lukuaika", "lästid",
)

# Words of a media player before a clock: the clip's length or position ("Duration 1:30",
# "Current Time 0:00", "VIDEO04:42"). Seen on cbc.ca, cnbc.com and video.js players (pool).
MEDIA_TIME_WORDS: tuple[str, ...] = (
    "duration", "current time", "remaining time", "video", "dauer", "länge", "durée", "duración",
    "durata", "duração", "длительность",
)

# Share and navigation words: an "item" made only of them is the page's share bar, no entry.
WIDGET_WORDS: tuple[str, ...] = (
    "facebook", "twitter", "x", "whatsapp", "linkedin", "pinterest", "reddit", "telegram",
    "messenger", "email", "e", "mail", "print", "share", "tweet", "copy", "link", "show", "more",
    "sharing", "options", "comments", "comment", "flipboard", "xing", "threads", "bluesky",
    "teilen", "drucken", "partager", "imprimer", "compartir", "imprimir", "condividi", "stampa",
    "google", "+", "sms", "sharetweetemail", "mastodon", "instagram", "youtube", "tiktok",
)
