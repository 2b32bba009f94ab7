"""Cues of a script written without spaces between words (Japanese), where no token marks
where a name starts: the name is the run of Han and Katakana characters (and "ー", "・")
right before the cue, which a Hiragana particle or punctuation ends.

- "気象庁によると" ("according to the Meteorological Agency"): the name before "によると" /
  "によれば"; before "の発表によると" ("according to the announcement of"), the name before "の".
- "アクメ社長は「…」と述べた" ("the Acme president said: …"): the topic before "は" and a
  quotation followed by "と" and a speech verb.
"""
from __future__ import annotations

from typing import Iterator

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
#: What a text must hold for each pattern to be tried.
_MARKS = ((_ACCORDING, "によ"), (_SAID, "」と"))


def _unspaced_cands(ctx: _Ctx) -> Iterator[_Cand]:
    for rx, mark in _MARKS:
        if mark in ctx.text:
            for m in rx.finditer(ctx.text, timeout=REGEX_TIMEOUT):
                yield _Cand(m.start("name"), m.end("name"), m.group("cue"), Role.ORIGIN)
