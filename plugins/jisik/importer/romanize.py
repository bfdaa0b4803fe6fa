"""ASCII file names from Korean titles: a small Revised Romanization of Hangul.

Why ASCII: macOS stores Hangul file names decomposed (NFD) while Linux and Windows keep what they are
given (usually NFC), so a Hangul file name gives two different git paths and two different URLs
depending on the machine it was created on; and a percent-encoded Hangul URL
(`%EB%B2%88%EC%95%84%EC%9B%83`) is unreadable when it is pasted into a chat or a mail.

The romanization is the letter table of the Revised Romanization of Korean (2000): each syllable is
initial + medial + final jamo, with the table's position rule for finals (`ㄱ ㄷ ㅂ ㄹ` are `g d b r`
before a vowel and `k t p l` otherwise: 들이 → `deuri`, 닭 → `dak`). The sound-change rules
(assimilation, nasalisation, palatalisation) are not applied, so 신라 is `sinra`, not `silla`: the
name only has to be readable and stable, not a pronunciation guide.
"""

from __future__ import annotations

import unicodedata

_INITIALS = (
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
)
_MEDIALS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
    "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
)  # fmt: skip
# Finals (none, ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ):
# before a consonant or at the end of a word …
_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)  # fmt: skip
# … and before a syllable that starts with a vowel (silent initial ㅇ).
_FINALS_BEFORE_VOWEL = (
    "", "g", "kk", "ks", "n", "nj", "n", "d", "r", "lg", "lm", "lb", "ls", "lt",
    "lp", "r", "m", "b", "ps", "s", "ss", "ng", "j", "ch", "k", "t", "p", "",
)  # fmt: skip
# Compatibility jamo written alone (ㅋㅋ, ㄱㄴㄷ): U+3131 ㄱ … U+314E ㅎ, then U+314F ㅏ … U+3163 ㅣ.
_LONE_CONSONANTS = (
    "g", "kk", "gs", "n", "nj", "nh", "d", "tt", "r", "lg", "lm", "lb", "ls", "lt", "lp",
    "lh", "m", "b", "pp", "bs", "s", "ss", "ng", "j", "jj", "ch", "k", "t", "p", "h",
)  # fmt: skip

_FIRST_SYLLABLE, _LAST_SYLLABLE = 0xAC00, 0xD7A3
_SILENT_INITIAL = 11  # ㅇ
_APOSTROPHES = "'\u2019\u02bc`"

MAX_SLUG = 60
FALLBACK_SLUG = "article"


def _syllable(code: int) -> tuple[int, int, int]:
    index = code - _FIRST_SYLLABLE
    return index // 588, (index % 588) // 28, index % 28


def _is_syllable(char: str) -> bool:
    return _FIRST_SYLLABLE <= ord(char) <= _LAST_SYLLABLE


def romanize(text: str) -> str:
    """Romanize the Hangul in `text` (other characters are kept): `번아웃` gives `beonaut`."""
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for position, char in enumerate(text):
        code = ord(char)
        if _is_syllable(char):
            initial, medial, final = _syllable(code)
            following = text[position + 1 : position + 2]
            before_vowel = bool(following) and _is_syllable(following)
            before_vowel = before_vowel and _syllable(ord(following))[0] == _SILENT_INITIAL
            finals = _FINALS_BEFORE_VOWEL if before_vowel else _FINALS
            out.append(_INITIALS[initial] + _MEDIALS[medial] + finals[final])
        elif 0x3131 <= code <= 0x314E:
            out.append(_LONE_CONSONANTS[code - 0x3131])
        elif 0x314F <= code <= 0x3163:
            out.append(_MEDIALS[code - 0x314F])
        else:
            out.append(char)
    return "".join(out)


def _has_letters(text: str) -> bool:
    for char in unicodedata.normalize("NFC", text):
        if _is_syllable(char) or 0x3131 <= ord(char) <= 0x3163:
            return True
        if any(c.isascii() and c.isalpha() for c in unicodedata.normalize("NFKD", char)):
            return True
    return False


def slugify_title(title: str, max_length: int = MAX_SLUG) -> str:
    """An ASCII file-name slug for a title: `AI 번아웃 거물` gives `ai-beonaut-geomul`.

    Hangul is romanized, Latin is lower-cased (accents and full-width forms folded), digits are kept,
    apostrophes vanish and every other sign separates words; words are joined by `-` and cut at a word
    boundary to at most `max_length` characters. A title without Hangul or Latin letters gives
    `article`.
    """
    if not _has_letters(title):
        return FALLBACK_SLUG
    words: list[str] = []
    current: list[str] = []
    for char in romanize(title):
        folded = [c.lower() for c in unicodedata.normalize("NFKD", char) if c.isascii() and c.isalnum()]
        if folded:
            current.extend(folded)
        elif char in _APOSTROPHES or unicodedata.combining(char):
            continue
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_length]
    return slug or FALLBACK_SLUG
