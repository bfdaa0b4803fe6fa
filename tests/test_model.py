"""Unit tests of the article model (`jisik.model.parse_article`) and its body conventions. No build."""

from __future__ import annotations

import datetime as dt
import random
import re
import textwrap
from zoneinfo import ZoneInfo

import pytest

from jisik.model import Article, Problem, conventions, parse_article
from support import FIXTURES, REAL_ARTICLE

SEOUL = ZoneInfo("Asia/Seoul")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def parse(text: str, path: str = "articles/test.md", **options: object) -> Article:
    """Parse a dedented test page."""
    return parse_article(textwrap.dedent(text).lstrip("\n"), path, **options)  # type: ignore[arg-type]


def korean(body: str, front: str = "") -> Article:
    """A small Korean article with the given body (after a `# 제목` heading)."""
    head = f"---\n{front.strip()}\n---\n\n" if front.strip() else ""
    return parse_article(f"{head}# 제목\n\n{textwrap.dedent(body).strip()}\n", "articles/test.md")


# --- the real article -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> Article:
    return parse_article(REAL_ARTICLE.read_text(encoding="utf-8"), "articles/2026-11-27-ai-burnout.md")


@pytest.fixture(scope="module")
def raw_paragraphs() -> list[str]:
    text = (FIXTURES / "ai-burnout.txt").read_text(encoding="utf-8")
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def test_real_article_title(real: Article, raw_paragraphs: list[str]) -> None:
    assert real.title == "AI 번아웃 거물 인재들이 이탈하는 3가지 이유"
    assert real.title == raw_paragraphs[0]


def test_real_article_date_is_aware_seoul_midnight(real: Article) -> None:
    assert real.date is not None
    assert real.date.tzinfo is not None
    assert real.date.utcoffset() == dt.timedelta(hours=9)
    assert getattr(real.date.tzinfo, "key", None) == "Asia/Seoul"
    assert real.date == dt.datetime(2026, 11, 27, tzinfo=SEOUL)
    assert (real.date.hour, real.date.minute) == (0, 0)


def test_real_article_tags_in_order(real: Article) -> None:
    assert real.tags == (
        "AI번아웃",
        "실리콘밸리",
        "OpenAI",
        "xAI",
        "휴머노이드로봇",
        "핵융합",
        "인재유출",
        "IT트렌드",
        "테크이슈",
        "기술혁신",
    )


def test_real_article_source(real: Article) -> None:
    assert len(real.sources) == 1
    source = real.sources[0]
    assert source.url == (
        "https://techcrunch.com/podcast/ai-burnout-billion-dollar-bets-and-silicon-valleys-epstein-problem/"
    )
    assert source.is_link
    assert source.origin == "body"


def test_real_article_prompts_match_the_raw_text(real: Article, raw_paragraphs: list[str]) -> None:
    english = [p for p in raw_paragraphs if not HANGUL.search(p) and p.endswith(", 4:3")]
    assert len(english) == 4
    assert len(real.prompts) == 4
    assert [p.text for p in real.prompts] == [" ".join(p[: -len(", 4:3")].split()) for p in english]
    assert all(p.ratio == (4, 3) for p in real.prompts)
    assert all(not p.explicit for p in real.prompts)
    assert [p.full_text for p in real.prompts] == english


def test_real_article_summary_is_first_korean_paragraph(real: Article, raw_paragraphs: list[str]) -> None:
    first_korean = next(p for p in raw_paragraphs[1:] if HANGUL.search(p))
    assert real.summary == first_korean
    assert "#" not in real.summary
    assert "http" not in real.summary and "techcrunch" not in real.summary
    for prompt in real.prompts:
        assert prompt.text[:30] not in real.summary


def test_real_article_related_slot_and_no_problems(real: Article) -> None:
    assert real.related_slot is True
    assert real.problems == ()
    assert real.draft is False


# --- traps of ARTICLE-FORMAT section 3: what is and is not a hashtag -----------------------------


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("```c\n#include\n#define\n```", id="fenced-backticks"),
        pytest.param("~~~\n#include #pragma\n~~~", id="fenced-tildes"),
        pytest.param("```\n#include <stdio.h>\n\n#include\n```", id="fenced-with-blank-line"),
        pytest.param("    #include\n    #define", id="indented-code"),
        pytest.param("`#fff`", id="inline-code-alone"),
        pytest.param("배경색은 `#fff` 입니다.", id="inline-code-in-sentence"),
        pytest.param("https://x/#frag", id="url-fragment"),
        pytest.param("자세한 내용은 https://x/#frag 참고.", id="url-fragment-in-sentence"),
        pytest.param("a#b@x.com", id="email-like"),
        pytest.param("연락처: a#b@x.com", id="email-like-in-sentence"),
    ],
)
def test_not_tags(body: str) -> None:
    article = korean(f"첫 문단입니다.\n\n{body}\n\n#진짜태그")
    assert article.tags == ("진짜태그",)


def test_hashtag_line_inside_paragraph_is_still_tags() -> None:
    article = korean("첫 줄 문단입니다.\n#AI번아웃 #OpenAI")
    assert article.tags == ("AI번아웃", "OpenAI")
    assert article.summary == "첫 줄 문단입니다."


def test_hashtag_line_in_the_middle_of_a_paragraph_is_still_tags() -> None:
    article = korean("첫 줄입니다.\n#인공지능 #로봇\n둘째 줄입니다.")
    assert article.tags == ("인공지능", "로봇")
    assert "#" not in article.summary
    assert "첫 줄입니다." in article.summary


def test_unquoted_hashtag_in_yaml_list_is_reported_with_its_line() -> None:
    article = parse(
        """
        ---
        date: 2026-11-27
        tags:
          - #AI번아웃
          - OpenAI
        ---

        # 제목

        본문입니다.
        """
    )
    assert article.tags == ("OpenAI",)
    assert len(article.problems) == 1
    problem = article.problems[0]
    assert problem.line == 4  # the offending `- #AI번아웃` line itself
    message = problem.message
    assert '"#' in message or "quot" in message.lower() or "따옴표" in message


def test_quoted_hashtag_in_yaml_is_a_tag() -> None:
    article = korean("본문입니다.", front='tags: ["#AI번아웃", OpenAI]')
    assert article.tags == ("AI번아웃", "OpenAI")
    assert article.problems == ()


def test_unquoted_hashtags_after_tags_key_are_not_silently_lost() -> None:
    """`tags: #AI번아웃 #OpenAI` is a YAML comment: either read the tags or tell the writer."""
    article = parse(
        """
        ---
        date: 2026-11-27
        tags: #AI번아웃 #OpenAI
        ---

        # 제목

        본문입니다.
        """
    )
    told = [p for p in article.problems if p.line == 3]
    assert set(article.tags) == {"AI번아웃", "OpenAI"} or told


def test_front_matter_tags_merged_with_hashtag_line() -> None:
    article = korean("본문입니다.\n\n#OpenAI #핵융합", front="tags: [AI번아웃, OpenAI]")
    assert list(dict.fromkeys(t.casefold() for t in article.tags)) == ["ai번아웃", "openai", "핵융합"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("# 제목\n\n본문입니다.\n\n## 소제목\n\n본문.\n\n### 셋째 제목\n\n끝.", "제목"),
        ("# C# 입문\n\n본문입니다.", "C# 입문"),
        ("#  여러 칸 띄운 제목\n\n본문입니다.", "여러 칸 띄운 제목"),
    ],
)
def test_headings_are_not_tag_lines(text: str, title: str) -> None:
    article = parse_article(text, "articles/test.md")
    assert article.tags == ()
    assert article.title == title


def test_c_sharp_c_plus_plus_and_c_are_three_tags() -> None:
    article = korean("본문입니다.\n\n#C# #C++ #C")
    assert article.tags == ("C#", "C++", "C")


# --- dates ----------------------------------------------------------------------------------------


def test_date_only_is_midnight_in_seoul() -> None:
    article = korean("본문입니다.", front="date: 2026-11-27")
    assert article.date == dt.datetime(2026, 11, 27, 0, 0, tzinfo=SEOUL)
    assert article.date is not None and article.date.utcoffset() == dt.timedelta(hours=9)


def test_explicit_utc_offset_is_kept() -> None:
    article = korean("본문입니다.", front="date: 2026-11-27T09:30:00+00:00")
    assert article.date is not None
    assert article.date.utcoffset() == dt.timedelta(0)
    assert (article.date.hour, article.date.minute) == (9, 30)
    assert article.date == dt.datetime(2026, 11, 27, 18, 30, tzinfo=SEOUL)


def test_timezone_option() -> None:
    article = parse("---\ndate: 2026-11-27\n---\n\n# 제목\n\n본문.\n", timezone="UTC")
    assert article.date is not None
    assert article.date.utcoffset() == dt.timedelta(0)
    assert article.date == dt.datetime(2026, 11, 27, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026.11.27", dt.datetime(2026, 11, 27, tzinfo=SEOUL)),
        ("2026년 11월 27일", dt.datetime(2026, 11, 27, tzinfo=SEOUL)),
        ("2026-11-27 09:30", dt.datetime(2026, 11, 27, 9, 30, tzinfo=SEOUL)),
        ("2026-11-27T09:30:00+09:00", dt.datetime(2026, 11, 27, 9, 30, tzinfo=SEOUL)),
        ("2026-11-27T00:30:00Z", dt.datetime(2026, 11, 27, 9, 30, tzinfo=SEOUL)),
    ],
)
def test_other_date_spellings(value: str, expected: dt.datetime) -> None:
    article = korean("본문입니다.", front=f"date: {value}")
    assert article.problems == ()
    assert article.date == expected
    assert article.date is not None and article.date.tzinfo is not None


def test_updated_date() -> None:
    article = korean("본문입니다.", front="date: 2026-11-27\nupdated: 2026-11-28")
    assert article.updated == dt.datetime(2026, 11, 28, tzinfo=SEOUL)


def test_impossible_date_is_an_error_on_its_line() -> None:
    article = parse(
        """
        ---
        title: 날짜가 틀린 글
        tags: [테스트]
        date: 2026-13-45
        ---

        # 제목

        본문입니다.
        """
    )
    assert article.date is None
    errors = [p for p in article.problems if p.level == "error"]
    assert len(errors) == 1
    assert errors[0].line == 4
    assert "date" in errors[0].message
    # the rest of the front matter is still read
    assert article.title == "날짜가 틀린 글"
    assert article.tags == ("테스트",)


def test_missing_date_is_none() -> None:
    article = korean("본문입니다.")
    assert article.date is None
    assert article.updated is None


# --- malformed front matter -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "front",
    [
        pytest.param("---\ntitle: [열린 괄호\ndate: 2026-11-27\n---\n", id="unclosed-bracket"),
        pytest.param("---\ntitle: 제목: 또 콜론\n---\n", id="colon-in-value"),
        pytest.param("---\n\ttitle: 탭\n---\n", id="tab-indent"),
        pytest.param("---\ndate: 2026-11-27\n  tags: x\n---\n", id="bad-indent"),
        pytest.param("---\n- 리스트\n- 항목\n---\n", id="not-a-mapping"),
        pytest.param('---\ntitle: "닫히지 않은 따옴표\n---\n', id="unclosed-quote"),
        pytest.param("---\ndate: 2026-11-27\ntags: [a, b\n", id="no-closing-line"),
    ],
)
def test_malformed_front_matter_is_one_problem_with_a_line(front: str) -> None:
    text = front + "\n# 제목\n\n본문입니다.\n"
    article = parse_article(text, "articles/test.md")
    assert len(article.problems) == 1
    problem = article.problems[0]
    assert isinstance(problem.line, int)
    assert 1 <= problem.line <= front.count("\n")
    assert article.title == "제목"


def test_parse_article_never_raises_on_garbage() -> None:
    fragments = [
        "---",
        "...",
        "date: 2026-02-30",
        "date: 2026-11-27",
        "date: [",
        "tags:",
        "  - #태그",
        "tags: {a: b}",
        "sources: 3",
        "sources:\n  - {title: 없음}",
        "draft: maybe",
        "# 제목",
        "#태그 #OpenAI",
        "#",
        "##",
        "```",
        "~~~",
        "    #include",
        "/// prompt | 4:3",
        "/// prompt | 99:0",
        "/// prompt",
        "    ratio: x",
        "///",
        "출처:",
        "출처: javascript:alert(1)",
        "Source: [](",
        "A photo of a cat on a sofa, 4:3",
        "\t",
        "",
        "\r\n",
        "\ufeff",
        "\x00",
        "번아웃",
        "•  항목",
        "> 인용",
        "<div>",
        "[",
        "**",
    ]
    rng = random.Random(20261127)
    for _ in range(400):
        text = "\n".join(rng.choice(fragments) for _ in range(rng.randint(0, 14)))
        article = parse_article(text, "articles/fuzz.md")
        assert isinstance(article, Article)
        assert article.title
        for problem in article.problems:
            assert isinstance(problem, Problem)
            assert problem.line is None or problem.line >= 1


# --- prompts --------------------------------------------------------------------------------------

PROMPT = "A wide aerial photo of Seoul at night with neon lights, cinematic style, high resolution"


def test_bare_prompt_in_korean_article() -> None:
    article = korean(f"서울의 밤을 소개하는 문단입니다.\n\n{PROMPT}, 16:9\n\n두 번째 문단입니다.")
    assert len(article.prompts) == 1
    prompt = article.prompts[0]
    assert prompt.text == PROMPT
    assert prompt.ratio == (16, 9)
    assert prompt.explicit is False
    assert prompt.line == 5
    assert article.summary == "서울의 밤을 소개하는 문단입니다."


def test_prompt_wrapped_over_lines_is_one_prompt() -> None:
    wrapped = PROMPT.replace(" with ", "\nwith ")
    article = korean(f"소개 문단입니다.\n\n{wrapped}, 4:3")
    assert [p.text for p in article.prompts] == [PROMPT]


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param("한국어로 쓴 설명 문단입니다, 4:3", id="korean-with-ratio"),
        pytest.param("오후 4:30에 만나요", id="korean-time"),
        pytest.param("내일 회의는 회의실에서 합니다, 4:30", id="korean-comma-time"),
        pytest.param(PROMPT, id="english-without-ratio"),
        pytest.param("We will meet the whole research team at the main office, 4:30", id="english-time"),
        pytest.param(f"{PROMPT}, 400:300", id="too-big-numbers"),
        pytest.param(f"{PROMPT}, 4:300", id="too-big-height"),
        pytest.param(f"{PROMPT}, 0:3", id="zero"),
        pytest.param("The ratio 4:3 is common for photos taken in the lab", id="ratio-not-last"),
        pytest.param("A photo of a sleepy cat 4:3", id="no-comma"),
    ],
)
def test_not_prompts(paragraph: str) -> None:
    article = korean(f"{paragraph}\n\n다음 문단입니다.")
    assert article.prompts == ()
    assert article.summary == paragraph, "a paragraph that is not a prompt stays prose"


def test_bare_prompt_only_in_articles_with_hangul() -> None:
    english = f"# Night photos\n\nAn article written only in English.\n\n{PROMPT}, 4:3\n"
    assert parse_article(english, "articles/en.md").prompts == ()
    with_hangul = english.replace("only in English", "only in English (영어)")
    assert [p.text for p in parse_article(with_hangul, "articles/ko.md").prompts] == [PROMPT]


EXPLICIT = """\
/// prompt | 16:9
    image: x.png
    alt: 서울 야경

A wide shot of Seoul at night, neon lights, cinematic
///
"""


def test_explicit_prompt_block() -> None:
    article = korean(f"본문입니다.\n\n{EXPLICIT}\n다음 문단입니다.")
    assert len(article.prompts) == 1
    prompt = article.prompts[0]
    assert prompt.explicit is True
    assert prompt.ratio == (16, 9)
    assert prompt.text == "A wide shot of Seoul at night, neon lights, cinematic"
    assert prompt.options == {"image": "x.png", "alt": "서울 야경"}
    assert prompt.line == 5
    assert article.problems == ()
    assert "image" not in article.summary


def test_explicit_prompt_block_works_without_hangul() -> None:
    article = parse_article(f"# Title\n\nEnglish only.\n\n{EXPLICIT}", "articles/en.md")
    assert [(p.ratio, p.explicit) for p in article.prompts] == [((16, 9), True)]


def test_explicit_prompt_without_ratio_is_reported() -> None:
    article = korean("본문입니다.\n\n/// prompt\nA wide shot of Seoul at night, neon lights\n///")
    assert [p.line for p in article.problems] == [5]
    assert "ratio" in article.problems[0].message


# --- sources --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "url", "title"),
    [
        ("출처: https://techcrunch.com/x", "https://techcrunch.com/x", None),
        ("Source: https://example.com/a", "https://example.com/a", None),
        ("출처 1: 테크크런치 기사 https://techcrunch.com/x", "https://techcrunch.com/x", "테크크런치 기사"),
        ("출처: [테크크런치 기사](https://techcrunch.com/x)", "https://techcrunch.com/x", "테크크런치 기사"),
        ("출처： https://example.com/full-width-colon", "https://example.com/full-width-colon", None),
    ],
)
def test_source_lines(line: str, url: str, title: str | None) -> None:
    article = korean(f"본문 문단입니다.\n\n{line}\n\n#태그")
    assert [(s.url, s.title) for s in article.sources] == [(url, title)]
    source = article.sources[0]
    assert source.is_link
    assert source.line == 5
    assert source.origin == "body"
    assert article.problems == ()
    assert article.summary == "본문 문단입니다."


def test_source_url_with_parentheses_is_kept_whole() -> None:
    url = "https://en.wikipedia.org/wiki/Mercury_(planet)"
    article = korean(f"본문 문단입니다.\n\n출처: {url}")
    assert [s.url for s in article.sources] == [url]


def test_several_source_lines() -> None:
    article = korean(
        """
        본문 문단입니다.

        출처 1: 첫 기사 https://a.example/1
        출처 2: 둘째 기사 https://b.example/2
        Source: https://c.example/3
        """
    )
    assert [(s.url, s.title, s.line) for s in article.sources] == [
        ("https://a.example/1", "첫 기사", 5),
        ("https://b.example/2", "둘째 기사", 6),
        ("https://c.example/3", None, 7),
    ]


def test_front_matter_sources_merged_with_body() -> None:
    article = korean(
        "본문 문단입니다.\n\n출처: https://body.example/x",
        front="sources:\n  - https://a.example/1\n  - {url: https://b.example/2, title: 원문 제목}",
    )
    assert [(s.url, s.title, s.origin) for s in article.sources] == [
        ("https://a.example/1", None, "front-matter"),
        ("https://b.example/2", "원문 제목", "front-matter"),
        ("https://body.example/x", None, "body"),
    ]
    assert all(s.is_link for s in article.sources)
    assert article.problems == ()


def test_javascript_source_is_kept_but_not_a_link() -> None:
    article = korean("본문 문단입니다.\n\n출처: javascript:alert(1)")
    assert len(article.sources) == 1
    source = article.sources[0]
    assert source.url is not None and source.url.startswith("javascript:alert(1")
    assert source.is_link is False
    assert [p.line for p in article.problems] == [5]
    assert "javascript" in article.problems[0].message


@pytest.mark.parametrize(
    "url", ["ftp://example.com/x", "data:text/html,hi", "//example.com/x", "/local/page"]
)
def test_non_http_sources_are_not_links(url: str) -> None:
    article = korean("본문 문단입니다.", front=f'sources: ["{url}"]')
    assert [s.is_link for s in article.sources] == [False]
    assert len(article.problems) == 1


def test_note_line_without_url_is_not_a_source() -> None:
    article = korean("참고: 이 글은 개인적인 의견입니다.")
    assert article.sources == ()
    assert article.summary == "참고: 이 글은 개인적인 의견입니다."


# --- summary --------------------------------------------------------------------------------------


def test_front_matter_summary_wins() -> None:
    article = korean("본문 첫 문단입니다.", front="summary: 직접 쓴 **요약**입니다")
    assert article.summary == "직접 쓴 요약입니다"


def test_summary_is_plain_text() -> None:
    article = korean("**굵게** 쓴 [링크](https://x.example/) 문단과 `코드`와 *기울임*입니다.")
    assert article.summary == "굵게 쓴 링크 문단과 코드와 기울임입니다."


def test_summary_skips_a_leading_prompt() -> None:
    article = korean(f"{PROMPT}, 4:3\n\n프롬프트 다음의 한국어 문단입니다.")
    assert len(article.prompts) == 1
    assert article.summary == "프롬프트 다음의 한국어 문단입니다."


def test_summary_skips_headings_sources_and_tags() -> None:
    article = korean("## 소제목\n\n출처: https://a.example/1\n\n#태그\n\n진짜 첫 문단입니다.")
    assert article.summary == "진짜 첫 문단입니다."


# --- draft ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("front", "draft"), [("draft: true", True), ("draft: false", False), ("", False)])
def test_draft_flag(front: str, draft: bool) -> None:
    article = korean("본문입니다.", front=f"date: 2026-11-27\n{front}")
    assert article.draft is draft


# --- the conventions module directly --------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("#AI번아웃 #실리콘밸리 #OpenAI", ["AI번아웃", "실리콘밸리", "OpenAI"]),
        ("  #들여쓴 #태그", ["들여쓴", "태그"]),
        ("#C# #C++ #C", ["C#", "C++", "C"]),
        ("# 제목", None),
        ("## 제목", None),
        ("#태그 그리고 글", None),
        ("    #include", None),
        ("https://x/#frag", None),
        ("a#b@x.com", None),
        ("`#fff`", None),
        ("본문", None),
    ],
)
def test_hashtag_line(line: str, tags: list[str] | None) -> None:
    assert conventions.hashtag_line(line) == tags


@pytest.mark.parametrize(
    ("text", "ratio"),
    [("4:3", (4, 3)), ("16:9", (16, 9)), (" 1 : 1 ", (1, 1)), ("0:3", None), ("4:300", None), ("a:b", None)],
)
def test_parse_ratio(text: str, ratio: tuple[int, int] | None) -> None:
    assert conventions.parse_ratio(text) == ratio


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://a.example/x", True),
        ("HTTP://A.EXAMPLE", True),
        ("javascript:alert(1)", False),
        ("ftp://a.example/x", False),
        ("https://", False),
        ("//a.example/x", False),
    ],
)
def test_is_http_url(url: str, link: bool) -> None:
    assert conventions.is_http_url(url) is link


@pytest.mark.parametrize("seed", range(40))
def test_shorten_matches_textwrap_for_word_text(seed: int) -> None:
    """The page description's shortening agrees with textwrap.shorten (ten times slower) on prose."""
    from jisik.model.text import shorten

    rng = random.Random(seed)
    words = ["인공지능", "번아웃", "AI", "이탈하는", "인재들이", "실리콘밸리", "x", "OpenAI의", "정책"]
    text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 60)))
    for width in (10, 40, 160):
        assert shorten(text, width) == textwrap.shorten(text, width, placeholder="…")
        assert len(shorten(text, width)) <= width
