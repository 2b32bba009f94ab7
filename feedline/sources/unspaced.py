"""Cues of scripts written without spaces between words (Japanese, Chinese), where no token marks
where a name starts: the name is the run of Han and Katakana characters (and "ー", "・")
right before the cue, which a Hiragana particle or punctuation ends.

- "気象庁によると" ("according to the Meteorological Agency"): the name before "によると" /
  "によれば"; before "の発表によると" ("according to the announcement of"), the name before "の".
- "アクメ社長は「…」と述べた" ("the Acme president said: …"): the topic before "は" and a
  quotation followed by "と" and a speech verb.
- "财政部发言人表示，…" (Chinese: "the finance ministry's spokesperson stated: …"): a clause
  that opens with a run of Han characters and ends in a speech verb ("表示", "指出", "强调",
  "透露") and a comma, colon or quotation mark: the run is the speaker. A run that opens
  with a pronoun or an adverb ("他", "这", "还"), ends in a preposition or an adverb ("在",
  "也"), or is a report noun ("报道": the report said) is no name.
- "球季延後　王大明：…" (Chinese headline: a clause, a space, "Wang Daming: …"): a name of two
  to four Han characters between a space and a full-width colon.
- "アクメ銀行は14日、…と発表した" ("Acme Bank announced on the 14th that …"): a name that
  opens its clause, "は", a clause with no other "は" and no full stop, and "と" or "を"
  before "発表した"; in a headline, "アクメが新料金を発表" (a name, "が", a short phrase, "発表").
- "山田首相「…」" (Japanese headline: a titled name and a quotation): the titled name.
- "王大明稱…" (Chinese headline: a name of two to four Han characters opening a clause and a
  speech verb with no punctuation after it: "Wang Daming says …").
"""
from __future__ import annotations

from typing import Iterator

import regex

from feedline.model import Role
from feedline.sources.atoms import REGEX_TIMEOUT, _lazy
from feedline.sources.tokens import _Cand, _Ctx

#: Longest name read before a cue, in characters.
MAX_UNSPACED_NAME = 15

_RUN = r"[\p{Han}\p{Katakana}ー・]"
_NAME = rf"(?<!{_RUN})(?P<name>{_RUN}{{2,{MAX_UNSPACED_NAME}}})"
_ACCORDING = _lazy(rf"{_NAME}(?:の(?:発表|調査|報道|話))?(?P<cue>によると|によれば)")
_SAID = _lazy(rf"{_NAME}は、?「[^」\n]{{1,300}}」と(?P<cue>述べ|語っ|語る|話し|話す|強調し|説明し|"
              r"明らかにし|指摘し|発表し)")
#: Longest Chinese speaker before a speech verb, in characters.
MAX_HAN_SPEAKER = 12
_ZH_SAID = _lazy(
    rf"(?:^|(?<=[。，！？；：」”\n]))[ \t\u3000]*(?![他她我你它这這那其还還大])"
    rf"(?P<name>[\p{{Han}}·]{{2,{MAX_HAN_SPEAKER}}})(?<![在对對向也还還就都并並曾])"
    r"(?<!报道|報導|報道|报告|報告|消息|文章)"
    r"(?:(?P<cue>表示|指出|强调|強調|透露)|(?<![来來听聽据據以如是就再又要会會能可虽雖])(?P<cue2>说|說|称|稱))"
    r"(?=[，,：:“「])",
    regex.M)
#: Titles that end a Japanese person's or office's name: "高市氏", "石破首相", "文科相".
_JA_TITLES = "氏|さん|首相|相|知事|社長|会長|大統領|長官|議員|市長|代表"
#: A Japanese headline that opens with a titled name and a comma: "石破首相、大連立を否定" (the
#: prime minister denies ...), the name being who speaks or acts.
_JA_HEAD_TOPIC = _lazy(
    rf"[ \t\u3000]*(?P<name>[\p{{Han}}\p{{Katakana}}ー・]{{1,{MAX_UNSPACED_NAME}}}?(?:{_JA_TITLES}))"
    r"(?P<cue>、)")
#: A Japanese headline's titled name (or a group: "…ら") before "が" and a short phrase that
#: ends in a noun of speech: "岸田首相が経済対策を説明" (explains), "社員らが改善訴え" (appeal),
#: "新文科相が就任会見" (a press conference).
_JA_HEAD_SUBJECT = _lazy(
    rf"(?<![\p{{Han}}\p{{Katakana}}ー・])(?P<name>[\p{{Han}}\p{{Katakana}}ー・]{{1,{MAX_UNSPACED_NAME}}}?"
    rf"(?:{_JA_TITLES}|ら))が[^\s、。「」]{{0,20}}?"
    r"(?P<cue>説明|表明|強調|批判|訴え|会見|発表|明かす|語る|語った|否定|主張|言及|反論|指摘)")
#: Longest Chinese headline speaker before its full-width colon, in characters.
MAX_HAN_HEAD_SPEAKER = 4
#: A Chinese headline's later speaker: a clause, a space (full-width or not), a name of two
#: to four Han characters and a full-width colon before what they said:
#: "某某案延期　王小明：一定打完" (upmedia.mg, money.udn.com, cna.com.tw in ../shared/pool).
_ZH_HEAD_LATER = _lazy(
    rf"(?<=[\p{{Han}}」』”）\p{{N}}])[ \u3000]+(?P<name>[\p{{Han}}·]{{2,{MAX_HAN_HEAD_SPEAKER}}})"
    r"(?<!版权所有|版權所有|作者|著者|来源|來源|记者|記者|编辑|編輯|地址|电话|電話|时间|時間)"
    r"(?P<cue>：)(?=\S)")
#: A Japanese name that Latin letters may spell ("Apple", "Joel Spolsky"): capitalised Latin
#: words and a space, then the run of Han, Katakana and Latin letters.
_JA_LATIN_RUN = r"[\p{Han}\p{Katakana}ー・A-Za-zＡ-Ｚａ-ｚ]"
_JA_LATIN_NAME = rf"(?:[A-Z][A-Za-z0-9.&'-]*[ \u3000])*{_JA_LATIN_RUN}"
#: Topic words that are no name: "同社" (the said company) refers back, the others are times.
JA_NOT_NAMES = ("同", "今回", "今年", "今月", "今日", "今週", "今後", "今度", "本日", "本件",
                "本年", "当社", "当日", "当時", "当初", "昨年", "昨日", "翌日", "来年", "来月",
                "各社", "両社", "一方")
_JA_NOT_NAME = "(?!" + "|".join(JA_NOT_NAMES) + ")"
#: Where a Japanese clause opens: the text's start, a space, punctuation or a closing mark.
_JA_CLAUSE = r"(?:^|(?<=[\s、。」』）)】\]]))"
#: Verbs of announcing after "と" or "を" (the past or progressive: "発表した", "発表している").
JA_ANNOUNCE = ("発表",)
#: "アクメ銀行は14日、…と発表した" (asahi.com, nikkei.com, japan.cnet.com,
#: scan.netsecurity.ne.jp, headlines.yahoo.co.jp): the topic is who announced.
_JA_TOPIC_ANNOUNCED = _lazy(
    rf"{_JA_CLAUSE}{_JA_NOT_NAME}(?P<name>{_JA_LATIN_NAME}{{2,{MAX_UNSPACED_NAME}}})は、?"
    r"[^。\nは]{1,150}?[とを](?P<cue>" + "|".join(JA_ANNOUNCE) + ")(?:した|しました|している|していた)",
    regex.M)
#: A Japanese headline's "アクメが新料金を発表" (itmedia.co.jp, prtimes.jp, rbbtoday.com): any
#: name opening its clause, "が", a short phrase and a verb of announcing.
_JA_HEAD_ANNOUNCED = _lazy(
    rf"{_JA_CLAUSE}{_JA_NOT_NAME}(?P<name>{_JA_LATIN_NAME}{{2,{MAX_UNSPACED_NAME}}})が"
    r"[^\s、。]{0,25}?(?P<cue>" + "|".join(JA_ANNOUNCE) + r")(?![\p{Han}])",
    regex.M)
#: Words that end in a title's "相" and name no one: "真相" (the truth), "様相" (an aspect).
_JA_NOT_MINISTER = "(?<!真相|様相|世相|手相|皮相|実相)"
#: A Japanese headline's titled name and its quotation: "山田首相「増税はしない」" (asahi.com,
#: yomiuri.co.jp, publickey1.jp). The name opens the headline or follows "、", "の" or "…": after
#: a space it may open another item run on into the same line ("… 厚労相「…」 …").
_JA_HEAD_QUOTED = _lazy(
    rf"(?:^[ \t\u3000]*|(?<=[、の…]))(?<!{_JA_LATIN_RUN}){_JA_NOT_NAME}(?!皆さん)(?P<name>{_JA_LATIN_NAME}{{0,{MAX_UNSPACED_NAME}}}?"
    rf"(?:{_JA_TITLES})){_JA_NOT_MINISTER}(?P<cue>[「｢『])", regex.M)
#: Chinese speech verbs that a headline prints with no punctuation after them.
ZH_HEAD_VERBS = ("声称", "聲稱", "称", "稱", "表示", "强调", "強調", "指出", "透露")
#: Words that end in "称" and are no speech: "名称" (a name), "简称" (short for), "号称",
#: "堪称", "代称", "自称", "俗称", "统称", "总称", "通称", "人称", "职称", "昵称", "尊称",
#: "对称" (symmetric), "相称", "并称", "合称", "著称", "宣称" (claims: its own verb).
_ZH_NOT_SAID = "(?<![名简簡号號堪代自俗统統总總通人职職昵暱尊对對相并並合著宣])"
#: A Chinese headline's "王大明稱…" (upmedia.mg, money.udn.com, bbc.co.uk): a name of two to
#: four Han characters that opens the headline or follows a space, and a speech verb before
#: what was said.
_ZH_HEAD_SAID = _lazy(
    rf"(?:^|(?<=[ \t\u3000]))(?![他她我你它这這那其还還大])"
    rf"(?P<name>[\p{{Han}}·]{{2,{MAX_HAN_HEAD_SPEAKER}}}?)(?<![在对對向也还還就都])"
    rf"(?P<cue>{'|'.join(ZH_HEAD_VERBS)}){_ZH_NOT_SAID}(?=[\p{{Han}}「“])",
    regex.M)
#: What a headline must hold for each of its patterns to be tried: "岸田首相が経済対策を説明",
#: "アクメが新料金を発表", "山田首相「…」", "王大明稱…", "…　王小明：…".
_HEAD_MARKS = ((_JA_HEAD_SUBJECT, ("が",)), (_JA_HEAD_ANNOUNCED, JA_ANNOUNCE),
               (_JA_HEAD_QUOTED, ("「", "｢", "『")), (_ZH_HEAD_SAID, ZH_HEAD_VERBS),
               (_ZH_HEAD_LATER, ("：",)))
#: What a text must hold for each pattern to be tried.
_MARKS = ((_ACCORDING, ("によ",)), (_SAID, ("」と",)),
          (_ZH_SAID, ("表示", "指出", "强调", "強調", "透露", "说", "說", "称", "稱")),
          (_JA_TOPIC_ANNOUNCED, JA_ANNOUNCE))


def _unspaced_cands(ctx: _Ctx) -> Iterator[_Cand]:
    if ctx.text.isascii():  # every form needs a mark of a script without spaces (a C-speed test)
        return
    a, b = ctx.head_start, ctx.head_end
    head = ctx.text[a:b]
    if "、" in head:  # a headline's titled name: "高市氏、…"
        m = _JA_HEAD_TOPIC.match(ctx.text, a, b, timeout=REGEX_TIMEOUT)
        if m:
            yield _Cand(m.start("name"), m.end("name"), m.group("cue"), Role.ORIGIN)
    for rx, marks in _HEAD_MARKS:
        if any(mark in head for mark in marks):
            for m in rx.finditer(ctx.text, a, b, timeout=REGEX_TIMEOUT):
                yield _Cand(m.start("name"), m.end("name"), m.group("cue"), Role.ORIGIN)
    for rx, marks in _MARKS:
        if any(mark in ctx.text for mark in marks):
            for m in rx.finditer(ctx.text, timeout=REGEX_TIMEOUT):
                yield _Cand(m.start("name"), m.end("name"), m.group("cue") or m.group("cue2"),
                            Role.ORIGIN)
