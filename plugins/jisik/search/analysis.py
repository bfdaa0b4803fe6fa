"""Korean words as a search index needs them: the word as written, plus the terms a reader types.

`떠났는데` is indexed with `떠나다`, `인재유출` with `인재` and `유출`, `번아웃은` with
`번아웃`, `OpenAI의` with `openai`. Pagefind has no Korean segmentation: this is it. kiwipiepy (a
morphological analyser) does the work when it is installed; without it, particles are cut from the ends
of words by a fixed list.

Every unique word is analysed once: the answers are kept in a JSON file between builds (and in memory
between `mkdocs serve` rebuilds), so an unchanged site costs no analysis at all.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import threading
import time
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HANGUL = re.compile("[\uac00-\ud7a3]")
_SYLLABLE_FIRST, _SYLLABLE_LAST = 0xAC00, 0xD7A3
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"

# Morpheme tags (Sejong, as kiwipiepy writes them) whose forms are indexed on their own.
_NOUNS = {"NNG", "NNP", "NR", "NP", "SL", "SH", "SN", "XR"}
_PREDICATES = {"VV", "VA", "VX", "VV-R", "VA-R", "VV-I", "VA-I", "VX-R", "VX-I"}
_VERB_SUFFIXES = {"XSV", "XSA"}  # 정리(NNG)+하(XSV) → 정리하다

# Particles (and the copula's common forms) a word may end with, longest first. Without kiwipiepy they
# are cut from indexed words; the search page always cuts them from query words (see search.js).
PARTICLES = sorted(
    """이라는 라는 이라고 라고 이라며 에서는 에서도 에게는 에게도 으로는 으로도
    으로서 으로써 까지도 부터는 에서 에게 한테 께서 으로 처럼 보다 까지 부터
    마저 조차 만큼 이나 이란 이며 이고 이다 입니다 에는 에도 로는 로도 로서
    로써 와의 과의 의 은 는 이 가 을 를 에 로 와 과 도 만 나 란 며 고 랑
    들
    """.split(),  # noqa: SIM905
    key=len,
    reverse=True,
)

VERSION = 2
"""Bumped whenever the terms for a word change; cached answers of another version are dropped."""


def syllables(text: str) -> int:
    return len(HANGUL.findall(text))


def choseong(word: str) -> str:
    """The initial consonants of a Hangul word (`번아웃` → `ㅂㅇㅇ`); other characters are dropped."""
    out = []
    for char in word:
        code = ord(char)
        if _SYLLABLE_FIRST <= code <= _SYLLABLE_LAST:
            out.append(CHOSEONG[(code - _SYLLABLE_FIRST) // 588])
    return "".join(out)


def strip_particle(word: str) -> str:
    """`word` without a trailing particle, when at least two characters are left (`번아웃은` → `번아웃`)."""
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


def _suffixes(noun: str) -> list[str]:
    """The ends of a long noun the analyser did not split (`실리콘밸리` → `콘밸리`, `밸리`): its parts."""
    if syllables(noun) < 4 or syllables(noun) != len(noun):
        return []
    return [noun[i:] for i in range(2, len(noun) - 1)]


class Analyser:
    """Terms for a word: kiwipiepy when installed (loaded only when a word is not in the cache)."""

    def __init__(self, cache_file: Path | None, use_kiwi: bool = True) -> None:
        self.cache_file = cache_file
        self.use_kiwi = use_kiwi
        self._kiwi: Any = None
        self._lock = threading.Lock()
        self.available = use_kiwi and _kiwi_installed()
        self.engine = f"kiwipiepy {_kiwi_version()}" if self.available else "particles"
        self.words: dict[str, list[str]] = {}
        self.analysed = 0
        """Words analysed (not found in the cache) since the cache was loaded."""
        self.seconds = 0.0
        """Time spent analysing them (loading kiwipiepy included)."""
        self._loaded = False
        self._dirty = False

    def load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        if self.cache_file is None or not self.cache_file.is_file():
            return
        try:
            data = json.loads(self.cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("version") == VERSION and data.get("engine") == self.engine:
            words = data.get("words")
            if isinstance(words, dict):  # an entry that is not a list of terms is analysed again
                self.words = {
                    word: terms
                    for word, terms in words.items()
                    if isinstance(terms, list) and all(isinstance(term, str) for term in terms)
                }

    def save(self) -> None:
        """Write the cache when it grew (atomically: a build stopped half-way leaves the old one)."""
        if self.cache_file is None or not self._dirty:
            return
        data = {"version": VERSION, "engine": self.engine, "words": self.words}
        with contextlib.suppress(OSError):
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.cache_file.parent, prefix=".search-words-")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, self.cache_file)
            self._dirty = False

    def terms(self, words: Iterable[str]) -> dict[str, list[str]]:
        """The extra terms of each word (only those words that have any)."""
        self.load()
        unique = set(words)
        missing = [w for w in unique if w not in self.words]
        if missing:
            with self._lock:
                start = time.perf_counter()
                for word in missing:
                    self.words[word] = self._analyse(word)
                self.analysed += len(missing)
                self.seconds += time.perf_counter() - start
                self._dirty = True
        return {w: self.words[w] for w in unique if self.words[w]}

    def _analyse(self, word: str) -> list[str]:
        lower = word.lower()
        found: list[str] = []
        if self.available and HANGUL.search(word):
            found = self._kiwi_terms(word)
        elif HANGUL.search(word):
            stripped = strip_particle(word)
            if stripped != word:
                found.append(stripped)
            found.extend(_suffixes(stripped))
        terms: list[str] = []
        for term in found:
            term = term.lower()
            if term and term != lower and term not in terms and not _only_marks(term):
                terms.append(term)
        return terms

    def preload(self) -> None:
        """Load kiwipiepy's model now (under `mkdocs serve`, while the server is idle), so that the first
        new word of an edit does not wait for it."""
        if self.available:
            with self._lock:
                self._model()

    def _model(self) -> Any:
        if self._kiwi is None:
            from kiwipiepy import Kiwi  # type: ignore[import-untyped]

            # without the typo and multi-word dictionaries: the same terms for every word (checked over
            # 23,312 words and common misspellings), loaded in half the time (2.3 → 1.2 CPU s) and memory
            # (528 → 339 MB) — what the first new word of a build or a `serve` edit waits for
            self._kiwi = Kiwi(load_typo_dict=False, load_multi_dict=False)
        return self._kiwi

    def _kiwi_terms(self, word: str) -> list[str]:
        tokens = self._model().tokenize(word)
        terms: list[str] = []
        nouns = 0
        for index, token in enumerate(tokens):
            tag = str(token.tag)
            if tag in _NOUNS:
                terms.append(token.form)
                nouns += 1
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                if following is not None and str(following.tag) in _VERB_SUFFIXES:
                    terms.append(token.form + following.form + "다")
            elif tag in _PREDICATES:
                terms.append(token.form + "다")
                terms.extend(self._becoming(word, tokens, index))
        if nouns == 1 and len(terms) >= 1:
            terms.extend(_suffixes(terms[0]))
        return terms

    def _becoming(self, word: str, tokens: Any, index: int) -> list[str]:
        """An adjective's `-아/어지다` (becoming so) has both dictionary forms, whichever way kiwipiepy reads
        it: 높아졌다 (one verb, 높아지) → 높다, and 많아졌다 (많 + 어 + 지) → 많아지다."""
        token = tokens[index]
        tag, form = str(token.tag), str(token.form)
        if tag.startswith("VV") and len(form) > 2 and form[-2:] in ("아지", "어지"):
            base = self._kiwi.tokenize(form[:-2] + "다")
            if base and str(base[0].tag).startswith("VA") and base[0].form == form[:-2]:
                return [form[:-2] + "다"]
        if (
            tag.startswith("VX")
            and form == "지"
            and index >= 2
            and str(tokens[index - 1].tag) == "EC"
            and str(tokens[index - 2].tag).startswith("VA")
            and 0 < token.start <= len(word)
        ):
            return [word[: token.start] + "지다"]
        return []


def _only_marks(term: str) -> bool:
    return all(unicodedata.category(c)[0] in "PSZC" for c in term)


def _kiwi_installed() -> bool:
    try:
        import kiwipiepy  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return False
    return True


def _kiwi_version() -> str:
    try:
        import kiwipiepy  # type: ignore[import-untyped]

        return str(kiwipiepy.__version__)
    except ImportError:
        return ""
