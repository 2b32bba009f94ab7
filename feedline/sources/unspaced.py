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
#: What a text must hold for each pattern to be tried.
_MARKS = ((_ACCORDING, ("によ",)), (_SAID, ("」と",)),
          (_ZH_SAID, ("表示", "指出", "强调", "強調", "透露", "说", "說", "称", "稱")))


def _unspaced_cands(ctx: _Ctx) -> Iterator[_Cand]:
    if ctx.text.isascii():  # every form needs a mark of a script without spaces (a C-speed test)
        return
    a, b = ctx.head_start, ctx.head_end
    if b > a and "、" in ctx.text[a:b]:  # a headline's titled name: "高市氏、…"
        m = _JA_HEAD_TOPIC.match(ctx.text, a, b, timeout=REGEX_TIMEOUT)
        if m:
            yield _Cand(m.start("name"), m.end("name"), m.group("cue"), Role.ORIGIN)
    if b > a and "が" in ctx.text[a:b]:  # "岸田首相が経済対策を説明"
        for m in _JA_HEAD_SUBJECT.finditer(ctx.text, a, b, timeout=REGEX_TIMEOUT):
            yield _Cand(m.start("name"), m.end("name"), m.group("cue"), Role.ORIGIN)
    if b > a and "：" in ctx.text[a:b]:  # "…　王小明：…"
        for m in _ZH_HEAD_LATER.finditer(ctx.text, a, b, timeout=REGEX_TIMEOUT):
            yield _Cand(m.start("name"), m.end("name"), m.group("cue"), Role.ORIGIN)
    for rx, marks in _MARKS:
        if any(mark in ctx.text for mark in marks):
            for m in rx.finditer(ctx.text, timeout=REGEX_TIMEOUT):
                yield _Cand(m.start("name"), m.end("name"), m.group("cue") or m.group("cue2"),
                            Role.ORIGIN)
