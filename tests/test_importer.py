"""`jisik import` and `jisik new`: raw text to articles, encodings, file names, no overwrites."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from jisik.cli.importer import Progress
from jisik.importer import (
    DEFAULT_JUNK,
    DecodeError,
    article_filename,
    convert,
    decode,
    skeleton,
    slugify_title,
    today_in,
)
from jisik.importer.convert import date_line
from jisik.importer.files import replace, write_new
from jisik.model import parse_article
from jisik.model.conventions import hashtag_line, prompt_paragraph, source_line
from support import FIXTURES, Built, SiteProject, text_of, tool

RAW = (FIXTURES / "ai-burnout.txt").read_text(encoding="utf-8")
TITLE = "AI 번아웃 거물 인재들이 이탈하는 3가지 이유"
DATE = dt.date(2026, 11, 27)
SLUG = "ai-beonaut-geomul-injaedeuri-italhaneun-3gaji-iyu"
IMPORTED_NAME = f"2026-11-27-{SLUG}.md"
HEADINGS = [
    "AI 번아웃 기술 인재가 도망가는 이유",
    "가치관 충돌로 해체된 OpenAI 정렬 팀",
    "xAI 창립 멤버 절반이 이탈하게 된 배경",
    "인재들이 로봇과 핵융합으로 향하는 방법",
    "왜 억만장자들은 로봇 공학에 베팅할까",
    "실리콘밸리 투자판과 엡스타인 리스크",
    "AI 슈퍼볼 광고가 대중에게 외면받은 법",
    "마치며",
    "함께 보면 좋은 글",
]


def jisik(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [tool("jisik"), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


# --- decoding -------------------------------------------------------------------------------------


def test_decode_reads_the_encodings_korean_files_come_in() -> None:
    text = "제목\n\n본문입니다.\n"
    assert decode(text.encode("utf-8")) == (text, "utf-8")
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8-sig")
    assert decode(text.encode("cp949")) == (text, "cp949")
    assert decode(text.encode("euc-kr"))[0] == text
    assert decode(text.encode("utf-16")) == (text, "utf-16")  # Notepad's "유니코드" (with a BOM)
    # UHC syllables that EUC-KR lacks (똠, 햏) are CP949 only
    assert decode("똠방각하 햏".encode("cp949"))[0] == "똠방각하 햏"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param("café au lait\n".encode("latin-1"), id="latin-1"),
        pytest.param("日本語のテキストです。".encode("shift_jis"), id="shift-jis"),
        pytest.param("中文文本，这是一个测试。".encode("gbk"), id="gbk"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="png"),
        pytest.param(b"\xef\xbb\xbf\xff\xfe broken", id="bad-after-bom"),
        pytest.param("제목\x00\x00".encode(), id="nul-bytes"),
    ],
)
def test_decode_rejects_what_is_not_korean_text(data: bytes) -> None:
    with pytest.raises(DecodeError) as raised:
        decode(data)
    assert str(raised.value)  # a reason the CLI can print


def test_decode_error_names_the_byte_and_the_way_out() -> None:
    with pytest.raises(DecodeError, match=r"0xe9 at offset 3.*save it as UTF-8"):
        decode("café".encode("latin-1"))


# --- converting the real article ------------------------------------------------------------------


def test_real_article_converts_to_the_article_format() -> None:
    imported = convert(RAW, date=DATE)
    md = imported.markdown
    assert imported.title == TITLE and imported.date == DATE and imported.notices == ()
    assert imported.filename == IMPORTED_NAME
    assert md.startswith("---\ndate: 2026-11-27\n---\n\n# AI 번아웃 거물 인재들이 이탈하는 3가지 이유\n\n")
    assert re.findall(r"^## (.*)$", md, re.MULTILINE) == HEADINGS
    assert len(re.findall(r"^- ", md, re.MULTILINE)) == 6 and "•" not in md
    for junk in DEFAULT_JUNK:
        assert junk not in md
    # prompts, the 출처 line and the hashtag line stay exactly as written, each a paragraph of its own
    kept = [line for line in RAW.splitlines() if line.endswith(", 4:3") or line.startswith(("출처:", "#"))]
    assert len(kept) == 6
    for line in kept:
        assert f"\n\n{line}\n" in md
    assert md.endswith("## 함께 보면 좋은 글\n\n" + kept[-1] + "\n")


def test_round_trip_gives_the_title_tags_sources_and_prompts_of_the_raw_text() -> None:
    paragraphs = [p.strip() for p in RAW.split("\n\n") if p.strip()]
    tags = [tag for p in paragraphs for tag in (hashtag_line(p) or [])]
    urls = [ref.url for p in paragraphs if (ref := source_line(p))]
    prompts = [found for p in paragraphs if (found := prompt_paragraph(p))]
    assert (len(tags), len(urls), len(prompts)) == (10, 1, 4)

    imported = convert(RAW, date=DATE)
    article = parse_article(imported.markdown, IMPORTED_NAME)
    assert article.title == paragraphs[0] == imported.title
    assert list(article.tags) == tags
    assert [s.url for s in article.sources] == urls
    assert [(p.text, p.ratio) for p in article.prompts] == prompts
    assert article.date == dt.datetime(2026, 11, 27, tzinfo=article.date.tzinfo)
    assert article.related_slot and article.problems == ()
    assert article.summary.startswith("최근 실리콘밸리 인공지능 업계의 핵심 인력들이")


def test_title_ending_in_a_hash_keeps_it_on_the_page_and_in_the_record() -> None:
    imported = convert("배워보자 C#\n\n본문입니다.\n", date=DATE)
    assert "\n# 배워보자 C\\#\n" in imported.markdown
    assert parse_article(imported.markdown, "x.md").title == "배워보자 C#"
    assert markdown.markdown("# 배워보자 C\\#") == "<h1>배워보자 C#</h1>"


def test_cp949_and_bom_crlf_files_give_byte_identical_markdown() -> None:
    expected = convert(RAW, date=DATE).markdown.encode("utf-8")
    # CP949 has no `•` (U+2022); Korean editors write `·` (0xA1A4) there, which is read as a bullet too
    cp949 = RAW.replace("•", "·").encode("cp949")
    bom_crlf = b"\xef\xbb\xbf" + RAW.replace("\n", "\r\n").encode("utf-8")
    for data, encoding in ((cp949, "cp949"), (bom_crlf, "utf-8-sig")):
        text, found = decode(data)
        assert found == encoding
        assert convert(text, date=DATE).markdown.encode("utf-8") == expected
    assert b"\r" not in expected


# --- dates, junk, headings ------------------------------------------------------------------------


def test_date_comes_from_the_option_then_a_date_line_then_today() -> None:
    raw = "제목입니다\n\n작성일: 2026년 3월 5일 (목) 09:30\n\n본문입니다.\n"
    from_text = convert(raw, today=dt.date(2030, 1, 1))
    assert from_text.date == dt.date(2026, 3, 5)
    assert "2026년" not in from_text.markdown  # the date line went into the front matter
    assert from_text.notices == ("date 2026-03-05 taken from line 3",)

    assert convert(raw, date=DATE).date == DATE

    undated = convert("제목입니다\n\n본문입니다.\n", today=dt.date(2030, 1, 1))
    assert undated.date == dt.date(2030, 1, 1)
    assert undated.markdown.startswith("---\ndate: 2030-01-01\n---\n")
    assert any("no date" in notice for notice in undated.notices)

    impossible = convert("제목입니다\n\n2026-13-45\n\n본문입니다.\n", today=dt.date(2030, 1, 1))
    assert impossible.date == dt.date(2030, 1, 1) and "2026-13-45" in impossible.markdown
    assert any("not a real date" in notice for notice in impossible.notices)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2026-11-27", (2026, 11, 27)),
        ("2026. 11. 27.", (2026, 11, 27)),
        ("2026년 11월 27일", (2026, 11, 27)),
        ("게시일 2026.11.27 오후 3:05", (2026, 11, 27)),
        ("Posted on 2026/11/27", (2026, 11, 27)),
        ("2026년 11월 27일에 발표된 자료에 따르면", None),
        ("2026-11-27 회의록", None),
    ],
)
def test_date_lines(line: str, expected: tuple[int, int, int] | None) -> None:
    assert date_line(line) == expected


def test_junk_list_is_configurable() -> None:
    raw = "제목입니다\n\n본문입니다.\n\n  leave a  COMMENT \n\n공유하기\n"
    assert "leave a" not in convert(raw, date=DATE).markdown.casefold()
    assert "공유하기" in convert(raw, date=DATE).markdown
    custom = convert(raw, date=DATE, junk=[*DEFAULT_JUNK, "공유하기"]).markdown
    assert "공유하기" not in custom and "본문입니다." in custom


def test_heading_needs_a_short_line_alone_followed_by_prose() -> None:
    raw = "\n\n".join(
        [
            "제목입니다",
            "소제목 하나",
            "소제목 뒤의 문단입니다.",
            "짧은 문장입니다.",  # ends like a sentence
            "다음 문단입니다.",
            "줄 하나\n바로 다음 줄입니다.",  # not alone between blank lines
            "목록 앞의 짧은 줄",  # followed by bullets, not prose
            "• 항목",
            "짧은 줄",
            "또 짧은 줄",  # followed by a line that is not prose
            "마지막 짧은 줄",
        ]
    )
    headings = re.findall(r"^## (.*)$", convert(raw, date=DATE).markdown, re.MULTILINE)
    assert headings == ["소제목 하나"]


def test_heading_may_be_followed_by_a_prompt_then_prose() -> None:
    prompt = "A quiet library at night with warm lamps and wooden shelves, cinematic lighting, 16:9"
    raw = f"제목입니다\n\n도서관 이야기\n\n{prompt}\n\n밤의 도서관은 조용합니다.\n"
    md = convert(raw, date=DATE).markdown
    assert f"## 도서관 이야기\n\n{prompt}\n\n밤의" in md


# --- plain text stays plain -----------------------------------------------------------------------

_PLAIN = st.text(
    alphabet=st.sampled_from(list("가나다라 힣abcXYZ019 *_`#<>&[](){}!\\.-=+~|:;'\"/")),
    min_size=1,
    max_size=40,
)


def _rendered_text(md: str) -> str:
    body = md.split("---\n", 2)[2]
    html = markdown.markdown(body, extensions=["attr_list", "admonition", "pymdownx.superfences"])
    return " ".join(BeautifulSoup(html, "lxml").get_text(" ").split())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=_PLAIN)
def test_any_title_round_trips(title: str) -> None:
    flat = " ".join(title.split())
    assume(flat and not date_line(flat) and flat.casefold() not in ("leave a comment",))
    imported = convert(f"{title}\n\n본문입니다.\n", date=DATE)
    assert imported.title == flat
    assert parse_article(imported.markdown, "x.md").title == flat


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line=_PLAIN)
def test_prose_shows_as_written(line: str) -> None:
    """`*별*`, `<b>`, `#1 이유`, `[a](b)`, `1984. 봄` in raw text are text, not Markdown."""
    flat = " ".join(line.split())
    assume(flat and not hashtag_line(flat) and not source_line(flat) and not date_line(flat))
    assume(not re.match(r"^[-*+]\s", flat))  # a bullet
    assume(not re.match(r"^\d{1,2}\.\s", flat))  # a numbered list item, kept as one
    assume(not re.fullmatch(r"[-*_ ]+", flat) or len(flat.replace(" ", "")) < 3)  # a rule
    md = convert(f"제목입니다\n\n{line}\n", date=DATE).markdown
    assert _rendered_text(md) == " ".join(f"제목입니다 {flat}".split())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(item=_PLAIN)
def test_bullet_items_show_as_written(item: str) -> None:
    flat = " ".join(item.split())
    assume(flat)
    md = convert(f"제목입니다\n\n• {item}\n• 둘째 항목\n", date=DATE).markdown
    body = md.split("---\n", 2)[2]
    html = BeautifulSoup(markdown.markdown(body, extensions=["attr_list", "admonition"]), "lxml")
    assert [" ".join(li.get_text(" ").split()) for li in html.select("ul > li")] == [flat, "둘째 항목"]


def test_tricky_prose_is_escaped_readably() -> None:
    raw = (
        "제목입니다\n\n#1 이유는 *별표*와 <b>굵게</b> 그리고 [속보] 입니다.\n\n"
        "[링크](http://x) 와 a_b_c 와 _밑줄_\n"
    )
    md = convert(raw, date=DATE).markdown
    assert "\\#1 이유는 \\*별표\\*와 &lt;b>굵게&lt;/b> 그리고 [속보] 입니다." in md
    assert "\\[링크\\](http://x) 와 a_b_c 와 \\_밑줄\\_" in md


# --- file names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (TITLE, SLUG),
        ("닭 한 마리", "dak-han-mari"),  # finals at a word end: k t p l
        ("값이 좋아", "gapsi-joa"),  # finals before a vowel are carried over, ㅎ goes silent
        ("신라 여행", "sinra-yeohaeng"),  # letters, not sound changes (not `silla`)
        ("ＯｐｅｎＡＩ와 Café", "openaiwa-cafe"),  # full-width and accents folded
        ("Musk's 'AI' plan: 2026!", "musks-ai-plan-2026"),
        ("C++ / C# 비교", "c-c-bigyo"),
        ("ㅋㅋ 웃긴 글", "kk-utgin-geul"),
        ("日本語のタイトル", "article"),
        ("2026 · 1984", "article"),
        ("🙂🙂", "article"),
    ],
)
def test_slugify_title(title: str, slug: str) -> None:
    assert slugify_title(title) == slug


def test_slug_is_the_same_for_nfd_hangul_from_macos() -> None:
    assert slugify_title(unicodedata.normalize("NFD", TITLE)) == SLUG


def test_slug_is_cut_at_a_word_boundary() -> None:
    title = "왜 억만장자들은 로봇 공학에 베팅할까 그리고 실리콘밸리 투자판과 엡스타인 리스크"
    slug = slugify_title(title)
    assert slug == "wae-eokmanjangjadeureun-robot-gonghage-betinghalkka-geurigo"
    assert len(slug) <= 60 and len(slug + "-silrikonbaelri") > 60
    assert slugify_title("a" * 80) == "a" * 60


@settings(max_examples=200, deadline=None)
@given(title=st.text(max_size=80))
def test_slug_is_always_a_safe_ascii_name(title: str) -> None:
    slug = slugify_title(title)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) and len(slug) <= 60


def test_article_filename_numbers_later_files_of_the_same_day() -> None:
    assert article_filename(DATE, TITLE) == IMPORTED_NAME
    assert article_filename(DATE, TITLE, 2) == f"2026-11-27-{SLUG}-2.md"


# --- writing files --------------------------------------------------------------------------------


def test_write_new_never_replaces_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    write_new(target, b"first")
    with pytest.raises(FileExistsError):
        write_new(target, b"second")
    assert target.read_bytes() == b"first"
    replace(target, b"third")
    assert target.read_bytes() == b"third"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
    mode = target.stat().st_mode & 0o777
    assert mode & 0o044 == 0o044 or os.name == "nt", oct(mode)  # readable by the web server, not 0600


def test_progress_updates_one_line_on_a_terminal_and_prints_lines_otherwise() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    progress = Progress(3, terminal)
    progress.step(1, "a.txt")
    progress.step(2, "b.txt")
    progress.clear()
    assert terminal.getvalue() == "\r\x1b[K[1/3] a.txt\r\x1b[K[2/3] b.txt\r\x1b[K"

    pipe = io.StringIO()
    progress = Progress(2, pipe)
    progress.step(1, "a.txt")
    progress.clear()
    assert pipe.getvalue() == "[1/2] a.txt\n"

    single = io.StringIO()
    Progress(1, single).step(1, "a.txt")
    assert single.getvalue() == ""


# --- the command ----------------------------------------------------------------------------------


def _page_facts(built: Built, url: str) -> dict[str, Any]:
    soup = built.html(url)
    article = soup.select_one("article")
    bullets = [
        li.get_text(" ", strip=True)
        for li in article.select("li")
        if not li.find_parent(["nav"]) and not li.find_parent(class_=["jisik-sources", "jisik-cards"])
    ]
    return {
        "title": soup.select_one("article h1").get_text(strip=True).rstrip("¶"),
        "h2": [h.get_text(strip=True).rstrip("¶") for h in article.select("h2")],
        "bullets": bullets,
        "figures": len(article.select("figure.jisik-figure")),
        "sources": [a["href"] for a in article.select("ol.jisik-sources a")],
        "chips": [a.get_text() for a in soup.select("nav.jisik-tags a.jisik-tag")],
        "text": text_of(soup),
    }


def test_imported_fixture_builds_like_the_hand_converted_article(
    project: SiteProject, tmp_path: Path
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "ai-burnout.txt").write_text(RAW, encoding="utf-8")
    result = jisik("import", "--date", "2026-11-27", str(raw), cwd=project.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "imported 1, skipped 0, failed 0"
    assert [p.name for p in (project.docs / "articles").iterdir()] == [IMPORTED_NAME]
    imported = project.build(strict=True)

    reference = SiteProject(tmp_path / "reference")
    reference.copy_real_article()
    expected = reference.build(strict=True)

    got = _page_facts(imported, f"articles/{IMPORTED_NAME.removesuffix('.md')}/")
    want = _page_facts(expected, "articles/2026-11-27-ai-burnout/")
    assert got["title"] == TITLE
    assert len(got["h2"]) >= 9 and len(got["bullets"]) == 6
    assert got["figures"] == 4 and len(got["sources"]) == 1 and len(got["chips"]) == 10
    assert got == want
    html = imported.path(f"articles/{IMPORTED_NAME.removesuffix('.md')}/").read_text(encoding="utf-8")
    for junk in DEFAULT_JUNK:
        assert junk not in html


def test_cp949_file_imports_to_the_same_markdown(tmp_path: Path) -> None:
    (tmp_path / "windows.txt").write_bytes(RAW.replace("•", "·").replace("\n", "\r\n").encode("cp949"))
    result = jisik("import", "--date", "2026-11-27", "-o", "out", "windows.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / IMPORTED_NAME).read_bytes() == convert(RAW, date=DATE).markdown.encode()


def test_importing_twice_changes_nothing_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(RAW, encoding="utf-8")
    first = jisik("import", "--date", "2026-11-27", "-o", "out", "a.txt", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = snapshot(tmp_path / "out")
    second = jisik("import", "--date", "2026-11-27", "-o", "out", "a.txt", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert snapshot(tmp_path / "out") == before
    assert f"skipped a.txt: an article with this title already exists: out/{IMPORTED_NAME}" in second.stdout
    assert second.stdout.splitlines()[-1] == "imported 0, skipped 1, failed 0"


def test_force_replaces_the_same_article_but_never_another(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    # an unrelated article already holds the file name the import would get
    (out / IMPORTED_NAME).write_text("---\ndate: 2026-11-27\n---\n\n# 다른 글\n\n본문.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(RAW, encoding="utf-8")
    first = jisik("import", "--date", "2026-11-27", "-o", "out", "a.txt", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    second_name = IMPORTED_NAME.replace(".md", "-2.md")
    assert "# 다른 글" in (out / IMPORTED_NAME).read_text(encoding="utf-8")
    assert (out / second_name).read_text(encoding="utf-8") == convert(RAW, date=DATE).markdown

    (tmp_path / "a.txt").write_text(RAW.replace("마치며", "맺으며"), encoding="utf-8")
    forced = jisik("import", "--force", "--date", "2026-11-27", "-o", "out", "a.txt", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert f"replaced a.txt → out/{second_name}" in forced.stdout
    assert "## 맺으며" in (out / second_name).read_text(encoding="utf-8")
    assert "# 다른 글" in (out / IMPORTED_NAME).read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == sorted([IMPORTED_NAME, second_name])


def test_batch_goes_on_after_a_bad_file_and_fails_at_the_end(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "1-good.txt").write_text("첫 번째 글\n\n2026-01-02\n\n본문입니다.\n", encoding="utf-8")
    (raw / "2-bad.txt").write_bytes("café au lait\n".encode("latin-1"))
    (raw / "3-windows.TXT").write_bytes("두 번째 글\r\n\r\n본문입니다.\r\n".encode("cp949"))
    (raw / "4-same-title.txt").write_text("첫 번째 글\n\n다른 본문입니다.\n", encoding="utf-8")
    (raw / "notes.md").write_text("# 텍스트 파일이 아님\n", encoding="utf-8")
    result = jisik("import", "--date", "2026-01-02", "-o", "out", "raw", cwd=tmp_path)
    assert result.returncode == 1
    assert "failed raw/2-bad.txt: not UTF-8 or CP949/EUC-KR text" in result.stderr
    assert "Traceback" not in result.stderr
    assert "skipped raw/4-same-title.txt: an article with this title imported earlier in this batch" in (
        result.stdout
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "2026-01-02-cheot-beonjjae-geul.md",
        "2026-01-02-du-beonjjae-geul.md",
    ]
    progress = [line for line in result.stderr.splitlines() if line.startswith("[")]
    assert progress == [
        "[1/4] 1-good.txt",
        "[2/4] 2-bad.txt",
        "[3/4] 3-windows.TXT",
        "[4/4] 4-same-title.txt",
    ]
    assert result.stdout.splitlines()[-1] == "imported 2, skipped 1, failed 1"


def test_junk_file_adds_lines_to_drop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(RAW + "\n\n구독과 좋아요 부탁드립니다\n", encoding="utf-8")
    (tmp_path / "junk.txt").write_text("구독과 좋아요 부탁드립니다\n", encoding="utf-8")
    result = jisik(
        "import", "--junk-file", "junk.txt", "--date", "2026-11-27", "-o", "o", "a.txt", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "o" / IMPORTED_NAME).read_text(encoding="utf-8")
    assert "구독과" not in text and "Leave a Comment" not in text


def test_undated_import_says_it_used_today(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("날짜 없는 글\n\n본문입니다.\n", encoding="utf-8")
    result = jisik("import", "-o", "o", "a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    today = today_in("Asia/Seoul").isoformat()
    assert f"note: no date in the text; dated today, {today}" in result.stdout
    assert (tmp_path / "o" / f"{today}-naljja-eopneun-geul.md").exists()


def test_bad_arguments_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("제목\n", encoding="utf-8")
    bad_date = jisik("import", "--date", "2026-13-45", "-o", "o", "a.txt", cwd=tmp_path)
    assert bad_date.returncode == 2 and "--date" in bad_date.stderr
    no_docs = jisik("import", "a.txt", cwd=tmp_path)
    assert no_docs.returncode == 2 and "-o DIR" in no_docs.stderr
    assert not (tmp_path / "o").exists()


def test_missing_file_fails_without_stopping_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("있는 글\n\n본문입니다.\n", encoding="utf-8")
    result = jisik("import", "--date", "2026-01-02", "-o", "o", "nope.txt", "a.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert "failed nope.txt" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "o" / "2026-01-02-itneun-geul.md").exists()


# --- jisik new ------------------------------------------------------------------------------------


def test_new_writes_a_skeleton_dated_today_and_refuses_a_second_one(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    result = jisik("new", "AI 번아웃: 다음 이야기", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    today = today_in("Asia/Seoul")
    path = tmp_path / "docs" / "articles" / f"{today.isoformat()}-ai-beonaut-daeum-iyagi.md"
    assert result.stdout.strip() == str(path.relative_to(tmp_path))
    text = path.read_text(encoding="utf-8")
    assert text == skeleton("AI 번아웃: 다음 이야기", today, draft=True)
    article = parse_article(text, "x.md")
    assert article.draft  # the empty skeleton is not published until the writer says so
    assert article.title == "AI 번아웃: 다음 이야기" and article.date is not None
    assert article.date.date() == today and article.related_slot and article.problems == ()
    assert article.summary == ""  # the guide comment is not a summary

    again = jisik("new", "AI 번아웃: 다음 이야기", cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert path.read_text(encoding="utf-8") == text
    assert len(list(path.parent.iterdir())) == 1


def test_new_skeleton_builds_without_warnings(project: SiteProject) -> None:
    (project.docs / "articles").mkdir()
    (project.docs / "articles" / "new.md").write_text(skeleton("새 글 <제목>", DATE), encoding="utf-8")
    built = project.build(strict=True)
    soup = built.html("articles/new/")
    assert soup.select_one("article h1").get_text(strip=True).rstrip("¶") == "새 글 <제목>"
    assert "첫 문단이" not in text_of(soup)


def test_ctrl_c_right_after_the_temporary_file_is_made_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl-C (a real SIGINT) that arrives just as the temporary file has been created: `jisik import`
    stops with 130 and no empty `.….tmp` is left in the output folder."""
    import signal
    import threading

    from jisik.cli import main

    (tmp_path / "a.txt").write_text(RAW, encoding="utf-8")
    real_open = os.open
    sent: list[str] = []

    def open_then_interrupt(path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
        fd = real_open(path, flags, mode, **kwargs)
        if str(path).endswith(".tmp") and not sent:
            sent.append(str(path))
            os.kill(os.getpid(), signal.SIGINT)  # delivered at once unless held
        return fd

    # Another thread that does not hold signals (a server, a browser driver): the system may deliver the
    # signal to it, and Python still raises KeyboardInterrupt in the main thread.
    done = threading.Event()
    other = threading.Thread(target=done.wait, daemon=True)
    other.start()
    monkeypatch.setattr(os, "open", open_then_interrupt)
    try:
        code = main(["import", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--date", "2026-11-27"])
    finally:
        monkeypatch.undo()
        done.set()
    assert sent and code == 130
    assert [p.name for p in (tmp_path / "out").iterdir()] == []


@pytest.mark.parametrize(
    "start", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!--", "> quoted"]
)
def test_a_prompt_line_starting_with_markup_stays_prompt_text(project: SiteProject, start: str) -> None:
    """Imported text is text, prompts included: a prompt whose second line starts with raw HTML (or a
    quote marker) is one prompt figure showing that text, and nothing runs."""
    prompt = (
        f"A cinematic robot in a bright laboratory holding a sign\n{start} with words, golden light, 16:9"
    )
    raw = f"로봇 이야기\n\n첫 문단은 한국어 본문입니다.\n\n{prompt}\n\n출처: https://example.com/a\n\n#로봇\n"
    result = convert(raw, date=DATE)
    project.write(f"articles/{result.filename}", result.markdown)
    built = project.build(strict=True)
    soup = built.html(f"articles/{result.filename[:-3]}/")
    figures = soup.select("article figure.jisik-figure")
    assert [" ".join(f.select_one(".jisik-prompt").get_text().split()) for f in figures] == [
        " ".join(prompt.rsplit(",", 1)[0].split())
    ]
    assert not [s for s in soup.find_all("script") if "alert" in (s.string or "")]
    assert not soup.select("img[src=x]")
