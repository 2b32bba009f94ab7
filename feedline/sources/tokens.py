"""An entry's chunks and tokens for the sources pass: each word with a coarse class (name,
determiner, connector, role noun...), made lazily chunk by chunk and remembered per
language set; `_Ctx` is the entry being read."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate, chain, compress, count, repeat
from operator import add
from typing import Any, Callable, Generic, Iterator, NamedTuple, TypeVar
import re
import unicodedata

from feedline import lexicon
from feedline.model import Role, Span
from feedline.sources.words import (
    AND_WORDS, CLAUSE_WORDS, CONNECTORS, DETERMINERS, MIN_FUNCTION_WORDS, NAME_ENDERS, NON_NAMES,
    OPENERS, ROLE_NOUNS, VERBS, _FUNCTION_LANGS,
)
from feedline.sources.atoms import (
    _CONTRACTION, _ELIDED_PREP, _ELISION, _LEAD_RUN, _NUMBERED_NAME, _TOKEN, _title_case,
)
from feedline.sources.cuewords import _CueStart, _cue_offsets, _cue_words, _followers

#: Chunks (runs of text between whitespace) whose tokens are remembered, per language set.
MAX_KNOWN_CHUNKS = 30_000  # ~560 bytes each: some 17 MB at most, as 50,000 words were
NAME, ACR, DET, CONN, AND, ROLE, LOW, STOP, NUM, NON = (
    "NAME", "ACR", "DET", "CONN", "AND", "ROLE", "LOW", "STOP", "NUM", "NON")
_HEADS = (NAME, ROLE, ACR)
#: "Today", "Ieri", "Gestern": a capitalised day word opens a sentence, it names no one.
_DAY_WORDS = frozenset(lexicon.HAND_DAY_WORDS)
_T = TypeVar("_T")


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
        """True when only plain spaces separate toks[k - 1] and toks[k], or an ampersand
        between two names ("Procter & Gamble", "Acme Research & Associates")."""
        before, tok = self.toks[k - 1], self.toks[k]
        gap = self.text[before.end:tok.start]
        if 0 < len(gap) <= 3 and _blank(gap):
            return True
        return gap.strip(" \u00a0") == "&" and len(gap) <= 5 and before.kind == tok.kind == NAME

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
    # The runs of non-space: `re`'s \s is `str.isspace`, what `str.split` splits at.
    return list(map(_MATCH_START, _CHUNK_RE.finditer(text)))


_CHUNK_RE = re.compile(r"\S+")
_MATCH_START = re.Match.start


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
        if low in words and not (kind == CONN and word[0].isupper()) and not (
                kind == DET and len(word) > 1 and word.isupper()):  # "Al Jazeera", "UN"
            return kind
    if _ELIDED_PREP.match(word):
        return STOP  # "all'agenzia", "nell'area": a preposition ends a name
    rest = _elided(word) or word  # "l'esercito" -> "esercito", "dell'IDF" -> "IDF"
    bare = _CONTRACTION.sub("", rest.casefold())
    if rest[0].isupper() or _caseless(rest[0]):
        return NON if bare in NON_NAMES or bare in OPENERS or bare in _DAY_WORDS else NAME
    if bare in ROLE_NOUNS:
        return ROLE
    return STOP if low in CLAUSE_WORDS or bare in NON_NAMES or low in NAME_ENDERS else LOW


def _elided(word: str) -> str:
    return _ELISION.sub("", word)


def _caseless(ch: str) -> bool:
    return unicodedata.category(ch) == "Lo"  # Arabic, CJK...: no capitals to go by
