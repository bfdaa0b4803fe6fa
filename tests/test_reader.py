"""What a Korean reader meets on built pages: the date line, link-preview meta (read back with two
HTML parsers), the reading order, the home page, accessible figures and related lists, and feed content
that reads well without the site's CSS."""

from __future__ import annotations

import html.parser
import struct
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jisik.head.opengraph import og_locale
from support import Built, SiteProject, png

SITE = "https://example.org/kb/"
PROMPT = "A quiet library at night with warm lamps and rows of old books, cinematic, 4:3"
NS = {"content": "http://purl.org/rss/1.0/modules/content/"}


class _MetaReader(html.parser.HTMLParser):
    """The standard library's HTML tokenizer: a second, independent reading of `<head>` meta."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        key = found.get("property") or found.get("name")
        if tag == "meta" and key and (key.startswith(("og:", "article:", "twitter:"))):
            self.meta.append((key, found.get("content") or ""))


def preview_meta(built: Built, url: str) -> list[tuple[str, str]]:
    """(name, content) of every Open Graph / Twitter element, as lxml reads them; the stdlib parser
    must read exactly the same."""
    text = built.path(url).read_text(encoding="utf-8")
    soup = BeautifulSoup(text, "lxml")
    found = [
        (str(m.get("property") or m.get("name")), str(m.get("content")))
        for m in soup.select("head meta")
        if str(m.get("property") or m.get("name") or "").startswith(("og:", "article:", "twitter:"))
    ]
    reader = _MetaReader()
    reader.feed(text)
    assert reader.meta == found, "two HTML parsers read the meta differently"
    return found


def one(meta: list[tuple[str, str]], name: str) -> str | None:
    values = [content for key, content in meta if key == name]
    assert len(values) <= 1, f"{name} written {len(values)} times"
    return values[0] if values else None


def all_of(meta: list[tuple[str, str]], name: str) -> list[str]:
    return [content for key, content in meta if key == name]


def _site(project: SiteProject) -> Built:
    project.article(
        "articles/old.md",
        "오래된 글",
        date="2026-01-05",
        tags=["독서", "R&D"],
        body=f"도서관에서 읽은 책 이야기입니다.\n\n{PROMPT}\n\n출처: https://example.com/책/이야기\n",
    )
    project.article(
        "articles/mid.md",
        "중간 글",
        date="2026-02-10",
        tags=["독서"],
        extra="updated: 2026-03-01 10:30",
        body="중간에 쓴 글입니다. " * 200,
    )
    project.article("articles/new.md", "새 글", date="2026-03-20", tags=["독서", "C#"])
    project.tree({"assets/prompts/old-1.png": png(64, 48)})
    project.write("about.md", "---\narticle: false\n---\n\n# 소개\n\n이 사이트를 소개합니다.\n")
    project.config["site_description"] = "테스트용 지식 베이스"
    return project.build(strict=True)


@pytest.fixture
def site(project: SiteProject) -> Built:
    return _site(project)


# --- the date line --------------------------------------------------------------------------------


def test_article_shows_its_dates_and_reading_time_under_the_title(site: Built) -> None:
    soup = site.html("articles/mid/")
    byline = soup.select_one("article h1 + .jisik-byline")
    assert byline is not None, "no date line right under the title"
    times = byline.select("time")
    assert [t["datetime"] for t in times] == ["2026-02-10T00:00:00+09:00", "2026-03-01T10:30:00+09:00"]
    assert [t.get_text() for t in times] == ["2026년 2월 10일", "2026년 3월 1일"]
    text = " ".join(byline.get_text(" ").split())
    assert "수정 2026년 3월 1일" in text
    # "중간에 쓴 글입니다. " × 200 = 1,800 characters without spaces: 4 minutes at 500 a minute
    assert "읽는 데 4분" in text
    short = site.html("articles/new/").select_one(".jisik-byline")
    assert "읽는 데 1분" in short.get_text() and "수정" not in short.get_text()


def test_reading_speed_is_a_setting(project: SiteProject) -> None:
    project.plugin_options = {"reading": {"characters_per_minute": 100}}
    project.article("a.md", "글", body="가나다라마바사아자차 " * 50)  # 500 characters
    built = project.build(strict=True)
    assert "읽는 데 5분" in built.html("a/").select_one(".jisik-byline").get_text()


def test_reading_time_counts_the_body_not_chips_or_related_lists(project: SiteProject) -> None:
    project.plugin_options = {"reading": {"characters_per_minute": 40}, "related": {"append": True}}
    tags = [f"아주긴태그이름{n}번째" for n in range(12)]
    project.article("a.md", "글", tags=tags, body="가나다라마바사아자차 " * 4)  # 40 characters
    project.article("b.md", "관련된 아주 긴 제목의 다른 글 " * 3, tags=tags)
    byline = project.build(strict=True).html("a/").select_one(".jisik-byline").get_text()
    assert "읽는 데 1분" in byline


@pytest.mark.parametrize(
    ("date", "updated", "shown"),
    [
        ("2026-02-10 09:00", "2026-02-10 18:30", None),  # fixed later the same day: not news
        ("2026-02-10", "2026-02-10", None),
        ("2026-02-10 23:00", "2026-02-11 00:30", "2026년 2월 11일"),  # the next day, by the site's clock
        ("2026-02-10", "2026-02-12", "2026년 2월 12일"),
    ],
)
def test_the_updated_date_shows_only_when_it_is_another_day(
    project: SiteProject, date: str, updated: str, shown: str | None
) -> None:
    project.write("a.md", f"---\ndate: {date}\nupdated: {updated}\n---\n\n# 글\n\n본문입니다.\n")
    byline = project.build(strict=True).html("a/").select_one(".jisik-byline")
    times = [t.get_text() for t in byline.select("time")]
    assert times == (["2026년 2월 10일"] + ([shown] if shown else []))
    assert ("수정" in byline.get_text()) == (shown is not None)


def test_undated_article_has_no_date_line(project: SiteProject) -> None:
    project.plugin_options = {"articles": {"git_dates": False}}
    project.article("a.md", "날짜 없는 글", date=None)
    built = project.build()
    assert built.html("a/").select_one(".jisik-byline") is None


# --- link previews --------------------------------------------------------------------------------


def test_article_has_the_full_open_graph_set(site: Built) -> None:
    meta = preview_meta(site, "articles/old/")
    soup = site.html("articles/old/")
    assert one(meta, "og:type") == "article"
    assert one(meta, "og:title") == "오래된 글"
    assert one(meta, "og:description") == soup.select_one('meta[name="description"]')["content"]
    assert one(meta, "og:url") == SITE + "articles/old/"
    assert one(meta, "og:site_name") == "지식 테스트"
    assert one(meta, "og:locale") == "ko_KR"
    assert one(meta, "article:published_time") == "2026-01-05T00:00:00+09:00"
    assert one(meta, "article:modified_time") == "2026-01-05T00:00:00+09:00"
    chips = [a.get_text()[1:] for a in soup.select("nav.jisik-tags .jisik-tag")]
    assert all_of(meta, "article:tag") == chips == ["독서", "R&D"]
    image = one(meta, "og:image")
    assert image == SITE + "assets/prompts/old-1.png"
    assert site.path(urlsplit(image).path.removeprefix("/kb/")).is_file()  # it is published there
    assert (one(meta, "og:image:width"), one(meta, "og:image:height")) == ("64", "48")  # the file's
    assert one(meta, "og:image:alt") == PROMPT.rsplit(", ", 1)[0]
    assert one(meta, "og:image:type") == "image/png"
    assert one(meta, "twitter:card") == "summary_large_image"
    modified = preview_meta(site, "articles/mid/")
    assert one(modified, "article:modified_time") == "2026-03-01T10:30:00+09:00"
    assert one(modified, "og:image") is None and one(modified, "twitter:card") == "summary"


@pytest.mark.parametrize(
    "url", ["", "tags/", "tags/%EB%8F%85%EC%84%9C/", "archive/", "sources/", "about/", "page-that-is-404"]
)
def test_other_pages_have_the_site_level_subset(site: Built, url: str) -> None:
    if url == "page-that-is-404":
        assert not preview_meta(site, "404.html")  # Material's 404 page is not a page of the site
        return
    meta = preview_meta(site, url)
    soup = site.html(url)
    assert one(meta, "og:type") == "website"
    assert one(meta, "og:site_name") == "지식 테스트" and one(meta, "og:locale") == "ko_KR"
    assert one(meta, "og:url") == SITE + url
    title = soup.title.get_text()
    expected = "지식 테스트" if url == "" else title.rsplit(" - ", 1)[0]
    assert one(meta, "og:title") == expected
    assert one(meta, "og:description") == soup.select_one('meta[name="description"]')["content"]
    assert one(meta, "og:description") == "테스트용 지식 베이스"
    assert one(meta, "twitter:card") == "summary"
    assert not [key for key, _ in meta if key.startswith("article:")]


TITLES = [
    'He said "그만" 이라고',
    "<script>alert('x')</script> 제목",
    "R&D 와 AT&amp;T 이야기",
    "</title><meta property=og:title content=가짜>",
    "작은따옴표 ' 와 백슬래시 \\ 와 `코드`",
]


@pytest.mark.parametrize("title", TITLES)
def test_preview_text_reads_back_exactly_as_the_title(project: SiteProject, title: str) -> None:
    quoted = title.replace("\\", "\\\\").replace('"', '\\"')
    project.write(
        "articles/x.md",
        f'---\ndate: 2026-01-01\ntitle: "{quoted}"\ndescription: "{quoted} 설명"\n---\n\n'
        "본문 문단입니다.\n\n#태그\n",
    )
    built = project.build()
    meta = preview_meta(built, "articles/x/")
    assert one(meta, "og:title") == title
    assert one(meta, "og:description") == f"{title} 설명"
    soup = built.html("articles/x/")
    injected = [m for m in soup.select("meta") if m.get("content") == "가짜"]
    assert not injected, "a title wrote its own element"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(alphabet=st.sampled_from("가나 \"'<>&;/=#ab"), min_size=1, max_size=20))
def test_any_title_round_trips_through_the_meta(tmp_path_factory: pytest.TempPathFactory, title: str) -> None:
    if not title.strip() or title.strip().startswith("#"):
        return
    project = SiteProject(tmp_path_factory.mktemp("og") / "project")
    quoted = title.replace("\\", "\\\\").replace('"', '\\"')
    project.write("articles/x.md", f'---\ndate: 2026-01-01\ntitle: "{quoted}"\n---\n\n본문 문단입니다.\n')
    built = project.build()
    assert one(preview_meta(built, "articles/x/"), "og:title") == " ".join(title.split())


@pytest.mark.parametrize("tag", ["R&D", "C#", "<b>굵게</b>", 'say"hi"', "AT&amp;T"])
def test_tag_page_preview_names_the_tag_exactly(project: SiteProject, tag: str) -> None:
    quoted = tag.replace('"', '\\"')
    project.write("a.md", f'---\ndate: 2026-01-01\ntags: ["{quoted}"]\n---\n\n# 글\n\n본문.\n')
    built = project.build()
    chip = built.html("a/").select_one("nav.jisik-tags a.jisik-tag")
    assert chip.get_text() == f"#{tag}"
    tag_url = built.follow("a/", chip["href"])
    meta = preview_meta(built, tag_url)
    assert one(meta, "og:title") == f"#{tag}"
    assert one(meta, "og:type") == "website"
    assert all_of(preview_meta(built, "a/"), "article:tag") == [tag]


def test_own_page_description_reads_back_exactly(project: SiteProject) -> None:
    project.write(
        "about.md",
        '---\narticle: false\ntitle: "소개 <b>페이지</b>"\n'
        'description: "\\"따옴표\\" & <설명>"\n---\n\n본문.\n',
    )
    meta = preview_meta(project.build(), "about/")
    assert one(meta, "og:title") == "소개 <b>페이지</b>"
    assert one(meta, "og:description") == '"따옴표" & <설명>'


def _header(kind: str, width: int, height: int) -> bytes:
    """The first bytes of an image file, as each format writes its size."""
    if kind == "gif":
        return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00" * 20
    if kind == "jpg":
        app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + b"\x00" * 9
        sof = b"\xff\xc0" + struct.pack(">HBHH", 17, 8, height, width) + b"\x03" + b"\x00" * 9
        return b"\xff\xd8" + app0 + sof + b"\xff\xd9"
    if kind == "webp":
        chunk = b"VP8X" + struct.pack("<I", 10) + b"\x00" * 4
        chunk += (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
        return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk
    if kind == "avif":
        ftyp = struct.pack(">I", 20) + b"ftypavif" + b"\x00" * 8
        ispe = struct.pack(">I", 20) + b"ispe" + b"\x00" * 4 + struct.pack(">II", width, height)
        return ftyp + b"\x00" * 40 + ispe
    return png(width, height)


@pytest.mark.parametrize("kind", ["png", "gif", "jpg", "webp", "avif", "broken"])
def test_preview_image_size_is_read_from_the_file(project: SiteProject, kind: str) -> None:
    project.article("a.md", "글", body=f"본문입니다.\n\n{PROMPT}")
    folder = project.docs / "assets" / "prompts"
    folder.mkdir(parents=True)
    ext = "png" if kind == "broken" else kind
    (folder / f"a-1.{ext}").write_bytes(b"not an image" if kind == "broken" else _header(kind, 321, 123))
    if kind == "gif":  # not one of the formats prompts bind; an explicit `image:` option does
        project.article(
            "a.md",
            "글",
            body="본문입니다.\n\n/// prompt | 4:3\n    image: assets/prompts/a-1.gif\n\nA cat\n///\n",
        )
    meta = preview_meta(project.build(), "a/")
    assert one(meta, "og:image") == f"{SITE}assets/prompts/a-1.{ext}"
    size = (one(meta, "og:image:width"), one(meta, "og:image:height"))
    assert size == ((None, None) if kind == "broken" else ("321", "123"))  # unknown: left out, not guessed


def _png_header(width: int, height: int) -> bytes:
    """A PNG's signature and IHDR chunk (any 32-bit size, as a corrupt file can claim)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + b"\x00" * 4


@pytest.mark.parametrize(
    ("kind", "width", "height"),
    [
        ("png", 4294967295, 10),
        ("png", 10, 2147483648),
        ("png", 0, 10),
        ("avif", 4294967295, 4294967295),
        ("avif", 70000, 10),
        ("webp", 16777216, 10),
        ("png", 65536, 1),
    ],
)
def test_a_size_no_image_has_is_left_out_of_the_preview(
    project: SiteProject, kind: str, width: int, height: int
) -> None:
    """A header that claims billions of pixels (a corrupt or hostile file) gives no size, not a lie."""
    project.article("a.md", "글", body=f"본문입니다.\n\n{PROMPT}")
    folder = project.docs / "assets" / "prompts"
    folder.mkdir(parents=True)
    data = _png_header(width, height) if kind == "png" else _header(kind, width, height)
    (folder / f"a-1.{kind}").write_bytes(data)
    meta = preview_meta(project.build(), "a/")
    assert one(meta, "og:image") == f"{SITE}assets/prompts/a-1.{kind}"
    assert (one(meta, "og:image:width"), one(meta, "og:image:height")) == (None, None)


@pytest.mark.parametrize(
    ("language", "locale"),
    [
        ("ko", "ko_KR"),
        ("zh-Hant", "zh_TW"),
        ("zh-TW", "zh_TW"),
        ("pt-BR", "pt_BR"),
        ("ku-IQ", "ku_IQ"),
        ("sr", None),
    ],
)
def test_og_locale_is_language_and_territory(project: SiteProject, language: str, locale: str | None) -> None:
    """Every language Material offers gives `language_TERRITORY` or no og:locale, never `zh_HANT`."""
    project.config["theme"]["language"] = language
    project.article("a.md", "글")
    built = project.build()
    assert one(preview_meta(built, "a/"), "og:locale") == locale


@pytest.mark.parametrize(
    ("language", "locale"),
    [
        ("en-GB", "en_GB"),
        ("zh-Hans", "zh_CN"),
        ("zh-Hant-HK", "zh_HK"),
        ("zh_tw", "zh_TW"),
        ("sr-Latn", None),
        ("es-419", None),
        ("", None),
        ("-", None),
        ("한국어", None),
    ],
)
def test_og_locale_of_any_language_tag(language: str, locale: str | None) -> None:
    assert og_locale(language) == locale


def test_no_site_url_means_no_relative_urls_in_previews(project: SiteProject) -> None:
    project.config["site_url"] = None
    project.article("a.md", "글", body=f"본문입니다.\n\n{PROMPT}")
    project.tree({"assets/prompts/a-1.png": png(10, 10)})
    built = project.build()
    meta = preview_meta(built, "a/")
    assert one(meta, "og:title") == "글"
    assert one(meta, "og:url") is None and one(meta, "og:image") is None


def test_open_graph_can_be_turned_off(project: SiteProject) -> None:
    project.plugin_options = {"head": {"open_graph": False}}
    project.article("a.md", "글")
    assert preview_meta(project.build(strict=True), "a/") == []


# --- reading order --------------------------------------------------------------------------------


def _walk(built: Built, start: str, direction: str) -> list[str]:
    seen = [start]
    url = start
    while True:
        link = built.html(url).select_one(f"nav.jisik-neighbours a[rel={direction}]")
        if link is None:
            return seen
        url = built.follow(url, link["href"])
        assert url not in seen, f"the {direction} links loop at {url}"
        seen.append(url)


def _archive(built: Built) -> list[str]:
    return [built.follow("archive/", a["href"]) for a in built.html("archive/").select("a.jisik-card__title")]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    dates=st.lists(
        st.one_of(st.none(), st.dates().map(lambda d: d.replace(year=2026).isoformat())),
        min_size=1,
        max_size=6,
    )
)
def test_previous_and_next_walk_every_article_in_archive_order(
    tmp_path_factory: pytest.TempPathFactory, dates: list[str | None]
) -> None:
    """Equal dates, undated articles and drafts included: 이전 글 from the newest reaches every listed
    article once, in the archive's order, and 다음 글 walks back."""
    project = SiteProject(tmp_path_factory.mktemp("order") / "project")
    project.plugin_options = {"articles": {"git_dates": False}}
    for number, date in enumerate(dates):
        project.article(f"a{number}.md", f"글 {number}", date=date)
    project.article("draft.md", "초안", draft=True)
    built = project.build()
    archive = _archive(built)
    assert len(archive) == len(dates)
    assert _walk(built, archive[0], "prev") == archive
    assert _walk(built, archive[-1], "next") == archive[::-1]
    first = built.html(archive[0]).select_one("nav.jisik-neighbours")
    if len(archive) == 1:
        assert first is None
    else:
        assert first.select_one("a[rel=next]") is None
        older = first.select_one("a[rel=prev]")
        assert older.select_one("span").get_text() == "이전 글"
        assert older.get_text() == "이전 글" + built.html(archive[1]).title.get_text().rsplit(" - ", 1)[0]


# --- the home page --------------------------------------------------------------------------------


def test_home_shows_most_used_tags_with_counts_linking_to_their_pages(site: Built) -> None:
    home = site.html("")
    aside = home.select_one(".jisik-home__tags")
    assert aside is not None
    shown = []
    for link in aside.select("a.jisik-tag"):
        name = link.contents[0].strip()
        count = int(link.select_one(".jisik-count").get_text())
        tag_page = site.html(site.follow("", link["href"]))
        assert tag_page.select_one("article h1").get_text().split("¶")[0].strip() == name
        assert len(tag_page.select("a.jisik-card__title")) == count  # the count is the page's list
        shown.append((name, count))
    assert shown == [("#독서", 3), ("#C#", 1), ("#R&D", 1)]  # most used first, ties as on tags/
    assert site.follow("", aside.select_one(".jisik-home__all-tags a")["href"]) == "tags/"


def test_home_cards_show_their_tags_and_bound_image(site: Built) -> None:
    home = site.html("")
    cards = {c.select_one("a.jisik-card__title").get_text(): c for c in home.select("li.jisik-card")}
    old = cards["오래된 글"]
    assert [a.get_text() for a in old.select(".jisik-card__tags a.jisik-tag")] == ["#독서", "#R&D"]
    for link in old.select(".jisik-card__tags a"):
        assert site.path(site.follow("", link["href"])).is_file()
    image = old.select_one("img.jisik-card__image")
    assert site.path(site.follow("", image["src"])).read_bytes() == png(64, 48)
    assert image["alt"] == ""  # the title beside it says what it is; the prompt is not read again
    assert cards["새 글"].select_one("img") is None


def test_home_tags_ties_follow_the_all_tags_order(project: SiteProject) -> None:
    project.article("a.md", "가", tags=["zeta", "한글", "가을", "Alpha", "많이"])
    project.article("b.md", "나", tags=["많이"])
    built = project.build(strict=True)
    home = [a.contents[0].strip() for a in built.html("").select(".jisik-home__tags a.jisik-tag")]
    page = [a.get_text() for a in built.html("tags/").select("a.jisik-tag")]
    assert home[0] == "#많이"
    assert home[1:] == [name for name in page if name != "#많이"]  # 가을, 한글, Alpha, zeta


def test_home_tags_setting_limits_and_hides_them(project: SiteProject) -> None:
    project.plugin_options = {"home": {"tags": 1}}
    project.article("a.md", "가", tags=["하나", "둘"])
    project.article("b.md", "나", tags=["하나"])
    built = project.build(strict=True)
    assert [a.contents[0].strip() for a in built.html("").select(".jisik-home__tags a.jisik-tag")] == [
        "#하나"
    ]
    project.plugin_options = {"home": {"tags": 0}}
    assert project.build(strict=True).html("").select_one(".jisik-home__tags") is None


# --- accessibility ----------------------------------------------------------------------------------


def test_image_alt_in_english_carries_lang_en_and_a_korean_alt_does_not(project: SiteProject) -> None:
    project.article(
        "a.md",
        "그림 글",
        body=(
            f"본문입니다.\n\n{PROMPT}\n\n"
            "/// prompt | 16:9\n    image: img/b.png\n    alt: 밤의 서울\n\nA night skyline of Seoul\n///\n\n"
            "/// prompt | 1:1\n    image: img/c.png\n    alt: A cat on a roof\n\n"
            "A cat sitting on a roof\n///\n"
        ),
    )
    project.tree({"assets/prompts/a-1.png": png(8, 6), "img/b.png": png(16, 9), "img/c.png": png(4, 4)})
    images = project.build(strict=True).html("a/").select("figure.jisik-figure img")
    assert [(i["alt"], i.get("lang")) for i in images] == [
        (PROMPT.rsplit(", ", 1)[0], "en"),
        ("밤의 서울", None),
        ("A cat on a roof", "en"),
    ]


@pytest.mark.parametrize("heading", ["함께 보면 좋은 글", "더 읽을거리"])
@pytest.mark.parametrize("append", [False, True])
def test_related_list_is_named_by_its_heading(project: SiteProject, heading: str, append: bool) -> None:
    project.plugin_options = {"related": {"heading": heading, "append": append}}
    body = "본문입니다." if append else f"본문입니다.\n\n## {heading}"
    project.article("a.md", "가", tags=["공통"], body=body)
    project.article("b.md", "나", tags=["공통"], body=body)
    section = project.build(strict=True).html("a/").select_one("section.jisik-related")
    assert section["aria-label"] == heading


def test_long_prompt_fold_keeps_a_summary_for_both_states(project: SiteProject) -> None:
    long_prompt = "A very long prompt about a city " * 12 + "at night, 16:9"
    project.article("a.md", "긴 프롬프트", body=f"본문입니다.\n\n{long_prompt}")
    fold = project.build(strict=True).html("a/").select_one("details.jisik-prompt__fold")
    summary = fold.select_one("summary")
    assert summary.select_one(".jisik-prompt__preview")["lang"] == "en"
    assert summary.select_one(".jisik-prompt__less").get_text() == "접기"


# --- feed content ---------------------------------------------------------------------------------


def _encoded(built: Built, title: str) -> BeautifulSoup:
    channel = ET.parse(built.site_dir / "feed.xml").getroot().find("channel")
    assert channel is not None
    item = next(i for i in channel.iterfind("item") if i.findtext("title") == title)
    return BeautifulSoup(item.findtext("content:encoded", "", NS), "lxml")


def test_feed_content_reads_well_without_css(project: SiteProject) -> None:
    project.write(
        "articles/a.md",
        """---
date: 2026-01-02
sources:
  - {url: "https://techcrunch.com/x", title: "Silicon Valley's Epstein problem"}
  - "https://www.boho.or.kr/보안"
---

# 출처가 있는 글

본문 문단입니다.

출처: KISA 안내 https://www.kisa.or.kr/

## 함께 보면 좋은 글

#보안
""",
    )
    project.article("articles/b.md", "다른 글", tags=["보안"])
    built = project.build(strict=True)
    content = _encoded(built, "출처가 있는 글")
    text = " ".join(content.get_text().split())
    assert "Silicon Valley's Epstein problem — techcrunch.com" in text
    assert "— boho.or.kr" in text and "KISA 안내 — kisa.or.kr" in text
    headings = [h.get_text().strip() for h in content.select("h1, h2, h3, h4, h5, h6")]
    assert "함께 보면 좋은 글" not in headings, "a heading over nothing"
    assert "출처" in headings
    # the page itself keeps the heading, with the list under it
    page = built.html("articles/a/")
    assert page.select_one("h2 + section.jisik-related a.jisik-card__title").get_text() == "다른 글"
    assert "Silicon Valley's Epstein problem — techcrunch.com" in " ".join(page.get_text().split())


def test_feed_keeps_the_related_heading_when_the_writer_wrote_under_it(project: SiteProject) -> None:
    project.article(
        "articles/a.md",
        "글",
        body="본문입니다.\n\n## 함께 보면 좋은 글\n\n직접 고른 글: 서울 이야기",
        tags=["x"],
    )
    built = project.build(strict=True)
    content = _encoded(built, "글")
    assert "함께 보면 좋은 글" in [h.get_text().strip() for h in content.select("h2")]
    assert "직접 고른 글" in content.get_text()


def test_long_prompt_fold_in_feeds_has_no_page_control_text(project: SiteProject) -> None:
    long_prompt = "A very long prompt about a city " * 12 + "at night, 16:9"
    project.article("a.md", "긴 프롬프트", body=f"본문입니다.\n\n{long_prompt}")
    content = _encoded(project.build(strict=True), "긴 프롬프트")
    assert "접기" not in content.get_text()


# --- Material's alternate-link fetch --------------------------------------------------------------


def test_every_feed_link_has_the_sitemap_material_fetches_beside_it(site: Built) -> None:
    """Material fetches `sitemap.xml` relative to every `<link rel=alternate>` of a page: on every
    page, that file exists (a tag feed's folder has its own sitemap of the tag's pages)."""
    checked = 0
    for index in site.site_dir.rglob("index.html"):
        url = index.parent.relative_to(site.site_dir).as_posix()
        url = "" if url == "." else url + "/"
        for link in site.html(url).select('link[rel="alternate"]'):
            target = urljoin(link["href"], "sitemap.xml")
            assert target.startswith(SITE), target
            path = site.site_dir / unquote(target[len(SITE) :])
            assert path.is_file(), f"{url}: {link['href']} → {target} is missing"
            root = ET.parse(path).getroot()
            locs = [e.text or "" for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
            folder = target.rsplit("/", 1)[0] + "/"
            assert locs and all(loc.startswith(folder) for loc in locs)  # the Sitemaps protocol's rule
            checked += 1
    assert checked > 10


# --- audit: hostile dates, values and image paths -------------------------------------------------

# HTML's "valid global date and time string" (what `<time datetime>` holds); Open Graph's times are
# ISO 8601 too, and neither has seconds in a UTC offset or more than 3 decimals of a second.
_VALID_DATETIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$"


@pytest.mark.parametrize(
    ("written", "instant"),
    [
        # Seoul's local mean time, +08:27:52, is read as +08:28 (RFC 822 and RFC 3339 hold whole minutes)
        ("1900-01-01", "1899-12-31T15:32:00+00:00"),
        ("1850-06-01 12:00", "1850-06-01T03:32:00+00:00"),
        ("2026-01-01 10:00:00.123456", "2026-01-01T01:00:00.123+00:00"),
        ("2026-01-01T10:00:00-05:00", "2026-01-01T15:00:00+00:00"),
        ("2026-01-01T10:00:00Z", "2026-01-01T10:00:00+00:00"),
    ],
)
def test_every_shown_time_is_a_valid_datetime_of_the_same_instant(
    project: SiteProject, written: str, instant: str
) -> None:
    """The date line, the cards of the home, tag and archive pages and the preview's article times:
    every machine-readable time is valid (no `+08:27:52` offset, no microseconds) and names the
    instant the writer gave."""
    import datetime as dt
    import json
    import re
    from email.utils import parsedate_to_datetime

    project.article("a.md", "글", date=written, tags=["태그"], extra=f"updated: '{written}'")
    project.article("b.md", "다른 글", date="2026-05-05", tags=["태그"])
    built = project.build(strict=True)
    expected = dt.datetime.fromisoformat(instant)
    seen = []
    for url in ("a/", "", "archive/", "tags/태그/"):
        for time in built.html(url).select("time[datetime]"):
            seen.append((url, time["datetime"]))
    meta = preview_meta(built, "a/")
    seen += [("a/ meta", value) for key, value in meta if key.endswith("_time")]
    for script in built.html("a/").select('script[type="application/ld+json"]'):
        data = json.loads(script.get_text())
        for node in data if isinstance(data, list) else [data]:
            seen += [("JSON-LD", node[k]) for k in ("datePublished", "dateModified") if k in node]
    for feed in ("feed.json", "tags/태그/feed.json"):
        for item in json.loads((built.site_dir / feed).read_text(encoding="utf-8"))["items"]:
            seen += [(feed, item[k]) for k in ("date_published", "date_modified") if k in item]
    assert {where for where, _ in seen} >= {
        "a/",
        "",
        "archive/",
        "tags/태그/",
        "a/ meta",
        "JSON-LD",
        "feed.json",
    }
    for where, value in seen:
        assert re.match(_VALID_DATETIME, value), f"{where}: {value!r} is not a valid datetime"
    mine = [v for _, v in seen if not v.startswith("2026-05-05")]
    assert mine and all(dt.datetime.fromisoformat(v) == expected for v in mine), mine
    # RSS: RFC 822 zones are `+hhmm` (no seconds), and the instant is the same
    for item in ET.parse(built.site_dir / "feed.xml").getroot().iter("item"):
        stamp = item.findtext("pubDate", "")
        assert re.search(r" (GMT|[+-]\d{4})$", stamp), stamp
    stamps = [
        parsedate_to_datetime(i.findtext("pubDate", ""))
        for i in ET.parse(built.site_dir / "feed.xml").iter("item")
    ]
    assert expected.replace(microsecond=0) in [s.replace(microsecond=0) for s in stamps], stamps


def test_updated_before_date_is_reported_and_not_shown(project: SiteProject) -> None:
    """`updated` earlier than `date` is a typo: the build names the line, and no output claims the
    article was modified before it was published (date line, Open Graph, JSON-LD, JSON Feed)."""
    import json

    project.article("a.md", "글", date="2026-03-01", extra="updated: 2026-02-01")
    built = project.build()
    assert any(w.startswith("jisik: docs/a.md:3: ") and "updated" in w for w in built.warnings), (
        built.warnings
    )
    page = built.html("a/")
    assert "수정" not in page.select_one(".jisik-byline").get_text()
    meta = preview_meta(built, "a/")
    assert one(meta, "article:modified_time") == one(meta, "article:published_time")
    ld = json.loads(page.select_one('script[type="application/ld+json"]').get_text())
    ld = next(d for d in (ld if isinstance(ld, list) else [ld]) if "datePublished" in d)
    assert ld["dateModified"] == ld["datePublished"]
    item = json.loads((built.site_dir / "feed.json").read_text(encoding="utf-8"))["items"][0]
    assert item.get("date_modified", item["date_published"]) == item["date_published"]


@pytest.mark.parametrize("key", ["title", "description"])
@pytest.mark.parametrize("value", ["[가, 나]", "{가: 1}", "[]", "{}"])
def test_a_list_or_map_where_text_belongs_is_reported_not_printed(
    project: SiteProject, key: str, value: str
) -> None:
    """`title: [가, 나]` is not a title: the build names the line (an error) and every output shows its
    items as text (`가, 나`; an empty one falls back to the heading and the summary), never `['가', '나']`."""
    project.article("a.md", "제목입니다", extra=f"{key}: {value}", body="요약 문단입니다.")
    built = project.build()
    assert any(w.startswith("jisik: docs/a.md:3: ") and key in w for w in built.warnings), built.warnings
    page = built.path("a/").read_text(encoding="utf-8")
    feed = (built.site_dir / "feed.xml").read_text(encoding="utf-8")
    for text in (page, feed, built.path("").read_text(encoding="utf-8")):
        assert "[&#39;" not in text and "['" not in text and "{&#39;" not in text and "{'" not in text
    meta = preview_meta(built, "a/")
    shown = {"[가, 나]": "가, 나", "{가: 1}": "1"}
    assert one(meta, "og:title") == (shown.get(value, "제목입니다") if key == "title" else "제목입니다")
    assert one(meta, "og:description") == (
        shown.get(value, "요약 문단입니다.") if key == "description" else "요약 문단입니다."
    )


_ODD_NAMES = ["a b.png", "a#b.png", "a?b.png", "a%20b.png", "따옴표'\".png", "a&b;c.png", "그림 1+2=3.png"]


def test_image_file_names_with_url_signs_load_from_every_page_that_shows_them(project: SiteProject) -> None:
    """A bound image whose file name holds a space, `#`, `?`, `%`, quotes, `&` or Hangul: the figure on
    the article, the home page's card and `og:image` each point at that very file (percent-encoded)."""
    project.config["site_url"] = SITE
    for number, name in enumerate(_ODD_NAMES):
        project.article(
            f"articles/a{number}.md",
            f"글 {number}",
            date=f"2026-01-{number + 1:02d}",
            body=f"본문.\n\n/// prompt | 4:3\n    image: ../img/{name}\n\nA cat on a mat {number}\n///\n",
        )
        (project.docs / "img").mkdir(exist_ok=True)
        (project.docs / "img" / name).write_bytes(png(40, 30))
    built = project.build()

    def target(page: str, src: str) -> str:
        url = urljoin(SITE + page, src)
        assert url.startswith(SITE) and not urlsplit(url).query and not urlsplit(url).fragment, (page, src)
        return unquote(urlsplit(url).path)[len(urlsplit(SITE).path) :]

    cards = built.html("").select(".jisik-card__image")
    assert len(cards) == len(_ODD_NAMES)
    for number, name in enumerate(_ODD_NAMES):
        page = f"articles/a{number}/"
        img = built.html(page).select_one("figure.jisik-figure img")
        assert img is not None, page
        assert target(page, img["src"]) == f"img/{name}"
        assert target("", cards[len(_ODD_NAMES) - 1 - number]["src"]) == f"img/{name}"
        assert target("", one(preview_meta(built, page), "og:image") or "") == f"img/{name}"
    feed = ET.parse(built.site_dir / "feed.xml").getroot()
    shown = set()
    for item in feed.iter("item"):
        content = BeautifulSoup(item.findtext("content:encoded", "", NS), "lxml")
        shown |= {target("", img["src"]) for img in content.select("img")}
    assert shown == {f"img/{name}" for name in _ODD_NAMES}


@pytest.mark.parametrize("extra", ["?ref=home", "#top", '?a=1&b="2"'])
def test_a_site_url_with_a_query_is_reported_and_previews_are_clean(project: SiteProject, extra: str) -> None:
    """`site_url: https://example.org/kb/?ref=home`: MkDocs appends page paths after the query
    (`…?ref=home/`); the build says so, and every preview URL is the page's own URL without it."""
    project.config["site_url"] = SITE + extra
    project.article("articles/a.md", "글", tags=["태그"], body=f"본문입니다.\n\n{PROMPT}")
    project.tree({"assets/prompts/a-1.png": png(40, 30)})
    built = project.build()
    assert any("site_url" in w and "mkdocs.yml" in w for w in built.warnings), built.warnings
    for url in ("", "articles/a/", "tags/", "archive/"):
        assert one(preview_meta(built, url), "og:url") == SITE + url
    assert one(preview_meta(built, "articles/a/"), "og:image") == SITE + "assets/prompts/a-1.png"


@pytest.mark.parametrize(
    ("section", "option", "value"),
    [
        ("reading", "characters_per_minute", 0),
        ("reading", "characters_per_minute", -300),
        ("reading", "characters_per_minute", True),
        ("home", "tags", -1),
        ("home", "tags", False),
    ],
)
def test_a_count_that_cannot_be_is_a_config_error(
    project: SiteProject, caplog: pytest.LogCaptureFixture, section: str, option: str, value: object
) -> None:
    """`characters_per_minute: 0` made every article `읽는 데 n분` with n its length; a negative
    `home.tags` hid the tags silently. The config names the option instead."""
    from mkdocs.exceptions import Abort

    project.plugin_options = {section: {option: value}}
    project.article("a.md", "글")
    with pytest.raises(Abort):
        project.build()
    assert f"'{option}'" in caplog.text and "at least" in caplog.text


@pytest.mark.parametrize(
    "image", ["../img/그림.svg", "https://cdn.example.com/a.svg?v=2", "../img/A.SVG", "../img/a#b.svg"]
)
def test_an_svg_image_is_shown_but_not_offered_to_link_previews(project: SiteProject, image: str) -> None:
    """Link previews (KakaoTalk, X, Facebook) do not draw SVG: the figure shows it, `og:image` stays
    out and the card is the plain `summary`, not a large image that never comes."""
    project.config["site_url"] = SITE
    body = f"본문입니다.\n\n/// prompt | 4:3\n    image: {image}\n\nA cat on a mat\n///\n"
    project.article("articles/a.md", "글", body=body)
    (project.docs / "img").mkdir()
    (project.docs / "img" / image.rsplit("/", 1)[-1]).write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    built = project.build()
    assert built.html("articles/a/").select_one("figure.jisik-figure img") is not None
    meta = preview_meta(built, "articles/a/")
    assert one(meta, "og:image") is None and one(meta, "og:image:alt") is None
    assert one(meta, "twitter:card") == "summary"


@pytest.mark.parametrize("tag", ["x" * 300, "가" * 100, "태그" * 60 + "#" * 40, "a b " * 80])
def test_a_very_long_tag_gets_a_page_the_home_page_links_to(project: SiteProject, tag: str) -> None:
    """A tag longer than a file name may be (255 bytes; 100 Hangul are 300) stopped the whole build
    with `File name too long`: its slug is cut, and the home page, the article's chip and its page agree."""
    project.config["site_url"] = SITE
    project.write("a.md", f'---\ndate: 2026-01-01\ntags: ["{tag}"]\n---\n\n# 글\n\n본문입니다.\n')
    project.article("b.md", "다른 글", tags=[tag.replace(" ", "")[:120]])
    built = project.build()
    for page in ("", "a/"):
        links = built.html(page).select("a.jisik-tag[rel=tag]")
        assert links, page
        for link in links:
            target = built.follow(page, link["href"])
            assert built.path(target).is_file(), (page, link["href"])
            assert len(unquote(target).encode()) < 255 + len("tags/") + 1


_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize("mark", list(_BIDI))
def test_direction_overrides_in_titles_and_tags_reach_no_output(project: SiteProject, mark: str) -> None:
    """`#‮역순` (U+202E, right-to-left override) in a tag reversed what follows it on the line, the
    home page's count included (`#순역 1` read as `1 순역`), and `보통‪` was a second tag beside
    `보통`. Titles, descriptions, tags and source titles keep everything but these, in every output."""
    project.config["site_url"] = SITE
    front = (
        f'title: "앞{mark}제목"\ndescription: "설명{mark}입니다"\n'
        f'tags: ["{mark}역순", "보통{mark}"]\n'
        f'sources:\n  - {{url: "https://example.com/", title: "출처{mark}"}}'
    )
    project.article("a.md", "", date="2026-01-02", extra=front, body="본문입니다.")
    project.write("a.md", project.docs.joinpath("a.md").read_text(encoding="utf-8").replace("# \n", ""))
    project.article("b.md", "다른 글", date="2026-01-01", tags=["보통"])
    built = project.build()
    found = [
        f"{path.relative_to(built.site_dir)}: …{text[max(0, at - 30) : at + 10]!r}"
        for path in built.site_dir.rglob("*")
        if path.suffix in (".html", ".xml", ".json")
        for text in [path.read_text(encoding="utf-8")]
        for at in [text.find(mark)]
        if at >= 0
    ]
    assert not found, found
    meta = preview_meta(built, "a/")
    assert one(meta, "og:title") == "앞제목" and one(meta, "og:description") == "설명입니다"
    assert sorted(all_of(meta, "article:tag")) == ["보통", "역순"]
    home = [a.get_text(" ", strip=True) for a in built.html("").select(".jisik-home__tags a.jisik-tag")]
    assert home == ["#보통 2", "#역순 1"]


@pytest.mark.parametrize("entry", ["[가, 나]", "{가: 1}", "[]", "{}"])
def test_a_list_or_map_inside_tags_is_reported_not_made_a_tag(project: SiteProject, entry: str) -> None:
    """`tags: [[가, 나], 보통]` made a tag named `['가', '나']` with its own page, chip, home-page entry
    and `article:tag`; it is reported and left out, the other tags stay."""
    project.config["site_url"] = SITE
    project.article("a.md", "글", extra=f"tags: [{entry}, 보통]")
    built = project.build()
    assert any(w.startswith("jisik: docs/a.md:3: ") and "tags" in w for w in built.warnings), built.warnings
    assert all_of(preview_meta(built, "a/"), "article:tag") == ["보통"]
    assert [a.get_text(" ", strip=True) for a in built.html("").select(".jisik-home__tags a.jisik-tag")] == [
        "#보통 1"
    ]
    for path in built.site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "[&#39;" not in text and "{&#39;" not in text and "#[]" not in text and "#{}" not in text, path


@pytest.mark.parametrize(
    "url",
    [
        "https://cdn.example.com/그림 1.png",
        'https://cdn.example.com/a"b<c>.png?x=1 2',
        "https://cdn.example.com/%EA%B0%80.png",
    ],
)
def test_an_absolute_image_url_is_a_valid_url_in_the_preview(project: SiteProject, url: str) -> None:
    """`image: https://cdn…/그림 1.png`: `og:image` is percent-encoded (a space or quote is no URL for a
    preview fetcher) and still names the same file; an already encoded URL is not encoded twice."""
    project.config["site_url"] = SITE
    project.article(
        "a.md", "글", body=f"본문입니다.\n\n/// prompt | 4:3\n    image: {url}\n\nA cat on a mat\n///\n"
    )
    shown = one(preview_meta(project.build(), "a/"), "og:image") or ""
    assert shown and not any(ch.isspace() or ch in '"<>' or ord(ch) > 127 for ch in shown), shown
    assert unquote(shown) == unquote(url)
